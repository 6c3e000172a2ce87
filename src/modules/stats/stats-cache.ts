import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { Counter, register } from 'prom-client';
import { Env } from '../../config/env.js';

const answers =
  (register.getSingleMetric('stats_answers_total') as Counter<'route' | 'cache'> | undefined) ??
  new Counter({
    name: 'stats_answers_total',
    help: 'Statistics answers by route: kept answers served again (hit), computed (miss), or of a question that is not kept (uncached)',
    labelNames: ['route', 'cache'] as const,
  });

interface Entry {
  stamp: string;
  body: Buffer;
}

/**
 * Computed statistics answers (their JSON bytes), kept in this process and served again while the
 * rollup cells they read keep the same version (`versionStamp`, read before the answer is
 * computed: a change committed meanwhile can only make the entry look older than it is, never
 * newer). Every answer is therefore exactly what computing it now would give. Bounded by
 * STATS_CACHE_MB (least recently used out first; 0 keeps nothing); requests for the same answer
 * that arrive while it is being computed wait for that computation.
 */
@Injectable()
export class StatsCache {
  private readonly entries: LRUCache<string, Entry> | null;
  private readonly pending = new Map<string, Promise<Buffer>>();

  constructor(env: Env) {
    this.entries =
      env.STATS_CACHE_MB > 0
        ? new LRUCache<string, Entry>({
            maxSize: env.STATS_CACHE_MB * 1024 * 1024,
            sizeCalculation: (entry, key) => entry.body.length + key.length * 2 + 64,
          })
        : null;
  }

  /**
   * The answer kept under `key` at the stamp `stampOf()` reads now, or `compute()`'s (kept when the
   * stamp is not null). The stamp is read before `compute` reads anything, and not at all when
   * nothing is kept.
   */
  async answer(
    route: string,
    key: string,
    stampOf: () => Promise<string | null>,
    compute: () => Promise<Buffer>,
  ): Promise<Buffer> {
    const stamp = this.entries ? await stampOf() : null;
    if (stamp === null || !this.entries) {
      answers.inc({ route, cache: 'uncached' });
      return compute();
    }
    const kept = this.entries.get(key);
    if (kept?.stamp === stamp) {
      answers.inc({ route, cache: 'hit' });
      return kept.body;
    }
    const id = `${stamp}\n${key}`;
    const running = this.pending.get(id);
    if (running) {
      answers.inc({ route, cache: 'hit' });
      return running;
    }
    answers.inc({ route, cache: 'miss' });
    const computing = compute().then((body) => {
      // A later request may have kept a newer stamp meanwhile: overwriting it costs a recomputation
      // at most, never a wrong answer (the stamp is checked on every read).
      this.entries?.set(key, { stamp, body });
      return body;
    });
    this.pending.set(id, computing);
    try {
      return await computing;
    } finally {
      this.pending.delete(id);
    }
  }
}
