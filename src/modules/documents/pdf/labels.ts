// Chinese names of the service's enumerations, as printed on documents.
import { label } from '../../../common/i18n/labels.js';
import type { PartyData } from '../document-data.js';

// The labels are the messages' too: one place (common/i18n/labels.ts).
export { label };

export const roleName = (role: string): string => label('side', role);

/** `1990年3月15日` */
export function plainDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** A party's particulars in one sentence, as the head of a Chinese legal document gives them. */
export function particulars(p: PartyData, options: { contact?: boolean } = {}): string {
  const parts = [
    p.name,
    label('gender', p.gender),
    `${plainDate(p.birthDate)}出生`,
    p.ethnicity ? `${p.ethnicity.replace(/族$/, '')}族` : null,
    p.occupation,
    `公民身份号码${p.idNumber}`,
    p.address ? `住${p.address}` : null,
    options.contact !== false && p.phone ? `联系电话${p.phone}` : null,
  ];
  return `${parts.filter(Boolean).join('，')}。`;
}
