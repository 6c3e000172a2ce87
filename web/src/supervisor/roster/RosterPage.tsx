import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, must } from '../../api/client';
import type { components, paths } from '../../api/schema';
import { formatDate } from '../../ui/format';
import { CONFLICT_REASONS, DISPUTE_TYPES, TRAINING_TOPICS, label, percent } from '../shared/labels';
import { useRegionName } from '../shared/lookups';
import { problemMessage, problemOfError } from '../shared/problem';
import { ConflictDialog } from './ConflictDialog';

type Mediator = components['schemas']['MediatorView'];
type Speciality = NonNullable<
  paths['/api/v1/mediators']['get']['parameters']['query']
>['speciality'];

/** 3 of 5: the words and a bar whose length is also said in words. */
function Load({ active, max }: { active: number; max: number }) {
  const full = active >= max;
  return (
    <span>
      {active} / {max} 件
      {full ? (
        <span className="mx-tag mx-tone-warn" style={{ marginInlineStart: 6 }}>
          <span aria-hidden="true">⚠</span> 已满
        </span>
      ) : null}
    </span>
  );
}

/**
 * The roster in the supervisor's scope: who serves which villages, her trainings, her load and
 * this year's results; conflicts of interest are recorded from here.
 */
export function RosterPage() {
  const [speciality, setSpeciality] = useState<Speciality>();
  const [available, setAvailable] = useState(false);
  const [dvTrained, setDvTrained] = useState(false);
  const [conflictFor, setConflictFor] = useState<Mediator | null>(null);
  const regionName = useRegionName();
  const roster = useQuery({
    queryKey: ['supervisor', 'roster', speciality, available, dvTrained],
    queryFn: () =>
      must(
        api.GET('/api/v1/mediators', {
          params: {
            query: {
              pageSize: 100,
              speciality,
              available: available || undefined,
              dvTrained: dvTrained || undefined,
            },
          },
        }),
      ),
  });
  const workload = useQuery({
    queryKey: ['supervisor', 'workload'],
    queryFn: () => must(api.GET('/api/v1/stats/mediators')),
  });
  const work = new Map(workload.data?.map((w) => [w.mediatorId, w]));
  const problem = problemOfError(roster.error);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        调解员名册
      </Typography.Title>
      <Space wrap size={16}>
        <label>
          专长：
          <Select
            aria-label="按专长筛选"
            allowClear
            placeholder="全部"
            style={{ width: 140 }}
            value={speciality}
            onChange={setSpeciality}
            options={Object.entries(DISPUTE_TYPES).map(([value, text]) => ({
              value: value as Speciality,
              label: text,
            }))}
          />
        </label>
        <Checkbox checked={available} onChange={(e) => setAvailable(e.target.checked)}>
          只看可接案
        </Checkbox>
        <Checkbox checked={dvTrained} onChange={(e) => setDvTrained(e.target.checked)}>
          只看受过反家暴培训
        </Checkbox>
      </Space>
      {problem ? <Alert type="error" showIcon title={problemMessage(problem)} /> : null}
      <Table<Mediator>
        rowKey="id"
        size="middle"
        loading={roster.isPending}
        dataSource={roster.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: '没有符合条件的调解员' }}
        expandable={{
          expandedRowRender: (m) => (
            <div className="sv-grid sv-grid-2">
              <section aria-label={`${m.displayName}的培训`}>
                <h3 className="sv-card-title">培训记录</h3>
                {m.trainings.length ? (
                  <ul style={{ margin: 0 }}>
                    {m.trainings.map((t) => (
                      <li key={`${t.title}${t.heldOn}`}>
                        {formatDate(t.heldOn)} {t.title}，{t.hours} 学时
                        {t.topics.length
                          ? `（${t.topics.map((x) => label(TRAINING_TOPICS, x)).join('、')}）`
                          : ''}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p style={{ margin: 0 }}>尚无培训记录</p>
                )}
              </section>
              <section aria-label={`${m.displayName}的回避`}>
                <h3 className="sv-card-title">已申报的回避</h3>
                {m.conflicts.length ? (
                  <ul style={{ margin: 0 }}>
                    {m.conflicts.map((c) => (
                      <li key={`${c.declaredAt}${c.partyName ?? ''}${c.caseId ?? ''}`}>
                        {formatDate(c.declaredAt)} {label(CONFLICT_REASONS, c.reason)}
                        {c.partyName ? `：${c.partyName}` : ''}
                        {c.byIdNumber ? '（按身份证号排除）' : ''}
                        {c.caseId ? '（指定案件）' : ''}
                        {c.note ? `，${c.note}` : ''}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p style={{ margin: 0 }}>没有申报回避</p>
                )}
              </section>
            </div>
          ),
          expandIcon: ({ expanded, onExpand, record }) => (
            <Button size="small" aria-expanded={expanded} onClick={(e) => onExpand(record, e)}>
              {expanded
                ? '收起'
                : `培训${record.trainings.length}次 · 回避${record.conflicts.length}项`}
            </Button>
          ),
        }}
        columns={[
          {
            title: '调解员',
            render: (_, m) => (
              <>
                <strong>{m.displayName}</strong>
                <br />
                {m.title}
              </>
            ),
          },
          {
            title: '状态',
            render: (_, m) =>
              m.active ? (
                <span className="mx-tag mx-tone-ok">
                  <span aria-hidden="true">✔</span> 接案中
                </span>
              ) : (
                <span className="mx-tag mx-tone-done">
                  <span aria-hidden="true">⏸</span> 已暂停
                </span>
              ),
          },
          {
            title: '负责的村',
            render: (_, m) => m.villageIds.map((v) => regionName(v) || '—').join('、'),
          },
          {
            title: '专长',
            render: (_, m) => m.specialities.map((s) => label(DISPUTE_TYPES, s)).join('、') || '—',
          },
          {
            title: '反家暴培训',
            render: (_, m) => (m.dvTrained ? '✔ 已培训' : '未培训'),
          },
          {
            title: '在办 / 上限',
            render: (_, m) => <Load active={m.activeCases} max={m.maxActiveCases} />,
          },
          {
            title: '今年结案',
            render: (_, m) => {
              const w = work.get(m.id);
              if (!w) return '—';
              return (
                <>
                  {w.closed} 件；成功率 {percent(w.successRate.value)}（{w.successRate.numerator}/
                  {w.successRate.denominator}）
                </>
              );
            },
          },
          {
            title: '回避',
            render: (_, m) => (
              <Space size={8}>
                <span>{m.conflicts.length ? `${m.conflicts.length} 项` : '无'}</span>
                <Button
                  size="small"
                  onClick={() => setConflictFor(m)}
                  aria-label={`为${m.displayName}登记回避`}
                >
                  登记回避
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <ConflictDialog mediator={conflictFor} onClose={() => setConflictFor(null)} />
    </Space>
  );
}
