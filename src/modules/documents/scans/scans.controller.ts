import { Controller, Get, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Access } from '../../../common/auth/access.decorator.js';
import { type Actor, Caller } from '../../../common/context/request-context.js';
import { ApiDoc, created, file, okList } from '../../../common/openapi/api-docs.js';
import { UuidPipe } from '../../../common/validation/uuid.pipe.js';
import { Env } from '../../../config/env.js';
import { DocumentCode } from '../documents.codes.js';
import { readScanUpload } from './scan-multipart.js';
import { SCAN_UPLOAD_SCHEMA, ScanView } from './scan.dto.js';
import { ScansService } from './scans.service.js';

@ApiTags('documents')
@Controller()
export class ScansController {
  constructor(
    private readonly scans: ScansService,
    private readonly env: Env,
  ) {}

  @ApiDoc({
    summary: '上传签字页照片',
    description:
      '签字、按手印后的纸质页照片（multipart/form-data：file，可选 page、qr）。按内容识别类型（JPEG、PNG、WebP），重新编码为不含 EXIF（含位置）的 JPEG 后保存；' +
      'qr 为手机识读的页面二维码，须属于本文书的本版本。同一原件再次上传返回已保存的扫描件（200）。',
    reply: created(ScanView, '已保存；同一原件已保存过时为 200 及该扫描件'),
    consumes: 'multipart/form-data',
    body: {
      schema: SCAN_UPLOAD_SCHEMA as never,
      example: { file: '(binary)', qr: SCAN_UPLOAD_SCHEMA.properties.qr.example },
    },
    errors: {
      400: [
        DocumentCode.ScanFileRequired,
        DocumentCode.ScanFileUnreadable,
        DocumentCode.ScanQrMismatch,
        DocumentCode.ScanPageOutOfRange,
      ],
      404: [DocumentCode.NotFound],
      413: [DocumentCode.ScanFileTooLarge],
      415: [DocumentCode.ScanFileType],
    },
    also200: ScanView,
  })
  @Post('documents/:id/scans')
  @Access('clerk', 'mediator', 'supervisor')
  async add(
    @Caller() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const upload = await readScanUpload(request, this.env.SCAN_MAX_BYTES);
    const { created: isNew, scan } = await this.scans.add(actor, id, upload);
    // Sent here: Nest would answer every POST with its one status.
    await reply.status(isNew ? 201 : 200).send(scan);
  }

  @ApiDoc({
    summary: '文书的签字页照片列表',
    description: '本文书（各版本）已上传的照片，先上传的在前（不含图片）。',
    reply: okList(ScanView),
    errors: { 404: [DocumentCode.NotFound] },
  })
  @Get('documents/:id/scans')
  @Access('clerk', 'mediator', 'supervisor')
  list(@Caller() actor: Actor, @Param('id', UuidPipe) id: string): Promise<ScanView[]> {
    return this.scans.list(actor, id);
  }

  @ApiDoc({
    summary: '下载签字页照片',
    description: '保存的 JPEG（不含 EXIF）；每次下载记入审计日志。',
    reply: file(['image/jpeg'], 'JPEG 图片'),
    errors: { 404: [DocumentCode.NotFound, DocumentCode.ScanNotFound] },
  })
  @Get('documents/:id/scans/:scanId')
  @Access('clerk', 'mediator', 'supervisor')
  async image(
    @Caller() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Param('scanId', UuidPipe) scanId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { scan, bytes } = await this.scans.image(actor, id, scanId);
    reply.header('Cache-Control', 'private, no-store');
    reply.header('ETag', `"${scan.sha256}"`);
    return new StreamableFile(bytes, { type: scan.mime, length: bytes.length });
  }
}
