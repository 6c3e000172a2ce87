import { Module } from '@nestjs/common';
import { RemindersModule } from '../reminders/reminders.module.js';
import { RosterModule } from '../roster/roster.module.js';
import { CaseAssignmentController } from './case-assignment.controller.js';
import { CaseAssignmentService } from './case-assignment.service.js';
import { CaseClockService } from './case-clock.service.js';
import { CaseRemindersController } from './case-reminders.controller.js';
import { CaseRemindersService } from './case-reminders.service.js';
import { CaseOutcomeController } from './case-outcome.controller.js';
import { CaseOutcomeService } from './case-outcome.service.js';
import { CaseSessionsController } from './case-sessions.controller.js';
import { CaseSessionsService } from './case-sessions.service.js';
import { CaseWorkflowService } from './case-workflow.service.js';
import { CaseWriter } from './case-writer.js';
import { AgendaController } from './agenda.controller.js';
import { AgendaService } from './agenda.service.js';
import { CasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';
import { PartiesController } from './parties.controller.js';
import { PartiesService } from './parties.service.js';

@Module({
  imports: [RosterModule, RemindersModule],
  controllers: [
    CasesController,
    CaseAssignmentController,
    CaseSessionsController,
    CaseOutcomeController,
    PartiesController,
    CaseRemindersController,
    AgendaController,
  ],
  providers: [
    CasesService,
    CaseWorkflowService,
    CaseWriter,
    PartiesService,
    CaseAssignmentService,
    CaseClockService,
    CaseSessionsService,
    CaseOutcomeService,
    CaseRemindersService,
    AgendaService,
  ],
  exports: [CasesService, CaseWriter],
})
export class CasesModule {}
