import { Module } from '@nestjs/common';
import { AuditQueryService } from './audit-query.service.js';
import { AuditController } from './audit.controller.js';

/** The audit trail's read side; writing is AuditService in SharedModule. */
@Module({
  controllers: [AuditController],
  providers: [AuditQueryService],
})
export class AuditModule {}
