import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../ui/format';
import { sessionStatusText } from '../common/SessionStatus';
import type { CaseDetail, Session } from '../common/types';

/**
 * The session of the URL, for a screen that changes it (改期, 取消, 未到场). Only a session still
 * to be held can be changed; that is judged when the screen opens, so the screen's own change
 * shows its confirmation rather than a refusal.
 */
export function SessionGate({
  c,
  verb,
  children,
}: {
  c: CaseDetail;
  verb: string;
  children: (session: Session) => ReactNode;
}) {
  const { sessionId = '' } = useParams();
  const session = (c.sessions ?? []).find((s) => s.id === sessionId);
  const [openable] = useState(
    () => c.status === 'in_mediation' && session?.status === 'scheduled' && !session.recorded,
  );
  if (!session) return <p className="med-note">未找到该调解会次。</p>;
  if (!openable)
    return (
      <section className="med-note" aria-labelledby="session-closed">
        <p id="session-closed">
          {formatDateTime(session.scheduledAt)}的调解{sessionStatusText(session)}
          {c.status === 'in_mediation' ? '' : '，案件不在调解中'}，不能再{verb}。
        </p>
        <Link to={`/mediator/cases/${c.id}`} className="med-call">
          返回案件
        </Link>
      </section>
    );
  return <>{children(session)}</>;
}

/** "2026年12月4日 09:00，百合调解室": the session as planned. */
export const plannedText = (s: Session): string =>
  `${formatDateTime(s.scheduledAt)}，${s.location}`;
