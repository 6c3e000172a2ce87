// npm run openapi:write — regenerate the committed openapi.json from the code.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { envOrExit, runMigrations } from '../boot.js';
import { buildOpenApi, createApiApp } from '../http/create-api-app.js';

process.env.LOG_LEVEL ??= 'warn';
// The app reads its deployment id at start: a database that was never migrated is migrated first.
await runMigrations(envOrExit());
const app = await createApiApp();
await app.init();
writeFileSync('openapi.json', `${JSON.stringify(buildOpenApi(app), null, 2)}\n`);
await app.close();
console.log('wrote openapi.json');
process.exit(0);
