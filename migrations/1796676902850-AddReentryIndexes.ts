import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddReentryIndexes1796676902850 implements MigrationInterface {
  name = 'AddReentryIndexes1796676902850';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."IDX_parties_id_number_index"
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_parties_id_number_case" ON "parties" ("id_number_index", "case_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_cases_closed_at" ON "cases" ("closed_at")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."IDX_cases_closed_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_parties_id_number_case"
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_parties_id_number_index" ON "parties" USING btree ("id_number_index")
        `);
  }
}
