import { ApiProperty } from '@nestjs/swagger';

/** The multipart body of an upload, as the contract describes it. */
export const SCAN_UPLOAD_SCHEMA = {
  type: 'object',
  required: ['file'],
  properties: {
    file: {
      type: 'string',
      format: 'binary',
      description: '签字按印后纸质页的照片：JPEG、PNG 或 WebP（按内容识别），不超过 SCAN_MAX_BYTES',
    },
    page: { type: 'integer', minimum: 1, description: '照片所示的页码（可由二维码得出）' },
    qr: {
      type: 'string',
      description:
        '手机识读的页面二维码内容 `FM1:<文书编号>:<版本>:<校验码>:<页码>`；须属于本文书的本版本',
      example: 'FM1:3F2C8A10-5B7E-4D29-9A41-6C0E2F7D8B93:1:9C1E04A7B2:1',
    },
  },
} as const;

export class ScanView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) documentId: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ description: '照片所拍文书的版本' }) documentVersion: number;
  @ApiProperty({ nullable: true, type: Number, description: '所示页码（未知时为 null）' })
  page: number | null;
  @ApiProperty({ description: '保存的 JPEG 的 SHA-256（十六进制）' }) sha256: string;
  @ApiProperty({ description: '上传原件的 SHA-256；同一原件只保存一次' }) originalSha256: string;
  @ApiProperty({ example: 'image/jpeg' }) mime: string;
  @ApiProperty({ description: '保存的 JPEG 的字节数' }) bytes: number;
  @ApiProperty() width: number;
  @ApiProperty() height: number;
  @ApiProperty({ format: 'uuid' }) uploadedBy: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt: string;
  @ApiProperty({ enum: ['qr', 'hand'], description: 'qr：按页面二维码关联；hand：由用户选择' })
  linkedBy: string;
}
