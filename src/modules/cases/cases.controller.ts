import {
  Body,
  Controller,
  createParamDecorator,
  ExecutionContext,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Access } from '../../common/auth/access.decorator.js';
import {
  CurrentUser,
  type AuthUser,
  type Actor,
  Caller,
} from '../../common/context/request-context.js';
import { PageView } from '../../common/pagination/page.js';
import { UuidPipe } from '../../common/validation/uuid.pipe.js';
import type { TimelineEntry } from './case-timeline.js';
import { RegionCode } from '../regions/regions.codes.js';
import { CaseCode } from './cases.codes.js';
import { CasesService } from './cases.service.js';
import { IntakeCode } from './intake/intake.codes.js';
import { IntakeService } from './intake/intake.service.js';
import { VersionedWrite } from './case-writer.js';
import { ApiIdempotencyKey, checkIdempotencyKey } from './idempotency.js';
import { CaseDetailView, CaseSummaryView } from './dto/case.view.js';
import { ReasonDto, SearchCasesDto, UpdateCaseDto, VersionedDto } from './dto/case-writes.dto.js';
import { ConsentDto, ScreeningDto } from './intake/dto/intake.dto.js';
import { CreateCaseDto } from './intake/dto/create-case.dto.js';
import { ListCasesQuery } from './dto/list-cases.query.js';
import { type CasePage, LIST_COUNT_CAP } from './case-list.js';
import { ApiDoc, ok, okList, created, noContent } from '../../common/openapi/api-docs.js';
import { EXAMPLES } from '../../common/openapi/examples.js';
import { TimelineEntryView } from './dto/timeline.view.js';
import { FamilyView } from './dto/family.view.js';

class CasePageView extends PageView(CaseSummaryView) {
  @ApiProperty({
    description: `匹配超过 ${LIST_COUNT_CAP} 件时为 false，此时 \`total\` 为该下限（精确计数请加 \`exactTotal=true\`）`,
  })
  totalExact: boolean;
}

/**
 * The optional `Idempotency-Key` header, its format checked. Read by hand rather than with
 * `@Headers(...)`, which the OpenAPI document would list a second time as a required lower-case
 * header.
 */
const IdempotencyKeyHeader = createParamDecorator(
  (_data: unknown, host: ExecutionContext): string | undefined =>
    checkIdempotencyKey(
      host.switchToHttp().getRequest<FastifyRequest>().headers['idempotency-key'],
    ),
);

/**
 * `/cases` itself: list, search, detail, edit, timeline, withdraw, and intake's routes (create,
 * consents, screenings, refer), which call IntakeService. They stay in this controller because
 * Nest lists a controller's routes together: moving them out would reorder the OpenAPI document.
 */
@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly intake: IntakeService,
  ) {}

  @ApiDoc({
    summary: '登记案件',
    description:
      '法院书记员登记一件诉前调解案件（含当事人与子女）；当事人的身份证号、电话、住址加密保存。带同一 Idempotency-Key 与同一请求体的重复请求返回第一次的响应。',
    reply: created(CaseDetailView),
    body: { type: CreateCaseDto, example: EXAMPLES.createCase },
    errors: {
      404: [RegionCode.NotFound],
      409: [CaseCode.DuplicateCourtReference, CaseCode.IdempotencyKeyReused],
    },
  })
  @Post()
  @Access('clerk')
  @ApiIdempotencyKey('同一键与同一请求体返回第一次的响应')
  create(
    @Caller() actor: Actor,
    @Body() body: CreateCaseDto,
    @IdempotencyKeyHeader() key?: string,
  ): Promise<CaseDetailView> {
    return this.intake.create(actor, body, key);
  }

  @ApiDoc({
    summary: '案件列表',
    description:
      '调用者范围内的案件，可按状态、类型、调解员、期限等筛选并分页；超过上限时 total 为下限且 totalExact 为 false。',
    reply: ok(CasePageView),
  })
  @Get()
  @Access('clerk', 'mediator', 'supervisor')
  list(@CurrentUser() user: AuthUser, @Query() query: ListCasesQuery): Promise<CasePage> {
    return this.cases.list(user, query);
  }

  @ApiDoc({
    summary: '按身份证号或电话查找案件',
    description: '按完整的身份证号或手机号精确查找调用者范围内的案件；每次查找都记入审计日志。',
    reply: okList(CaseSummaryView, '匹配的案件（当事人信息已脱敏）'),
    body: { type: SearchCasesDto, example: EXAMPLES.search },
  })
  @Post('search')
  @HttpCode(200)
  @Access('clerk', 'mediator', 'supervisor')
  search(@Caller() actor: Actor, @Body() body: SearchCasesDto): Promise<CaseSummaryView[]> {
    return this.cases.search(actor, body);
  }

  @ApiDoc({
    summary: '案件详情',
    description: '案件的全部信息，当事人身份证号、电话、住址已脱敏（查看完整值见 reveal）。',
    reply: ok(CaseDetailView),
    errors: { 404: [CaseCode.NotFound] },
  })
  @Get(':id')
  @Access('clerk', 'mediator', 'supervisor')
  detail(@Caller() actor: Actor, @Param('id', UuidPipe) id: string): Promise<CaseDetailView> {
    return this.cases.detail(actor, id);
  }

  @ApiDoc({
    summary: '修改案件',
    description:
      '修改案情摘要、诉求或法院案号；以案件版本号（If-Match 或 version）防止覆盖他人的修改。',
    reply: ok(CaseDetailView),
    body: { type: UpdateCaseDto, example: EXAMPLES.updateCase },
    errors: {
      404: [CaseCode.NotFound],
      409: [CaseCode.VersionConflict, CaseCode.InvalidTransition, CaseCode.DuplicateCourtReference],
    },
  })
  @Patch(':id')
  @Access('clerk')
  update(
    @VersionedWrite() write: VersionedWrite,
    @Body() body: UpdateCaseDto,
  ): Promise<CaseDetailView> {
    return this.cases.update(write, body);
  }

  @ApiDoc({
    summary: '案件时间线',
    description: '案件的全部操作记录，按时间先后排列，每条附一行 Asia/Shanghai 时间的说明。',
    reply: okList(TimelineEntryView),
    errors: { 404: [CaseCode.NotFound] },
  })
  @Get(':id/timeline')
  @Access('clerk', 'mediator', 'supervisor')
  async timeline(
    @Caller() actor: Actor,
    @Param('id', UuidPipe) id: string,
  ): Promise<TimelineEntry[]> {
    return this.cases.timeline(actor, id);
  }

  @ApiDoc({
    summary: '家庭记录',
    description:
      '与本案有共同当事人（按身份证号，不论身份）的其他案件，最新的在前；只列调用者按案件列表同样的范围可见的，不可见的既不列出也不计数。每条记录带 kind（目前只有 case）。',
    reply: ok(FamilyView),
    errors: { 404: [CaseCode.NotFound] },
  })
  @Get(':id/family')
  @Access('clerk', 'mediator', 'supervisor')
  family(@Caller() actor: Actor, @Param('id', UuidPipe) id: string): Promise<FamilyView> {
    return this.cases.family(actor, id);
  }

  @ApiDoc({
    summary: '记录当事人同意调解',
    description: '记录一方当事人是否同意调解；任何一方拒绝即结案转诉讼。',
    reply: noContent(),
    body: { type: ConsentDto, example: EXAMPLES.consent },
    errors: {
      404: [CaseCode.NotFound, IntakeCode.PartyNotFound],
      409: [CaseCode.VersionConflict, CaseCode.InvalidTransition],
    },
  })
  @Post(':id/consents')
  @HttpCode(204)
  @Access('clerk', 'mediator')
  consent(@VersionedWrite() write: VersionedWrite, @Body() body: ConsentDto): Promise<void> {
    return this.intake.recordConsent(write, body);
  }

  @ApiDoc({
    summary: '记录安全评估',
    description:
      '记录对一方当事人的家庭暴力安全评估；not_suitable 即结案转诉讼，shuttle 则只能背对背调解。',
    reply: noContent(),
    body: { type: ScreeningDto, example: EXAMPLES.screening },
    errors: {
      404: [CaseCode.NotFound, IntakeCode.PartyNotFound],
      409: [CaseCode.VersionConflict, CaseCode.InvalidTransition],
    },
  })
  @Post(':id/screenings')
  @HttpCode(204)
  @Access('clerk', 'mediator')
  screening(@VersionedWrite() write: VersionedWrite, @Body() body: ScreeningDto): Promise<void> {
    return this.intake.recordScreening(write, body);
  }

  @ApiDoc({
    summary: '委派调解',
    description: '双方同意且安全评估完成后，将案件委派调解，等待指派调解员。',
    reply: noContent(),
    body: { type: VersionedDto, example: EXAMPLES.versioned },
    errors: {
      404: [CaseCode.NotFound],
      409: [
        CaseCode.VersionConflict,
        CaseCode.InvalidTransition,
        IntakeCode.CaseReferralPreconditions,
      ],
    },
  })
  @Post(':id/refer')
  @HttpCode(204)
  @Access('clerk')
  refer(@VersionedWrite() write: VersionedWrite, @Body() _body: VersionedDto): Promise<void> {
    return this.intake.refer(write);
  }

  @ApiDoc({
    summary: '撤回调解',
    description: '当事人撤回调解申请，案件结案。',
    reply: noContent(),
    body: { type: ReasonDto, example: EXAMPLES.reason },
    errors: {
      404: [CaseCode.NotFound],
      409: [CaseCode.VersionConflict, CaseCode.InvalidTransition, CaseCode.NotAssignedToYou],
    },
  })
  @Post(':id/withdraw')
  @HttpCode(204)
  @Access('clerk', 'mediator')
  withdraw(@VersionedWrite() write: VersionedWrite, @Body() body: ReasonDto): Promise<void> {
    return this.cases.withdraw(write, body);
  }
}
