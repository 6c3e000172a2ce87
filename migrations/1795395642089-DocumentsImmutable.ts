import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written (TypeORM does not generate triggers): an issued document never changes. The
 * database refuses UPDATE, DELETE and TRUNCATE on document_contents, and on documents allows one
 * change only: setting superseded_at once, when a newer version is issued.
 */
export class DocumentsImmutable1795395642089 implements MigrationInterface {
  name = 'DocumentsImmutable1795395642089';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION document_contents_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'document_contents is immutable: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER document_contents_no_update_delete BEFORE UPDATE OR DELETE ON document_contents
      FOR EACH ROW EXECUTE FUNCTION document_contents_immutable()
    `);
    await queryRunner.query(`
      CREATE TRIGGER document_contents_no_truncate BEFORE TRUNCATE ON document_contents
      FOR EACH STATEMENT EXECUTE FUNCTION document_contents_immutable()
    `);
    await queryRunner.query(`
      CREATE FUNCTION documents_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.superseded_at IS NULL AND NEW.superseded_at IS NOT NULL
           AND to_jsonb(NEW) - 'superseded_at' = to_jsonb(OLD) - 'superseded_at' THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'documents are immutable: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER documents_no_update_delete BEFORE UPDATE OR DELETE ON documents
      FOR EACH ROW EXECUTE FUNCTION documents_immutable()
    `);
    await queryRunner.query(`
      CREATE TRIGGER documents_no_truncate BEFORE TRUNCATE ON documents
      FOR EACH STATEMENT EXECUTE FUNCTION documents_immutable()
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER documents_no_truncate ON documents');
    await queryRunner.query('DROP TRIGGER documents_no_update_delete ON documents');
    await queryRunner.query('DROP FUNCTION documents_immutable()');
    await queryRunner.query('DROP TRIGGER document_contents_no_truncate ON document_contents');
    await queryRunner.query('DROP TRIGGER document_contents_no_update_delete ON document_contents');
    await queryRunner.query('DROP FUNCTION document_contents_immutable()');
  }
}
