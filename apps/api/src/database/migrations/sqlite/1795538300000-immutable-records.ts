import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: TypeORM does not generate triggers. Published revisions never change and the audit log only
 * grows, whatever route or tool touches the database.
 */
export class ImmutableRecords1795538300000 implements MigrationInterface {
  name = 'ImmutableRecords1795538300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, message] of [
      ['revisions', 'published revisions are immutable'],
      ['audit_log', 'the audit log is append-only'],
    ]) {
      await queryRunner.query(`CREATE TRIGGER "${table}_no_update" BEFORE UPDATE ON "${table}" BEGIN SELECT RAISE(ABORT, '${message}'); END`);
      await queryRunner.query(`CREATE TRIGGER "${table}_no_delete" BEFORE DELETE ON "${table}" BEGIN SELECT RAISE(ABORT, '${message}'); END`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['revisions', 'audit_log']) {
      await queryRunner.query(`DROP TRIGGER IF EXISTS "${table}_no_update"`);
      await queryRunner.query(`DROP TRIGGER IF EXISTS "${table}_no_delete"`);
    }
  }
}
