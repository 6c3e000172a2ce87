import { Module } from '@nestjs/common';
import { Env } from '../../config/env.js';
import { CaseRepositoryModule } from '../cases/case-repository.module.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';
import { ReminderMetrics } from './reminder-metrics.js';
import { ReminderRedrive } from './reminder-redrive.js';
import { ReminderScheduler } from './reminder-scheduler.js';
import { ReminderSender } from './reminder-sender.js';
import { SmsGateway, smsGatewayFrom } from './sms-gateway.js';

/**
 * Reminders: the scheduler (called by CaseWriter in every case transaction), the sender (the
 * worker's job handler), the SMS gateway and the in-app notifications.
 */
@Module({
  imports: [CaseRepositoryModule],
  controllers: [NotificationsController],
  providers: [
    ReminderMetrics,
    ReminderScheduler,
    ReminderSender,
    ReminderRedrive,
    NotificationsService,
    { provide: SmsGateway, inject: [Env], useFactory: smsGatewayFrom },
  ],
  exports: [ReminderScheduler, ReminderMetrics],
})
export class RemindersModule {}
