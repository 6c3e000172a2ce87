import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSessionsOutcomesTracking1795389756193 implements MigrationInterface {
  name = 'AddSessionsOutcomesTracking1795389756193';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "case_follow_ups" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "case_id" uuid NOT NULL,
                "kind" character varying(16) NOT NULL,
                "due_on" date NOT NULL,
                "visited_at" TIMESTAMP WITH TIME ZONE,
                "party_id" uuid,
                "performance" character varying(16),
                "satisfaction" smallint,
                "risk_signs" character varying(1000),
                "measures" character varying(1000),
                "visited_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_case_follow_ups_satisfaction" CHECK (
                    "satisfaction" IS NULL
                    OR "satisfaction" BETWEEN 1 AND 5
                ),
                CONSTRAINT "CHK_case_follow_ups_performance" CHECK (
                    "performance" IS NULL
                    OR "performance" IN ('performed', 'partial', 'breached')
                ),
                CONSTRAINT "CHK_case_follow_ups_kind" CHECK (
                    "kind" IN (
                        'settlement_30',
                        'settlement_90',
                        'dv_7',
                        'ad_hoc'
                    )
                ),
                CONSTRAINT "PK_c8b1dc9bca0cf565f2606102c96" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_case_follow_ups_case_id" ON "case_follow_ups" ("case_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_case_follow_ups_due_on" ON "case_follow_ups" ("due_on")
        `);
    await queryRunner.query(`
            CREATE TABLE "case_outcomes" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "case_id" uuid NOT NULL,
                "result" character varying(24) NOT NULL,
                "route" character varying(32) NOT NULL,
                "agreement" jsonb,
                "notes" text,
                "undisputed_facts" text,
                "submitted_by" uuid NOT NULL,
                "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "review_decision" character varying(16),
                "review_comment" character varying(1000),
                "reviewed_by" uuid,
                "reviewed_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_case_outcomes_review" CHECK (
                    "review_decision" IS NULL
                    OR "review_decision" IN ('approved', 'returned')
                ),
                CONSTRAINT "CHK_case_outcomes_route" CHECK (
                    "route" IN (
                        'none',
                        'court_mediation_document',
                        'registry_divorce',
                        'judicial_confirmation',
                        'court_filing'
                    )
                ),
                CONSTRAINT "CHK_case_outcomes_result" CHECK (
                    "result" IN (
                        'reconciled',
                        'divorce_agreed',
                        'ancillary_agreed',
                        'no_agreement',
                        'withdrawn'
                    )
                ),
                CONSTRAINT "PK_8d97a5af225a07f28e8fb4bfcad" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_case_outcomes_case_id" ON "case_outcomes" ("case_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "case_sessions" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "case_id" uuid NOT NULL,
                "mediator_id" uuid NOT NULL,
                "scheduled_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "duration_minutes" integer NOT NULL DEFAULT '60',
                "location" character varying(200) NOT NULL,
                "mode" character varying(16) NOT NULL,
                "format" character varying(16) NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'scheduled',
                "cancel_reason" character varying(500),
                "record" jsonb,
                "recorded_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_case_sessions_duration" CHECK (
                    "duration_minutes" BETWEEN 10 AND 600
                ),
                CONSTRAINT "CHK_case_sessions_status" CHECK (
                    "status" IN ('scheduled', 'held', 'cancelled', 'no_show')
                ),
                CONSTRAINT "CHK_case_sessions_format" CHECK ("format" IN ('joint', 'shuttle')),
                CONSTRAINT "CHK_case_sessions_mode" CHECK ("mode" IN ('in_person', 'phone', 'video')),
                CONSTRAINT "PK_87f3c11226cd91db154e0c7833a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_case_sessions_case_id" ON "case_sessions" ("case_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_case_sessions_mediator_time" ON "case_sessions" ("mediator_id", "scheduled_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "case_tracking" (
                "case_id" uuid NOT NULL,
                "court_case_number" character varying(64),
                "filed_at" TIMESTAMP WITH TIME ZONE,
                "jc_applied_at" TIMESTAMP WITH TIME ZONE,
                "jc_accepted_at" TIMESTAMP WITH TIME ZONE,
                "jc_decided_at" TIMESTAMP WITH TIME ZONE,
                "jc_result" character varying(16),
                "jc_ruling_number" character varying(64),
                "registry_applied_at" TIMESTAMP WITH TIME ZONE,
                "registry_certificate_at" TIMESTAMP WITH TIME ZONE,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_case_tracking_jc_result" CHECK (
                    "jc_result" IS NULL
                    OR "jc_result" IN ('confirmed', 'rejected', 'withdrawn')
                ),
                CONSTRAINT "PK_852d26063494f2e5b96b8fece80" PRIMARY KEY ("case_id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "case_follow_ups"
            ADD CONSTRAINT "FK_feeaca07a4cf9796e27a9f1631e" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "case_outcomes"
            ADD CONSTRAINT "FK_1b330cc20f3008d3ca216ef18f1" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "case_sessions"
            ADD CONSTRAINT "FK_abe41051614e8bc9197bb2a2260" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "case_tracking"
            ADD CONSTRAINT "FK_852d26063494f2e5b96b8fece80" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "case_tracking" DROP CONSTRAINT "FK_852d26063494f2e5b96b8fece80"
        `);
    await queryRunner.query(`
            ALTER TABLE "case_sessions" DROP CONSTRAINT "FK_abe41051614e8bc9197bb2a2260"
        `);
    await queryRunner.query(`
            ALTER TABLE "case_outcomes" DROP CONSTRAINT "FK_1b330cc20f3008d3ca216ef18f1"
        `);
    await queryRunner.query(`
            ALTER TABLE "case_follow_ups" DROP CONSTRAINT "FK_feeaca07a4cf9796e27a9f1631e"
        `);
    await queryRunner.query(`
            DROP TABLE "case_tracking"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_case_sessions_mediator_time"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_case_sessions_case_id"
        `);
    await queryRunner.query(`
            DROP TABLE "case_sessions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_case_outcomes_case_id"
        `);
    await queryRunner.query(`
            DROP TABLE "case_outcomes"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_case_follow_ups_due_on"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_case_follow_ups_case_id"
        `);
    await queryRunner.query(`
            DROP TABLE "case_follow_ups"
        `);
  }
}
