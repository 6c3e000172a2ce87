import { Button } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, must } from '../../api/client';
import type { Problem } from '../../api/problem';
import { formatDate } from '../../ui/format';
import { CaseGate } from '../common/CaseGate';
import { asProblem, ProblemBanner } from '../common/problem';
import { useRefreshCase } from '../common/queries';
import { addDays, shanghaiToday } from '../common/time';
import type { CaseDetail } from '../common/types';

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
  if (c.status !== 'assigned')
    return <p className="med-note">该案件当前不需要接收（已接收或已改派）。</p>;
  const days = periodOf(c);
  const deadline = addDays(shanghaiToday(), days);
  const accept = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await must(
        api.POST('/api/v1/cases/{id}/accept', {
          params: { path: { id: c.id } },
          body: { version: c.version },
        }),
      );
      await refresh(c.id);
      navigate(`/mediator/cases/${c.id}`);
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
