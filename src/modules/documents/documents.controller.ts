import { attachment } from '../../common/http/content-disposition.js';
import { Body, Controller, Get, Param, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access } from '../../common/auth/access.decorator.js';
import { type Actor, Caller } from '../../common/context/request-context.js';
import { UuidPipe } from '../../common/validation/uuid.pipe.js';
import { CaseCode } from '../cases/cases.codes.js';
import { IntakeCode } from '../cases/intake/intake.codes.js';
import { SessionCode } from '../cases/sessions/sessions.codes.js';
import { DocumentCode } from './documents.codes.js';
import { DocumentsService } from './documents.service.js';
import { DocumentView, IssueDocumentDto } from './dto/document.dto.js';
import { ApiDoc, ok, okList, created, file, MEDIA } from '../../common/openapi/api-docs.js';
import { EXAMPLES } from '../../common/openapi/examples.js';

/** `调解协议书_(2026)J37诉前调12号_第1版.pdf`, RFC 5987-encoded beside an ASCII fallback. */
export function contentDisposition(
  title: string,
  caseNumber: string,
  type: string,
  version: number,
): string {
  return attachment(`${title}_${caseNumber}_第${version}版.pdf`, `${type}-v${version}.pdf`);
}

@ApiTags('documents')
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @ApiDoc({
    summary: '出具文书',
    description:
      '按案件当前状态生成一份新版本的文书（PDF）并保存；不能出具的类型为 409 DOCUMENT.NOT_ISSUABLE。',
    reply: created(DocumentView, '新版本，已生成并保存'),
    body: { type: IssueDocumentDto, example: EXAMPLES.issueDocument },
    errors: {
      403: [DocumentCode.NotIssuer],
      404: [CaseCode.NotFound, IntakeCode.PartyNotFound, SessionCode.NotFound],
      409: [DocumentCode.NotIssuable, DocumentCode.NothingToBind, DocumentCode.IssueContended],
    },
  })
  @Post('cases/:id/documents')
  @Access('clerk', 'mediator', 'supervisor')
  issue(
    @Caller() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Body() body: IssueDocumentDto,
  ): Promise<DocumentView> {
    return this.documents.issue(actor, id, body);
  }

  @ApiDoc({
    summary: '案件文书列表',
    description: '案件的全部文书版本，旧的在前（不含数据）。',
    reply: okList(DocumentView),
    errors: { 404: [CaseCode.NotFound] },
  })
  @Get('cases/:id/documents')
  @Access('clerk', 'mediator', 'supervisor')
  list(@Caller() actor: Actor, @Param('id', UuidPipe) id: string): Promise<DocumentView[]> {
    return this.documents.list(actor, id);
  }

  @ApiDoc({
    summary: '文书详情',
    description: '一份文书及其生成时的（已脱敏）数据。',
    reply: ok(DocumentView),
    errors: { 404: [DocumentCode.NotFound] },
  })
  @Get('documents/:id')
  @Access('clerk', 'mediator', 'supervisor')
  get(@Caller() actor: Actor, @Param('id', UuidPipe) id: string): Promise<DocumentView> {
    return this.documents.get(actor, id);
  }

  @ApiDoc({
    summary: '下载文书 PDF',
    description: '出具时的 PDF 原件；每次下载记入审计日志。',
    reply: file([MEDIA.pdf], 'PDF 原件'),
    errors: { 404: [DocumentCode.NotFound] },
  })
  @Get('documents/:id/pdf')
  @Access('clerk', 'mediator', 'supervisor')
  async pdf(
    @Caller() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { document, bytes } = await this.documents.pdf(actor, id);
    const caseNumber = String(
      (document.data as { case?: { caseNumber?: string } }).case?.caseNumber ?? '',
    );
    reply.header('Cache-Control', 'no-store');
    reply.header(
      'Content-Disposition',
      contentDisposition(document.title, caseNumber, document.type, document.version),
    );
    reply.header('ETag', `"${document.sha256}"`);
    return new StreamableFile(bytes, { type: 'application/pdf', length: bytes.length });
  }
}
