import { useQuery } from '@tanstack/react-query';
import { Alert, Space, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { api, must } from '../../api/client';
import type { paths } from '../../api/schema';
import { statusText, type CaseStatus } from '../../ui/StatusTag';
import { formatDateTime } from '../../ui/format';
import { CaseTable } from '../shared/CaseTable';
import { DISPUTE_TYPES, RESULTS, label } from '../shared/labels';
import { useMediatorName, useRegionName } from '../shared/lookups';
import { problemMessage, problemOfError } from '../shared/problem';

type CasesQuery = NonNullable<paths['/api/v1/cases']['get']['parameters']['query']>;

const BOOLEAN = ['dvFlag', 'overdue', 'assigned', 'open', 'exactTotal'];
const KNOWN = [
  'status',
  'regionId',
  'courtId',
  'mediatorId',
  'disputeType',
  'q',
  'receivedFrom',
  'receivedTo',
  'closedFrom',
  'closedTo',
  'result',
  'sort',
  ...BOOLEAN,
];
const PAGE_SIZE = 20;

/** The drill-down's query string as the case list's typed query. */
function queryOf(params: URLSearchParams): CasesQuery {
  const query: Record<string, string | number | boolean> = {};
  for (const key of KNOWN) {
    const value = params.get(key);
    if (value === null) continue;
    query[key] = BOOLEAN.includes(key) ? value === 'true' : value;
  }
  query.page = Number(params.get('page') ?? 1);
  query.pageSize = PAGE_SIZE;
  return query as CasesQuery;
}

/** The end of a drill-down period is the next midnight: say the last day it includes. */
const lastDay = (iso: string) =>
  formatDateTime(new Date(new Date(iso).getTime() - 1)).split(' ')[0];

/**
 * The cases behind a figure: the drill-down link's query, said in words above the list (the
 * period, and each filter), so the count and the list can be compared.
 */
export function CaseListPage() {
  const [params, setParams] = useSearchParams();
  const query = queryOf(params);
  const mediatorName = useMediatorName();
  const regionName = useRegionName();
  const cases = useQuery({
    queryKey: ['supervisor', 'cases', query],
    queryFn: () => must(api.GET('/api/v1/cases', { params: { query } })),
  });
  const filters: string[] = [];
  const receivedFrom = params.get('receivedFrom');
  const receivedTo = params.get('receivedTo');
  const closedFrom = params.get('closedFrom');
  const closedTo = params.get('closedTo');
  if (receivedFrom && receivedTo)
    filters.push(
      `收案日期 ${formatDateTime(receivedFrom).split(' ')[0]} 至 ${lastDay(receivedTo)}`,
    );
  if (closedFrom && closedTo)
    filters.push(`结案日期 ${formatDateTime(closedFrom).split(' ')[0]} 至 ${lastDay(closedTo)}`);
  if (params.get('open') === 'true') filters.push('在办');
  if (params.get('open') === 'false') filters.push('已结案');
  if (params.get('overdue') === 'true') filters.push('已超期');
  const status = params.get('status');
  if (status) filters.push(`状态：${statusText(status as CaseStatus)}`);
  const result = params.get('result');
  if (result) filters.push(`结果：${label(RESULTS, result)}`);
  const disputeType = params.get('disputeType');
  if (disputeType) filters.push(`纠纷类型：${label(DISPUTE_TYPES, disputeType)}`);
  const regionId = params.get('regionId');
  if (regionId) filters.push(`区划：${regionName(regionId) || '所选区划'}（含下级）`);
  const mediatorId = params.get('mediatorId');
  if (mediatorId) filters.push(`调解员：${mediatorName(mediatorId)}`);
  if (params.get('assigned') === 'false') filters.push('尚无调解员');
  if (params.get('dvFlag') === 'true') filters.push('涉家暴');
  if (params.get('dvFlag') === 'false') filters.push('不涉家暴');
  const problem = problemOfError(cases.error);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        案件列表
      </Typography.Title>
      <div>
        <span>筛选条件：</span>
        {filters.length ? filters.map((f) => <Tag key={f}>{f}</Tag>) : <span>全部案件</span>}
      </div>
      <Link to="/supervisor">返回统计概览</Link>
      {problem ? <Alert type="error" showIcon title={problemMessage(problem)} /> : null}
      <CaseTable
        caption={cases.data ? `共 ${cases.data.total} 件` : '正在加载…'}
        items={cases.data?.items ?? []}
        loading={cases.isPending}
        pagination={{
          current: query.page ?? 1,
          pageSize: PAGE_SIZE,
          total: cases.data?.total ?? 0,
          onChange: (page) => {
            const next = new URLSearchParams(params);
            next.set('page', String(page));
            setParams(next);
          },
        }}
      />
    </Space>
  );
}
