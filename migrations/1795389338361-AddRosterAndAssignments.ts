import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddRosterAndAssignments1795389338361 implements MigrationInterface {
  name = 'AddRosterAndAssignments1795389338361';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "case_assignments" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "case_id" uuid NOT NULL,
                "mediator_id" uuid NOT NULL,
                "assigned_by" uuid NOT NULL,
                "assigned_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "accepted_at" TIMESTAMP WITH TIME ZONE,
                "ended_at" TIMESTAMP WITH TIME ZONE,
                "end_reason" character varying(16),
                "note" character varying(1000),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_case_assignments_end_reason" CHECK (
                    "end_reason" IS NULL
                    OR "end_reason" IN ('declined', 'recused', 'reassigned', 'closed')
                ),
                CONSTRAINT "PK_87ea587a5ab124bd964c8db5ff7" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_case_assignments_case_id" ON "case_assignments" ("case_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_case_assignments_open" ON "case_assignments" ("case_id")
            WHERE "ended_at" IS NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_case_assignments_mediator_case" ON "case_assignments" ("mediator_id", "case_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "case_extensions" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "case_id" uuid NOT NULL,
                "days" integer NOT NULL,
                "reason" character varying(1000) NOT NULL,
                "previous_deadline" TIMESTAMP WITH TIME ZONE NOT NULL,
                "new_deadline" TIMESTAMP WITH TIME ZONE NOT NULL,
                "applicant_consent_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "applicant_consent_method" character varying(16) NOT NULL,
                "respondent_consent_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "respondent_consent_method" character varying(16) NOT NULL,
                "recorded_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_9d0535cfb7546b31ba49e4ebd11" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_case_extensions_case_id" ON "case_extensions" ("case_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "mediator_conflicts" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "mediator_id" uuid NOT NULL,
                "case_id" uuid,
                "party_id_index" character(64),
                "party_name" character varying(50),
                "reason" character varying(16) NOT NULL,
                "note" character varying(500),
                "declared_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_mediator_conflicts_reason" CHECK (
                    "reason" IN (
                        'kin',
                        'same_household',
                        'party_request',
                        'other'
                    )
                ),
                CONSTRAINT "CHK_mediator_conflicts_subject" CHECK (
                    "case_id" IS NOT NULL
                    OR "party_id_index" IS NOT NULL
                ),
                CONSTRAINT "PK_e29af73d2b0912f9b96523d235a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_mediator_conflicts_mediator_id" ON "mediator_conflicts" ("mediator_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_mediator_conflicts_case_id" ON "mediator_conflicts" ("case_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_mediator_conflicts_party_id_index" ON "mediator_conflicts" ("party_id_index")
        `);
    await queryRunner.query(`
            CREATE TABLE "mediator_profiles" (
                "user_id" uuid NOT NULL,
                "title" character varying(50) NOT NULL DEFAULT '人民调解员',
                "organization_id" uuid,
                "specialities" character varying(16) array NOT NULL DEFAULT '{}',
                "active" boolean NOT NULL DEFAULT true,
                "max_active_cases" integer NOT NULL DEFAULT '5',
                "charges" boolean NOT NULL DEFAULT false,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_mediator_profiles_max_active" CHECK ("max_active_cases" > 0),
                CONSTRAINT "PK_58af3731c43fc59cd1ee7947d29" PRIMARY KEY ("user_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "mediator_trainings" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "mediator_id" uuid NOT NULL,
                "title" character varying(100) NOT NULL,
                "held_on" date NOT NULL,
                "hours" numeric(5, 1) NOT NULL,
                "topics" character varying(32) array NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_faeba3bc3f03c986f744cbdae56" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_mediator_trainings_mediator_id" ON "mediator_trainings" ("mediator_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "mediator_villages" (
                "mediator_id" uuid NOT NULL,
                "region_id" uuid NOT NULL,
                CONSTRAINT "PK_826e6836ec515c01645d4e06206" PRIMARY KEY ("mediator_id", "region_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_mediator_villages_region_id" ON "mediator_villages" ("region_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "case_assignments"
            ADD CONSTRAINT "FK_64f235d410e2ee29ee64a171a2f" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "case_assignments"
            ADD CONSTRAINT "FK_d2fbe19ddb4f59b03e251bdd2d6" FOREIGN KEY ("mediator_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "case_extensions"
            ADD CONSTRAINT "FK_802062692a2e7ca2d9c35f18f3e" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "mediator_conflicts"
            ADD CONSTRAINT "FK_ee205b549d210609ac92fb605be" FOREIGN KEY ("mediator_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "mediator_profiles"
            ADD CONSTRAINT "FK_58af3731c43fc59cd1ee7947d29" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "mediator_profiles"
            ADD CONSTRAINT "FK_48b74d82897fe42df448553eabb" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "mediator_trainings"
            ADD CONSTRAINT "FK_30051ec8bf33a7ae97666359c41" FOREIGN KEY ("mediator_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "mediator_villages"
            ADD CONSTRAINT "FK_2bfe8c67817973d26bf54c087f8" FOREIGN KEY ("mediator_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "mediator_villages"
            ADD CONSTRAINT "FK_e2f37079f409a022ecaa1cd89af" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "mediator_villages" DROP CONSTRAINT "FK_e2f37079f409a022ecaa1cd89af"
        `);
    await queryRunner.query(`
            ALTER TABLE "mediator_villages" DROP CONSTRAINT "FK_2bfe8c67817973d26bf54c087f8"
        `);
    await queryRunner.query(`
            ALTER TABLE "mediator_trainings" DROP CONSTRAINT "FK_30051ec8bf33a7ae97666359c41"
        `);
    await queryRunner.query(`
            ALTER TABLE "mediator_profiles" DROP CONSTRAINT "FK_48b74d82897fe42df448553eabb"
        `);
    await queryRunner.query(`
            ALTER TABLE "mediator_profiles" DROP CONSTRAINT "FK_58af3731c43fc59cd1ee7947d29"
        `);
    await queryRunner.query(`
            ALTER TABLE "mediator_conflicts" DROP CONSTRAINT "FK_ee205b549d210609ac92fb605be"
        `);
    await queryRunner.query(`
            ALTER TABLE "case_extensions" DROP CONSTRAINT "FK_802062692a2e7ca2d9c35f18f3e"
        `);
    await queryRunner.query(`
            ALTER TABLE "case_assignments" DROP CONSTRAINT "FK_d2fbe19ddb4f59b03e251bdd2d6"
        `);
    await queryRunner.query(`
            ALTER TABLE "case_assignments" DROP CONSTRAINT "FK_64f235d410e2ee29ee64a171a2f"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_mediator_villages_region_id"
        `);
    await queryRunner.query(`
            DROP TABLE "mediator_villages"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_mediator_trainings_mediator_id"
        `);
    await queryRunner.query(`
            DROP TABLE "mediator_trainings"
        `);
    await queryRunner.query(`
            DROP TABLE "mediator_profiles"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_mediator_conflicts_party_id_index"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_mediator_conflicts_case_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_mediator_conflicts_mediator_id"
        `);
    await queryRunner.query(`
            DROP TABLE "mediator_conflicts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_case_extensions_case_id"
        `);
    await queryRunner.query(`
            DROP TABLE "case_extensions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_case_assignments_mediator_case"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_case_assignments_open"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_case_assignments_case_id"
        `);
    await queryRunner.query(`
            DROP TABLE "case_assignments"
        `);
  }
}
