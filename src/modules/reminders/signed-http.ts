import { createHmac } from 'node:crypto';

/** A send that must not be retried (a 4xx: the request itself is wrong). */
export class PermanentDeliveryError extends Error {}
/** A send worth retrying with backoff (a 5xx, 408, 429, a timeout, a refused connection). */
export class TransientDeliveryError extends Error {}

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`, the signature both receivers verify. */
export function signBody(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * POSTs JSON with an HMAC signature, a timestamp and an idempotency key (the same key on every
 * retry, so the receiver can drop a repeat of a request whose answer we never saw).
 */
export async function postSignedJson(
  url: string,
  secret: string,
  payload: unknown,
  idempotencyKey: string,
  timeoutMs: number,
): Promise<void> {
  const body = JSON.stringify(payload);
  const timestamp = String(Math.floor(Date.now() / 1000));
  let status: number;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-timestamp': timestamp,
        'x-signature': signBody(secret, timestamp, body),
        'idempotency-key': idempotencyKey,
      },
      body,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    status = response.status;
    await response.body?.cancel();
  } catch (error) {
    const reason = error instanceof Error ? error.name + ': ' + error.message : String(error);
    throw new TransientDeliveryError(`no answer (${reason})`);
  }
  if (status >= 200 && status < 300) return;
  if (status >= 500 || status === 408 || status === 429)
    throw new TransientDeliveryError(`answered ${status}`);
  throw new PermanentDeliveryError(`answered ${status}`);
}
