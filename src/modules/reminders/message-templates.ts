import { shanghaiShort } from './quiet-hours.js';
import type { ReminderKind } from './reminder-catalogue.js';

/** `张某某`, `王某`: the surname and 某 for each other character (never a full name in an SMS). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return chars[0] + '某'.repeat(Math.max(1, chars.length - 1));
}

export interface PartySessionSms {
  partyName: string;
  at: Date;
  /** Null: not named (a DV-flagged party, unless her mediator allowed it). */
  place: string | null;
  mediatorName: string;
  /** Masked (`138****5678`) or null. */
  mediatorPhone: string | null;
}

/**
 * The SMS to a party about a session: short, Chinese, no ID number, no address, no phone of the
 * party, never the other party; the place only when allowed.
 */
export function partySessionSms(m: PartySessionSms): string {
  const where = m.place ? `在${m.place}进行` : '进行';
  const contact = `${maskName(m.mediatorName)}${m.mediatorPhone ? ` ${m.mediatorPhone}` : ''}`;
  return `【家事调解】${maskName(m.partyName)}您好，您的调解定于${shanghaiShort(m.at)}${where}。如需改期请联系调解员${contact}。`;
}

/** The SMS to the mediator about her session (she knows the parties; still no personal data). */
export function mediatorSessionSms(caseNumber: string, at: Date, place: string): string {
  return `【家事调解】您负责的${caseNumber}案件调解定于${shanghaiShort(at)}在${place}进行，请按时到场。`;
}

export interface InAppText {
  title: string;
  body: string;
}

export interface InAppFacts {
  caseNumber: string;
  at?: Date | null;
  place?: string | null;
}

/** The in-app notification of each kind (staff only). */
export function inAppText(kind: ReminderKind, f: InAppFacts): InAppText {
  const when = f.at ? shanghaiShort(f.at) : '';
  const n = f.caseNumber;
  switch (kind) {
    case 'assignment_pending':
      return { title: '待接收的案件', body: `${n} 已分派，等待调解员接收。` };
    case 'session_upcoming':
      return {
        title: '调解即将开始',
        body: `${n} 调解定于${when}${f.place ? `在${f.place}` : ''}进行。`,
      };
    case 'deadline_approaching':
      return { title: '调解期限将至', body: `${n} 的调解期限为${when}，请及时结案或办理延期。` };
    case 'case_expired':
      return {
        title: '案件已逾期终结',
        body: `${n} 调解期限届满未达成结果，已自动终结并退回法院立案。`,
      };
    case 'review_pending':
      return { title: '待审核的调解结果', body: `${n} 已提交调解结果，等待审核。` };
    case 'judicial_confirmation_window':
      return {
        title: '司法确认申请提醒',
        body: `${n} 的调解协议生效已近30日，尚未记录司法确认申请。`,
      };
    case 'registry_cooling_off':
      return { title: '协议离婚进度提醒', body: `${n} 协议离婚冷静期进展，请跟进登记情况。` };
    case 'follow_up_due':
      return { title: '回访到期', body: `${n} 的回访已到期，请安排回访并记录。` };
    case 'case_returned_to_court':
      return { title: '案件退回立案', body: `${n} 已结案，需由法院立案处理。` };
    case 'case_closed':
      return { title: '案件已结案', body: `${n} 已结案。` };
  }
}
