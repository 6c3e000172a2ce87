import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'FieldError' })
export class FieldErrorView {
  @ApiProperty({
    description: '出错的字段（请求体路径、查询参数或请求头）',
    example: 'parties[0].idNumber',
  })
  field: string;

  @ApiProperty({ description: '该字段的问题', example: 'must be a valid resident ID number' })
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

  @ApiProperty({ description: 'HTTP 状态的标题', example: 'Bad Request' })
  title: string;

  @ApiProperty({ description: 'HTTP 状态码', example: 400 })
  status: number;

  @ApiProperty({
    description: '稳定的错误代码 `MODULE.REASON`，客户端据此判断',
    example: 'VALIDATION.FAILED',
  })
  code: string;

  @ApiProperty({ description: '给人看的说明', example: 'The request is invalid' })
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
