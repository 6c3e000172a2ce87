import { Module } from '@nestjs/common';
import { SharedModule } from './common/shared.module.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { CasesModule } from './modules/cases/cases.module.js';
import { RosterModule } from './modules/roster/roster.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { CourtsModule } from './modules/courts/courts.module.js';
import { OrganizationsModule } from './modules/organizations/organizations.module.js';
import { RegionsModule } from './modules/regions/regions.module.js';
import { SentinelModule } from './modules/sentinel/sentinel.module.js';
import { UsersModule } from './modules/users/users.module.js';
import { QueueModule } from './queue/queue.module.js';

/** The feature modules both processes are built from. */
@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    SharedModule,
    QueueModule,
    AuthModule,
    UsersModule,
    RegionsModule,
    CourtsModule,
    OrganizationsModule,
    AuditModule,
    CasesModule,
    RosterModule,
    SentinelModule,
  ],
})
export class AppModule {}
