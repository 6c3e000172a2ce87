// npm run openapi:write — regenerate the committed openapi.json from the code.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { buildOpenApi, createApiApp } from '../http/create-api-app.js';

process.env.LOG_LEVEL ??= 'warn';
const app = await createApiApp();
await app.init();
writeFileSync('openapi.json', `${JSON.stringify(buildOpenApi(app), null, 2)}\n`);
await app.close();
console.log('wrote openapi.json');
process.exit(0);
