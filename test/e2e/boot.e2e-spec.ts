import { redisPolicyProblem } from '../../src/boot.js';
import { freePort, PrivateRedis } from '../support/redis-server.js';

describe('boot checks (e2e, private redis-server)', () => {
  it('refuses a Redis that may evict keys, accepts noeviction, and lets a silent Redis pass', async () => {
    // One after the other: a port is only taken once its server listens.
    const evicting = new PrivateRedis(await freePort(), 'allkeys-lru');
    await evicting.start();
    const safe = new PrivateRedis(await freePort(), 'noeviction');
    await safe.start();
    try {
      expect(await redisPolicyProblem(evicting.url)).toMatch(/"allkeys-lru".*noeviction/);
      expect(await redisPolicyProblem(safe.url)).toBeNull();
    } finally {
      await Promise.all([evicting.stop(), safe.stop()]);
    }
    expect(await redisPolicyProblem(safe.url)).toBeNull(); // stopped: not checked, not fatal
  });
});
