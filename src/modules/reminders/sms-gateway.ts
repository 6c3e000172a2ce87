import { Logger } from '@nestjs/common';
import type { Env } from '../../config/env.js';
import { maskPhone } from '../../common/validation/chinese.js';
import { postSignedJson } from './signed-http.js';

export interface SmsMessage {
  /** The full mobile number: it goes to the gateway and nowhere else (never logged). */
  to: string;
  text: string;
  /** The same on every retry of one reminder (`reminder-<id>`). */
  idempotencyKey: string;
}

/**
 * Sends one SMS. Throws `TransientDeliveryError` (retried with backoff) or
 * `PermanentDeliveryError` (recorded on the reminder, not retried).
 */
export abstract class SmsGateway {
  abstract send(message: SmsMessage): Promise<void>;
}

/** Development: the SMS goes to the log, with the number masked. */
export class LogSmsGateway extends SmsGateway {
  private readonly logger = new Logger('SMS');

  send(message: SmsMessage): Promise<void> {
    this.logger.log(`SMS to ${maskPhone(message.to)} [${message.idempotencyKey}]: ${message.text}`);
    return Promise.resolve();
  }
}

/** POSTs `{ to, text, messageId }` to SMS_HTTP_URL, signed with SMS_HMAC_SECRET. */
export class HttpSmsGateway extends SmsGateway {
  constructor(
    private readonly url: string,
    private readonly secret: string,
    private readonly timeoutMs: number,
  ) {
    super();
  }

  send(message: SmsMessage): Promise<void> {
    return postSignedJson(
      this.url,
      this.secret,
      { to: message.to, text: message.text, messageId: message.idempotencyKey },
      message.idempotencyKey,
      this.timeoutMs,
    );
  }
}

export function smsGatewayFrom(env: Env): SmsGateway {
  return env.SMS_DRIVER === 'http' && env.SMS_HTTP_URL
    ? new HttpSmsGateway(env.SMS_HTTP_URL, env.SMS_HMAC_SECRET, env.SMS_TIMEOUT_MS)
    : new LogSmsGateway();
}
