import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: TypeORM does not generate triggers. Published revisions never change and the audit log only
 * grows, whatever route or tool touches the database.
 */
export class ImmutableRecords1795538300000 implements MigrationInterface {
  name = 'ImmutableRecords1795538300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION "concord_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '% rows cannot be changed or removed', TG_TABLE_NAME; END $$`,
    );
    for (const table of ['revisions', 'audit_log']) {
      await queryRunner.query(`CREATE TRIGGER "${table}_immutable" BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION "concord_refuse_change"()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['revisions', 'audit_log']) await queryRunner.query(`DROP TRIGGER IF EXISTS "${table}_immutable" ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS "concord_refuse_change"()`);
  }
}
