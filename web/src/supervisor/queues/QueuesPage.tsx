import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Space, Table, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { api, must } from '../../api/client';
import type { components } from '../../api/schema';
import { DaysLeftBadge } from '../../ui/DaysLeftBadge';
import { StatusTag, type CaseStatus } from '../../ui/StatusTag';
import { formatDateTime } from '../../ui/format';
import { CaseActions, CaseTable } from '../shared/CaseTable';
import { useMediatorName } from '../shared/lookups';
import { problemMessage, problemOfError } from '../shared/problem';

type Waiting = components['schemas']['WaitingCaseView'];

const BUCKETS: Record<string, string> = {
  overdue: '已超期',
  '0-3': '剩0–3天',
  '4-7': '剩4–7天',
  '8-15': '剩8–15天',
  '16+': '剩16天以上',
  none: '未开始计时',
};

/** A waiting list from /stats/overdue: the case, how long it has waited or how long is left. */
function WaitingTable({
  cases,
  caption,
  clock,
}: {
  cases: Waiting[];
  caption: string;
  clock: 'daysLeft' | 'waited';
}) {
  const mediatorName = useMediatorName();
  return (
    <Table<Waiting>
      rowKey="id"
      size="middle"
      dataSource={cases}
      pagination={false}
      locale={{ emptyText: '没有案件' }}
      title={() => caption}
      columns={[
        { title: '案号', dataIndex: 'caseNumber' },
        { title: '状态', render: (_, c) => <StatusTag status={c.status as CaseStatus} /> },
        { title: '调解员', render: (_, c) => mediatorName(c.mediatorId) },
        {
          title: clock === 'daysLeft' ? '期限' : '开始等待',
          render: (_, c) => formatDateTime(c.since),
        },
        {
          title: clock === 'daysLeft' ? '剩余' : '已等待',
          render: (_, c) =>
            clock === 'daysLeft' ? <DaysLeftBadge daysLeft={c.days} /> : `${c.days}天`,
        },
        {
          title: '操作',
          render: (_, c) => <CaseActions c={{ ...c, status: c.status as CaseStatus }} />,
        },
      ]}
    />
  );
}

/**
 * The supervisor's waiting lists: cases to assign, overdue and at-risk cases (reassign), cases
 * waiting for the mediator's acceptance, outcomes waiting for review, late follow-ups.
 */
export function QueuesPage() {
  const [params, setParams] = useSearchParams();
  const queues = useQuery({
    queryKey: ['supervisor', 'queues'],
    queryFn: () => must(api.GET('/api/v1/stats/overdue')),
  });
  const referred = useQuery({
    queryKey: ['supervisor', 'cases', 'referred'],
    queryFn: () =>
      must(
        api.GET('/api/v1/cases', {
          params: { query: { status: 'referred', sort: 'receivedAt', pageSize: 100 } },
        }),
      ),
  });
  const overdue = useQuery({
    queryKey: ['supervisor', 'cases', 'overdue'],
    queryFn: () =>
      must(
        api.GET('/api/v1/cases', {
          params: { query: { overdue: true, sort: 'deadlineAt', pageSize: 100 } },
        }),
      ),
  });
  const assigned = useQuery({
    queryKey: ['supervisor', 'cases', 'assigned'],
    queryFn: () =>
      must(
        api.GET('/api/v1/cases', {
          params: { query: { status: 'assigned', sort: 'updatedAt', pageSize: 100 } },
        }),
      ),
  });
  const q = queues.data;
  const problem = problemOfError(queues.error ?? referred.error ?? overdue.error ?? assigned.error);
  const tab = params.get('tab') ?? 'referred';
  const limits = q?.limits;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        待办队列
      </Typography.Title>
      {problem ? <Alert type="error" showIcon title={problemMessage(problem)} /> : null}
      {q ? (
        <Card size="small" title={<h2 className="sv-card-title">在办案件按剩余天数</h2>}>
          <Space wrap size={24}>
            {q.byDaysLeft.map((b) => (
              <span key={b.bucket}>
                {BUCKETS[b.bucket] ?? b.bucket}：<strong>{b.cases}</strong> 件
              </span>
            ))}
          </Space>
        </Card>
      ) : null}
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key })}
        items={[
          {
            key: 'referred',
            label: `待指派（${referred.data?.total ?? '…'}）`,
            children: (
              <CaseTable
                caption="已委派、尚未指派调解员的案件（最早收案的在前）"
                items={referred.data?.items ?? []}
                loading={referred.isPending}
              />
            ),
          },
          {
            key: 'overdue',
            label: `已超期（${overdue.data?.total ?? '…'}）`,
            children: (
              <CaseTable
                caption="已过期限仍未结案的案件（应为零：到期自动结案）"
                items={overdue.data?.items ?? []}
                loading={overdue.isPending}
              />
            ),
          },
          {
            key: 'atRisk',
            label: `临期（${q?.atRisk.total ?? '…'}）`,
            children: (
              <WaitingTable
                caption="距期限不足 3 天的在办案件，可改派"
                cases={q?.atRisk.cases ?? []}
                clock="daysLeft"
              />
            ),
          },
          {
            key: 'assigned',
            label: `待受理（${assigned.data?.total ?? '…'}）`,
            children: (
              <CaseTable
                caption="已指派、调解员尚未受理的案件，可改派"
                items={assigned.data?.items ?? []}
                loading={assigned.isPending}
              />
            ),
          },
          {
            key: 'acceptance',
            label: `受理超时（${q?.waitingForAcceptance.total ?? '…'}）`,
            children: (
              <WaitingTable
                caption={`指派后超过 ${limits?.acceptanceHours ?? '…'} 小时仍未受理的案件：请催办或改派`}
                cases={q?.waitingForAcceptance.cases ?? []}
                clock="waited"
              />
            ),
          },
          {
            key: 'review',
            label: `审核超时（${q?.waitingForReview.total ?? '…'}）`,
            children: (
              <WaitingTable
                caption={`提交结果后超过 ${limits?.reviewDays ?? '…'} 天仍未审核的案件（全部待审核的见“结案审核”）`}
                cases={q?.waitingForReview.cases ?? []}
                clock="waited"
              />
            ),
          },
          {
            key: 'followUps',
            label: `回访逾期（${q?.followUpsLate.total ?? '…'}）`,
            children: (
              <WaitingTable
                caption={`回访逾期 ${limits?.followUpDays ?? '…'} 天以上的已结案件`}
                cases={q?.followUpsLate.cases ?? []}
                clock="waited"
              />
            ),
          },
        ]}
      />
    </Space>
  );
}
