import { Descriptions } from 'antd';
import type { components } from '../../api/schema';
import { DaysLeftBadge } from '../../ui/DaysLeftBadge';
import { MaskedField } from '../../ui/MaskedField';
import { StatusTag } from '../../ui/StatusTag';
import { formatDate } from '../../ui/format';
import { DISPUTE_TYPES, PARTY_ROLES, label } from './labels';
import { useMediatorName, useRegionName } from './lookups';

type CaseDetail = components['schemas']['CaseDetailView'];

/** The facts of a case the supervisor decides on: who, where, what, how far along. */
export function CaseHeader({ c }: { c: CaseDetail }) {
  const mediatorName = useMediatorName();
  const regionName = useRegionName();
  return (
    <Descriptions
      size="small"
      bordered
      column={3}
      items={[
        { key: 'no', label: '案号', children: c.caseNumber },
        { key: 'status', label: '状态', children: <StatusTag status={c.status} /> },
        {
          key: 'dv',
          label: '涉家暴',
          children: c.dvFlag ? (
            <span className="mx-tag mx-tone-danger">
              <span aria-hidden="true">⚑</span> 是，须由受过反家暴培训的调解员承办
            </span>
          ) : (
            '否'
          ),
        },
        { key: 'type', label: '纠纷类型', children: label(DISPUTE_TYPES, c.disputeType) },
        { key: 'village', label: '所在村', children: regionName(c.regionId) || '—' },
        { key: 'mediator', label: '调解员', children: mediatorName(c.mediatorId) },
        { key: 'received', label: '收案日期', children: formatDate(c.receivedAt) },
        {
          key: 'deadline',
          label: '调解期限',
          children: c.deadlineAt ? (
            <>
              {formatDate(c.deadlineAt)} <DaysLeftBadge daysLeft={c.daysLeft} />
            </>
          ) : (
            '尚未开始计时'
          ),
        },
        { key: 'ref', label: '法院案号', children: c.courtReference ?? '—' },
        {
          key: 'parties',
          label: '当事人',
          span: 3,
          children: (
            <ul className="sv-plain-list">
              {c.parties.map((p) => (
                <li key={p.id}>
                  {label(PARTY_ROLES, p.role)}：{p.name}，身份证号{' '}
                  <MaskedField label="身份证号" masked={p.idNumber} />
                  ，电话 <MaskedField label="电话" masked={p.phone} />
                </li>
              ))}
            </ul>
          ),
        },
        { key: 'summary', label: '案情摘要', span: 3, children: c.summary },
      ]}
    />
  );
}
