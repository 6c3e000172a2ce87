import type { JsonObject, JsonValue } from '../../common/json.js';
import { maskIdNumber, maskPhone } from '../../common/validation/chinese.js';

const DROP = /(password|secret|token|hash|encrypted)/i;
const ID_NUMBER = /idnumber/i;
const PHONE = /(phone|mobile)/i;

/** A safety net for audit snapshots: secrets dropped, ID numbers and phones masked. */
export function redactForAudit(
  value: Record<string, unknown> | null | undefined,
): JsonObject | null {
  if (!value) return null;
  const out: JsonObject = {};
  for (const [key, v] of Object.entries(value)) {
    if (DROP.test(key) || v === undefined) continue;
    if (typeof v === 'string' && ID_NUMBER.test(key)) out[key] = maskIdNumber(v);
    else if (typeof v === 'string' && PHONE.test(key)) out[key] = maskPhone(v);
    else out[key] = toJson(v);
  }
  return out;
}

function toJson(v: unknown): JsonValue {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
    return v;
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(toJson);
  if (typeof v === 'object') return redactForAudit(v as Record<string, unknown>);
  return String(v);
}
