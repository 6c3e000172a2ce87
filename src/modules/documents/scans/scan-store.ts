import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Where scan images live, chosen by SCAN_STORE (scan-store.module.ts). PostgreSQL by default
 * (bytea, document_scan_contents), so every API process sees them and backups include them; an
 * S3-compatible bucket for larger deployments (S3ScanStore).
 */
export abstract class ScanStore {
  /**
   * Stores the bytes, called last in the transaction that records the scan. A store outside
   * PostgreSQL cannot join that transaction: if it then fails, the caller calls `discard`.
   */
  abstract put(manager: EntityManager, scanId: string, bytes: Buffer): Promise<void>;
  /** The transaction that `put` these bytes did not commit: remove them if they live elsewhere. */
  abstract discard(scanId: string): Promise<void>;
  abstract get(scanId: string): Promise<Buffer | null>;
  /** Several at once (the case file binds every scan of the case); missing ones are left out. */
  abstract getMany(scanIds: string[]): Promise<Map<string, Buffer>>;
  /**
   * The readiness check of a store of its own (`/health/ready`), named `name`; null when the
   * store needs none (PostgreSQL is checked anyway).
   */
  abstract readiness(timeoutMs: number): Promise<{ name: string; down?: string } | null>;
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

  /** The rollback took the row with it. */
  async discard(): Promise<void> {}

  async readiness(): Promise<null> {
    return null;
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
