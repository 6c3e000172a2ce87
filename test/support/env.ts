// setupFiles: runs before each test file.
import 'reflect-metadata';
import { applyTestEnv } from './test-env.js';

applyTestEnv();
