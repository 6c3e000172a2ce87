import { Global, Module } from '@nestjs/common';
import { REFUSED_ACCESS_SINK } from '../../common/scope/refused-access.js';
import { AuditChainCheck } from './audit-chain-check.js';
import { AuditQueryService } from './audit-query.service.js';
import { AuditController } from './audit.controller.js';
import { AuditService } from './audit.service.js';

/**
 * The audit trail: writing (AuditService, global since every feature module records), the
 * sink for ScopeService's refused reads, the read side and the nightly chain check (a job
 * handler the worker finds).
 */
@Global()
@Module({
  controllers: [AuditController],
  providers: [
    AuditService,
    { provide: REFUSED_ACCESS_SINK, useExisting: AuditService },
    AuditQueryService,
    AuditChainCheck,
  ],
  exports: [AuditService, REFUSED_ACCESS_SINK],
})
export class AuditModule {}
