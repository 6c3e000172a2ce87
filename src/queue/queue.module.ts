import { Global, Module } from '@nestjs/common';
import { DeploymentService } from './deployment.service.js';
import { OutboxService } from './outbox.service.js';
import { QueueService } from './queue.service.js';

/** Producer side (API and worker): the deployment's queue prefix, queues and the outbox. */
@Global()
@Module({
  providers: [DeploymentService, QueueService, OutboxService],
  exports: [DeploymentService, QueueService, OutboxService],
})
export class QueueModule {}
