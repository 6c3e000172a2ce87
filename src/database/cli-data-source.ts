// The data source the TypeORM CLI loads (`npm run migration:*`): built from the compiled tree.
import { DataSource } from 'typeorm';
import { loadEnv } from '../config/config.module.js';
import { databaseFor } from './database-url.js';
import { buildDataSourceOptions } from './data-source-options.js';

const env = loadEnv();
const database = await databaseFor(env, (msg) => console.error(msg));

export const cliDataSource = new DataSource(
  buildDataSourceOptions(env, database.url, 'mediation-cli'),
);
