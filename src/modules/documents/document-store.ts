import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Where document bytes live. PostgreSQL by default (bytea), so every API process sees them and
 * backups include them; an object store can replace it by implementing these two calls.
 */
export abstract class DocumentStore {
  /** Stores the bytes in the transaction that records the document. */
  abstract put(manager: EntityManager, documentId: string, bytes: Uint8Array): Promise<void>;
  abstract get(documentId: string): Promise<Buffer | null>;
}

@Injectable()
export class PgDocumentStore extends DocumentStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async put(manager: EntityManager, documentId: string, bytes: Uint8Array): Promise<void> {
    await manager.query('INSERT INTO document_contents (document_id, content) VALUES ($1, $2)', [
      documentId,
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    ]);
  }

  async get(documentId: string): Promise<Buffer | null> {
    const rows: { content: Buffer }[] = await this.dataSource.query(
      'SELECT content FROM document_contents WHERE document_id = $1',
      [documentId],
    );
    return rows[0]?.content ?? null;
  }
}
