import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/context/request-context.js';
import type { RefusedAccessSink } from '../../common/scope/refused-access.js';
import { chainHash, ChainedFields, GENESIS_HASH } from './audit-chain.js';
import { redactForAudit } from './audit-redaction.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  caseId?: string | null;
  regionPath?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** The actor when it differs from the context's user (e.g. a login, before there is a user). */
  actorId?: string | null;
  actorRole?: string | null;
}

/** Serialises appends so each row links the one before it; held until the transaction ends. */
const CHAIN_LOCK_KEY = 7_310_221;

@Injectable()
export class AuditService implements RefusedAccessSink {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends one audit row inside the caller's transaction (`manager` must be the transaction's
   * manager): if the change rolls back, so does its audit row. Call it last in the transaction,
   * the chain lock is held until commit.
   */
  async record(manager: EntityManager, ctx: RequestContext, entry: AuditEntry): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('AuditService.record must run inside a transaction');
    }
    await manager.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK_KEY]);
    const last: { hash: string }[] = await manager.query(
      'SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1',
    );
    const prevHash = last[0]?.hash ?? GENESIS_HASH;
    const fields: ChainedFields = {
      occurredAt: new Date(),
      actorId: entry.actorId !== undefined ? entry.actorId : (ctx.user?.id ?? null),
      actorRole: entry.actorRole !== undefined ? entry.actorRole : (ctx.user?.role ?? null),
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      regionPath: entry.regionPath ?? null,
      caseId: entry.caseId ?? null,
      before: redactForAudit(entry.before),
      after: redactForAudit(entry.after),
      requestId: ctx.requestId.slice(0, 64),
      ip: ctx.ip?.slice(0, 64) ?? null,
    };
    // Plain SQL: TypeORM's deep-partial typing cannot follow recursive JSON types.
    await manager.query(
      `INSERT INTO audit_events (occurred_at, actor_id, actor_role, action, entity_type, entity_id, region_path,
                                 case_id, before, after, request_id, ip, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        fields.occurredAt,
        fields.actorId,
        fields.actorRole,
        fields.action,
        fields.entityType,
        fields.entityId,
        fields.regionPath,
        fields.caseId,
        fields.before === null ? null : JSON.stringify(fields.before),
        fields.after === null ? null : JSON.stringify(fields.after),
        fields.requestId,
        fields.ip,
        prevHash,
        chainHash(prevHash, fields),
      ],
    );
  }

  /** For events that are the whole write: a refused access, a failed login. */
  async recordAlone(ctx: RequestContext, entry: AuditEntry): Promise<void> {
    await this.dataSource.transaction((manager) => this.record(manager, ctx, entry));
  }

  /** ScopeService's refused reads (see REFUSED_ACCESS_SINK). */
  async refusedAccess(ctx: RequestContext, entity: { type: string; id: string }): Promise<void> {
    await this.recordAlone(ctx, {
      action: 'access.denied',
      entityType: entity.type,
      entityId: entity.id.slice(0, 64),
    });
  }
}
