import { Empty } from 'antd';
import { Fragment } from 'react';
import type { components } from '../../api/schema';
import { formatDate, formatDateTime } from '../../ui/format';
import { FREQUENCIES, PARTY_ROLES, RESULTS, ROUTES, label } from '../shared/labels';

type Outcome = components['schemas']['OutcomeEntryView'];
type Child = components['schemas']['ChildView'];
type Money = { amount: string; payer: string; reason?: string } | null | undefined;

interface Agreement {
  effectiveAt?: string;
  form?: string;
  children?: {
    childId: string;
    custody?: string;
    residence?: string;
    heard?: boolean;
    support?: { amount: string; frequency: string; method: string; until?: string };
    visitation?: string;
    handover?: string;
  }[];
  property?: { item: string; to: string; value?: string }[];
  debts?: { item: string; bornBy: string; amount?: string }[];
  housing?: string;
  houseworkCompensation?: Money;
  financialHelp?: Money;
  damages?: Money;
  performance?: string;
  breach?: string;
}

const money = (m: Money) =>
  m
    ? `${label(PARTY_ROLES, m.payer)}支付 ${m.amount} 元${m.reason ? `（${m.reason}）` : ''}`
    : null;

/** The submitted outcome and its agreement's terms, term by term. */
export function AgreementPanel({ outcome, kids }: { outcome: Outcome | undefined; kids: Child[] }) {
  if (!outcome) return <Empty description="尚未提交调解结果" />;
  const a = (outcome.agreement ?? null) as Agreement | null;
  const childName = (id: string) => kids.find((k) => k.id === id)?.name ?? '子女';
  const terms: [string, string | null | undefined][] = a
    ? [
        ['生效日期', formatDate(a.effectiveAt)],
        ['协议形式', a.form === 'oral' ? '口头' : '书面'],
        ...(a.children ?? []).map((ch): [string, string] => [
          `子女 ${childName(ch.childId)}`,
          [
            ch.custody ? `由${label(PARTY_ROLES, ch.custody)}抚养` : '',
            ch.heard ? '已听取子女意见' : '',
            ch.support
              ? `抚养费${label(FREQUENCIES, ch.support.frequency)} ${ch.support.amount} 元（${ch.support.method}${ch.support.until ? `，至${formatDate(ch.support.until)}` : ''}）`
              : '',
            ch.visitation ? `探望：${ch.visitation}` : '',
            ch.handover ? `交接：${ch.handover}` : '',
          ]
            .filter(Boolean)
            .join('；'),
        ]),
        ...(a.property ?? []).map((p): [string, string] => [
          '财产',
          `${p.item} 归${label(PARTY_ROLES, p.to)}${p.value ? `（价值 ${p.value} 元）` : ''}`,
        ]),
        ...(a.debts ?? []).map((d): [string, string] => [
          '债务',
          `${d.item} 由${label(PARTY_ROLES, d.bornBy)}承担${d.amount ? ` ${d.amount} 元` : ''}`,
        ]),
        ['住房', a.housing],
        ['家务补偿', money(a.houseworkCompensation)],
        ['经济帮助', money(a.financialHelp)],
        ['损害赔偿', money(a.damages)],
        ['履行方式与期限', a.performance],
        ['违约责任', a.breach],
      ]
    : [];
  return (
    <dl className="sv-record" style={{ margin: 0 }}>
      <dt>调解结果</dt>
      <dd>{label(RESULTS, outcome.result)}</dd>
      <dt>后续途径</dt>
      <dd>{label(ROUTES, outcome.route)}</dd>
      <dt>提交时间</dt>
      <dd>{formatDateTime(outcome.submittedAt)}</dd>
      {terms
        .filter(([, v]) => v)
        .map(([k, v], i) => (
          <Fragment key={`${k}${i}`}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </Fragment>
        ))}
      {!a ? (
        <>
          <dt>调解协议</dt>
          <dd>本结果无调解协议</dd>
        </>
      ) : null}
      {outcome.notes ? (
        <>
          <dt>说明</dt>
          <dd>{outcome.notes}</dd>
        </>
      ) : null}
    </dl>
  );
}
