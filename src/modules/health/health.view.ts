import { ApiProperty, ApiPropertyOptional, type SchemaObject } from '@nestjs/swagger';

/** One dependency's state, as Terminus reports it (`{ status: 'down', message }` when down). */
const indicator: SchemaObject = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['up', 'down'] },
    message: { type: 'string' },
    responseTime: {
      type: 'number',
      description: '检查耗时（毫秒），Terminus 的 PostgreSQL 检查给出',
    },
  },
  required: ['status'],
};
const up = { postgres: { status: 'up' }, redis: { status: 'up' } };

export class LiveView {
  @ApiProperty({ enum: ['ok'] })
  status: 'ok';
}

/** Terminus's HealthCheckResult for PostgreSQL and Redis. */
export class ReadyView {
  @ApiProperty({ enum: ['ok', 'error', 'shutting_down'] })
  status: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: indicator,
    description: '正常的依赖',
    example: up,
  })
  info?: Record<string, { status: string }>;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: indicator,
    description: '异常的依赖',
    example: {},
  })
  error?: Record<string, { status: string }>;

  @ApiProperty({
    type: 'object',
    additionalProperties: indicator,
    description: '所有依赖',
    example: up,
  })
  details: Record<string, { status: string }>;
}
