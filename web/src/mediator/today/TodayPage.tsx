import { Button } from '../../ui/phone/kit';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, must } from '../../api/client';
import { formatDate, formatDateTime } from '../../ui/format';
import { CaseCard } from '../common/CaseCard';
import { SessionStatus } from '../common/SessionStatus';
import { FOLLOW_UP_KIND, SESSION_FORMAT, SESSION_MODE, label } from '../common/labels';
import { keys, useAgenda, useMyCases, useNotifications } from '../common/queries';

/** 今日: what needs the mediator today, most urgent first. */
export function TodayPage() {
  const cases = useMyCases();
  const agenda = useAgenda();
  const notifications = useNotifications();
  const client = useQueryClient();

  if (cases.isPending) return <p role="status">正在加载…</p>;
  if (cases.isError) return <p role="alert">案件加载失败，请下拉刷新或稍后再试。</p>;

  const items = cases.data.items;
  const referrals = items.filter((c) => c.status === 'assigned');
  const working = items.filter((c) => c.status === 'in_mediation' || c.status === 'pending_review');
  // The server's day, in time order, each session with its state (held, cancelled, no-show too).
  const todays = agenda.data?.sessions ?? [];
  const dueSoon = agenda.data?.followUps ?? [];
  const unread = notifications.data?.items ?? [];

  const markRead = async (id: string) => {
    await must(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } }));
    await client.invalidateQueries({ queryKey: keys.notifications });
  };

  return (
    <>
      <p>今天是 {formatDate(agenda.data?.date ?? new Date())}</p>

      <section aria-labelledby="today-sessions" className="med-section">
        <h2 id="today-sessions">今日调解（{todays.length}）</h2>
        {todays.length === 0 ? <p className="med-empty">今日暂无安排调解。</p> : null}
        <ul className="med-list">
          {todays.map(({ session, case: caseItem }) => (
            <li key={session.id} className="med-card">
              <Link to={`/mediator/cases/${caseItem.id}`} className="med-card-link">
                <span className="med-card-title">
                  {formatDateTime(session.scheduledAt).split(' ')[1]}{' '}
                  {caseItem.partyNames.join(' 与 ')}
                </span>
                <span className="med-card-sub">
                  {session.location} · {label(SESSION_MODE, session.mode)} ·{' '}
                  {label(SESSION_FORMAT, session.format)}
                </span>
              </Link>
              <span className="med-card-tags">
                <SessionStatus session={session} />
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="today-referrals" className="med-section">
        <h2 id="today-referrals">待接收的委派（{referrals.length}）</h2>
        {referrals.length === 0 ? <p className="med-empty">没有待接收的案件。</p> : null}
        <ul className="med-list">
          {referrals.map((c) => (
            <CaseCard
              key={c.id}
              item={c}
              extra={
                <span className="med-actions">
                  <Link to={`/mediator/cases/${c.id}/accept`} className="med-call">
                    接收 {c.partyNames[0]} 案
                  </Link>
                  <Link to={`/mediator/cases/${c.id}/decline`} className="med-call">
                    拒绝或回避 {c.partyNames[0]} 案
                  </Link>
                </span>
              }
            />
          ))}
        </ul>
      </section>

      <section aria-labelledby="today-followups" className="med-section">
        <h2 id="today-followups">待回访（{dueSoon.length}）</h2>
        {dueSoon.length === 0 ? <p className="med-empty">近7天没有到期的回访。</p> : null}
        <ul className="med-list">
          {dueSoon.map(({ followUp, case: caseItem }) => (
            <li key={followUp.id} className="med-card">
              <Link to={`/mediator/cases/${caseItem.id}/follow-up`} className="med-card-link">
                <span className="med-card-title">{caseItem.partyNames.join(' 与 ')}</span>
                <span className="med-card-sub">
                  {label(FOLLOW_UP_KIND, followUp.kind)}，{formatDate(followUp.dueOn)}到期
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="today-cases" className="med-section">
        <h2 id="today-cases">在办案件（{working.length}）</h2>
        {working.length === 0 ? <p className="med-empty">没有在办案件。</p> : null}
        <ul className="med-list">
          {working.map((c) => (
            <CaseCard key={c.id} item={c} />
          ))}
        </ul>
      </section>

      <section aria-labelledby="today-notifications" className="med-section">
        <h2 id="today-notifications">
          未读通知（{notifications.data?.unreadCount ?? unread.length}）
        </h2>
        {unread.length === 0 ? <p className="med-empty">没有未读通知。</p> : null}
        <ul className="med-list">
          {unread.map((n) => (
            <li key={n.id} className="med-card">
              <strong>{n.title}</strong>
              <span>{n.body}</span>
              <span className="med-card-sub">{formatDateTime(n.createdAt)}</span>
              {n.caseId ? (
                <Link to={`/mediator/cases/${n.caseId}`} className="med-call">
                  查看案件
                </Link>
              ) : null}
              <Button fill="outline" onClick={() => void markRead(n.id)}>
                标为已读
              </Button>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
