import { ErrorBlock } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { asProblem, problemMessage } from './problem';
import { useCase } from './queries';
import type { CaseDetail } from './types';

/**
 * Loads the case of the URL for a screen. A case that is not hers does not exist for the
 * mediator (the API answers 404): 未找到, never its data.
 */
export function CaseGate({ children }: { children: (c: CaseDetail) => ReactNode }) {
  const { id = '' } = useParams();
  const query = useCase(id);
  if (query.isPending) return <p role="status">正在加载案件…</p>;
  if (query.isError) {
    const problem = asProblem(query.error);
    if (problem.status === 404 || problem.status === 400)
      return (
        <ErrorBlock status="empty" title="未找到该案件" description="案件不存在，或未指派给您。" />
      );
    return <p role="alert">{problemMessage(problem)}</p>;
  }
  return <>{children(query.data)}</>;
}

/** The shuttle (背对背) requirement: any screening recommending it, or the DV flag. */
export const needsShuttle = (c: CaseDetail): boolean =>
  c.dvFlag || c.screenings.some((s) => s.recommendation === 'shuttle');

export function DvBanner({ c }: { c: CaseDetail }) {
  if (!needsShuttle(c)) return null;
  return (
    <div className="med-dv" role="note" aria-label="家暴风险提示">
      <strong>
        <span aria-hidden="true">⚑ </span>
        {c.dvFlag ? '家暴风险案件：只能背对背调解' : '安全评估要求背对背调解'}
      </strong>
      <p>
        双方不得同场，请分别安排在不同房间（背对背），不要透露对方住址和联系方式。如需人身安全保护令，可协助当事人向法院申请（法院72小时内作出裁定，紧急的24小时内）。
      </p>
    </div>
  );
}
