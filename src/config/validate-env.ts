import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import {
  DEV_BLIND_INDEX_KEY,
  DEV_COURT_WEBHOOK_SECRET,
  DEV_DATA_KEYS,
  DEV_JWT_SECRET,
  DEV_SMS_HMAC_SECRET,
  Env,
} from './env.js';
import { scanStoreProblems } from './env-scans.js';

export class EnvValidationError extends Error {}

/** Validates `raw` (normally `process.env`); throws naming every bad variable. */
export function validateEnv(raw: Record<string, unknown>): Env {
  const present = Object.fromEntries(
    Object.entries(raw).filter(([key, value]) => key in new Env() && value !== ''),
  );
  const env = plainToInstance(Env, present, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false });
  const problems = errors.flatMap((e) =>
    Object.values(e.constraints ?? {}).map((message) =>
      message.startsWith(e.property) ? message : `${e.property}: ${message}`,
    ),
  );
  if (env.DB_SYNCHRONIZE) {
    problems.push('DB_SYNCHRONIZE: schema changes go through migrations; synchronize is never on');
  }
  if (env.NODE_ENV === 'production') {
    if (env.JWT_SECRET === DEV_JWT_SECRET)
      problems.push('JWT_SECRET: the default is refused in production');
    if (env.DATA_ENCRYPTION_KEYS === DEV_DATA_KEYS)
      problems.push('DATA_ENCRYPTION_KEYS: the default is refused in production');
    if (env.BLIND_INDEX_KEY === DEV_BLIND_INDEX_KEY)
      problems.push('BLIND_INDEX_KEY: the default is refused in production');
    if (env.SMS_HMAC_SECRET === DEV_SMS_HMAC_SECRET)
      problems.push('SMS_HMAC_SECRET: the default is refused in production');
    if (env.COURT_WEBHOOK_SECRET === DEV_COURT_WEBHOOK_SECRET)
      problems.push('COURT_WEBHOOK_SECRET: the default is refused in production');
  }
  if (env.SMS_DRIVER === 'http' && !env.SMS_HTTP_URL) {
    problems.push('SMS_HTTP_URL: required when SMS_DRIVER is http');
  }
  problems.push(...scanStoreProblems(env));
  if (problems.length > 0) {
    throw new EnvValidationError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return env;
}
