import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Where scan images live. PostgreSQL by default (bytea, document_scan_contents), so every API
 * process sees them and backups include them; an S3-compatible store can replace it by
 * implementing these calls and being chosen by configuration (not built yet).
 */
export abstract class ScanStore {
  /** Stores the bytes in the transaction that records the scan. */
  abstract put(manager: EntityManager, scanId: string, bytes: Buffer): Promise<void>;
  abstract get(scanId: string): Promise<Buffer | null>;
  /** Several at once (the case file binds every scan of the case). */
  abstract getMany(scanIds: string[]): Promise<Map<string, Buffer>>;
}

@Injectable()
export class PgScanStore extends ScanStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async put(manager: EntityManager, scanId: string, bytes: Buffer): Promise<void> {
    await manager.query('INSERT INTO document_scan_contents (scan_id, content) VALUES ($1, $2)', [
      scanId,
      bytes,
    ]);
  }

  async get(scanId: string): Promise<Buffer | null> {
    return (await this.getMany([scanId])).get(scanId) ?? null;
  }

  async getMany(scanIds: string[]): Promise<Map<string, Buffer>> {
    if (scanIds.length === 0) return new Map();
    const rows: { scan_id: string; content: Buffer }[] = await this.dataSource.query(
      'SELECT scan_id, content FROM document_scan_contents WHERE scan_id = ANY($1::uuid[])',
      [scanIds],
    );
    return new Map(rows.map((r) => [r.scan_id, r.content]));
  }
}
