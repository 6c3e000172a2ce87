import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Radio,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, must } from '../../api/client';
import { formatDate } from '../../ui/format';
import { fetchFile, openPdf, query as toQuery, saveFile } from '../shared/download';
import { DIMENSIONS, percent } from '../shared/labels';
import { caseListPath, expandLinks } from '../shared/links';
import { problemMessage, problemOfError } from '../shared/problem';
import '../shared/charts.css';

type By = 'township' | 'village' | 'mediator' | 'court' | 'disputeType' | 'month' | 'dvFlag';
type Basis = 'received' | 'closed';
type Breakdown = Awaited<ReturnType<typeof loadBreakdown>>;
type Row = Breakdown['rows'][number];
type Rate = Row['rates']['closureRate'];

const loadBreakdown = (query: { by: By; basis: Basis; from: string; to: string }) =>
  must(api.GET('/api/v1/stats/breakdown', { params: { query } }));

/** "66.7%（2/3）", or "—（0/0）" over nothing. */
const rateText = (r: Rate) => `${percent(r.value)}（${r.numerator}/${r.denominator}）`;

/**
 * Breakdowns by township, village, mediator, court, type, month or DV flag, every count linked to
 * its cases; the same table exported as CSV or XLSX, and the monthly report as a PDF.
 */
export function ReportsPage() {
  const { message } = App.useApp();
  const [by, setBy] = useState<By>('township');
  const [basis, setBasis] = useState<Basis>('received');
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const [month, setMonth] = useState<Dayjs>(dayjs().subtract(1, 'month'));
  const [busy, setBusy] = useState<string | null>(null);
  const period = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const breakdown = useQuery({
    queryKey: ['supervisor', 'breakdown', by, basis, period.from, period.to],
    queryFn: () => loadBreakdown({ by, basis, ...period }),
  });
  const b = breakdown.data;
  const linksOf = (values: Record<string, string>) => (b ? expandLinks(b.drillDown, values) : {});
  const count = (n: number, link: string | undefined, what: string) => {
    const to = caseListPath(link);
    return to ? (
      <Link className="sv-count-link" to={to} aria-label={`${what}${n}件，查看案件列表`}>
        {n}
      </Link>
    ) : (
      n
    );
  };
  const download = async (format: 'csv' | 'xlsx') => {
    setBusy(format);
    try {
      const { blob, filename } = await fetchFile(
        `/api/v1/stats/export?${toQuery({ by, basis, format, ...period })}`,
      );
      saveFile(blob, filename ?? `调解统计-${DIMENSIONS[by]}.${format}`);
    } catch (error) {
      const p = problemOfError(error);
      message.error(p ? problemMessage(p) : '导出失败，请稍后再试');
    } finally {
      setBusy(null);
    }
  };
  const openReport = async () => {
    setBusy('pdf');
    try {
      const { blob } = await fetchFile(`/api/v1/reports/monthly?month=${month.format('YYYY-MM')}`);
      openPdf(blob);
    } catch (error) {
      const p = problemOfError(error);
      message.error(p ? problemMessage(p) : '月报生成失败，请稍后再试');
    } finally {
      setBusy(null);
    }
  };
  const problem = problemOfError(breakdown.error);
  const rows: (Row & { total?: boolean })[] = b
    ? [
        ...b.rows,
        { ...b.totals, key: '__total', label: '合计', total: true } as Row & { total: boolean },
      ]
    : [];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        统计报表
      </Typography.Title>
      <Card size="small">
        <Space wrap size={16}>
          <span>
            <label htmlFor="sv-range-from">统计期间：</label>
            <DatePicker.RangePicker
              id={{ start: 'sv-range-from', end: 'sv-range-to' }}
              aria-label="统计期间"
              allowClear={false}
              value={range}
              onChange={(v) => {
                if (v?.[0] && v[1]) setRange([v[0], v[1]]);
              }}
              format="YYYY年M月D日"
            />
          </span>
          <label>
            分组：
            <Select
              aria-label="分组方式"
              style={{ width: 130 }}
              value={by}
              onChange={setBy}
              options={Object.entries(DIMENSIONS).map(([value, text]) => ({
                value: value as By,
                label: `按${text}`,
              }))}
            />
          </label>
          <Radio.Group
            aria-label="比率口径"
            value={basis}
            onChange={(e) => setBasis(e.target.value as Basis)}
            optionType="button"
            options={[
              { value: 'received', label: '按收案日统计' },
              { value: 'closed', label: '按结案日统计' },
            ]}
          />
          <Button loading={busy === 'csv'} onClick={() => void download('csv')}>
            导出 CSV
          </Button>
          <Button loading={busy === 'xlsx'} onClick={() => void download('xlsx')}>
            导出 Excel（XLSX）
          </Button>
        </Space>
      </Card>
      {problem ? <Alert type="error" showIcon title={problemMessage(problem)} /> : null}
      <Table<Row & { total?: boolean }>
        rowKey="key"
        size="small"
        loading={breakdown.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1200 }}
        title={() =>
          b ? (
            <span className="sv-table-caption">
              按{DIMENSIONS[by]}分组：{formatDate(b.period.from)} 至 {formatDate(b.period.to)}，
              {basis === 'received' ? '按收案日' : '按结案日'}统计（北京时间）；比率为
              百分比（分子/分母）
            </span>
          ) : (
            '正在加载…'
          )
        }
        rowClassName={(r) => (r.total ? 'sv-total-row' : '')}
        columns={[
          { title: DIMENSIONS[by], dataIndex: 'label', fixed: 'start', width: 120 },
          {
            title: '收案',
            render: (_, r) => count(r.received, linksOf(r.drillDown).received, `${r.label}收案`),
          },
          {
            title: '结案',
            render: (_, r) => count(r.closed, linksOf(r.drillDown).closed, `${r.label}结案`),
          },
          {
            title: '在办',
            render: (_, r) => count(r.open, linksOf(r.drillDown).open, `${r.label}在办`),
          },
          { title: '办结率', render: (_, r) => rateText(r.rates.closureRate) },
          { title: '调解成功率', render: (_, r) => rateText(r.rates.successRate) },
          { title: '撤回率', render: (_, r) => rateText(r.rates.withdrawalRate) },
          { title: '按期办结率', render: (_, r) => rateText(r.rates.onTimeRate) },
          { title: '司法确认申请率', render: (_, r) => rateText(r.rates.judicialConfirmationRate) },
          { title: '自动履行率', render: (_, r) => rateText(r.rates.performanceRate) },
          {
            title: '平均用时',
            render: (_, r) =>
              r.averageDurationDays.value === null ? '—' : `${r.averageDurationDays.value}天`,
          },
        ]}
      />
      <Card size="small" title={<h2 className="sv-card-title">工作月报（PDF）</h2>}>
        <Space wrap>
          <label htmlFor="sv-month">月份：</label>
          <DatePicker
            id="sv-month"
            picker="month"
            allowClear={false}
            value={month}
            onChange={(v) => v && setMonth(v)}
            format="YYYY年M月"
            disabledDate={(d) => d.isAfter(dayjs(), 'month')}
          />
          <Button type="primary" loading={busy === 'pdf'} onClick={() => void openReport()}>
            打开月报
          </Button>
          <span className="mx-muted">
            汇总、各乡镇、十二个月收结案对比、风险与口径，在新标签页中打开。
          </span>
        </Space>
      </Card>
    </Space>
  );
}
