import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator.js';
import { CurrentUser, type AuthUser } from '../../common/context/request-context.js';
import { PageView, type Page } from '../../common/pagination/page.js';
import { AuditQueryService } from './audit-query.service.js';
import { AuditEventView, ListAuditQuery } from './dto/audit.dto.js';

class AuditPage extends PageView(AuditEventView) {}

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditQueryService) {}

  @Get()
  @Access('admin', 'supervisor')
  @ApiOkResponse({
    type: AuditPage,
    description: 'Newest first; a supervisor sees events in her region',
  })
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: ListAuditQuery,
  ): Promise<Page<AuditEventView>> {
    return this.audit.list(user, query);
  }
}
