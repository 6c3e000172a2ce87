import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Radio, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, must } from '../../api/client';
import { formatDate } from '../../ui/format';
import { GroupedBars, RateBars } from '../shared/BarChart';
import { RESULTS } from '../shared/labels';
import { withParam } from '../shared/links';
import { problemMessage, problemOfError } from '../shared/problem';
import { CountLink, RateCard } from './RateCard';
import '../shared/charts.css';

type Basis = 'received' | 'closed';
const SUCCESS = ['reconciled', 'divorce_agreed', 'ancillary_agreed'] as const;

/** Every month of a period, 'YYYY-MM', so that months without cases show as zero. */
function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return months;
}

/**
 * The supervisor's first screen: this year's figures in her scope, every rate with its numerator
 * and denominator linked to the cases behind them, and two charts (by month, by township).
 */
export function DashboardPage() {
  const [basis, setBasis] = useState<Basis>('received');
  const summary = useQuery({
    queryKey: ['supervisor', 'summary', basis],
    queryFn: () => must(api.GET('/api/v1/stats/summary', { params: { query: { basis } } })),
  });
  const byMonth = useQuery({
    queryKey: ['supervisor', 'breakdown', 'month', basis],
    queryFn: () =>
      must(api.GET('/api/v1/stats/breakdown', { params: { query: { by: 'month', basis } } })),
  });
  const byTownship = useQuery({
    queryKey: ['supervisor', 'breakdown', 'township', basis],
    queryFn: () =>
      must(api.GET('/api/v1/stats/breakdown', { params: { query: { by: 'township', basis } } })),
  });

  const s = summary.data;
  const links = s?.drillDown ?? {};
  // The closed cases of the cohort the rates are over: closed in the period, or received in it
  // and closed by now.
  const monthRows = new Map(byMonth.data?.rows.map((r) => [r.key.slice(0, 7), r]));
  const months = byMonth.data ? monthsOf(byMonth.data.period.from, byMonth.data.period.to) : [];
  const cohortClosed =
    basis === 'closed' ? links.closed : withParam(links.received, 'open', 'false');
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 16, flexWrap: 'wrap' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          统计概览
        </Typography.Title>
        {s ? (
          <Typography.Text>
            统计期间：{formatDate(s.period.from)} 至 {formatDate(s.period.to)}（北京时间）
          </Typography.Text>
        ) : null}
        <Radio.Group
          aria-label="比率口径"
          value={basis}
          onChange={(e) => setBasis(e.target.value as Basis)}
          options={[
            { value: 'received', label: '按收案日统计' },
            { value: 'closed', label: '按结案日统计' },
          ]}
          optionType="button"
        />
      </div>
      {summary.error ? (
        <Alert type="error" showIcon title={problemMessage(problemOfError(summary.error)!)} />
      ) : null}
      {!s ? (
        <Skeleton active />
      ) : (
        <>
          <section aria-labelledby="sv-counts">
            <h2 id="sv-counts" className="sv-section">
              案件数
            </h2>
            <div className="sv-grid sv-grid-4" style={{ gridTemplateColumns: 'repeat(5, 1fr)' }}>
              {(
                [
                  ['收案', s.received, links.received],
                  ['结案', s.closed, links.closed],
                  ['在办', s.open, links.open],
                  ['已超期', s.overdue, links.overdue],
                ] as const
              ).map(([name, count, link]) => (
                <Card key={name} size="small" title={<h3 className="sv-card-title">{name}</h3>}>
                  <span className="sv-figure-value">
                    <CountLink count={count} link={link} what={name} />
                  </span>{' '}
                  件
                </Card>
              ))}
              <Card size="small" title={<h3 className="sv-card-title">临期（≤3天）</h3>}>
                <span className="sv-figure-value">
                  <Link
                    className="sv-count-link"
                    to="/supervisor/queues?tab=atRisk"
                    aria-label={`临期${s.atRisk}件，查看待办队列`}
                  >
                    {s.atRisk}
                  </Link>
                </span>{' '}
                件
              </Card>
            </div>
          </section>
          <section aria-labelledby="sv-rates">
            <h2 id="sv-rates" className="sv-section">
              比率（分子 ÷ 分母）
            </h2>
            <div className="sv-grid sv-grid-4">
              <RateCard
                title="办结率"
                rate={s.rates.closureRate}
                numeratorWhat="已结案"
                denominatorWhat="收案"
                numeratorLink={withParam(links.received, 'open', 'false')}
                denominatorLink={links.received}
              />
              <RateCard
                title="调解成功率"
                rate={s.rates.successRate}
                numeratorWhat="调解成功"
                denominatorWhat="进入调解后结案"
                extra={
                  <span>
                    其中：
                    {SUCCESS.map((r, i) => (
                      <span key={r}>
                        {i ? '、' : ''}
                        {RESULTS[r]}{' '}
                        <CountLink count={s.results[r]} link={links[r]} what={RESULTS[r]} />
                      </span>
                    ))}
                  </span>
                }
              />
              <RateCard
                title="成功率（占全部结案）"
                rate={s.rates.successRateOfAllClosed}
                numeratorWhat="调解成功"
                denominatorWhat="全部结案"
                denominatorLink={cohortClosed}
              />
              <RateCard
                title="撤回率"
                rate={s.rates.withdrawalRate}
                numeratorWhat="撤回"
                denominatorWhat="全部结案"
                numeratorLink={links.withdrawn}
                denominatorLink={cohortClosed}
              />
              <RateCard
                title="按期办结率"
                rate={s.rates.onTimeRate}
                numeratorWhat="按期结案"
                denominatorWhat="受理后结案"
              />
              <RateCard
                title="司法确认申请率"
                rate={s.rates.judicialConfirmationRate}
                numeratorWhat="已申请司法确认"
                denominatorWhat="附带事项达成协议"
                denominatorLink={links.ancillary_agreed}
              />
              <RateCard
                title="自动履行率"
                rate={s.rates.performanceRate}
                numeratorWhat="回访确认已履行"
                denominatorWhat="调解成功且已回访"
              />
              <Card size="small" title={<h3 className="sv-card-title">平均用时</h3>}>
                <div className="sv-figure">
                  <span className="sv-figure-value">
                    {s.averageDurationDays.value === null
                      ? '—'
                      : `${s.averageDurationDays.value}天`}
                  </span>
                  <span className="sv-figure-frac">
                    共 {s.averageDurationDays.numerator} 天 ÷ {s.averageDurationDays.denominator}{' '}
                    件； 中位数 {s.medianDurationDays.value ?? '—'} 天（{s.medianDurationDays.cases}{' '}
                    件）
                  </span>
                  <span className="sv-definition">{s.averageDurationDays.definition}</span>
                </div>
              </Card>
            </div>
          </section>
          <section aria-labelledby="sv-results">
            <h2 id="sv-results" className="sv-section">
              结案结果
            </h2>
            <Card size="small">
              <Space wrap size={24}>
                {Object.entries(RESULTS).map(([code, name]) => (
                  <span key={code}>
                    {name}：
                    <CountLink
                      count={s.results[code as keyof typeof s.results]}
                      link={links[code]}
                      what={`结果为${name}`}
                    />{' '}
                    件
                  </span>
                ))}
              </Space>
            </Card>
          </section>
        </>
      )}
      <section aria-labelledby="sv-charts">
        <h2 id="sv-charts" className="sv-section">
          趋势与分布
        </h2>
        <div className="sv-grid sv-grid-2">
          <Card size="small">
            {byMonth.data ? (
              <GroupedBars
                title="各月收案与结案"
                categories={months.map((m) => `${Number(m.slice(5, 7))}月`)}
                series={[
                  {
                    name: '收案',
                    color: '#0b5394',
                    values: months.map((m) => monthRows.get(m)?.received ?? 0),
                  },
                  {
                    name: '结案',
                    color: '#b45f06',
                    values: months.map((m) => monthRows.get(m)?.closed ?? 0),
                  },
                ]}
              />
            ) : (
              <Skeleton active />
            )}
          </Card>
          <Card size="small">
            {byTownship.data ? (
              <RateBars
                title="各乡镇调解成功率"
                color="#1d5e20"
                rows={byTownship.data.rows.map((r) => ({
                  label: r.label,
                  value: r.rates.successRate.value,
                  numerator: r.rates.successRate.numerator,
                  denominator: r.rates.successRate.denominator,
                }))}
              />
            ) : (
              <Skeleton active />
            )}
            <p style={{ marginTop: 8 }}>
              <Link to="/supervisor/reports">查看分组统计与导出</Link>
            </p>
          </Card>
        </div>
      </section>
    </Space>
  );
}
