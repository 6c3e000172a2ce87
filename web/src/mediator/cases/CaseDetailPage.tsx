import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../ui/format';
import { StatusTag } from '../../ui/StatusTag';
import { CallButton } from '../common/CallButton';
import { DvTag } from '../common/CaseCard';
import { CaseGate, DvBanner } from '../common/CaseGate';
import { PendingOnCase } from '../sync/Queued';
import { DaysLeft } from '../common/DaysLeft';
import { SessionStatus } from '../common/SessionStatus';
import { FamilyRecords } from './FamilyRecords';
import {
  DISPUTE_TYPE,
  FOLLOW_UP_KIND,
  MEDIATION_KIND,
  PARTY_ROLE,
  PERFORMANCE,
  RESULT,
  ROUTE,
  SESSION_FORMAT,
  SESSION_MODE,
  label,
} from '../common/labels';
import type { CaseDetail } from '../common/types';

/** The one thing to do next for the case's status (a big button), and what else she may do. */
function mainAction(c: CaseDetail): { to: string; text: string; hint: string } | null {
  const base = `/mediator/cases/${c.id}`;
  switch (c.status) {
    case 'assigned':
      return { to: `${base}/accept`, text: '接收案件', hint: '接收后开始计算调解期限。' };
    case 'in_mediation': {
      const sessions = c.sessions ?? [];
      const toRecord = sessions.find((s) => s.status === 'scheduled' && !s.recorded);
      if (toRecord)
        return {
          to: `${base}/sessions/${toRecord.id}/record`,
          text: '填写调解笔录',
          hint: `已安排${formatDateTime(toRecord.scheduledAt)}的调解。`,
        };
      if (sessions.some((s) => s.recorded))
        return { to: `${base}/outcome`, text: '提交调解结果', hint: '已有调解笔录。' };
      return { to: `${base}/sessions/new`, text: '安排调解', hint: '尚未安排调解。' };
    }
    case 'closed':
      return (c.followUps ?? []).some((f) => !f.visitedAt)
        ? { to: `${base}/follow-up`, text: '记录回访', hint: '有待完成的回访。' }
        : null;
    default:
      return null;
  }
}

export function CaseDetailPage() {
  return <CaseGate>{(c) => <CaseDetailView c={c} />}</CaseGate>;
}

function CaseDetailView({ c }: { c: CaseDetail }) {
  const action = mainAction(c);
  const base = `/mediator/cases/${c.id}`;
  const sessions = c.sessions ?? [];
  const lastOutcome = (c.outcomes ?? []).at(-1);
  return (
    <>
      <PendingOnCase caseId={c.id} />
      <section className="med-section" aria-labelledby="case-title">
        <h2 id="case-title">{c.partyNames.join(' 与 ')}</h2>
        <span className="med-card-tags">
          <StatusTag status={c.status} />
          <DaysLeft daysLeft={c.daysLeft} />
          {c.dvFlag ? <DvTag /> : null}
        </span>
        <dl className="med-dl">
          <dt>案号</dt>
          <dd>{c.caseNumber}</dd>
          <dt>案由</dt>
          <dd>{label(DISPUTE_TYPE, c.disputeType)}</dd>
          <dt>类型</dt>
          <dd>{label(MEDIATION_KIND, c.mediationKind)}</dd>
          {c.deadlineAt ? (
            <>
              <dt>调解期限</dt>
              <dd>{formatDate(c.deadlineAt)}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <DvBanner c={c} />

      {lastOutcome?.reviewDecision === 'return' && c.status === 'in_mediation' ? (
        <div className="med-note" role="note">
          <strong>审核退回：</strong>
          {lastOutcome.reviewComment}
        </div>
      ) : null}

      {action ? (
        <div className="med-actions">
          <p>{action.hint}</p>
          <Link to={action.to} className="adm-button adm-button-primary adm-button-block med-main">
            {action.text}
          </Link>
        </div>
      ) : c.status === 'pending_review' ? (
        <p className="med-note">
          <span aria-hidden="true">◔ </span>调解结果已提交，等待审核。
        </p>
      ) : null}

      <nav aria-label="其他操作" className="med-actions">
        {c.status === 'assigned' ? (
          <Link to={`${base}/decline`} className="med-call">
            拒绝委派或申请回避
          </Link>
        ) : null}
        {c.status === 'in_mediation'
          ? [
              { to: `${base}/sessions/new`, text: '安排调解' },
              { to: `${base}/extension`, text: '延长调解期限' },
              { to: `${base}/outcome`, text: '提交调解结果' },
            ]
              .filter((link) => link.to !== action?.to)
              .map((link) => (
                <Link key={link.to} to={link.to} className="med-call">
                  {link.text}
                </Link>
              ))
          : null}
        {c.status === 'closed' && action?.to !== `${base}/follow-up` ? (
          <Link to={`${base}/follow-up`} className="med-call">
            记录回访
          </Link>
        ) : null}
        <Link to={`${base}/documents`} className="med-call">
          文书（查看、分享PDF）
        </Link>
      </nav>

      <FamilyRecords c={c} />

      <section className="med-section" aria-labelledby="case-parties">
        <h2 id="case-parties">当事人</h2>
        <ul className="med-list">
          {c.parties.map((p) => (
            <li key={p.id} className="med-card">
              <strong>
                {label(PARTY_ROLE, p.role)}：{p.name}
              </strong>
              <span>
                电话 <span className="mx-mono">{p.phone ?? '未登记'}</span>
              </span>
              {p.phone && c.status !== 'closed' ? (
                <CallButton partyId={p.id} name={p.name} />
              ) : null}
            </li>
          ))}
        </ul>
        {c.children.length > 0 ? (
          <p>
            子女：
            {c.children.map((ch) => `${ch.name}（${formatDate(ch.birthDate)}出生）`).join('、')}
          </p>
        ) : null}
        <p>纠纷概要：{c.summary}</p>
      </section>

      <section className="med-section" aria-labelledby="case-sessions">
        <h2 id="case-sessions">调解会次（{sessions.length}）</h2>
        {sessions.length === 0 ? <p className="med-empty">尚未安排调解。</p> : null}
        <ul className="med-list">
          {sessions.map((s) => {
            const when = formatDateTime(s.scheduledAt);
            const open = s.status === 'scheduled' && !s.recorded && c.status === 'in_mediation';
            const to = `${base}/sessions/${s.id}`;
            return (
              <li key={s.id} className="med-card">
                <strong>{when}</strong>
                <span>
                  {s.location} · {label(SESSION_MODE, s.mode)} · {label(SESSION_FORMAT, s.format)}
                </span>
                <span className="med-card-tags">
                  <SessionStatus session={s} />
                </span>
                {s.status === 'cancelled' && s.cancelReason ? (
                  <span>取消原因：{s.cancelReason}</span>
                ) : null}
                {open ? (
                  <span className="med-session-actions">
                    <Link to={`${to}/record`} className="med-call">
                      填写笔录<span className="med-sr">：{when}的调解</span>
                    </Link>
                    <Link to={`${to}/reschedule`} className="med-call">
                      改期<span className="med-sr">：{when}的调解</span>
                    </Link>
                    <Link to={`${to}/cancel`} className="med-call med-call-danger">
                      取消<span className="med-sr">：{when}的调解</span>
                    </Link>
                    <Link to={`${to}/no-show`} className="med-call">
                      未到场<span className="med-sr">：{when}的调解</span>
                    </Link>
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>

      {(c.extensions ?? []).length > 0 ? (
        <section className="med-section" aria-labelledby="case-extensions">
          <h2 id="case-extensions">延期</h2>
          <ul className="med-list">
            {(c.extensions ?? []).map((e) => (
              <li key={e.newDeadline}>
                延长{e.days}天，期限由{formatDate(e.previousDeadline)}延至
                {formatDate(e.newDeadline)}（{e.reason}）
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {lastOutcome ? (
        <section className="med-section" aria-labelledby="case-outcome">
          <h2 id="case-outcome">调解结果</h2>
          <p>
            {label(RESULT, lastOutcome.result)}；后续：{label(ROUTE, lastOutcome.route)}
          </p>
        </section>
      ) : null}

      {(c.followUps ?? []).length > 0 ? (
        <section className="med-section" aria-labelledby="case-followups">
          <h2 id="case-followups">回访</h2>
          <ul className="med-list">
            {(c.followUps ?? []).map((f) => (
              <li key={f.id}>
                {label(FOLLOW_UP_KIND, f.kind)}（{formatDate(f.dueOn)}到期）：
                {f.visitedAt
                  ? `${formatDate(f.visitedAt)}已回访，${label(PERFORMANCE, f.performance)}`
                  : '待回访'}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
