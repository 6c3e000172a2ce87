import { Module } from '@nestjs/common';
import { RemindersModule } from '../reminders/reminders.module.js';
import { CaseRepositoryModule } from './case-repository.module.js';
import { RosterModule } from '../roster/roster.module.js';
import { CaseAssignmentController } from './assignment/case-assignment.controller.js';
import { CaseAssignmentService } from './assignment/case-assignment.service.js';
import { CaseClockController } from './clock/case-clock.controller.js';
import { CaseClockService } from './clock/case-clock.service.js';
import { CaseRemindersController } from './case-reminders.controller.js';
import { CaseRemindersService } from './case-reminders.service.js';
import { AfterClosureController } from './after-closure/after-closure.controller.js';
import { AfterClosureService } from './after-closure/after-closure.service.js';
import { CaseOutcomeController } from './outcome/case-outcome.controller.js';
import { CaseOutcomeService } from './outcome/case-outcome.service.js';
import { CaseSessionsController } from './sessions/case-sessions.controller.js';
import { CaseSessionsService } from './sessions/case-sessions.service.js';
import { IntakeService } from './intake/intake.service.js';
import { CaseWriter } from './case-writer.js';
import { IdempotencyKeyPurge } from './idempotency-purge.js';
import { AgendaController } from './sessions/agenda.controller.js';
import { AgendaService } from './sessions/agenda.service.js';
import { CasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';
import { PartiesController } from './intake/parties.controller.js';
import { PartiesService } from './intake/parties.service.js';

@Module({
  imports: [CaseRepositoryModule, RosterModule, RemindersModule],
  controllers: [
    CasesController,
    CaseAssignmentController,
    CaseClockController,
    CaseSessionsController,
    CaseOutcomeController,
    AfterClosureController,
    PartiesController,
    CaseRemindersController,
    AgendaController,
  ],
  providers: [
    CasesService,
    IntakeService,
    CaseWriter,
    IdempotencyKeyPurge,
    PartiesService,
    CaseAssignmentService,
    CaseClockService,
    CaseSessionsService,
    CaseOutcomeService,
    AfterClosureService,
    CaseRemindersService,
    AgendaService,
  ],
  exports: [CasesService, CaseWriter, CaseRepositoryModule],
})
export class CasesModule {}
