// Before each test file: apply pending migrations (a no-op after the first file of the run).
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { ENTITIES } from '../../src/database/entities.js';
import { SnakeNamingStrategy } from '../../src/database/snake-naming.strategy.js';
import { TEST_DATABASE_URL } from './test-env.js';

beforeAll(async () => {
  const ds = new DataSource({
    type: 'postgres',
    url: TEST_DATABASE_URL,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    namingStrategy: new SnakeNamingStrategy(),
  });
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
});
