import '../../ui/ui.css';
import { SESSION_STATUS, label } from './labels';
import type { Session } from './types';

/** A session's state in words and with its own symbol (never colour alone). */
const LOOK: Record<string, { icon: string; tone: string }> = {
  scheduled: { icon: '◷', tone: 'active' },
  held: { icon: '✔', tone: 'ok' },
  cancelled: { icon: '✖', tone: 'done' },
  no_show: { icon: '⚠', tone: 'warn' },
};

export function sessionStatusText(s: Pick<Session, 'status' | 'recorded'>): string {
  if (s.recorded) return '已举行，已有笔录';
  return label(SESSION_STATUS, s.status);
}

export function SessionStatus({ session }: { session: Pick<Session, 'status' | 'recorded'> }) {
  const look = session.recorded ? LOOK.held : (LOOK[session.status] ?? { icon: '•', tone: 'info' });
  return (
    <span className={`mx-tag mx-tone-${look.tone}`}>
      <span aria-hidden="true">{look.icon}</span> {sessionStatusText(session)}
    </span>
  );
}
