import { describeDatabase } from './database-url.js';
import type { ResolvedDatabase } from './embedded-postgres.js';

const db = (over: Partial<ResolvedDatabase>): ResolvedDatabase => ({
  url: 'postgres://postgres@127.0.0.1:5432/mediation',
  source: 'local',
  created: false,
  stop: async () => undefined,
  ...over,
});
const env = { EMBEDDED_PG_DIR: 'data/postgres' };

describe('describeDatabase: the one boot line naming the database', () => {
  it('says where, from which setting, and whether it was created', () => {
    expect(describeDatabase(db({ created: true }), env)).toBe(
      'Database "mediation" at 127.0.0.1:5432 (local PostgreSQL, DATABASE_URL unset; created now)',
    );
    expect(describeDatabase(db({}), env)).toContain('; it existed)');
    expect(
      describeDatabase(
        db({ source: 'embedded', url: 'postgres://postgres:postgres@127.0.0.1:54329/mediation' }),
        env,
      ),
    ).toBe(
      'Database "mediation" at 127.0.0.1:54329 (embedded PostgreSQL, data in data/postgres; nothing answered at 127.0.0.1:5432; it existed)',
    );
  });

  it('never prints the password of DATABASE_URL', () => {
    const line = describeDatabase(
      db({ source: 'env', url: 'postgres://app:s3cret@db.internal:6432/mediation_prod' }),
      env,
    );
    expect(line).toBe(
      'Database "mediation_prod" at db.internal:6432 (from DATABASE_URL; never created by the service)',
    );
    expect(line).not.toContain('s3cret');
  });
});
