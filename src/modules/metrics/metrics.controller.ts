import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/access.decorator.js';
import { MetricsService } from './metrics.service.js';
import { ApiDoc, text } from '../../common/openapi/api-docs.js';

/** Prometheus text format. Expose it on the internal network only (see README). */
@ApiTags('metrics')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @ApiDoc({
    summary: 'Prometheus 指标',
    description: 'Prometheus 文本格式的运行指标；只应在内网开放。',
    reply: text('text/plain', 'Prometheus 文本格式 0.0.4'),
    public: true,
    unthrottled: true,
  })
  @Get()
  @Public()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.scrape();
  }
}
