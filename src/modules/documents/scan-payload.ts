// What the QR code on every printed page says, and how a scan's decoded payload is read back.
// Pure: no Nest, no I/O.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit/audit-chain.js';

/**
 * What identifies an issued document on paper: its id, its version and the first 10 hex digits
 * of the SHA-256 of its stored snapshot (`documents.data`, canonical JSON). The snapshot's hash
 * rather than the PDF's: the PDF's is known only once rendered, and the snapshot's can be computed
 * again from the row at any time (jsonb reorders keys; canonical JSON sorts them).
 */
export interface PageStamp {
  documentId: string;
  version: number;
  digest: string;
}

export const SCAN_PAYLOAD_PREFIX = 'FM1';
const DIGEST_LENGTH = 10;

/** The first 10 hex digits (upper case) of the SHA-256 of the snapshot's canonical JSON. */
export function snapshotDigest(snapshot: unknown): string {
  return createHash('sha256')
    .update(canonicalJson(snapshot))
    .digest('hex')
    .slice(0, DIGEST_LENGTH)
    .toUpperCase();
}

/**
 * `FM1:<DOCUMENT ID>:<VERSION>:<DIGEST>:<PAGE>`, in upper case so that every character is in
 * the QR alphanumeric set (0-9 A-Z and `-` `:`): a version 3 symbol, smaller than in byte mode.
 */
export function scanPayload(stamp: PageStamp, page: number): string {
  return [SCAN_PAYLOAD_PREFIX, stamp.documentId, stamp.version, stamp.digest, page]
    .join(':')
    .toUpperCase();
}

export interface ParsedPayload {
  documentId: string;
  version: number;
  digest: string;
  page: number;
}

const PAYLOAD =
  /^FM1:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):([1-9]\d{0,5}):([0-9a-f]{10}):([1-9]\d{0,4})$/i;

/** A payload as a phone decoded it (any case, surrounding blanks ignored); null if it is not one. */
export function parseScanPayload(text: string): ParsedPayload | null {
  const m = PAYLOAD.exec(text.trim());
  if (!m) return null;
  return {
    documentId: m[1].toLowerCase(),
    version: Number(m[2]),
    digest: m[3].toUpperCase(),
    page: Number(m[4]),
  };
}
