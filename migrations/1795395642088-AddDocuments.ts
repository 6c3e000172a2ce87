import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddDocuments1795395642088 implements MigrationInterface {
  name = 'AddDocuments1795395642088';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "documents" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "case_id" uuid NOT NULL,
                "type" character varying(40) NOT NULL,
                "subject_id" uuid NOT NULL,
                "subject_kind" character varying(16) NOT NULL,
                "version" integer NOT NULL,
                "title" character varying(200) NOT NULL,
                "pages" integer NOT NULL,
                "bytes" integer NOT NULL,
                "sha256" character(64) NOT NULL,
                "issued_by" uuid NOT NULL,
                "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "data" jsonb NOT NULL,
                "superseded_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_documents_version" CHECK ("version" >= 1),
                CONSTRAINT "CHK_documents_type" CHECK (
                    "type" IN (
                        'referral_letter',
                        'rights_notice',
                        'session_record',
                        'extension_consent',
                        'mediation_agreement',
                        'termination_notice',
                        'judicial_confirmation_application',
                        'follow_up_record',
                        'case_file'
                    )
                ),
                CONSTRAINT "PK_ac51aa5181ee2036f5ca482857c" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_documents_case_id" ON "documents" ("case_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_documents_subject_version" ON "documents" ("case_id", "type", "subject_id", "version")
        `);
    await queryRunner.query(`
            CREATE TABLE "document_contents" (
                "document_id" uuid NOT NULL,
                "content" bytea NOT NULL,
                CONSTRAINT "PK_dfc809fb593cb08f0e97825a630" PRIMARY KEY ("document_id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "documents"
            ADD CONSTRAINT "FK_a415239138695edf2df57a37737" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "document_contents"
            ADD CONSTRAINT "FK_dfc809fb593cb08f0e97825a630" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "document_contents" DROP CONSTRAINT "FK_dfc809fb593cb08f0e97825a630"
        `);
    await queryRunner.query(`
            ALTER TABLE "documents" DROP CONSTRAINT "FK_a415239138695edf2df57a37737"
        `);
    await queryRunner.query(`
            DROP TABLE "document_contents"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_documents_subject_version"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_documents_case_id"
        `);
    await queryRunner.query(`
            DROP TABLE "documents"
        `);
  }
}
