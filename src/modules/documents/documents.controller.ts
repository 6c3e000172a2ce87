import { attachment } from '../../common/http/content-disposition.js';
import { Body, Controller, Get, Param, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access } from '../../common/auth/access.decorator.js';
import {
  Ctx,
  CurrentUser,
  type AuthUser,
  type RequestContext,
} from '../../common/context/request-context.js';
import { UuidPipe } from '../../common/validation/uuid.pipe.js';
import { DocumentsService } from './documents.service.js';
import { DocumentView, IssueDocumentDto } from './dto/document.dto.js';

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

  @Post('cases/:id/documents')
  @Access('clerk', 'mediator', 'supervisor')
  @ApiCreatedResponse({ type: DocumentView, description: 'a new version, rendered and stored' })
  issue(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: IssueDocumentDto,
  ): Promise<DocumentView> {
    return this.documents.issue(ctx, user, id, body);
  }

  @Get('cases/:id/documents')
  @Access('clerk', 'mediator', 'supervisor')
  @ApiOkResponse({ type: [DocumentView], description: 'every version, oldest first (no data)' })
  list(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
  ): Promise<DocumentView[]> {
    return this.documents.list(ctx, user, id);
  }

  @Get('documents/:id')
  @Access('clerk', 'mediator', 'supervisor')
  @ApiOkResponse({ type: DocumentView })
  get(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
  ): Promise<DocumentView> {
    return this.documents.get(ctx, user, id);
  }

  @Get('documents/:id/pdf')
  @Access('clerk', 'mediator', 'supervisor')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'the PDF as issued (audited)' })
  async pdf(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { document, bytes } = await this.documents.pdf(ctx, user, id);
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
