import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Problem } from '../../api/problem';
import { formatDate } from '../../ui/format';
import { CaseGate } from '../common/CaseGate';
import { asProblem, ProblemBanner } from '../common/problem';
import { useRefreshCase } from '../common/queries';
import { addDays, shanghaiToday } from '../common/time';
import type { CaseDetail } from '../common/types';
import { submitWrite } from '../../offline/outbox';
import { QueuedNote, useWaitingFor } from '../sync/Queued';

/** Days of the legal clock: 30 for a pre-filing referral (委派), 15 for an entrustment (委托). */
const periodOf = (c: CaseDetail) => (c.mediationKind === 'entrusted' ? 15 : 30);

export function AcceptPage() {
  return <CaseGate>{(c) => <AcceptForm c={c} />}</CaseGate>;
}

function AcceptForm({ c }: { c: CaseDetail }) {
  const navigate = useNavigate();
  const refresh = useRefreshCase();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [queued, setQueued] = useState(false);
  const waiting = useWaitingFor(`/api/v1/cases/${c.id}/accept`);
  if (queued || waiting?.state === 'queued') return <QueuedNote label="接收案件" caseId={c.id} />;
  if (c.status !== 'assigned')
    return <p className="med-note">该案件当前不需要接收（已接收或已改派）。</p>;
  const days = periodOf(c);
  const deadline = addDays(shanghaiToday(), days);
  const accept = async () => {
    setBusy(true);
    setProblem(null);
    try {
      // Through the outbox. The legal clock starts when the server takes it, not when she taps.
      const answer = await submitWrite({
        caseId: c.id,
        label: '接收案件',
        subject: c.partyNames.join(' 与 '),
        method: 'POST',
        path: `/api/v1/cases/${c.id}/accept`,
        body: {},
        version: c.version,
        summary: `接收 ${c.caseNumber}（调解期限自服务器收到之日起计算）`,
      });
      if (answer.state === 'queued') return setQueued(true);
      await refresh(c.id);
      await navigate(`/mediator/cases/${c.id}`);
    } catch (e) {
      setProblem(asProblem(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="med-section" aria-labelledby="accept-title">
      <h2 id="accept-title">接收 {c.partyNames.join(' 与 ')} 案</h2>
      <p>案号：{c.caseNumber}</p>
      <p>接收即表示您已签收案件材料，调解期限从今天开始计算：</p>
      <p className="med-deadline">
        调解期限 {days} 天，至 {formatDate(deadline)}
      </p>
      <p>期限内未能调解结束且双方未同意延期的，案件将自动退回法院立案。</p>
      <ProblemBanner problem={problem} onReload={() => void refresh(c.id)} />
      <Button color="primary" block loading={busy} onClick={() => void accept()}>
        确认接收
      </Button>
    </section>
  );
}
