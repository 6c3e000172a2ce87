import { Module } from '@nestjs/common';
import { StatsController } from './stats.controller.js';
import { StatsSupervisionService } from './stats-supervision.service.js';
import { StatsService } from './stats.service.js';

@Module({ controllers: [StatsController], providers: [StatsService, StatsSupervisionService] })
export class StatsModule {}
