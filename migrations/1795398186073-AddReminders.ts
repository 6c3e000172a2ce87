import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddReminders1795398186073 implements MigrationInterface {
  name = 'AddReminders1795398186073';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "notifications" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "user_id" uuid NOT NULL,
                "case_id" uuid,
                "reminder_id" bigint,
                "kind" character varying(40) NOT NULL,
                "title" character varying(100) NOT NULL,
                "body" character varying(500) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "read_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_notifications_reminder" ON "notifications" ("reminder_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_notifications_user_unread" ON "notifications" ("user_id")
            WHERE "read_at" IS NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_notifications_user" ON "notifications" ("user_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "reminders" (
                "id" BIGSERIAL NOT NULL,
                "case_id" uuid NOT NULL,
                "kind" character varying(40) NOT NULL,
                "key" character varying(300) NOT NULL,
                "recipient_type" character varying(8) NOT NULL,
                "recipient_id" uuid NOT NULL,
                "channel" character varying(8) NOT NULL,
                "subject_id" uuid,
                "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "version" integer NOT NULL DEFAULT '1',
                "status" character varying(12) NOT NULL DEFAULT 'scheduled',
                "attempts" integer NOT NULL DEFAULT '0',
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "lateness_ms" integer,
                "last_error" character varying(500),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_reminders_recipient_type" CHECK ("recipient_type" IN ('user', 'party', 'court')),
                CONSTRAINT "CHK_reminders_channel" CHECK ("channel" IN ('in_app', 'sms', 'webhook')),
                CONSTRAINT "CHK_reminders_status" CHECK (
                    "status" IN (
                        'scheduled',
                        'sent',
                        'failed',
                        'cancelled',
                        'skipped'
                    )
                ),
                CONSTRAINT "PK_38715fec7f634b72c6cf7ea4893" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_reminders_case_key_scheduled" ON "reminders" ("case_id", "key")
            WHERE "status" = 'scheduled'
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_reminders_case" ON "reminders" ("case_id", "due_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "reminder_deliveries" (
                "id" BIGSERIAL NOT NULL,
                "reminder_id" bigint NOT NULL,
                "channel" character varying(8) NOT NULL,
                "recipient" character varying(64) NOT NULL,
                "status" character varying(8) NOT NULL DEFAULT 'pending',
                "attempts" integer NOT NULL DEFAULT '0',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "sent_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "CHK_reminder_deliveries_status" CHECK ("status" IN ('pending', 'sent', 'failed')),
                CONSTRAINT "PK_27a51a312a6045e6390716e6de0" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_reminder_deliveries_once" ON "reminder_deliveries" ("reminder_id", "channel", "recipient")
        `);
    await queryRunner.query(`
            ALTER TABLE "parties"
            ADD "sms_opt_out" boolean NOT NULL DEFAULT false
        `);
    await queryRunner.query(`
            ALTER TABLE "parties"
            ADD "sms_details_allowed" boolean NOT NULL DEFAULT false
        `);
    await queryRunner.query(`
            ALTER TABLE "notifications"
            ADD CONSTRAINT "FK_9a8a82462cab47c73d25f49261f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "reminders"
            ADD CONSTRAINT "FK_90a8454f5ccc669946f0b972395" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "reminder_deliveries"
            ADD CONSTRAINT "FK_6f88e9f58c70417e79d8ee21e39" FOREIGN KEY ("reminder_id") REFERENCES "reminders"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "reminder_deliveries" DROP CONSTRAINT "FK_6f88e9f58c70417e79d8ee21e39"
        `);
    await queryRunner.query(`
            ALTER TABLE "reminders" DROP CONSTRAINT "FK_90a8454f5ccc669946f0b972395"
        `);
    await queryRunner.query(`
            ALTER TABLE "notifications" DROP CONSTRAINT "FK_9a8a82462cab47c73d25f49261f"
        `);
    await queryRunner.query(`
            ALTER TABLE "parties" DROP COLUMN "sms_details_allowed"
        `);
    await queryRunner.query(`
            ALTER TABLE "parties" DROP COLUMN "sms_opt_out"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_reminder_deliveries_once"
        `);
    await queryRunner.query(`
            DROP TABLE "reminder_deliveries"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_reminders_case"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_reminders_case_key_scheduled"
        `);
    await queryRunner.query(`
            DROP TABLE "reminders"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_notifications_user"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_notifications_user_unread"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_notifications_reminder"
        `);
    await queryRunner.query(`
            DROP TABLE "notifications"
        `);
  }
}
