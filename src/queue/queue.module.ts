import { Global, Module } from '@nestjs/common';
import { OutboxService } from './outbox.service.js';
import { QueueService } from './queue.service.js';

/** Producer side (API and worker): queues and the outbox. */
@Global()
@Module({
  providers: [QueueService, OutboxService],
  exports: [QueueService, OutboxService],
})
export class QueueModule {}
