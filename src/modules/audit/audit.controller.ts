import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator.js';
import { CurrentUser, type AuthUser } from '../../common/context/request-context.js';
import { PageView, type Page } from '../../common/pagination/page.js';
import { AuditQueryService } from './audit-query.service.js';
import { AuditEventView, ListAuditQuery } from './dto/audit.dto.js';
import { ApiDoc, ok } from '../../common/openapi/api-docs.js';

class AuditPage extends PageView(AuditEventView) {}

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditQueryService) {}

  @ApiDoc({
    summary: '审计日志',
    description: '最新的在前；督导只看到其辖区内的事件。',
    reply: ok(AuditPage),
  })
  @Get()
  @Access('admin', 'supervisor')
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: ListAuditQuery,
  ): Promise<Page<AuditEventView>> {
    return this.audit.list(user, query);
  }
}
