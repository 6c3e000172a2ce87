import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddCases1795388840311 implements MigrationInterface {
  name = 'AddCases1795388840311';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "case_children" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "case_id" uuid NOT NULL,
                "name" character varying(50) NOT NULL,
                "gender" character varying(8) NOT NULL,
                "birth_date" date NOT NULL,
                "residence" character varying(16) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_case_children_residence" CHECK (
                    "residence" IN (
                        'with_applicant',
                        'with_respondent',
                        'with_both',
                        'with_relatives',
                        'other'
                    )
                ),
                CONSTRAINT "CHK_case_children_gender" CHECK ("gender" IN ('female', 'male')),
                CONSTRAINT "PK_28ce0be4fefe13bdb2ab8af22c0" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_case_children_case_id" ON "case_children" ("case_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "parties" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "case_id" uuid NOT NULL,
                "role" character varying(16) NOT NULL,
                "name" character varying(50) NOT NULL,
                "gender" character varying(8) NOT NULL,
                "id_number_encrypted" text NOT NULL,
                "id_number_index" character(64) NOT NULL,
                "id_number_masked" character varying(18) NOT NULL,
                "birth_date" date NOT NULL,
                "ethnicity" character varying(20),
                "occupation" character varying(50),
                "phone_encrypted" text,
                "phone_index" character(64),
                "phone_masked" character varying(11),
                "address_encrypted" text,
                "region_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_parties_gender" CHECK ("gender" IN ('female', 'male')),
                CONSTRAINT "CHK_parties_role" CHECK ("role" IN ('applicant', 'respondent')),
                CONSTRAINT "PK_da698299dca60d55f0050dde935" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_parties_case_id" ON "parties" ("case_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_parties_name" ON "parties" ("name")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_parties_id_number_index" ON "parties" ("id_number_index")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_parties_phone_index" ON "parties" ("phone_index")
        `);
    await queryRunner.query(`
            CREATE TABLE "cases" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "case_number" character varying(64) NOT NULL,
                "court_id" uuid NOT NULL,
                "year" smallint NOT NULL,
                "sequence" integer NOT NULL,
                "court_reference" character varying(64),
                "mediation_kind" character varying(16) NOT NULL,
                "dispute_type" character varying(16) NOT NULL,
                "source" character varying(24) NOT NULL,
                "summary" text NOT NULL,
                "claims" text NOT NULL,
                "received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "region_id" uuid NOT NULL,
                "region_path" character varying(255) COLLATE "C" NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'received',
                "result" character varying(24),
                "route" character varying(32),
                "dv_flag" boolean NOT NULL DEFAULT false,
                "mediator_id" uuid,
                "accepted_at" TIMESTAMP WITH TIME ZONE,
                "deadline_at" TIMESTAMP WITH TIME ZONE,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "closure_reason" text,
                "version" integer NOT NULL DEFAULT '1',
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_cases_closed" CHECK (
                    ("status" = 'closed') = ("closed_at" IS NOT NULL)
                ),
                CONSTRAINT "CHK_cases_route" CHECK (
                    "route" IS NULL
                    OR "route" IN (
                        'none',
                        'court_mediation_document',
                        'registry_divorce',
                        'judicial_confirmation',
                        'court_filing'
                    )
                ),
                CONSTRAINT "CHK_cases_result" CHECK (
                    "result" IS NULL
                    OR "result" IN (
                        'reconciled',
                        'divorce_agreed',
                        'ancillary_agreed',
                        'no_agreement',
                        'withdrawn',
                        'refused',
                        'unsuitable',
                        'expired'
                    )
                ),
                CONSTRAINT "CHK_cases_source" CHECK (
                    "source" IN (
                        'court_referral',
                        'party_application',
                        'sentinel_report',
                        'other'
                    )
                ),
                CONSTRAINT "CHK_cases_dispute_type" CHECK (
                    "dispute_type" IN (
                        'divorce',
                        'custody',
                        'child_support',
                        'visitation',
                        'property',
                        'elder_support',
                        'other'
                    )
                ),
                CONSTRAINT "CHK_cases_kind" CHECK ("mediation_kind" IN ('pre_filing', 'entrusted')),
                CONSTRAINT "CHK_cases_status" CHECK (
                    "status" IN (
                        'received',
                        'referred',
                        'assigned',
                        'in_mediation',
                        'pending_review',
                        'closed'
                    )
                ),
                CONSTRAINT "PK_264acb3048c240fb89aa34626db" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_cases_case_number" ON "cases" ("case_number")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_cases_region_path" ON "cases" ("region_path")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_cases_mediator_id" ON "cases" ("mediator_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_cases_status_deadline" ON "cases" ("status", "deadline_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_cases_court_received" ON "cases" ("court_id", "received_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_cases_court_reference" ON "cases" ("court_id", "court_reference")
            WHERE "court_reference" IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_cases_court_year_sequence" ON "cases" ("court_id", "year", "sequence")
        `);
    await queryRunner.query(`
            CREATE TABLE "case_consents" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "case_id" uuid NOT NULL,
                "party_id" uuid NOT NULL,
                "decision" character varying(16) NOT NULL,
                "method" character varying(16) NOT NULL,
                "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "recorded_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_case_consents_method" CHECK (
                    "method" IN ('signed_form', 'phone', 'in_person', 'other')
                ),
                CONSTRAINT "CHK_case_consents_decision" CHECK ("decision" IN ('consented', 'refused')),
                CONSTRAINT "PK_f76061198c833571b1435d76c83" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_case_consents_case_id" ON "case_consents" ("case_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_case_consents_party_id" ON "case_consents" ("party_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "case_number_counters" (
                "court_id" uuid NOT NULL,
                "year" smallint NOT NULL,
                "last_value" integer NOT NULL,
                CONSTRAINT "PK_bc99f3a7be705925955104fb213" PRIMARY KEY ("court_id", "year")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "case_screenings" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "case_id" uuid NOT NULL,
                "party_id" uuid NOT NULL,
                "answers_encrypted" text NOT NULL,
                "dv_indicator" boolean NOT NULL,
                "recommendation" character varying(16) NOT NULL,
                "protection_order_referred_at" TIMESTAMP WITH TIME ZONE,
                "protection_order_urgent" boolean,
                "protection_order_ruling_due_at" TIMESTAMP WITH TIME ZONE,
                "screened_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "recorded_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_case_screenings_recommendation" CHECK (
                    "recommendation" IN ('joint', 'shuttle', 'not_suitable')
                ),
                CONSTRAINT "PK_4f648fcd58e0a70780caebef552" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_case_screenings_case_id" ON "case_screenings" ("case_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_case_screenings_party_id" ON "case_screenings" ("party_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "idempotency_keys" (
                "user_id" uuid NOT NULL,
                "key" character varying(128) NOT NULL,
                "request_hash" character(64) NOT NULL,
                "status_code" integer NOT NULL,
                "response" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_392b1af86f210d98d3f0c764728" PRIMARY KEY ("user_id", "key")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_idempotency_keys_created_at" ON "idempotency_keys" ("created_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "case_children"
            ADD CONSTRAINT "FK_ddadaca017776387598f69e94fe" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "parties"
            ADD CONSTRAINT "FK_2c883eabd59d0925604f23f48d9" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "cases"
            ADD CONSTRAINT "FK_ce497602239da17967965595644" FOREIGN KEY ("court_id") REFERENCES "courts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "cases"
            ADD CONSTRAINT "FK_91d996dac5067656a2c7e99de2a" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "case_consents"
            ADD CONSTRAINT "FK_a2d863570496746892b02d751b9" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "case_consents"
            ADD CONSTRAINT "FK_dd18dd3254945c3fe1aeb89152b" FOREIGN KEY ("party_id") REFERENCES "parties"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "case_screenings"
            ADD CONSTRAINT "FK_527bb633ccab8a4e759d8ee28d5" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "case_screenings"
            ADD CONSTRAINT "FK_d7efe4923b080a42c385ae1f320" FOREIGN KEY ("party_id") REFERENCES "parties"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "case_screenings" DROP CONSTRAINT "FK_d7efe4923b080a42c385ae1f320"
        `);
    await queryRunner.query(`
            ALTER TABLE "case_screenings" DROP CONSTRAINT "FK_527bb633ccab8a4e759d8ee28d5"
        `);
    await queryRunner.query(`
            ALTER TABLE "case_consents" DROP CONSTRAINT "FK_dd18dd3254945c3fe1aeb89152b"
        `);
    await queryRunner.query(`
            ALTER TABLE "case_consents" DROP CONSTRAINT "FK_a2d863570496746892b02d751b9"
        `);
    await queryRunner.query(`
            ALTER TABLE "cases" DROP CONSTRAINT "FK_91d996dac5067656a2c7e99de2a"
        `);
    await queryRunner.query(`
            ALTER TABLE "cases" DROP CONSTRAINT "FK_ce497602239da17967965595644"
        `);
    await queryRunner.query(`
            ALTER TABLE "parties" DROP CONSTRAINT "FK_2c883eabd59d0925604f23f48d9"
        `);
    await queryRunner.query(`
            ALTER TABLE "case_children" DROP CONSTRAINT "FK_ddadaca017776387598f69e94fe"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_idempotency_keys_created_at"
        `);
    await queryRunner.query(`
            DROP TABLE "idempotency_keys"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_case_screenings_party_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_case_screenings_case_id"
        `);
    await queryRunner.query(`
            DROP TABLE "case_screenings"
        `);
    await queryRunner.query(`
            DROP TABLE "case_number_counters"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_case_consents_party_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_case_consents_case_id"
        `);
    await queryRunner.query(`
            DROP TABLE "case_consents"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_cases_court_year_sequence"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_cases_court_reference"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_cases_court_received"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_cases_status_deadline"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_cases_mediator_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_cases_region_path"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_cases_case_number"
        `);
    await queryRunner.query(`
            DROP TABLE "cases"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_parties_phone_index"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_parties_id_number_index"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_parties_name"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_parties_case_id"
        `);
    await queryRunner.query(`
            DROP TABLE "parties"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_case_children_case_id"
        `);
    await queryRunner.query(`
            DROP TABLE "case_children"
        `);
  }
}
