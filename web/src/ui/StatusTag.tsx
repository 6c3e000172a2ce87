import type { components } from '../api/schema';
import './ui.css';

export type CaseStatus = components['schemas']['CaseSummaryView']['status'];

/**
 * Each status has its words and its own symbol: colour is never the only signal. The symbols are
 * in the CJK fonts (no emoji font is assumed on a village phone or a court desk).
 */
const STATUS: Record<CaseStatus, { text: string; icon: string; tone: string }> = {
  received: { text: '已收案', icon: '○', tone: 'info' },
  referred: { text: '待指派', icon: '→', tone: 'info' },
  assigned: { text: '待接收', icon: '◎', tone: 'warn' },
  in_mediation: { text: '调解中', icon: '●', tone: 'active' },
  pending_review: { text: '待审核', icon: '◇', tone: 'warn' },
  closed: { text: '已结案', icon: '■', tone: 'done' },
};

export const statusText = (status: CaseStatus): string => STATUS[status]?.text ?? status;

export function StatusTag({ status }: { status: CaseStatus }) {
  const s = STATUS[status] ?? { text: status, icon: '•', tone: 'info' };
  return (
    <span className={`mx-tag mx-tone-${s.tone}`}>
      <span aria-hidden="true">{s.icon}</span> {s.text}
    </span>
  );
}
