import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { StatusTag } from '../../ui/StatusTag';
import { DaysLeft } from './DaysLeft';
import { DISPUTE_TYPE, label } from './labels';
import type { CaseSummary } from './types';

/** A case in a list: the parties, number, status, days left; the whole card opens the case. */
export function CaseCard({ item, extra }: { item: CaseSummary; extra?: ReactNode }) {
  return (
    <li className="med-card">
      <Link to={`/mediator/cases/${item.id}`} className="med-card-link">
        <span className="med-card-title">{item.partyNames.join(' 与 ')}</span>
        <span className="med-card-sub">
          {label(DISPUTE_TYPE, item.disputeType)} · {item.caseNumber}
        </span>
      </Link>
      <span className="med-card-tags">
        <StatusTag status={item.status} />
        <DaysLeft daysLeft={item.daysLeft} />
        {item.dvFlag ? <DvTag /> : null}
      </span>
      {extra}
    </li>
  );
}

export function DvTag() {
  return (
    <span className="mx-tag mx-tone-danger">
      <span aria-hidden="true">⚑</span> 家暴风险
    </span>
  );
}
