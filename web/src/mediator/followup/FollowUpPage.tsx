import { Button, Form, Input, Radio, Space, TextArea } from 'antd-mobile';
import { useState } from 'react';
import { Link } from 'react-router';
import type { FieldError, Problem } from '../../api/problem';
import { formatDate } from '../../ui/format';
import { CaseGate } from '../common/CaseGate';
import { FOLLOW_UP_KIND, PARTY_ROLE, PERFORMANCE, label } from '../common/labels';
import { asProblem, placeFieldErrors, ProblemBanner } from '../common/problem';
import { useRefreshCase } from '../common/queries';
import { instantOf, toLocalInput } from '../common/time';
import type { CaseDetail } from '../common/types';
import { submitWrite } from '../../offline/outbox';
import { QueuedNote } from '../sync/Queued';

interface Values {
  followUpId: string;
  visitedAt: string;
  partyId: string;
  performance: 'performed' | 'partial' | 'breached';
  satisfaction: number;
  riskSigns?: string;
  measures?: string;
}
const AD_HOC = 'ad_hoc';
const FIELDS = new Set([
  'visitedAt',
  'partyId',
  'performance',
  'satisfaction',
  'riskSigns',
  'measures',
]);

export function FollowUpPage() {
  return <CaseGate>{(c) => <FollowUpForm c={c} />}</CaseGate>;
}

/** 回访: performance of the agreement, satisfaction, risk signs and what was done about them. */
function FollowUpForm({ c }: { c: CaseDetail }) {
  const [form] = Form.useForm<Values>();
  const refresh = useRefreshCase();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [unplaced, setUnplaced] = useState<FieldError[]>([]);
  const [done, setDone] = useState<'confirmed' | 'queued' | null>(null);
  const due = (c.followUps ?? []).filter((f) => !f.visitedAt);
  if (done === 'queued') return <QueuedNote label="回访记录" caseId={c.id} />;
  if (done)
    return (
      <section className="med-ok" aria-labelledby="fu-done">
        <h2 id="fu-done">
          <span aria-hidden="true">✔ </span>回访已记录
        </h2>
        <Link to={`/mediator/cases/${c.id}`} className="med-call">
          返回案件
        </Link>
      </section>
    );
  if (c.status !== 'closed') return <p className="med-note">结案后才能记录回访。</p>;
  const submit = async (v: Values) => {
    setProblem(null);
    setUnplaced([]);
    try {
      const party = c.parties.find((p) => p.id === v.partyId);
      // Through the outbox: a visit in a village without signal is sent when the phone is back.
      const answer = await submitWrite({
        caseId: c.id,
        label: '回访记录',
        subject: c.partyNames.join(' 与 '),
        method: 'POST',
        path: `/api/v1/cases/${c.id}/follow-ups`,
        body: {
          ...(v.followUpId !== AD_HOC ? { followUpId: v.followUpId } : {}),
          visitedAt: instantOf(v.visitedAt, {
            notBefore: c.closedAt ? new Date(c.closedAt) : null,
          }),
          partyId: v.partyId,
          performance: v.performance,
          satisfaction: Number(v.satisfaction),
          ...(v.riskSigns ? { riskSigns: v.riskSigns } : {}),
          ...(v.measures ? { measures: v.measures } : {}),
        },
        version: c.version,
        summary: [
          `回访对象：${party?.name ?? ''}`,
          `履行情况：${label(PERFORMANCE, v.performance)}，满意度 ${v.satisfaction} 分`,
          ...(v.riskSigns ? [`风险迹象：${v.riskSigns}`] : []),
          ...(v.measures ? [`采取的措施：${v.measures}`] : []),
        ].join('\n'),
      });
      setDone(answer.state);
      if (answer.state === 'queued') return;
      await refresh(c.id);
    } catch (e) {
      const p = asProblem(e);
      setProblem(p);
      setUnplaced(placeFieldErrors(form, p, (n) => FIELDS.has(String(n[0]))));
    }
  };
  return (
    <section className="med-section" aria-labelledby="fu-title">
      <h2 id="fu-title">回访：{c.partyNames.join(' 与 ')}</h2>
      <ProblemBanner problem={problem} unplaced={unplaced} onReload={() => void refresh(c.id)} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          followUpId: due[0]?.id ?? AD_HOC,
          visitedAt: toLocalInput(new Date()),
          partyId: c.parties[0]?.id,
          performance: 'performed',
          satisfaction: 5,
        }}
        onFinish={(v) => void submit(v)}
        footer={
          <Button block type="submit" color="primary">
            保存回访
          </Button>
        }
      >
        <Form.Item name="followUpId" label="哪一次回访">
          <Radio.Group>
            <Space direction="vertical">
              {due.map((f) => (
                <Radio key={f.id} value={f.id}>
                  {label(FOLLOW_UP_KIND, f.kind)}（{formatDate(f.dueOn)}到期）
                </Radio>
              ))}
              <Radio value={AD_HOC}>临时回访</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="visitedAt"
          label="回访时间"
          rules={[{ required: true, message: '请填写回访时间' }]}
        >
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item name="partyId" label="回访对象">
          <Radio.Group>
            <Space direction="vertical">
              {c.parties.map((p) => (
                <Radio key={p.id} value={p.id}>
                  {label(PARTY_ROLE, p.role)} {p.name}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="performance" label="协议履行情况">
          <Radio.Group>
            <Space direction="vertical">
              {Object.entries(PERFORMANCE).map(([value, text]) => (
                <Radio key={value} value={value}>
                  {text}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="satisfaction" label="满意度（5为最满意）">
          <Radio.Group>
            <Space wrap>
              {[5, 4, 3, 2, 1].map((n) => (
                <Radio key={n} value={n}>
                  {n}分
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="riskSigns" label="风险迹象（可不填）">
          <TextArea rows={2} placeholder="例如：再次发生争吵、威胁" />
        </Form.Item>
        <Form.Item name="measures" label="采取的措施（可不填）">
          <TextArea rows={2} />
        </Form.Item>
      </Form>
    </section>
  );
}
