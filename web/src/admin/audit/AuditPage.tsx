import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Button,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, must } from '../../api/client';
import type { components } from '../../api/schema';
import { formatDateTime } from '../../ui/format';
import {
  ACTION_LABELS,
  actionLabel,
  entityLabel,
  REVEAL_FIELD_LABELS,
  ROLE_LABELS,
  type Role,
} from '../common/labels';
import { CLEAR } from '../common/clear';
import { useUserNames } from '../common/lookups';
import { asProblem, problemDetail } from '../common/problem-form';
import { AuditSnapshot } from './AuditSnapshot';

type AuditEvent = components['schemas']['AuditEventView'];

const PAGE_SIZE = 20;

interface Filters {
  actorId?: string;
  action?: string;
  caseId?: string;
  from?: Dayjs | null;
  to?: Dayjs | null;
}

/** The first instant of a calendar day in Asia/Shanghai, as ISO 8601 with its offset. */
const shanghaiDayStart = (day: Dayjs, plusDays = 0): string =>
  `${day.add(plusDays, 'day').format('YYYY-MM-DD')}T00:00:00+08:00`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What an event did, in a sentence: a reveal names the field and the reason given. */
function summary(event: AuditEvent): string {
  const after = (event.after ?? {}) as Record<string, unknown>;
  if (event.action === 'party.revealed') {
    const field = REVEAL_FIELD_LABELS[String(after.field)] ?? String(after.field ?? '');
    return `查看了当事人的完整${field}，理由：${String(after.reason ?? '未填写')}`;
  }
  if (event.entityType === 'user' && (after.username || after.displayName)) {
    const role = ROLE_LABELS[after.role as Role];
    return [
      after.displayName,
      after.username ? `（${String(after.username)}）` : '',
      role ? `，${role}` : '',
    ]
      .filter(Boolean)
      .join('');
  }
  if (typeof after.name === 'string') return after.name;
  if (typeof after.status === 'string' && event.before) {
    return `状态：${String((event.before as Record<string, unknown>).status ?? '')} → ${after.status}`;
  }
  return '';
}

/**
 * 审计日志: every write and every sensitive read, newest first, filtered by who, what, which
 * case and when. Each row opens to its before and after snapshots (masked by the API).
 */
export function AuditPage() {
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [actorQ, setActorQ] = useState('');

  const query = {
    page,
    pageSize: PAGE_SIZE,
    ...(filters.actorId ? { actorId: filters.actorId } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.caseId ? { caseId: filters.caseId } : {}),
    ...(filters.from ? { from: shanghaiDayStart(filters.from) } : {}),
    // The end date is inclusive: up to the start of the next day.
    ...(filters.to ? { to: shanghaiDayStart(filters.to, 1) } : {}),
  };
  const events = useQuery({
    queryKey: ['admin', 'audit', query],
    queryFn: () => must(api.GET('/api/v1/audit', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const actors = useUserNames((events.data?.items ?? []).map((e) => e.actorId));
  const actorSearch = useQuery({
    queryKey: ['admin', 'users', { q: actorQ, pick: true }],
    queryFn: () =>
      must(
        api.GET('/api/v1/users', {
          params: { query: { pageSize: 20, ...(actorQ ? { q: actorQ } : {}) } },
        }),
      ),
  });

  return (
    <>
      <Typography.Title level={2}>审计日志</Typography.Title>
      <Form<Filters>
        form={form}
        layout="inline"
        role="search"
        aria-label="筛选审计日志"
        style={{ marginBottom: 16, rowGap: 12 }}
        onFinish={(values) => {
          setFilters(values);
          setPage(1);
        }}
      >
        <Form.Item name="actorId" label="操作人">
          <Select
            style={{ width: 170 }}
            allowClear
            showSearch={{ filterOption: false, onSearch: setActorQ }}
            placeholder="姓名或用户名"
            options={(actorSearch.data?.items ?? []).map((u) => ({
              value: u.id,
              label: `${u.displayName}（${u.username}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="action" label="操作">
          <Select
            style={{ width: 190 }}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="全部操作"
            options={Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item
          name="caseId"
          label="案件 ID"
          rules={[{ pattern: UUID, message: '请粘贴完整的案件 ID' }]}
        >
          <Input allowClear={CLEAR} style={{ width: 160 }} autoComplete="off" />
        </Form.Item>
        <Form.Item name="from" label="开始日期">
          <DatePicker placeholder="不限" style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="to" label="结束日期">
          <DatePicker placeholder="不限" style={{ width: 130 }} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              查询
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFilters({});
                setPage(1);
              }}
            >
              重置
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <Table<AuditEvent>
        rowKey="id"
        size="middle"
        loading={events.isFetching}
        dataSource={events.data?.items}
        locale={{
          emptyText: events.isError ? problemDetail(asProblem(events.error)) : '没有符合条件的记录',
        }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: events.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => `共 ${total} 条`,
          onChange: setPage,
        }}
        expandable={{
          expandedRowRender: (e) => (
            <Descriptions
              size="small"
              column={1}
              bordered
              items={[
                { key: 'before', label: '变更前', children: <AuditSnapshot value={e.before} /> },
                { key: 'after', label: '变更后', children: <AuditSnapshot value={e.after} /> },
                { key: 'entity', label: '对象编号', children: e.entityId ?? '—' },
                { key: 'request', label: '请求编号', children: e.requestId ?? '—' },
                { key: 'hash', label: '链哈希', children: <code>{e.hash}</code> },
              ]}
            />
          ),
          expandIcon: ({ expanded, onExpand, record }) => (
            <Button
              size="small"
              aria-expanded={expanded}
              onClick={(event) => onExpand(record, event)}
            >
              {expanded ? '收起' : '详情'}
            </Button>
          ),
        }}
        columns={[
          {
            title: '时间',
            dataIndex: 'occurredAt',
            width: 170,
            render: (at: string) => formatDateTime(at),
          },
          {
            title: '操作人',
            key: 'actor',
            render: (_, e) => {
              const actor = e.actorId ? actors.get(e.actorId) : undefined;
              const role = e.actorRole ? ROLE_LABELS[e.actorRole as Role] : undefined;
              if (!e.actorId) return <span className="mx-muted">系统</span>;
              return `${actor?.displayName ?? '（未知用户）'}${role ? `（${role}）` : ''}`;
            },
          },
          { title: '操作', dataIndex: 'action', render: (a: string) => actionLabel(a) },
          { title: '对象', dataIndex: 'entityType', render: (t: string) => entityLabel(t) },
          { title: '内容', key: 'summary', render: (_, e) => summary(e) },
          {
            title: '案件',
            dataIndex: 'caseId',
            render: (id: string | null) =>
              id ? (
                <Button
                  type="link"
                  size="small"
                  onClick={() => {
                    form.setFieldValue('caseId', id);
                    form.submit();
                  }}
                >
                  只看此案<span className="mx-visually-hidden"> {id}</span>
                </Button>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary">
        审计日志只可追加、不可修改；快照中的身份证号码、手机号已隐藏部分。
      </Typography.Paragraph>
    </>
  );
}
