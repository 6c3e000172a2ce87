import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ERROR_CODES, type ErrorCode } from '../../codes.js';
import { ValidationCode } from '../i18n/common.codes.js';

/**
 * The `code` of a problem and of its field errors: one schema (`ErrorCode`) whose `enum` is every
 * code of the modules' code objects (src/codes.ts), so clients see each code they may branch on
 * and the typed web client compares against them.
 */
const CODE = {
  enum: ERROR_CODES,
  enumName: 'ErrorCode',
  enumSchema: {
    description:
      '稳定的错误代码（问题及其字段问题），客户端据此判断；各操作的错误响应列出它可能给出的代码',
  },
} as const;

@ApiSchema({ name: 'FieldError' })
export class FieldErrorView {
  @ApiProperty({
    description: '出错的字段（请求体路径、查询参数或请求头）',
    example: 'parties.0.idNumber',
  })
  field: string;

  @ApiProperty({
    description:
      '稳定的字段问题代码，客户端据此判断（如 `ID_NUMBER.CHECKSUM`、`VALIDATION.IS_STRING`）',
    example: ValidationCode.IdNumberChecksum,
    ...CODE,
  })
  code: ErrorCode;

  @ApiProperty({
    description: '该字段的问题，按 Accept-Language 以中文（默认）或英文书写',
    example: '身份证号码校验位不正确',
  })
  message: string;
}

/** The body of every error (RFC 9457 application/problem+json), as problem.filter.ts writes it. */
@ApiSchema({ name: 'Problem' })
export class ProblemView {
  @ApiProperty({
    description: '问题类型的 URI，由 code 派生',
    example: 'https://mediation.example/problems/validation-failed',
  })
  type: string;

  @ApiProperty({
    description: '问题的简短标题，按 Accept-Language 以中文（默认）或英文书写',
    example: '提交的内容有误',
  })
  title: string;

  @ApiProperty({ description: 'HTTP 状态码', example: 400 })
  status: number;

  @ApiProperty({
    description: '稳定的错误代码 `MODULE.REASON`，客户端据此判断',
    example: ValidationCode.Failed,
    ...CODE,
  })
  code: ErrorCode;

  @ApiProperty({
    description:
      '给人看的说明，按 Accept-Language 以中文（默认）或英文书写（响应头 Content-Language 注明）',
    example: '提交的内容有 1 处不符合要求',
  })
  detail: string;

  @ApiPropertyOptional({
    type: [FieldErrorView],
    description: '逐字段的问题；仅在校验失败时出现',
  })
  errors?: FieldErrorView[];

  @ApiProperty({
    description: '请求编号，与响应头 X-Request-Id 相同，报障时引用',
    example: 'a1b2c3d4',
  })
  requestId: string;
}
