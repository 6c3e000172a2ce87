import type { FieldCipher } from '../../common/crypto/field-cipher.js';
import { maskPhone } from '../../common/validation/chinese.js';
import { WEBHOOK_EVENTS } from './reminder-catalogue.js';
import {
  inAppText,
  mediatorSessionSms,
  partySessionSms,
  type InAppText,
} from './message-templates.js';
import type { Reminder } from './reminder.entity.js';
import type { ReminderMessageFacts } from '../cases/reminder-facts.js';

export type Message =
  | { channel: 'in_app'; userId: string; text: InAppText }
  | { channel: 'sms'; to: string; text: string }
  | { channel: 'webhook'; event: string; body: Record<string, unknown> }
  /** Nothing can be sent (no phone any more, no webhook event): recorded as skipped. */
  | { channel: 'none'; reason: string };

/**
 * What a reminder says, composed at fire time from the case's current facts (so a moved session
 * shows its new time). Personal data is decrypted here, in the worker; Redis never holds any.
 */
export function composeMessage(c: ReminderMessageFacts, cipher: FieldCipher, r: Reminder): Message {
  const at = c.session?.scheduledAt ?? null;
  const place = c.session?.location ?? null;
  const caseNumber = c.caseNumber;

  if (r.channel === 'webhook') {
    const event = WEBHOOK_EVENTS[r.kind];
    if (!event) return { channel: 'none', reason: `no webhook event for ${r.kind}` };
    return {
      channel: 'webhook',
      event,
      // Ids and outcome only: no names, ID numbers, phones or addresses leave for the court here.
      body: {
        id: `reminder-${r.id}`,
        event,
        occurredAt: r.dueAt.toISOString(),
        case: {
          id: r.caseId,
          caseNumber,
          courtReference: c.courtReference,
          result: c.result,
          route: c.route,
          closedAt: c.closedAt?.toISOString() ?? null,
        },
      },
    };
  }
  if (r.channel === 'in_app') {
    const when = r.kind === 'deadline_approaching' && c.deadlineAt ? c.deadlineAt : at;
    return {
      channel: 'in_app',
      userId: r.recipientId,
      text: inAppText(r.kind, { caseNumber, at: when, place }),
    };
  }
  // SMS: only session reminders are sent by SMS.
  if (!at || !place) return { channel: 'none', reason: 'the session is gone' };
  if (r.recipientType === 'user') {
    if (!c.userPhoneEncrypted) return { channel: 'none', reason: 'no phone number' };
    return {
      channel: 'sms',
      to: cipher.decrypt(c.userPhoneEncrypted),
      text: mediatorSessionSms(caseNumber, at, place),
    };
  }
  const p = c.party;
  if (!p?.phoneEncrypted) return { channel: 'none', reason: 'no phone number' };
  if (p.smsOptOut) return { channel: 'none', reason: 'the party opted out of SMS' };
  const mediatorPhone = c.mediatorPhoneEncrypted
    ? maskPhone(cipher.decrypt(c.mediatorPhoneEncrypted))
    : null;
  return {
    channel: 'sms',
    to: cipher.decrypt(p.phoneEncrypted),
    text: partySessionSms({
      partyName: p.name,
      at,
      // A party with DV indicators: the place is not named unless her mediator allowed it.
      place: p.dv && !p.smsDetailsAllowed ? null : place,
      mediatorName: c.mediatorName ?? '',
      mediatorPhone,
    }),
  };
}
