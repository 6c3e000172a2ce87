import { Module } from '@nestjs/common';
import { CaseRepository } from './case.repository.js';

/**
 * The cases repository on its own: the reminders module asks it for a case's facts, and the
 * cases module needs the reminders' scheduler, so the repository cannot live in CasesModule
 * without a module cycle.
 */
@Module({ providers: [CaseRepository], exports: [CaseRepository] })
export class CaseRepositoryModule {}
