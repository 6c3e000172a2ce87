import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795386763580 implements MigrationInterface {
  name = 'InitialSchema1795386763580';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "audit_events" (
                "id" BIGSERIAL NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "actor_id" uuid,
                "actor_role" character varying(16),
                "action" character varying(64) NOT NULL,
                "entity_type" character varying(32) NOT NULL,
                "entity_id" character varying(64),
                "region_path" character varying(255) COLLATE "C",
                "case_id" uuid,
                "before" jsonb,
                "after" jsonb,
                "request_id" character varying(64),
                "ip" character varying(64),
                "prev_hash" character(64) NOT NULL,
                "hash" character(64) NOT NULL,
                CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_audit_events_occurred_at" ON "audit_events" ("occurred_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_audit_events_entity" ON "audit_events" ("entity_type", "entity_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_audit_events_actor_id" ON "audit_events" ("actor_id", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_audit_events_case_id" ON "audit_events" ("case_id", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "regions" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "code" character(12) NOT NULL,
                "name" character varying(100) NOT NULL,
                "level" character varying(16) NOT NULL,
                "parent_id" uuid,
                "path" character varying(255) COLLATE "C" NOT NULL,
                "depth" smallint NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_regions_level" CHECK (
                    "level" IN ('city', 'county', 'township', 'village')
                ),
                CONSTRAINT "PK_4fcd12ed6a046276e2deb08801c" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_regions_code" ON "regions" ("code")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_regions_parent_id" ON "regions" ("parent_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_regions_path" ON "regions" ("path")
        `);
    await queryRunner.query(`
            CREATE TABLE "courts" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "code" character varying(16) NOT NULL,
                "name" character varying(100) NOT NULL,
                "region_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_948a5d356c3083f3237ecbf9897" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_courts_code" ON "courts" ("code")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_courts_region_id" ON "courts" ("region_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "organizations" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "name" character varying(100) NOT NULL,
                "region_id" uuid NOT NULL,
                "rooms" jsonb NOT NULL DEFAULT '[]',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6b031fcd0863e3f6b44230163f9" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_organizations_region_id" ON "organizations" ("region_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "username" character varying(64) NOT NULL,
                "password_hash" character varying(255) NOT NULL,
                "display_name" character varying(100) NOT NULL,
                "role" character varying(16) NOT NULL,
                "court_id" uuid,
                "region_id" uuid,
                "organization_id" uuid,
                "phone_encrypted" text,
                "phone_index" character(64),
                "active" boolean NOT NULL DEFAULT true,
                "failed_login_count" integer NOT NULL DEFAULT '0',
                "locked_until" TIMESTAMP WITH TIME ZONE,
                "last_login_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_users_scope_region" CHECK (
                    "role" NOT IN ('mediator', 'supervisor')
                    OR "region_id" IS NOT NULL
                ),
                CONSTRAINT "CHK_users_clerk_court" CHECK (
                    "role" <> 'clerk'
                    OR "court_id" IS NOT NULL
                ),
                CONSTRAINT "CHK_users_role" CHECK (
                    "role" IN ('admin', 'clerk', 'mediator', 'supervisor')
                ),
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_users_username" ON "users" ("username")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_users_court_id" ON "users" ("court_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_users_region_id" ON "users" ("region_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_users_phone_index" ON "users" ("phone_index")
        `);
    await queryRunner.query(`
            CREATE TABLE "auth_sessions" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "user_id" uuid NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "revoked_reason" character varying(32),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_641507381f32580e8479efc36cd" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_auth_sessions_user_id" ON "auth_sessions" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "refresh_tokens" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "session_id" uuid NOT NULL,
                "token_hash" character(64) NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_refresh_tokens_session_id" ON "refresh_tokens" ("session_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_refresh_tokens_token_hash" ON "refresh_tokens" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE TABLE "outbox" (
                "id" BIGSERIAL NOT NULL,
                "queue" character varying(32) NOT NULL,
                "job_name" character varying(64) NOT NULL,
                "job_id" character varying(128) NOT NULL,
                "payload" jsonb NOT NULL,
                "run_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'pending',
                "enqueue_attempts" integer NOT NULL DEFAULT '0',
                "last_error" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "enqueued_at" TIMESTAMP WITH TIME ZONE,
                "processed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "CHK_outbox_status" CHECK (
                    "status" IN ('pending', 'enqueued', 'processed', 'failed')
                ),
                CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_outbox_job_id" ON "outbox" ("job_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_outbox_enqueued" ON "outbox" ("id")
            WHERE "status" = 'enqueued'
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_outbox_pending" ON "outbox" ("id")
            WHERE "status" = 'pending'
        `);
    await queryRunner.query(`
            ALTER TABLE "regions"
            ADD CONSTRAINT "FK_b1dc15f575548116575b521d8de" FOREIGN KEY ("parent_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "courts"
            ADD CONSTRAINT "FK_cfd2b8086b4aaf560f0a5111282" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations"
            ADD CONSTRAINT "FK_a79e62a8a8b4406db348559eee8" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD CONSTRAINT "FK_e4fb3adca6be7ac160593912970" FOREIGN KEY ("court_id") REFERENCES "courts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD CONSTRAINT "FK_1901e9aae03c8897b7dd460c27f" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD CONSTRAINT "FK_21a659804ed7bf61eb91688dea7" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "auth_sessions"
            ADD CONSTRAINT "FK_50ccaa6440288a06f0ba693ccc6" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "refresh_tokens"
            ADD CONSTRAINT "FK_3bf308fa93da3966f9e76fcfba4" FOREIGN KEY ("session_id") REFERENCES "auth_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "refresh_tokens" DROP CONSTRAINT "FK_3bf308fa93da3966f9e76fcfba4"
        `);
    await queryRunner.query(`
            ALTER TABLE "auth_sessions" DROP CONSTRAINT "FK_50ccaa6440288a06f0ba693ccc6"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "FK_21a659804ed7bf61eb91688dea7"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "FK_1901e9aae03c8897b7dd460c27f"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "FK_e4fb3adca6be7ac160593912970"
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations" DROP CONSTRAINT "FK_a79e62a8a8b4406db348559eee8"
        `);
    await queryRunner.query(`
            ALTER TABLE "courts" DROP CONSTRAINT "FK_cfd2b8086b4aaf560f0a5111282"
        `);
    await queryRunner.query(`
            ALTER TABLE "regions" DROP CONSTRAINT "FK_b1dc15f575548116575b521d8de"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_outbox_pending"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_outbox_enqueued"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_outbox_job_id"
        `);
    await queryRunner.query(`
            DROP TABLE "outbox"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_refresh_tokens_token_hash"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_refresh_tokens_session_id"
        `);
    await queryRunner.query(`
            DROP TABLE "refresh_tokens"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_auth_sessions_user_id"
        `);
    await queryRunner.query(`
            DROP TABLE "auth_sessions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_users_phone_index"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_users_region_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_users_court_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_users_username"
        `);
    await queryRunner.query(`
            DROP TABLE "users"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_organizations_region_id"
        `);
    await queryRunner.query(`
            DROP TABLE "organizations"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_courts_region_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_courts_code"
        `);
    await queryRunner.query(`
            DROP TABLE "courts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_regions_path"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_regions_parent_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_regions_code"
        `);
    await queryRunner.query(`
            DROP TABLE "regions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_audit_events_case_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_audit_events_actor_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_audit_events_entity"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_audit_events_occurred_at"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_events"
        `);
  }
}
