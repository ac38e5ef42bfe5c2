import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: SQLite adds columns by rebuilding the table, and dropping the old `revisions` table dropped its
 * triggers with it (see ImmutableRecords1795538300000); published revisions still never change.
 */
export class RevisionsStayImmutable1796528192029 implements MigrationInterface {
  name = 'RevisionsStayImmutable1796528192029';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TRIGGER "revisions_no_update" BEFORE UPDATE ON "revisions" BEGIN SELECT RAISE(ABORT, 'published revisions are immutable'); END`);
    await queryRunner.query(`CREATE TRIGGER "revisions_no_delete" BEFORE DELETE ON "revisions" BEGIN SELECT RAISE(ABORT, 'published revisions are immutable'); END`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS "revisions_no_update"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS "revisions_no_delete"`);
  }
}
