import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Env } from '../../../config/env.js';
import { S3ScanStore } from './s3-scan-store.js';
import { PgScanStore, ScanStore } from './scan-store.js';

/**
 * The ScanStore that SCAN_STORE names: PostgreSQL (`pg`, the default) or an S3-compatible
 * bucket (`s3`). Its own module so that the readiness check can ask the store too.
 */
@Module({
  providers: [
    {
      provide: ScanStore,
      inject: [Env, getDataSourceToken()],
      useFactory: (env: Env, dataSource: DataSource): ScanStore =>
        env.SCAN_STORE === 's3' ? new S3ScanStore(env) : new PgScanStore(dataSource),
    },
  ],
  exports: [ScanStore],
})
export class ScanStoreModule {}
