import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Flex,
  Input,
  Segmented,
  Select,
  Space,
  Switch,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiProblem } from '../../api/problem';
import { DaysLeftBadge } from '../../ui/DaysLeftBadge';
import { formatDate } from '../../ui/format';
import { problemText } from '../../ui/problem-messages';
import { StatusTag, statusText, type CaseStatus } from '../../ui/StatusTag';
import { DISPUTE_TYPES, label, RESULTS } from '../labels';
import { useCaseList, type CaseFilters, type CaseSummary } from '../queries';

type View = 'open' | 'back_to_filing' | 'closed' | 'all';

const VIEWS: { value: View; label: string }[] = [
  { value: 'open', label: '在办案件' },
  { value: 'back_to_filing', label: '待转立案（拒绝/超期）' },
  { value: 'closed', label: '已结案件' },
  { value: 'all', label: '全部' },
];

const STATUSES: CaseStatus[] = [
  'received',
  'referred',
  'assigned',
  'in_mediation',
  'pending_review',
];

/** My court's cases: filters and search of GET /cases, days left, cases due back to filing. */
export function QueuePage() {
  const navigate = useNavigate();
  const [view, setView] = useState<View>('open');
  const [status, setStatus] = useState<CaseStatus | undefined>();
  const [disputeType, setDisputeType] = useState<CaseFilters['disputeType']>();
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);

  const filters: CaseFilters = {
    page,
    pageSize: 20,
    q: query || undefined,
    disputeType,
    sort: view === 'open' ? 'deadlineAt' : '-receivedAt',
    ...(view === 'open' ? { open: true, status, overdue: overdue || undefined } : {}),
    ...(view === 'closed' ? { open: false } : {}),
  };
  const list = useCaseList(view === 'back_to_filing' ? { ...filters, result: 'refused' } : filters);
  const expired = useCaseList({ ...filters, result: 'expired', page: 1, pageSize: 100 });
  const rows: CaseSummary[] =
    view === 'back_to_filing'
      ? [...(list.data?.items ?? []), ...(expired.data?.items ?? [])]
      : (list.data?.items ?? []);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={2} style={{ margin: 0 }}>
          本院案件
        </Typography.Title>
        <Space>
          <Button icon={<SearchOutlined />} onClick={() => void navigate('/clerk/search')}>
            按身份证号/手机号查找
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => void navigate('/clerk/referrals/new')}
          >
            登记委派调解
          </Button>
        </Space>
      </Flex>
      <Segmented<View>
        options={VIEWS}
        value={view}
        onChange={(v) => {
          setView(v);
          setPage(1);
        }}
        aria-label="案件范围"
      />
      <Flex gap="middle" wrap align="center" role="search" aria-label="筛选案件">
        <Input.Search
          aria-label="当事人姓名或案号"
          placeholder="当事人姓名或案号"
          allowClear
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(value) => {
            setQuery(value.trim());
            setPage(1);
          }}
          enterButton="搜索"
          style={{ width: 320 }}
        />
        {view === 'open' ? (
          <Select
            aria-label="状态"
            placeholder="全部状态"
            allowClear
            style={{ width: 140 }}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={STATUSES.map((s) => ({ value: s, label: statusText(s) }))}
          />
        ) : null}
        <Select
          aria-label="纠纷类型"
          placeholder="全部纠纷类型"
          allowClear
          style={{ width: 160 }}
          value={disputeType}
          onChange={(v) => {
            setDisputeType(v);
            setPage(1);
          }}
          options={Object.entries(DISPUTE_TYPES).map(([value, text]) => ({ value, label: text }))}
        />
        {view === 'open' ? (
          <Space>
            <Switch id="overdue-only" checked={overdue} onChange={setOverdue} />
            <label htmlFor="overdue-only">只看已超期</label>
          </Space>
        ) : null}
      </Flex>
      {list.error instanceof ApiProblem ? (
        <Alert type="error" showIcon message={problemText(list.error.problem)} />
      ) : null}
      <Table<CaseSummary>
        rowKey="id"
        loading={list.isFetching}
        dataSource={rows}
        pagination={
          view === 'back_to_filing'
            ? false
            : {
                current: page,
                pageSize: 20,
                total: list.data?.total ?? 0,
                onChange: setPage,
                showTotal: (total) => `共 ${total} 件`,
              }
        }
        locale={{ emptyText: '没有符合条件的案件' }}
        columns={[
          {
            title: '案号',
            dataIndex: 'caseNumber',
            render: (value: string, row) => <Link to={`/clerk/cases/${row.id}`}>{value}</Link>,
          },
          {
            title: '当事人',
            dataIndex: 'partyNames',
            render: (names: string[]) => names.join('、'),
          },
          {
            title: '纠纷类型',
            dataIndex: 'disputeType',
            render: (v: string) => label(DISPUTE_TYPES, v),
          },
          {
            title: '状态',
            dataIndex: 'status',
            render: (v: CaseStatus, row) => (
              <Space size={4} wrap>
                <StatusTag status={v} />
                {row.result ? <span>{label(RESULTS, row.result)}</span> : null}
                {row.dvFlag ? (
                  <span className="mx-tag mx-tone-danger">
                    <span aria-hidden="true">▲</span> 家暴风险
                  </span>
                ) : null}
              </Space>
            ),
          },
          {
            title: '剩余期限',
            dataIndex: 'daysLeft',
            render: (v: number | null, row) =>
              row.status === 'closed' ? (
                '—'
              ) : v === null ? (
                '未起算'
              ) : (
                <DaysLeftBadge daysLeft={v} />
              ),
          },
          { title: '收案日期', dataIndex: 'receivedAt', render: (v: string) => formatDate(v) },
        ]}
      />
    </Space>
  );
}
