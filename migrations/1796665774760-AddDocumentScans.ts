import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Generated from the entities: photographs of the signed paper pages of an issued document
 * (document_scans, the same original once per document) and their JPEG bytes
 * (document_scan_contents, the default ScanStore).
 */
export class AddDocumentScans1796665774760 implements MigrationInterface {
  name = 'AddDocumentScans1796665774760';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "document_scans" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "document_id" uuid NOT NULL,
                "case_id" uuid NOT NULL,
                "document_version" integer NOT NULL,
                "page" integer,
                "sha256" character(64) NOT NULL,
                "original_sha256" character(64) NOT NULL,
                "mime" character varying(40) NOT NULL,
                "bytes" integer NOT NULL,
                "width" integer NOT NULL,
                "height" integer NOT NULL,
                "uploaded_by" uuid NOT NULL,
                "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "linked_by" character varying(8) NOT NULL,
                CONSTRAINT "CHK_document_scans_linked_by" CHECK ("linked_by" IN ('qr', 'hand')),
                CONSTRAINT "CHK_document_scans_page" CHECK (
                    "page" IS NULL
                    OR "page" >= 1
                ),
                CONSTRAINT "PK_8c16d4c15457e349caf012609cd" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_document_scans_case_id" ON "document_scans" ("case_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_document_scans_original" ON "document_scans" ("document_id", "original_sha256")
        `);
    await queryRunner.query(`
            CREATE TABLE "document_scan_contents" (
                "scan_id" uuid NOT NULL,
                "content" bytea NOT NULL,
                CONSTRAINT "PK_f928d4afa3f3a4e6cc25a1890b7" PRIMARY KEY ("scan_id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "document_scans"
            ADD CONSTRAINT "FK_c024124983d2662b3638d0a9d0d" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "document_scans"
            ADD CONSTRAINT "FK_0ccbb7813acfdad4156081de44d" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "document_scan_contents"
            ADD CONSTRAINT "FK_f928d4afa3f3a4e6cc25a1890b7" FOREIGN KEY ("scan_id") REFERENCES "document_scans"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "document_scan_contents" DROP CONSTRAINT "FK_f928d4afa3f3a4e6cc25a1890b7"
        `);
    await queryRunner.query(`
            ALTER TABLE "document_scans" DROP CONSTRAINT "FK_0ccbb7813acfdad4156081de44d"
        `);
    await queryRunner.query(`
            ALTER TABLE "document_scans" DROP CONSTRAINT "FK_c024124983d2662b3638d0a9d0d"
        `);
    await queryRunner.query(`
            DROP TABLE "document_scan_contents"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_document_scans_original"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_document_scans_case_id"
        `);
    await queryRunner.query(`
            DROP TABLE "document_scans"
        `);
  }
}
