import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator.js';
import {
  Ctx,
  CurrentUser,
  type AuthUser,
  type RequestContext,
} from '../../common/context/request-context.js';
import { validationFailed } from '../../common/errors/domain-error.js';
import { PageView } from '../../common/pagination/page.js';
import { UuidPipe } from '../../common/validation/uuid.pipe.js';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { caseTimeline, TimelineEntry } from './case-timeline.js';
import { CasesService } from './cases.service.js';
import { CaseWorkflowService } from './case-workflow.service.js';
import { CaseVersion, CaseWriter, IfMatchHeader } from './case-writer.js';
import { CaseDetailView, CaseSummaryView } from './dto/case.view.js';
import {
  ConsentDto,
  ReasonDto,
  ScreeningDto,
  SearchCasesDto,
  UpdateCaseDto,
  VersionedDto,
} from './dto/case-writes.dto.js';
import { CreateCaseDto } from './dto/create-case.dto.js';
import { ListCasesQuery } from './dto/list-cases.query.js';
import { type CasePage, LIST_COUNT_CAP } from './case-list.js';

class CasePageView extends PageView(CaseSummaryView) {
  @ApiProperty({
    description: `false when more than ${LIST_COUNT_CAP} cases match and \`total\` is that floor (ask \`exactTotal=true\` for the exact count)`,
  })
  totalExact: boolean;
}

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly workflow: CaseWorkflowService,
    private readonly writer: CaseWriter,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Post()
  @Access('clerk')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'the same key and body return the first response',
  })
  @ApiCreatedResponse({ type: CaseDetailView })
  create(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Body() body: CreateCaseDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<CaseDetailView> {
    if (key !== undefined && !/^[A-Za-z0-9._:-]{8,128}$/.test(key)) {
      throw validationFailed([
        { field: 'Idempotency-Key', message: 'must be 8–128 letters, digits or ._:-' },
      ]);
    }
    return this.cases.create(ctx, user, body, key);
  }

  @Get()
  @Access('clerk', 'mediator', 'supervisor')
  @ApiOkResponse({ type: CasePageView })
  list(@CurrentUser() user: AuthUser, @Query() query: ListCasesQuery): Promise<CasePage> {
    return this.cases.list(user, query);
  }

  @Post('search')
  @HttpCode(200)
  @Access('clerk', 'mediator', 'supervisor')
  @ApiOkResponse({
    type: [CaseSummaryView],
    description: 'exact match on a full ID number or phone; audited',
  })
  search(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Body() body: SearchCasesDto,
  ): Promise<CaseSummaryView[]> {
    return this.cases.search(ctx, user, body);
  }

  @Get(':id')
  @Access('clerk', 'mediator', 'supervisor')
  @ApiOkResponse({ type: CaseDetailView })
  detail(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
  ): Promise<CaseDetailView> {
    return this.cases.detail(ctx, user, id);
  }

  @Patch(':id')
  @Access('clerk')
  @IfMatchHeader()
  @ApiOkResponse({ type: CaseDetailView })
  update(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: UpdateCaseDto,
    @CaseVersion() version: number,
  ): Promise<CaseDetailView> {
    return this.cases.update(ctx, user, id, version, body);
  }

  @Get(':id/timeline')
  @Access('clerk', 'mediator', 'supervisor')
  async timeline(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
  ): Promise<TimelineEntry[]> {
    await this.writer.visibleCase(ctx, user, id);
    return caseTimeline(this.dataSource, id);
  }

  @Post(':id/consents')
  @HttpCode(204)
  @Access('clerk', 'mediator')
  @IfMatchHeader()
  @ApiNoContentResponse({ description: 'recorded; a refusal closes the case for court filing' })
  consent(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: ConsentDto,
    @CaseVersion() version: number,
  ): Promise<void> {
    return this.workflow.recordConsent(ctx, user, id, version, body);
  }

  @Post(':id/screenings')
  @HttpCode(204)
  @Access('clerk', 'mediator')
  @IfMatchHeader()
  @ApiNoContentResponse({ description: 'recorded; not_suitable closes the case for court filing' })
  screening(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: ScreeningDto,
    @CaseVersion() version: number,
  ): Promise<void> {
    return this.workflow.recordScreening(ctx, user, id, version, body);
  }

  @Post(':id/refer')
  @HttpCode(204)
  @Access('clerk')
  @IfMatchHeader()
  refer(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: VersionedDto,
    @CaseVersion() version: number,
  ): Promise<void> {
    return this.workflow.refer(ctx, user, id, version);
  }

  @Post(':id/withdraw')
  @HttpCode(204)
  @Access('clerk', 'mediator')
  @IfMatchHeader()
  withdraw(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: ReasonDto,
    @CaseVersion() version: number,
  ): Promise<void> {
    return this.workflow.withdraw(ctx, user, id, version, body);
  }
}
