import { Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Env } from '../config/env.js';
import { databaseFor } from './database-url.js';
import { buildDataSourceOptions } from './data-source-options.js';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [Env],
      useFactory: async (env: Env) => {
        const logger = new Logger('Database');
        const db = await databaseFor(
          env,
          (msg) => logger.log(msg),
          (msg) => logger.debug(msg),
        );
        return { ...buildDataSourceOptions(env, db.url), retryAttempts: 3, retryDelay: 1_000 };
      },
    }),
  ],
})
export class DatabaseModule {}
