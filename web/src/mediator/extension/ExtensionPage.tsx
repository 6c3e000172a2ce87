import { Button, Form, Input, Radio, Space, TextArea } from 'antd-mobile';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, must } from '../../api/client';
import type { FieldError, Problem } from '../../api/problem';
import { formatDate } from '../../ui/format';
import { CaseGate } from '../common/CaseGate';
import { CONSENT_METHOD } from '../common/labels';
import { asProblem, placeFieldErrors, ProblemBanner } from '../common/problem';
import { useRefreshCase } from '../common/queries';
import { addDays, instantOf, shanghaiDay, toLocalInput } from '../common/time';
import type { CaseDetail } from '../common/types';

type Method = 'signed_form' | 'phone' | 'in_person' | 'other';
interface Values {
  days: string;
  reason: string;
  applicantConsentAt: string;
  applicantConsentMethod: Method;
  respondentConsentAt: string;
  respondentConsentMethod: Method;
}
const FIELDS = new Set([
  'days',
  'reason',
  'applicantConsentAt',
  'applicantConsentMethod',
  'respondentConsentAt',
  'respondentConsentMethod',
]);

export function ExtensionPage() {
  return <CaseGate>{(c) => <ExtensionForm c={c} />}</CaseGate>;
}

/** An extension needs both parties' recorded consent; without both the form does not send. */
function ExtensionForm({ c }: { c: CaseDetail }) {
  const [form] = Form.useForm<Values>();
  const refresh = useRefreshCase();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [unplaced, setUnplaced] = useState<FieldError[]>([]);
  const [done, setDone] = useState(false);
  const days = Number(Form.useWatch('days', form) ?? 0);
  if (done)
    return (
      <section className="med-ok" aria-labelledby="ext-done">
        <h2 id="ext-done">
          <span aria-hidden="true">✔ </span>调解期限已延长
        </h2>
        <Link to={`/mediator/cases/${c.id}/documents`} className="med-call">
          出具延长调解期限同意书
        </Link>
        <Link to={`/mediator/cases/${c.id}`} className="med-call">
          返回案件
        </Link>
      </section>
    );
  if (c.status !== 'in_mediation' || !c.deadlineAt)
    return <p className="med-note">只有调解中的案件才能延长期限。</p>;
  const extended = (c.extensions ?? []).reduce((n, e) => n + e.days, 0);
  const accepted = c.acceptedAt ? new Date(c.acceptedAt) : null;
  const submit = async (v: Values) => {
    setProblem(null);
    setUnplaced([]);
    try {
      await must(
        api.POST('/api/v1/cases/{id}/extensions', {
          params: { path: { id: c.id } },
          body: {
            version: c.version,
            days: Number(v.days),
            reason: v.reason,
            applicantConsentAt: instantOf(v.applicantConsentAt, { notBefore: accepted }),
            applicantConsentMethod: v.applicantConsentMethod,
            respondentConsentAt: instantOf(v.respondentConsentAt, { notBefore: accepted }),
            respondentConsentMethod: v.respondentConsentMethod,
          },
        }),
      );
      setDone(true);
      await refresh(c.id);
    } catch (e) {
      const p = asProblem(e);
      setProblem(p);
      setUnplaced(placeFieldErrors(form, p, (n) => FIELDS.has(String(n[0]))));
    }
  };
  const now = toLocalInput(new Date());
  const method = (
    <Radio.Group>
      <Space wrap>
        {Object.entries(CONSENT_METHOD).map(([value, text]) => (
          <Radio key={value} value={value}>
            {text}
          </Radio>
        ))}
      </Space>
    </Radio.Group>
  );
  return (
    <section className="med-section" aria-labelledby="ext-title">
      <h2 id="ext-title">延长调解期限</h2>
      <p>
        现期限：{formatDate(c.deadlineAt)}。延长须经<strong>双方当事人同意</strong>
        ，累计一般不超过30天（已延长{extended}天）。
      </p>
      <ProblemBanner problem={problem} unplaced={unplaced} onReload={() => void refresh(c.id)} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          days: String(Math.max(1, Math.min(15, 30 - extended))),
          applicantConsentAt: now,
          applicantConsentMethod: 'signed_form',
          respondentConsentAt: now,
          respondentConsentMethod: 'signed_form',
        }}
        onFinish={(v) => void submit(v)}
        footer={
          <Button block type="submit" color="primary">
            确认延长
          </Button>
        }
      >
        <Form.Item
          name="days"
          label="延长天数"
          rules={[{ required: true, message: '请填写延长天数' }]}
          description={
            days > 0 ? `新期限：${formatDate(addDays(shanghaiDay(c.deadlineAt), days))}` : undefined
          }
        >
          <Input type="number" inputMode="numeric" />
        </Form.Item>
        <Form.Item
          name="reason"
          label="延长理由"
          rules={[{ required: true, message: '请填写延长理由' }]}
        >
          <TextArea rows={3} placeholder="例如：双方就财产分割仍在协商" />
        </Form.Item>
        <Form.Item
          name="applicantConsentAt"
          label="申请人同意的时间"
          rules={[{ required: true, message: '须记录申请人同意' }]}
        >
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item name="applicantConsentMethod" label="申请人同意的方式">
          {method}
        </Form.Item>
        <Form.Item
          name="respondentConsentAt"
          label="被申请人同意的时间"
          rules={[{ required: true, message: '须记录被申请人同意' }]}
        >
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item name="respondentConsentMethod" label="被申请人同意的方式">
          {method}
        </Form.Item>
      </Form>
    </section>
  );
}
