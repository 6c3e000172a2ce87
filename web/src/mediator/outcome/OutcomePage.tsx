import { Button, Checkbox, Form, Input, Radio, Space, TextArea } from 'antd-mobile';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, must } from '../../api/client';
import type { FieldError, Problem } from '../../api/problem';
import { formatDate } from '../../ui/format';
import { CaseGate } from '../common/CaseGate';
import { label, RESULT, ROUTE } from '../common/labels';
import { asProblem, placeFieldErrors, ProblemBanner } from '../common/problem';
import { useRefreshCase } from '../common/queries';
import { addDays, shanghaiToday } from '../common/time';
import type { CaseDetail, OutcomeBody } from '../common/types';
import { ALLOWED, refusal, RESULTS, ROUTES, type Result, type Route } from './routes-of-law';

interface ChildValues {
  custody?: 'applicant' | 'respondent' | 'joint';
  heard?: boolean;
  amount?: string;
  visitation?: string;
}
interface Values {
  result?: Result;
  route?: Route;
  effectiveOn: string;
  form: 'written' | 'oral';
  children: ChildValues[];
  property?: string;
  housing?: string;
  performance?: string;
  breach?: string;
  undisputedFacts?: string;
  notes?: string;
}

const STEPS = ['调解结果', '后续途径', '协议内容', '确认提交'] as const;
const AGREED: Result[] = ['divorce_agreed', 'ancillary_agreed'];

const ageOn = (birth: string, day: string) => {
  const [by, bm, bd] = birth.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
};

export function OutcomePage() {
  return <CaseGate>{(c) => <OutcomeWizard c={c} />}</CaseGate>;
}

function OutcomeWizard({ c }: { c: CaseDetail }) {
  const [form] = Form.useForm<Values>();
  const refresh = useRefreshCase();
  const [step, setStep] = useState(0);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [unplaced, setUnplaced] = useState<FieldError[]>([]);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const result = Form.useWatch('result', form);
  const route = Form.useWatch('route', form);

  if (done)
    return (
      <section className="med-ok" aria-labelledby="outcome-done">
        <h2 id="outcome-done">
          <span aria-hidden="true">✔ </span>调解结果已提交，等待审核
        </h2>
        <Link to={`/mediator/cases/${c.id}`} className="med-call">
          返回案件
        </Link>
      </section>
    );
  if (c.status !== 'in_mediation')
    return <p className="med-note">只有调解中的案件才能提交调解结果。</p>;

  const agreed = result ? AGREED.includes(result) : false;
  const stepFields: (keyof Values)[][] = [['result'], ['route'], [], []];

  const next = async () => {
    try {
      await form.validateFields(stepFields[step]);
    } catch {
      return;
    }
    // A result without an agreement skips its terms.
    setStep((s) => (s === 1 && !agreed && result !== 'no_agreement' ? 3 : s + 1));
  };

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    if (!v.result || !v.route) return;
    setProblem(null);
    setUnplaced([]);
    setBusy(true);
    const body: OutcomeBody = { version: c.version, result: v.result, route: v.route };
    if (v.notes) body.notes = v.notes;
    if (v.result === 'no_agreement' && v.undisputedFacts) body.undisputedFacts = v.undisputedFacts;
    if (AGREED.includes(v.result))
      body.agreement = {
        effectiveAt: `${v.effectiveOn}T00:00:00+08:00`,
        form: v.form,
        children: c.children.map((child, i) => {
          const t = v.children?.[i] ?? {};
          return {
            childId: child.id,
            ...(t.custody ? { custody: t.custody } : {}),
            heard: Boolean(t.heard),
            ...(t.amount
              ? {
                  support: {
                    amount: t.amount,
                    frequency: 'monthly' as const,
                    method: '银行转账',
                  },
                }
              : {}),
            ...(t.visitation ? { visitation: t.visitation } : {}),
          };
        }),
        ...(v.property ? { property: [{ item: v.property, to: 'both' as const }] } : {}),
        ...(v.housing ? { housing: v.housing } : {}),
        ...(v.performance ? { performance: v.performance } : {}),
        ...(v.breach ? { breach: v.breach } : {}),
      };
    try {
      await must(api.POST('/api/v1/cases/{id}/outcome', { params: { path: { id: c.id } }, body }));
      setDone(true);
      await refresh(c.id);
    } catch (e) {
      const p = asProblem(e);
      setProblem(p);
      const where = (n: (string | number)[]) => {
        if (n[0] === 'result' || n[0] === 'route') return true;
        if (n[0] === 'agreement' && n[1] === 'effectiveAt') return true;
        return false;
      };
      setUnplaced(
        placeFieldErrors(
          {
            setFields: (fields) =>
              form.setFields(
                fields.map((f) => ({
                  ...f,
                  name: f.name[0] === 'agreement' ? ['effectiveOn'] : f.name,
                })),
              ),
          },
          p,
          where,
        ),
      );
    } finally {
      setBusy(false);
    }
  };

  const today = shanghaiToday();
  return (
    <section className="med-section" aria-labelledby="outcome-title">
      <h2 id="outcome-title">提交调解结果</h2>
      <p role="status">
        第 {step + 1} 步，共 4 步：{STEPS[step]}
      </p>
      <ProblemBanner problem={problem} unplaced={unplaced} onReload={() => void refresh(c.id)} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          effectiveOn: addDays(today, 1),
          form: 'written',
          children: c.children.map(() => ({ custody: 'applicant', heard: false })),
        }}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.result) form.setFieldValue('route', ALLOWED[changed.result][0]);
        }}
      >
        <div hidden={step !== 0}>
          <Form.Item
            name="result"
            label="调解结果"
            rules={[{ required: true, message: '请选择调解结果' }]}
          >
            <Radio.Group>
              <Space direction="vertical">
                {RESULTS.map((r) => (
                  <Radio key={r.value} value={r.value}>
                    <strong>{r.text}</strong>
                    <br />
                    <span className="med-card-sub">{r.explain}</span>
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
        </div>
        <div hidden={step !== 1}>
          <p>法律对不同结果规定了不同的后续途径，不允许的途径不能选择：</p>
          <Form.Item
            name="route"
            label="后续途径"
            rules={[{ required: true, message: '请选择后续途径' }]}
          >
            <Radio.Group>
              <Space direction="vertical">
                {ROUTES.filter(
                  (r) => r.value !== 'none' || (result && ALLOWED[result].includes('none')),
                ).map((r) => {
                  const why = result ? refusal(result, r.value) : null;
                  return (
                    <Radio key={r.value} value={r.value} disabled={Boolean(why)}>
                      <strong>
                        {why ? <span aria-hidden="true">✖ </span> : null}
                        {r.text}
                        {why ? '（不可选）' : ''}
                      </strong>
                      <br />
                      <span className="med-card-sub">{why ?? r.explain}</span>
                    </Radio>
                  );
                })}
              </Space>
            </Radio.Group>
          </Form.Item>
        </div>
        <div hidden={step !== 2}>
          {agreed ? (
            <>
              <Form.Item
                name="effectiveOn"
                label="协议生效日期"
                rules={[{ required: true, message: '请填写生效日期' }]}
              >
                <Input type="date" />
              </Form.Item>
              <Form.Item name="form" label="协议形式">
                <Radio.Group>
                  <Space direction="vertical">
                    <Radio value="written">书面协议</Radio>
                    <Radio value="oral">口头协议（记入笔录）</Radio>
                  </Space>
                </Radio.Group>
              </Form.Item>
              {c.children.map((child, i) => {
                const old = ageOn(child.birthDate, today) >= 8;
                return (
                  <fieldset key={child.id} className="med-section">
                    <legend>
                      子女：{child.name}（{ageOn(child.birthDate, today)}岁）
                    </legend>
                    <Form.Item name={['children', i, 'custody']} label={`${child.name}由谁抚养`}>
                      <Radio.Group>
                        <Space direction="vertical">
                          <Radio value="applicant">申请人</Radio>
                          <Radio value="respondent">被申请人</Radio>
                          <Radio value="joint">共同抚养</Radio>
                        </Space>
                      </Radio.Group>
                    </Form.Item>
                    <Form.Item
                      name={['children', i, 'heard']}
                      valuePropName="checked"
                      rules={
                        old
                          ? [
                              {
                                validator: (_, value) =>
                                  value
                                    ? Promise.resolve()
                                    : Promise.reject(new Error('8周岁以上的子女须听取其本人意见')),
                              },
                            ]
                          : []
                      }
                    >
                      <Checkbox>
                        已听取{child.name}本人的意见{old ? '（8周岁以上必须）' : ''}
                      </Checkbox>
                    </Form.Item>
                    <Form.Item
                      name={['children', i, 'amount']}
                      label={`${child.name}每月抚养费（元，可不填）`}
                    >
                      <Input inputMode="decimal" placeholder="例如：1500" />
                    </Form.Item>
                    <Form.Item name={['children', i, 'visitation']} label="探望安排（可不填）">
                      <TextArea rows={2} placeholder="例如：每月第一、三个周末" />
                    </Form.Item>
                  </fieldset>
                );
              })}
              <Form.Item name="property" label="财产分割（可不填）">
                <TextArea rows={2} />
              </Form.Item>
              <Form.Item name="housing" label="住房安排（可不填）">
                <TextArea rows={2} />
              </Form.Item>
              <Form.Item name="performance" label="履行方式和期限（可不填）">
                <TextArea rows={2} />
              </Form.Item>
              <Form.Item name="breach" label="违约责任（可不填）">
                <TextArea rows={2} />
              </Form.Item>
            </>
          ) : (
            <Form.Item name="undisputedFacts" label="无争议事实（可不填）">
              <TextArea rows={4} />
            </Form.Item>
          )}
        </div>
        <div hidden={step !== 3}>
          <dl className="med-dl">
            <dt>调解结果</dt>
            <dd>{label(RESULT, result)}</dd>
            <dt>后续途径</dt>
            <dd>{label(ROUTE, route)}</dd>
            {agreed ? (
              <>
                <dt>生效日期</dt>
                <dd>{formatDate(form.getFieldValue('effectiveOn'))}</dd>
              </>
            ) : null}
          </dl>
          <Form.Item name="notes" label="备注（可不填）">
            <TextArea rows={2} />
          </Form.Item>
        </div>
      </Form>
      <div className="med-actions">
        {step < 3 ? (
          <Button block color="primary" onClick={() => void next()}>
            下一步
          </Button>
        ) : (
          <Button block color="primary" loading={busy} onClick={() => void submit()}>
            提交审核
          </Button>
        )}
        {step > 0 ? (
          <Button
            block
            fill="outline"
            onClick={() =>
              setStep((s) => (s === 3 && !agreed && result !== 'no_agreement' ? 1 : s - 1))
            }
          >
            上一步
          </Button>
        ) : null}
      </div>
    </section>
  );
}
