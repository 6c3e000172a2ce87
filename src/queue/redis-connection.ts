import { Logger } from '@nestjs/common';
import { Redis, RedisOptions } from 'ioredis';

export type ConnectionRole = 'producer' | 'worker' | 'probe';

/**
 * Producers (API) fail fast — a command while Redis is down rejects at once and the caller falls
 * back to the outbox; workers wait and reconnect (`maxRetriesPerRequest: null`, as BullMQ requires).
 */
export function redisOptions(role: ConnectionRole): RedisOptions {
  const base: RedisOptions = {
    connectTimeout: 2_000,
    retryStrategy: (times) => Math.min(times * 200, 5_000),
    lazyConnect: false,
  };
  if (role === 'worker') return { ...base, maxRetriesPerRequest: null, enableReadyCheck: true };
  return { ...base, maxRetriesPerRequest: 1, enableOfflineQueue: false, commandTimeout: 2_000 };
}

/** A connection with an error listener, so a Redis outage is a logged state, not a crash. */
export function createRedis(url: string, role: ConnectionRole, logger: Logger): Redis {
  const redis = new Redis(url, redisOptions(role));
  let lastLogged = 0;
  redis.on('error', (error: Error) => {
    const now = Date.now();
    if (now - lastLogged > 30_000) {
      lastLogged = now;
      logger.warn(`Redis (${role}) unavailable: ${error.message}`);
    }
  });
  return redis;
}
