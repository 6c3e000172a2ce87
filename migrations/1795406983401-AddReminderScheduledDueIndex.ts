import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddReminderScheduledDueIndex1795406983401 implements MigrationInterface {
  name = 'AddReminderScheduledDueIndex1795406983401';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX "IDX_reminders_scheduled_due" ON "reminders" ("due_at", "id")
            WHERE "status" = 'scheduled'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."IDX_reminders_scheduled_due"
        `);
  }
}
