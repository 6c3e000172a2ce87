import type { EntityManager } from 'typeorm';
import type { FieldCipher } from '../../common/crypto/field-cipher.js';
import { maskPhone } from '../../common/validation/chinese.js';
import { WEBHOOK_EVENTS } from './reminder-kinds.js';
import {
  inAppText,
  mediatorSessionSms,
  partySessionSms,
  type InAppText,
} from './reminder-texts.js';
import type { Reminder } from './reminder.entity.js';

export type Message =
  | { channel: 'in_app'; userId: string; text: InAppText }
  | { channel: 'sms'; to: string; text: string }
  | { channel: 'webhook'; event: string; body: Record<string, unknown> }
  /** Nothing can be sent (no phone any more, no webhook event): recorded as skipped. */
  | { channel: 'none'; reason: string };

type Row = Record<string, unknown>;

/**
 * What a reminder says, composed at fire time from the current rows (so a moved session shows its
 * new time). Personal data is read and decrypted here, in the worker; Redis never holds any.
 */
export async function composeMessage(
  m: EntityManager,
  cipher: FieldCipher,
  r: Reminder,
): Promise<Message> {
  const [c]: Row[] = await m.query(
    `SELECT c.case_number, c.court_reference, c.status, c.result, c.route, c.closed_at,
            u.display_name AS mediator_name, u.phone_encrypted AS mediator_phone
       FROM cases c LEFT JOIN users u ON u.id = c.mediator_id WHERE c.id = $1`,
    [r.caseId],
  );
  const [session]: Row[] = r.subjectId
    ? await m.query(`SELECT scheduled_at, location FROM case_sessions WHERE id = $1`, [r.subjectId])
    : [];
  const at = session ? new Date(session.scheduled_at as string) : null;
  const place = session ? (session.location as string) : null;
  const caseNumber = c.case_number as string;

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
          courtReference: c.court_reference ?? null,
          result: c.result ?? null,
          route: c.route ?? null,
          closedAt: c.closed_at ? new Date(c.closed_at as string).toISOString() : null,
        },
      },
    };
  }
  if (r.channel === 'in_app') {
    const [deadline]: Row[] =
      r.kind === 'deadline_approaching'
        ? await m.query(`SELECT deadline_at FROM cases WHERE id = $1`, [r.caseId])
        : [];
    const when = deadline ? new Date(deadline.deadline_at as string) : at;
    return {
      channel: 'in_app',
      userId: r.recipientId,
      text: inAppText(r.kind, { caseNumber, at: when, place }),
    };
  }
  // SMS: only session reminders are sent by SMS.
  if (!at || !place) return { channel: 'none', reason: 'the session is gone' };
  if (r.recipientType === 'user') {
    const [u]: Row[] = await m.query(`SELECT phone_encrypted FROM users WHERE id = $1`, [
      r.recipientId,
    ]);
    if (!u?.phone_encrypted) return { channel: 'none', reason: 'no phone number' };
    return {
      channel: 'sms',
      to: cipher.decrypt(u.phone_encrypted as string),
      text: mediatorSessionSms(caseNumber, at, place),
    };
  }
  const [p]: Row[] = await m.query(
    `SELECT p.name, p.phone_encrypted, p.sms_opt_out, p.sms_details_allowed,
            EXISTS (SELECT 1 FROM case_screenings s WHERE s.party_id = p.id AND s.dv_indicator) AS dv
       FROM parties p WHERE p.id = $1`,
    [r.recipientId],
  );
  if (!p?.phone_encrypted) return { channel: 'none', reason: 'no phone number' };
  if (p.sms_opt_out) return { channel: 'none', reason: 'the party opted out of SMS' };
  const mediatorPhone = c.mediator_phone
    ? maskPhone(cipher.decrypt(c.mediator_phone as string))
    : null;
  return {
    channel: 'sms',
    to: cipher.decrypt(p.phone_encrypted as string),
    text: partySessionSms({
      partyName: p.name as string,
      at,
      // A party with DV indicators: the place is not named unless her mediator allowed it.
      place: p.dv && !p.sms_details_allowed ? null : place,
      mediatorName: (c.mediator_name as string | null) ?? '',
      mediatorPhone,
    }),
  };
}
