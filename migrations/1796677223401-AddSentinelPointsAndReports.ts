import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSentinelPointsAndReports1796677223401 implements MigrationInterface {
  name = 'AddSentinelPointsAndReports1796677223401';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "CHK_users_scope_region"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "CHK_users_role"
        `);
    await queryRunner.query(`
            CREATE TABLE "organization_watched_villages" (
                "organization_id" uuid NOT NULL,
                "region_id" uuid NOT NULL,
                CONSTRAINT "PK_5bf574e3b0bea90ac033ab42db3" PRIMARY KEY ("organization_id", "region_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_organization_watched_villages_region_id" ON "organization_watched_villages" ("region_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "sentinel_reports" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "reporter_id" uuid NOT NULL,
                "organization_id" uuid,
                "village_id" uuid NOT NULL,
                "region_path" character varying(255) COLLATE "C" NOT NULL,
                "dispute_type" character varying(24) NOT NULL,
                "observed" text NOT NULL,
                "risk_answers_encrypted" text NOT NULL,
                "dv_indicator" boolean NOT NULL,
                "risk_level" character varying(8) NOT NULL,
                "action_taken" text,
                "outcome" character varying(24) NOT NULL,
                "resolution_note" text,
                "follow_up_on" date,
                "case_id" uuid,
                "status" character varying(16) NOT NULL,
                "reported_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "review_due_at" TIMESTAMP WITH TIME ZONE,
                "review_decision" character varying(24),
                "review_note" text,
                "reviewed_by" uuid,
                "reviewed_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_sentinel_reports_review_decision" CHECK (
                    "review_decision" IS NULL
                    OR "review_decision" IN (
                        'confirmed',
                        'escalated_to_police',
                        'escalated_to_court',
                        'watch'
                    )
                ),
                CONSTRAINT "CHK_sentinel_reports_risk_level" CHECK ("risk_level" IN ('high', 'medium', 'low')),
                CONSTRAINT "CHK_sentinel_reports_status" CHECK (
                    "status" IN ('awaiting_review', 'open', 'closed')
                ),
                CONSTRAINT "CHK_sentinel_reports_outcome" CHECK (
                    "outcome" IN (
                        'resolved_on_spot',
                        'watched',
                        'to_mediation',
                        'to_court',
                        'to_police'
                    )
                ),
                CONSTRAINT "PK_fa60906a3a4df10b625eeefd68b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_sentinel_reports_reporter_id" ON "sentinel_reports" ("reporter_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_sentinel_reports_organization_id" ON "sentinel_reports" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_sentinel_reports_region_path" ON "sentinel_reports" ("region_path")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_sentinel_reports_status" ON "sentinel_reports" ("status")
        `);
    await queryRunner.query(`
            CREATE TABLE "sentinel_report_parties" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "report_id" uuid NOT NULL,
                "position" smallint NOT NULL,
                "role" character varying(8) NOT NULL,
                "name" character varying(50) NOT NULL,
                "gender" character varying(8),
                "id_number_encrypted" text,
                "id_number_index" character(64),
                "id_number_masked" character varying(18),
                "phone_encrypted" text,
                "phone_index" character(64),
                "phone_masked" character varying(11),
                CONSTRAINT "CHK_sentinel_report_parties_gender" CHECK (
                    "gender" IS NULL
                    OR "gender" IN ('female', 'male')
                ),
                CONSTRAINT "CHK_sentinel_report_parties_role" CHECK ("role" IN ('party', 'other')),
                CONSTRAINT "PK_961f168cc7144029d4b3a5e2ef8" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_sentinel_report_parties_report_id" ON "sentinel_report_parties" ("report_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_sentinel_report_parties_id_number_index" ON "sentinel_report_parties" ("id_number_index")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_sentinel_report_parties_phone_index" ON "sentinel_report_parties" ("phone_index")
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations"
            ADD "kind" character varying(24) NOT NULL DEFAULT 'mediation_org'
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations"
            ADD "responsible_person" character varying(50)
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations"
            ADD CONSTRAINT "CHK_organizations_kind" CHECK (
                    "kind" IN (
                        'mediation_org',
                        'women_micro_home',
                        'executive_studio',
                        'personal_room'
                    )
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD CONSTRAINT "CHK_users_region_placed" CHECK (
                    "role" NOT IN ('mediator', 'supervisor', 'sentinel')
                    OR "region_id" IS NOT NULL
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD CONSTRAINT "CHK_users_role_with_sentinel" CHECK (
                    "role" IN (
                        'admin',
                        'clerk',
                        'mediator',
                        'supervisor',
                        'sentinel'
                    )
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "organization_watched_villages"
            ADD CONSTRAINT "FK_6bc9de4e7985c6e99896857ac99" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "organization_watched_villages"
            ADD CONSTRAINT "FK_2cecdb7d07c69850f435d21e928" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "sentinel_reports"
            ADD CONSTRAINT "FK_8ed3a576477b50fcebb390b7825" FOREIGN KEY ("reporter_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "sentinel_reports"
            ADD CONSTRAINT "FK_a9449725a242a03775c6dcd0e78" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "sentinel_reports"
            ADD CONSTRAINT "FK_aac50a1b779c8e302a43583b31f" FOREIGN KEY ("village_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "sentinel_report_parties"
            ADD CONSTRAINT "FK_5704a7a3cf9b240af2b2ae02426" FOREIGN KEY ("report_id") REFERENCES "sentinel_reports"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "sentinel_report_parties" DROP CONSTRAINT "FK_5704a7a3cf9b240af2b2ae02426"
        `);
    await queryRunner.query(`
            ALTER TABLE "sentinel_reports" DROP CONSTRAINT "FK_aac50a1b779c8e302a43583b31f"
        `);
    await queryRunner.query(`
            ALTER TABLE "sentinel_reports" DROP CONSTRAINT "FK_a9449725a242a03775c6dcd0e78"
        `);
    await queryRunner.query(`
            ALTER TABLE "sentinel_reports" DROP CONSTRAINT "FK_8ed3a576477b50fcebb390b7825"
        `);
    await queryRunner.query(`
            ALTER TABLE "organization_watched_villages" DROP CONSTRAINT "FK_2cecdb7d07c69850f435d21e928"
        `);
    await queryRunner.query(`
            ALTER TABLE "organization_watched_villages" DROP CONSTRAINT "FK_6bc9de4e7985c6e99896857ac99"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "CHK_users_role_with_sentinel"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "CHK_users_region_placed"
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations" DROP CONSTRAINT "CHK_organizations_kind"
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations" DROP COLUMN "responsible_person"
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations" DROP COLUMN "kind"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_sentinel_report_parties_phone_index"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_sentinel_report_parties_id_number_index"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_sentinel_report_parties_report_id"
        `);
    await queryRunner.query(`
            DROP TABLE "sentinel_report_parties"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_sentinel_reports_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_sentinel_reports_region_path"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_sentinel_reports_organization_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_sentinel_reports_reporter_id"
        `);
    await queryRunner.query(`
            DROP TABLE "sentinel_reports"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_organization_watched_villages_region_id"
        `);
    await queryRunner.query(`
            DROP TABLE "organization_watched_villages"
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD CONSTRAINT "CHK_users_role" CHECK (
                    (
                        (role)::text = ANY (
                            (
                                ARRAY ['admin'::character varying, 'clerk'::character varying, 'mediator'::character varying, 'supervisor'::character varying]
                            )::text []
                        )
                    )
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD CONSTRAINT "CHK_users_scope_region" CHECK (
                    (
                        (
                            (role)::text <> ALL (
                                (
                                    ARRAY ['mediator'::character varying, 'supervisor'::character varying]
                                )::text []
                            )
                        )
                        OR (region_id IS NOT NULL)
                    )
                )
        `);
  }
}
