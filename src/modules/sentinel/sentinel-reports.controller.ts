import {
  Body,
  Controller,
  createParamDecorator,
  type ExecutionContext,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Access } from '../../common/auth/access.decorator.js';
import {
  Caller,
  CurrentUser,
  type Actor,
  type AuthUser,
} from '../../common/context/request-context.js';
import { ApiDoc, created, ok } from '../../common/openapi/api-docs.js';
import { EXAMPLES } from '../../common/openapi/examples.js';
import { PageView, type Page } from '../../common/pagination/page.js';
import { UuidPipe } from '../../common/validation/uuid.pipe.js';
import { CaseCode } from '../cases/cases.codes.js';
import { expectedVersion } from '../cases/case-writer.js';
import { ApiIdempotencyKey, checkIdempotencyKey } from '../cases/idempotency.js';
import {
  CreateSentinelReportDto,
  ListSentinelReportsQuery,
  ReviewSentinelReportDto,
} from './dto/sentinel-report.dto.js';
import { SentinelReportView } from './dto/sentinel-report.view.js';
import { SentinelCode } from './sentinel.codes.js';
import { SentinelReportsService } from './sentinel-reports.service.js';

class SentinelReportPage extends PageView(SentinelReportView) {}

/** The optional `Idempotency-Key` header, its format checked (as on `POST /cases`). */
const IdempotencyKeyHeader = createParamDecorator(
  (_data: unknown, host: ExecutionContext): string | undefined =>
    checkIdempotencyKey(
      host.switchToHttp().getRequest<FastifyRequest>().headers['idempotency-key'],
    ),
);

@ApiTags('sentinel-reports')
@Controller('sentinel-reports')
export class SentinelReportsController {
  constructor(private readonly reports: SentinelReportsService) {}

  @ApiDoc({
    summary: '上报矛盾纠纷线索',
    description:
      '哨点（妇女微家、执委工作室、个人调解室）信息员、调解员或督导上报一条线索；当事人的身份证号、电话加密保存，脱敏显示。任一风险问题为是时线索须督导在 24 小时内审核。带同一 Idempotency-Key 与同一请求体的重复请求返回第一次的响应。',
    reply: created(SentinelReportView),
    body: { type: CreateSentinelReportDto, example: EXAMPLES.createSentinelReport },
    errors: { 409: [CaseCode.IdempotencyKeyReused] },
  })
  @Post()
  @Access('sentinel', 'mediator', 'supervisor')
  @ApiIdempotencyKey('同一键与同一请求体返回第一次的响应')
  create(
    @Caller() actor: Actor,
    @Body() body: CreateSentinelReportDto,
    @IdempotencyKeyHeader() key?: string,
  ): Promise<SentinelReportView> {
    return this.reports.create(actor, body, key);
  }

  @ApiDoc({
    summary: '线索列表',
    description:
      '信息员：本人上报的；调解员：本人及本组织的；督导：所在地区内的。可筛选待审核与审核超期的线索。',
    reply: ok(SentinelReportPage),
  })
  @Get()
  @Access('sentinel', 'mediator', 'supervisor')
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: ListSentinelReportsQuery,
  ): Promise<Page<SentinelReportView>> {
    return this.reports.list(user, query);
  }

  @ApiDoc({
    summary: '线索详情',
    description: '范围与列表相同；范围外的线索为 404。',
    reply: ok(SentinelReportView),
    errors: { 404: [SentinelCode.NotFound] },
  })
  @Get(':id')
  @Access('sentinel', 'mediator', 'supervisor')
  get(@Caller() actor: Actor, @Param('id', UuidPipe) id: string): Promise<SentinelReportView> {
    return this.reports.get(actor, id);
  }

  @ApiDoc({
    summary: '审核线索',
    description:
      '所在地区的督导审核一条线索（确认、移交公安、移交法院或继续关注）；version 须为线索的当前版本。',
    reply: ok(SentinelReportView),
    body: { type: ReviewSentinelReportDto, example: EXAMPLES.reviewSentinelReport },
    errors: {
      404: [SentinelCode.NotFound],
      409: [SentinelCode.AlreadyReviewed, SentinelCode.VersionConflict],
    },
  })
  @Post(':id/review')
  @HttpCode(200)
  @Access('supervisor')
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: '线索版本号（或在请求体中给出 version）',
  })
  review(
    @Caller() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Body() body: ReviewSentinelReportDto,
    @Req() request: FastifyRequest,
  ): Promise<SentinelReportView> {
    const ifMatch = request.headers['if-match'];
    const version = expectedVersion(
      body.version,
      typeof ifMatch === 'string' ? ifMatch : undefined,
    );
    return this.reports.review(actor, id, body, version);
  }
}
