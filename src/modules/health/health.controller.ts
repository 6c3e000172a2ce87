import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { Public } from '../../common/auth/access.decorator.js';
import { QueueService } from '../../queue/queue.service.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly queues: QueueService,
  ) {}

  /** The process is up (no dependency checked): restart it only when this fails. */
  @Get('live')
  @Public()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Ready for traffic: PostgreSQL and Redis answer. 503 otherwise. */
  @Get('ready')
  @Public()
  // Terminus documents itself only when it can load swagger, which differs under Jest: say it here.
  @HealthCheck({ swaggerDocumentation: false, noCache: true })
  @ApiOkResponse({ description: '{ status: "ok", info: { postgres, redis } }' })
  @ApiServiceUnavailableResponse({
    description:
      'A dependency is down: problem+json SERVICE.UNAVAILABLE naming it, with Retry-After',
  })
  ready() {
    return this.health.check([
      () => this.db.pingCheck('postgres', { timeout: 1_500 }),
      async () => {
        const redis = this.indicators.check('redis');
        return (await this.queues.ping(1_000))
          ? redis.up()
          : redis.down({ message: 'Redis does not answer' });
      },
    ]);
  }
}
