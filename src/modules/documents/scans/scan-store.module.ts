import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Env } from '../../../config/env.js';
import { PgScanStore, ScanStore } from './scan-store.js';

/**
 * The ScanStore that SCAN_STORE names: PostgreSQL (`pg`, the default) or an S3-compatible
 * bucket (`s3`). Its own module so that the readiness check can ask the store too. The S3 client
 * is loaded only when it is chosen: a deployment on PostgreSQL never loads the AWS SDK.
 */
@Module({
  providers: [
    {
      provide: ScanStore,
      inject: [Env, getDataSourceToken()],
      useFactory: async (env: Env, dataSource: DataSource): Promise<ScanStore> =>
        env.SCAN_STORE === 's3'
          ? new (await import('./s3-scan-store.js')).S3ScanStore(env)
          : new PgScanStore(dataSource),
    },
  ],
  exports: [ScanStore],
})
export class ScanStoreModule {}
