import { Button, Space, Table } from 'antd';
import { useNavigate } from 'react-router';
import type { components } from '../../api/schema';
import { DaysLeftBadge } from '../../ui/DaysLeftBadge';
import { StatusTag } from '../../ui/StatusTag';
import { formatDate } from '../../ui/format';
import { DISPUTE_TYPES, RESULTS, label } from './labels';
import { useMediatorName, useRegionName } from './lookups';

type CaseSummary = components['schemas']['CaseSummaryView'];

/** What the supervisor can do with a case from a list, by its status. */
export function CaseActions({ c }: { c: Pick<CaseSummary, 'id' | 'status' | 'caseNumber'> }) {
  const navigate = useNavigate();
  if (c.status === 'referred')
    return (
      <Button
        autoInsertSpace={false}
        size="small"
        type="primary"
        aria-label={`指派 ${c.caseNumber}`}
        onClick={() => navigate(`/supervisor/queues/assign/${c.id}`)}
      >
        指派
      </Button>
    );
  if (c.status === 'assigned' || c.status === 'in_mediation')
    return (
      <Button
        autoInsertSpace={false}
        size="small"
        aria-label={`改派 ${c.caseNumber}`}
        onClick={() => navigate(`/supervisor/queues/assign/${c.id}`)}
      >
        改派
      </Button>
    );
  if (c.status === 'pending_review')
    return (
      <Button
        autoInsertSpace={false}
        size="small"
        type="primary"
        aria-label={`审核 ${c.caseNumber}`}
        onClick={() => navigate(`/supervisor/review/${c.id}`)}
      >
        审核
      </Button>
    );
  return null;
}

/** A page of cases as the supervisor reads them: number, parties, place, status, clock. */
export function CaseTable({
  items,
  loading,
  pagination,
  caption,
}: {
  items: CaseSummary[];
  loading?: boolean;
  pagination?: {
    current: number;
    pageSize: number;
    total: number;
    onChange: (page: number) => void;
  };
  caption: string;
}) {
  const mediatorName = useMediatorName();
  const regionName = useRegionName();
  return (
    <Table<CaseSummary>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      locale={{ emptyText: '没有符合条件的案件' }}
      title={() => <span className="sv-table-caption">{caption}</span>}
      pagination={
        pagination
          ? {
              current: pagination.current,
              pageSize: pagination.pageSize,
              total: pagination.total,
              onChange: pagination.onChange,
              showSizeChanger: false,
              showTotal: (total) => `共 ${total} 件`,
            }
          : false
      }
      columns={[
        { title: '案号', dataIndex: 'caseNumber', width: 230 },
        { title: '当事人', render: (_, c) => c.partyNames.join('、') },
        { title: '纠纷类型', render: (_, c) => label(DISPUTE_TYPES, c.disputeType), width: 100 },
        {
          title: '所在村',
          render: (_, c) => regionName(c.regionId),
          width: 90,
        },
        {
          title: '状态',
          render: (_, c) => (
            <Space size={4} wrap>
              <StatusTag status={c.status} />
              {c.dvFlag ? (
                <span className="mx-tag mx-tone-danger">
                  <span aria-hidden="true">⚑</span> 涉家暴
                </span>
              ) : null}
              {c.result ? <span>{label(RESULTS, c.result)}</span> : null}
            </Space>
          ),
        },
        { title: '调解员', render: (_, c) => mediatorName(c.mediatorId), width: 90 },
        { title: '收案日期', render: (_, c) => formatDate(c.receivedAt), width: 130 },
        {
          title: '期限',
          render: (_, c) =>
            c.status === 'closed' ? (
              formatDate(c.closedAt) + '结案'
            ) : c.daysLeft === null ? (
              '未开始计时'
            ) : (
              <DaysLeftBadge daysLeft={c.daysLeft} />
            ),
          width: 140,
        },
        { title: '操作', render: (_, c) => <CaseActions c={c} />, width: 90 },
      ]}
    />
  );
}
