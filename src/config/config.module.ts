import { existsSync } from 'node:fs';
import { Global, Module } from '@nestjs/common';
import { Env } from './env.js';
import { validateEnv } from './validate-env.js';

let cached: Env | undefined;

/** The validated configuration of this process (loads `.env` when present). */
export function loadEnv(): Env {
  if (!cached) {
    if (existsSync('.env') && process.env.NODE_ENV !== 'test') process.loadEnvFile('.env');
    cached = validateEnv(process.env);
  }
  return cached;
}

/** Tests change variables between app instances. */
export function resetEnvCache(): void {
  cached = undefined;
}

@Global()
@Module({
  providers: [{ provide: Env, useFactory: loadEnv }],
  exports: [Env],
})
export class ConfigModule {}
