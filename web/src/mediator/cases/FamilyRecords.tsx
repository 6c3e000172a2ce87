import { Link } from 'react-router';
import { formatDate } from '../../ui/format';
import { StatusTag } from '../../ui/StatusTag';
import { DISPUTE_TYPE, PARTY_ROLE, RESULT, label } from '../common/labels';
import { useFamily } from '../common/queries';
import type { CaseDetail } from '../common/types';

/**
 * 该家庭有 N 条更早的记录: her other cases of the same people (by ID number; the API lists only
 * those she is or was assigned). The count comes with the case (kept on the phone); the list when
 * it can be read. Nothing when the family has no other record.
 */
export function FamilyRecords({ c }: { c: CaseDetail }) {
  const family = useFamily(c.id);
  const items = (family.data?.items ?? []).filter((i) => i.kind === 'case');
  const earlier = family.data?.earlierRecords ?? c.family?.earlierRecords ?? 0;
  if (items.length === 0 && earlier === 0) return null;
  return (
    <section className="med-section" aria-labelledby="case-family">
      <h2 id="case-family">家庭记录</h2>
      <p>
        <strong>{earlier > 0 ? `该家庭有 ${earlier} 条更早的记录` : '该家庭没有更早的记录'}</strong>
      </p>
      <ul className="med-list">
        {items.map((item) => (
          <li key={item.caseId} className="med-card">
            <Link to={`/mediator/cases/${item.caseId}`}>
              <strong>{item.caseNumber}</strong>
            </Link>
            <span className="med-card-tags">
              <StatusTag status={item.status} />
            </span>
            <span>
              {label(DISPUTE_TYPE, item.disputeType)}
              {item.result ? ` · ${label(RESULT, item.result)}` : ''}
            </span>
            <span>
              收案 {formatDate(item.receivedAt)}
              {item.closedAt ? `，结案 ${formatDate(item.closedAt)}` : ''}
            </span>
            <span>
              同一当事人：
              {item.shared.map((s) => `${s.name}（本案${label(PARTY_ROLE, s.role)}）`).join('、')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
