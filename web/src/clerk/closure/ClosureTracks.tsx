import { Button, Card, DatePicker, Form, Input, Select, Steps, Typography } from 'antd';
import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { api, must } from '../../api/client';
import { formatDate } from '../../ui/format';
import { useCaseForm } from '../case/case-form';
import { label, ROUTES } from '../labels';
import { DATE_FORMATS, shanghai, type CaseDetail } from '../queries';

const JC_RESULTS = {
  confirmed: '裁定确认有效',
  rejected: '裁定驳回申请',
  withdrawn: '准许撤回申请',
} as const;
type JcResult = keyof typeof JC_RESULTS;

type Tracking = NonNullable<CaseDetail['tracking']>;

/** A picked day as the API takes it: that day's start in Asia/Shanghai (same-day steps stay in order). */
const day = (value: Dayjs) => shanghai(value.startOf('day'));

/** A step records what happened: a day after today cannot have happened yet. */
const notFuture = {
  validator: (_: unknown, value?: Dayjs) =>
    !value || !value.isAfter(dayjs(), 'day')
      ? Promise.resolve()
      : Promise.reject(new Error('日期不能晚于今天')),
};

const required = (what: string) => ({ required: true, message: `请填写${what}` });

/** A marker beside a step: text and symbol, never colour alone. */
const Flag = ({ children }: { children: ReactNode }) => (
  <span className="mx-tag mx-tone-danger" style={{ marginInlineStart: 4 }}>
    <span aria-hidden="true">▲</span> {children}
  </span>
);

/**
 * After closure, what follows as the API records it, one step after another: the steps so far
 * with their dates, and a form for the next step only. Filing (立案, also the court's 民事调解书),
 * judicial confirmation of an ancillary agreement (申请 → 受理 → 裁定; never of a divorce: the
 * route says which track a case has), and the registry divorce (申请 → 冷静期 → 领证).
 */
export function ClosureTracks({ kase }: { kase: CaseDetail }) {
  const route = kase.route ?? 'court_filing';
  const t = kase.tracking ?? null;
  const closed = {
    title: '结案',
    description: kase.closedAt ? formatDate(kase.closedAt) : undefined,
  };
  return (
    <Card
      size="small"
      title={<h2 style={{ margin: 0, fontSize: 16 }}>结案后续：{label(ROUTES, route)}</h2>}
    >
      {route === 'court_filing' || route === 'court_mediation_document' ? (
        <CourtFilingTrack kase={kase} t={t} closed={closed} />
      ) : route === 'judicial_confirmation' ? (
        <JudicialConfirmationTrack kase={kase} t={t} closed={closed} />
      ) : route === 'registry_divorce' ? (
        <RegistryDivorceTrack kase={kase} t={t} closed={closed} />
      ) : (
        <Typography.Paragraph style={{ margin: 0 }}>本案无需后续程序。</Typography.Paragraph>
      )}
    </Card>
  );
}

type Step = { title: string; description?: ReactNode };

/** The steps: those recorded are finished, the next one is current, the rest wait. */
function TrackSteps({ steps, recorded }: { steps: Step[]; recorded: number }) {
  return (
    <Steps
      size="small"
      current={recorded}
      status={recorded >= steps.length ? 'finish' : 'process'}
      style={{ marginBottom: 16 }}
      items={steps.map((s, i) => ({
        title: s.title,
        description:
          s.description ?? (i === recorded ? '待登记' : i > recorded ? '尚未进行' : undefined),
      }))}
    />
  );
}

/** The form of the track's next step: its title, the alert of the last attempt, its fields. */
function StepForm<V>({
  title,
  form,
  alert,
  onFinish,
  children,
}: {
  title: string;
  form: FormInstance<V>;
  alert: ReactNode;
  onFinish: (values: V) => void;
  children: ReactNode;
}) {
  return (
    <section aria-label={title}>
      <Typography.Title level={3} style={{ fontSize: 15, marginTop: 0 }}>
        {title}
      </Typography.Title>
      {alert}
      <Form form={form} layout="inline" onFinish={onFinish} style={{ rowGap: 12 }}>
        {children}
      </Form>
    </section>
  );
}

const datePicker = (
  <DatePicker format={DATE_FORMATS} placeholder="选择日期" style={{ width: 170 }} />
);

function CourtFilingTrack({
  kase,
  t,
  closed,
}: {
  kase: CaseDetail;
  t: Tracking | null;
  closed: Step;
}) {
  const [form] = Form.useForm<{ courtCaseNumber: string; filedAt: Dayjs }>();
  const write = useCaseForm({
    kase,
    form,
    fields: ['courtCaseNumber', 'filedAt'],
    write: (v: { courtCaseNumber: string; filedAt: Dayjs }, version: number) =>
      must(
        api.POST('/api/v1/cases/{id}/court-filing', {
          params: { path: { id: kase.id } },
          body: { courtCaseNumber: v.courtCaseNumber.trim(), filedAt: day(v.filedAt), version },
        }),
      ),
    done: '已登记立案',
  });
  const filed = Boolean(t?.courtCaseNumber);
  return (
    <>
      <TrackSteps
        recorded={filed ? 2 : 1}
        steps={[
          closed,
          {
            title: '立案',
            description: filed
              ? `${t!.courtCaseNumber}（${formatDate(t!.filedAt)}立案）`
              : undefined,
          },
        ]}
      />
      {filed ? null : (
        <StepForm title="登记立案" form={form} alert={write.alert} onFinish={write.submit}>
          <Form.Item
            label="立案案号"
            name="courtCaseNumber"
            rules={[required('立案案号'), { whitespace: true, message: '请填写立案案号' }]}
          >
            <Input placeholder="（2026）鲁0281民初1234号" style={{ width: 260 }} maxLength={64} />
          </Form.Item>
          <Form.Item label="立案日期" name="filedAt" rules={[required('立案日期'), notFuture]}>
            {datePicker}
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={write.pending}>
            登记立案
          </Button>
        </StepForm>
      )}
    </>
  );
}

type JcValues = { at: Dayjs; result?: JcResult; rulingNumber?: string };

/**
 * 申请 → 受理 → 裁定. The API keeps the whole record on each call (appliedAt is required every
 * time), so each step sends what was recorded before with its own date; it refuses dates out of
 * order (its error names decidedAt whichever step it is: shown beside this step's date).
 */
function JudicialConfirmationTrack({
  kase,
  t,
  closed,
}: {
  kase: CaseDetail;
  t: Tracking | null;
  closed: Step;
}) {
  const [form] = Form.useForm<JcValues>();
  const recorded = !t?.jcAppliedAt ? 0 : !t.jcAcceptedAt ? 1 : !t.jcDecidedAt ? 2 : 3;
  const step = (['applied', 'accepted', 'decided', 'done'] as const)[recorded];
  const dateField = { applied: 'appliedAt', accepted: 'acceptedAt', decided: 'decidedAt' };
  const write = useCaseForm({
    kase,
    form,
    fields: ['at', 'result', 'rulingNumber'],
    aliases: step === 'done' ? {} : { [dateField[step]]: 'at', decidedAt: 'at' },
    write: (v: JcValues, version: number) =>
      must(
        api.POST('/api/v1/cases/{id}/judicial-confirmation', {
          params: { path: { id: kase.id } },
          body: {
            version,
            appliedAt: step === 'applied' ? day(v.at) : t!.jcAppliedAt!,
            ...(step === 'accepted' ? { acceptedAt: day(v.at) } : {}),
            ...(step === 'decided'
              ? {
                  acceptedAt: t!.jcAcceptedAt!,
                  decidedAt: day(v.at),
                  result: v.result,
                  rulingNumber: v.rulingNumber?.trim() || undefined,
                }
              : {}),
          },
        }),
      ),
    done: '已登记司法确认进度',
    onDone: () => form.resetFields(),
  });
  const result = Form.useWatch('result', form);
  return (
    <>
      <TrackSteps
        recorded={recorded + 1}
        steps={[
          closed,
          {
            title: '申请司法确认',
            description: t?.jcAppliedAt ? `${formatDate(t.jcAppliedAt)}申请` : undefined,
          },
          {
            title: '法院受理',
            description: t?.jcAcceptedAt ? (
              `${formatDate(t.jcAcceptedAt)}受理`
            ) : t?.jcAcceptanceOverdue ? (
              <Flag>申请已超过3日未受理</Flag>
            ) : undefined,
          },
          {
            title: '法院裁定',
            description: t?.jcDecidedAt ? (
              <>
                {formatDate(t.jcDecidedAt)}
                {label(JC_RESULTS, t.jcResult)}
                {t.jcRulingNumber ? `，${t.jcRulingNumber}` : ''}
              </>
            ) : t?.jcDecisionOverdue ? (
              <Flag>受理已超过15日未裁定</Flag>
            ) : undefined,
          },
        ]}
      />
      {step === 'done' ? null : (
        <StepForm
          key={step}
          title={
            { applied: '登记司法确认申请', accepted: '登记法院受理', decided: '登记裁定结果' }[step]
          }
          form={form}
          alert={write.alert}
          onFinish={write.submit}
        >
          <Form.Item
            label={{ applied: '申请日期', accepted: '受理日期', decided: '裁定日期' }[step]}
            name="at"
            rules={[required('日期'), notFuture]}
          >
            {datePicker}
          </Form.Item>
          {step === 'decided' ? (
            <>
              <Form.Item label="裁定结果" name="result" rules={[required('裁定结果')]}>
                <Select
                  style={{ width: 160 }}
                  placeholder="请选择"
                  options={Object.entries(JC_RESULTS).map(([value, text]) => ({
                    value,
                    label: text,
                  }))}
                />
              </Form.Item>
              <Form.Item
                label="裁定书文号"
                name="rulingNumber"
                rules={
                  result === 'withdrawn'
                    ? []
                    : [required('裁定书文号'), { whitespace: true, message: '请填写裁定书文号' }]
                }
              >
                <Input placeholder="（2026）鲁0281民特12号" style={{ width: 220 }} maxLength={64} />
              </Form.Item>
            </>
          ) : null}
          <Button type="primary" htmlType="submit" loading={write.pending}>
            {{ applied: '登记申请', accepted: '登记受理', decided: '登记裁定' }[step]}
          </Button>
        </StepForm>
      )}
    </>
  );
}

/** 申请 (the 30-day cooling-off starts) → 领证 (within the next 30 days). */
function RegistryDivorceTrack({
  kase,
  t,
  closed,
}: {
  kase: CaseDetail;
  t: Tracking | null;
  closed: Step;
}) {
  const [form] = Form.useForm<{ at: Dayjs }>();
  const recorded = !t?.registryAppliedAt ? 0 : !t.registryCertificateAt ? 1 : 2;
  const write = useCaseForm({
    kase,
    form,
    fields: ['at'],
    aliases: recorded === 0 ? { appliedAt: 'at' } : { certificateAt: 'at' },
    write: (v: { at: Dayjs }, version: number) =>
      must(
        api.POST('/api/v1/cases/{id}/registry-divorce', {
          params: { path: { id: kase.id } },
          body:
            recorded === 0
              ? { appliedAt: day(v.at), version }
              : { appliedAt: t!.registryAppliedAt!, certificateAt: day(v.at), version },
        }),
      ),
    done: '已登记协议离婚进度',
    onDone: () => form.resetFields(),
  });
  const coolingOffEnds = t?.registryCoolingOffEndsAt ? dayjs(t.registryCoolingOffEndsAt) : null;
  return (
    <>
      <TrackSteps
        recorded={recorded + 1}
        steps={[
          closed,
          {
            title: '申请协议离婚登记',
            description: t?.registryAppliedAt
              ? `${formatDate(t.registryAppliedAt)}申请，冷静期至${formatDate(t.registryCoolingOffEndsAt)}`
              : undefined,
          },
          {
            title: '领取离婚证',
            description: t?.registryCertificateAt
              ? `${formatDate(t.registryCertificateAt)}领证`
              : t?.registryCertificateDueAt
                ? `应于${formatDate(t.registryCertificateDueAt)}前领证`
                : undefined,
          },
        ]}
      />
      {recorded === 2 ? null : (
        <StepForm
          key={recorded}
          title={recorded === 0 ? '登记协议离婚申请' : '登记领证'}
          form={form}
          alert={write.alert}
          onFinish={write.submit}
        >
          <Form.Item
            label={recorded === 0 ? '登记申请日期' : '领证日期'}
            name="at"
            rules={[
              required('日期'),
              notFuture,
              ...(recorded === 1 && coolingOffEnds
                ? [
                    {
                      validator: (_: unknown, value?: Dayjs) =>
                        !value || !value.isBefore(coolingOffEnds, 'day')
                          ? Promise.resolve()
                          : Promise.reject(
                              new Error(
                                `冷静期至${formatDate(t!.registryCoolingOffEndsAt)}，届满后方可领证`,
                              ),
                            ),
                    },
                  ]
                : []),
            ]}
          >
            {datePicker}
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={write.pending}>
            {recorded === 0 ? '登记申请' : '登记领证'}
          </Button>
        </StepForm>
      )}
    </>
  );
}
