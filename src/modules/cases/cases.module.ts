import { Module } from '@nestjs/common';
import { CaseWorkflowService } from './case-workflow.service.js';
import { CaseWriter } from './case-writer.js';
import { CasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';
import { PartiesController } from './parties.controller.js';
import { PartiesService } from './parties.service.js';

@Module({
  controllers: [CasesController, PartiesController],
  providers: [CasesService, CaseWorkflowService, CaseWriter, PartiesService],
  exports: [CasesService, CaseWriter],
})
export class CasesModule {}
