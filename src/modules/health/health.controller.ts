import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { Public } from '../../common/auth/access.decorator.js';
import { QueueService } from '../../queue/queue.service.js';
import { ScanStore } from '../documents/scans/scan-store.js';
import { ApiDoc, ok } from '../../common/openapi/api-docs.js';
import { LiveView, ReadyView } from './health.view.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly queues: QueueService,
    private readonly scans: ScanStore,
  ) {}

  /** The process is up (no dependency checked): restart it only when this fails. */
  @ApiDoc({
    summary: '存活检查',
    description: '进程存活（不检查依赖）；只有它失败时才需要重启。',
    reply: ok(LiveView),
    public: true,
    unthrottled: true,
  })
  @Get('live')
  @Public()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Ready for traffic: PostgreSQL, Redis and an S3 scan store when configured answer. 503 otherwise. */
  @ApiDoc({
    summary: '就绪检查',
    description:
      'PostgreSQL 与 Redis（配置 SCAN_STORE=s3 时还有扫描件存储桶 s3）均可用时为 200；否则为 503，error 中指出不可用的依赖。',
    reply: ok(ReadyView),
    public: true,
    unthrottled: true,
  })
  @Get('ready')
  @Public()
  // Terminus documents itself only when it can load swagger, which differs under Jest: say it here.
  @HealthCheck({ swaggerDocumentation: false, noCache: true })
  ready() {
    return this.health.check([
      () => this.db.pingCheck('postgres', { timeout: 1_500 }),
      async () => {
        const redis = this.indicators.check('redis');
        return (await this.queues.ping(1_000))
          ? redis.up()
          : redis.down({ message: 'Redis does not answer' });
      },
      // Only a store of its own (S3: HeadBucket) adds a check; PostgreSQL's is the one above.
      async () => {
        const state = await this.scans.readiness(1_500);
        if (!state) return {};
        const check = this.indicators.check(state.name);
        return state.down ? check.down({ message: state.down }) : check.up();
      },
    ]);
  }
}
