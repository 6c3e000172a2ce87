import { Button, Form, Radio, Space, TextArea } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { FieldError, Problem } from '../../api/problem';
import { CaseGate } from '../common/CaseGate';
import { asProblem, placeFieldErrors, ProblemBanner } from '../common/problem';
import { useRefreshCase } from '../common/queries';
import type { CaseDetail } from '../common/types';
import { submitWrite } from '../../offline/outbox';
import { QueuedNote } from '../sync/Queued';

export function DeclinePage() {
  return <CaseGate>{(c) => <DeclineForm c={c} />}</CaseGate>;
}

/** Decline the referral, or recuse herself (kin, same household, a party's request). */
function DeclineForm({ c }: { c: CaseDetail }) {
  const [form] = Form.useForm<{ kind: 'decline' | 'recuse'; reason: string }>();
  const navigate = useNavigate();
  const refresh = useRefreshCase();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [unplaced, setUnplaced] = useState<FieldError[]>([]);
  const [queued, setQueued] = useState<string | null>(null);
  if (queued) return <QueuedNote label={queued} caseId={c.id} />;
  if (c.status !== 'assigned') return <p className="med-note">该案件当前不能拒绝或回避。</p>;
  const submit = async (values: { kind: 'decline' | 'recuse'; reason: string }) => {
    setProblem(null);
    try {
      const what = values.kind === 'recuse' ? '申请回避' : '拒绝委派';
      // Through the outbox, like her other writes.
      const answer = await submitWrite({
        caseId: c.id,
        label: what,
        subject: c.partyNames.join(' 与 '),
        method: 'POST',
        path: `/api/v1/cases/${c.id}/${values.kind}`,
        body: { reason: values.reason },
        version: c.version,
        summary: `理由：${values.reason}`,
      });
      if (answer.state === 'queued') return setQueued(what);
      await refresh(c.id);
      await navigate('/mediator');
    } catch (e) {
      const p = asProblem(e);
      setProblem(p);
      setUnplaced(placeFieldErrors(form, p, (n) => n[0] === 'reason'));
    }
  };
  return (
    <section className="med-section" aria-labelledby="decline-title">
      <h2 id="decline-title">不接收 {c.partyNames.join(' 与 ')} 案</h2>
      <p>案件将退回待指派，由法院或妇联另行指派调解员，您填写的理由会保留在案件记录中。</p>
      <ProblemBanner problem={problem} unplaced={unplaced} onReload={() => void refresh(c.id)} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'decline' }}
        onFinish={(v) => void submit(v)}
        footer={
          <Button block type="submit" color="danger">
            提交
          </Button>
        }
      >
        <Form.Item name="kind" label="方式">
          <Radio.Group>
            <Space direction="vertical">
              <Radio value="decline">拒绝委派（如工作安排不开）</Radio>
              <Radio value="recuse">申请回避（与当事人有亲属关系、同住，或当事人要求）</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="reason" label="理由" rules={[{ required: true, message: '请填写理由' }]}>
          <TextArea rows={3} placeholder="请写明理由" />
        </Form.Item>
      </Form>
    </section>
  );
}
