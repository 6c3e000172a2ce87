/**
 * What the benches share: load generation with autocannon in a worker thread (fails loudly on
 * anything but 200), the database they recreate, the JWT check a bare baseline does by hand,
 * login, rotating request paths, and the table printing.
 */
import { createSecretKey, type KeyObject } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
// @ts-expect-error -- autocannon 8 ships no type declarations; the shape used is typed below.
import autocannon from 'autocannon';
import jwt from 'jsonwebtoken';
import pg from 'pg';
import type { Env } from '../src/config/env.js';

export const SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const SETTLE_MS = 1000;

export interface CannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number } & Record<string, number>;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodeStats: Record<string, { count: number } | undefined>;
}
export interface CannonOptions {
  url: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
  /** Load is generated in worker threads, off the event loop of the servers being measured. */
  workers: number;
  /** With workers, `setupRequest` is the path of a CommonJS module exporting the function. */
  requests?: { setupRequest: string }[];
}
const cannon = autocannon as (opts: CannonOptions) => PromiseLike<CannonResult>;

/**
 * autocannon reports fixed percentiles (…, p90, p97_5, p99) from the list in
 * hdr-histogram-percentiles-obj, which it reads when it aggregates the workers' histograms in
 * this thread; adding 95 there makes `latency.p95` exact instead of interpolated.
 */
export function enableP95(): void {
  const fromAutocannon = createRequire(createRequire(import.meta.url).resolve('autocannon'));
  const { percentiles } = fromAutocannon('hdr-histogram-percentiles-obj') as {
    percentiles: number[];
  };
  if (!percentiles.includes(95)) percentiles.push(95);
}

export const positiveInt = (name: string, fallback: number): number => {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
};

/** `http://127.0.0.1:<port>` of a listening server. */
export const baseUrlOf = (server: { address(): AddressInfo | string | null }): string => {
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server is not listening on TCP');
  return `http://127.0.0.1:${address.port}`;
};

export async function recreateDatabase(name: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

export async function ensureDatabase(name: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!found.rowCount) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]+)$/;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let secretKey: KeyObject | undefined;

/** As TokenService.verifyAccess, with the same KeyObject secret. */
export function claimsOf(env: Env, header: unknown): { sub: string; sid: string } | null {
  secretKey ??= createSecretKey(Buffer.from(env.JWT_SECRET, 'utf8'));
  const match = typeof header === 'string' ? BEARER.exec(header) : null;
  if (!match) return null;
  try {
    const claims = jwt.verify(match[1], secretKey, {
      algorithms: ['HS256'],
      issuer: env.JWT_ISSUER,
      audience: env.JWT_AUDIENCE,
    });
    if (typeof claims === 'string' || claims.typ !== 'access') return null;
    const { sub, sid } = claims as { sub?: unknown; sid?: unknown };
    const ok = typeof sub === 'string' && UUID.test(sub) && typeof sid === 'string';
    return ok && UUID.test(sid) ? { sub, sid } : null;
  } catch {
    return null;
  }
}

/** The access token of a user, through the real login route. */
export async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`login answered ${response.status}`);
  const body = (await response.json()) as { accessToken?: unknown };
  if (typeof body.accessToken !== 'string') throw new Error('login returned no accessToken');
  return body.accessToken;
}

/** GET that must answer 200; returns the parsed body. */
export async function getJson(url: string, headers: Record<string, string>): Promise<unknown> {
  const response = await fetch(url, { headers });
  if (response.status !== 200) {
    throw new Error(`${url} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  }
  return response.json();
}

let rotationDir: string | undefined;
let rotations = 0;

/**
 * A setupRequest module (CommonJS, as autocannon's workers `require` it) that sends each request
 * to the next of `paths`, starting at a random one, so a run does not hammer one hot row.
 */
export function rotatingPaths(paths: string[]): { setupRequest: string }[] {
  if (paths.length === 0) throw new Error('no paths to rotate over');
  rotationDir ??= mkdtempSync(path.join(tmpdir(), 'bench-rotate-'));
  const file = path.join(rotationDir, `rotate-${++rotations}.cjs`);
  writeFileSync(
    file,
    `'use strict';\nconst paths = ${JSON.stringify(paths)};\n` +
      'let next = Math.floor(Math.random() * paths.length);\n' +
      'module.exports = (request) => {\n' +
      '  request.path = paths[next];\n' +
      '  next = (next + 1) % paths.length;\n' +
      '  return request;\n};\n',
  );
  return [{ setupRequest: file }];
}

export async function load(
  target: { name: string; url: string; requests?: { setupRequest: string }[] },
  opts: Omit<CannonOptions, 'url' | 'workers' | 'requests'>,
): Promise<CannonResult> {
  const result = await cannon({ ...opts, url: target.url, requests: target.requests, workers: 1 });
  // autocannon drops its sockets at the deadline; let requests the server already read finish
  // so they neither overlap the next run nor meet a closing pool.
  await sleep(SETTLE_MS);
  const codes = Object.keys(result.statusCodeStats).filter((code) => code !== '200');
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0 || codes.length > 0) {
    throw new Error(
      `${target.name}: non2xx=${result.non2xx} errors=${result.errors} ` +
        `timeouts=${result.timeouts} status codes=${JSON.stringify(result.statusCodeStats)}`,
    );
  }
  return result;
}

export const line = (name: string, cells: string[], nameWidth = 28, cellWidth = 10): string =>
  name.padEnd(nameWidth) + cells.map((cell) => cell.padStart(cellWidth)).join('');
export const fmt = (values: number[]): string[] => values.map((v, k) => v.toFixed(k === 0 ? 0 : 1));
export const mean = (values: number[]): number => values.reduce((x, y) => x + y, 0) / values.length;
