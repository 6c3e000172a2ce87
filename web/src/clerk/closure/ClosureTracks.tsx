import {
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Select,
  Space,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { api, must } from '../../api/client';
import { formatDate } from '../../ui/format';
import { useCaseWrite } from '../case/mutations';
import { label, ROUTES } from '../labels';
import { DATE_FORMATS, shanghai, type CaseDetail } from '../queries';

const JC_RESULTS = {
  confirmed: '裁定确认有效',
  rejected: '裁定驳回',
  withdrawn: '申请撤回',
} as const;

const at = (value?: Dayjs) => (value ? shanghai(value) : undefined);

/**
 * After closure, what the court does next: filing (立案, also for a 民事调解书), judicial
 * confirmation (司法确认) of an ancillary agreement, the registry divorce's cooling-off.
 */
export function ClosureTracks({ kase }: { kase: CaseDetail }) {
  const t = kase.tracking ?? null;
  const route = kase.route ?? 'court_filing';
  return (
    <Card
      size="small"
      title={<h2 style={{ margin: 0, fontSize: 16 }}>结案后续：{label(ROUTES, route)}</h2>}
    >
      {t ? (
        <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
          {t.courtCaseNumber ? (
            <Descriptions.Item label="立案案号">
              {t.courtCaseNumber}（{formatDate(t.filedAt)}立案）
            </Descriptions.Item>
          ) : null}
          {t.jcAppliedAt ? (
            <Descriptions.Item label="司法确认">
              {formatDate(t.jcAppliedAt)}申请
              {t.jcAcceptedAt ? `，${formatDate(t.jcAcceptedAt)}受理` : ''}
              {t.jcDecidedAt
                ? `，${formatDate(t.jcDecidedAt)}${label(JC_RESULTS, t.jcResult)}`
                : ''}
              {t.jcAcceptanceOverdue ? '（受理已超过3日）' : ''}
              {t.jcDecisionOverdue ? '（裁定已超过15日）' : ''}
            </Descriptions.Item>
          ) : null}
          {t.registryAppliedAt ? (
            <Descriptions.Item label="协议离婚">
              {formatDate(t.registryAppliedAt)}申请，冷静期至
              {formatDate(t.registryCoolingOffEndsAt)}
              {t.registryCertificateAt
                ? `，${formatDate(t.registryCertificateAt)}领证`
                : `，应于${formatDate(t.registryCertificateDueAt)}前领证`}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      ) : (
        <Typography.Paragraph>尚未登记后续情况。</Typography.Paragraph>
      )}
      {(route === 'court_filing' || route === 'court_mediation_document') && !t?.courtCaseNumber ? (
        <CourtFilingForm kase={kase} />
      ) : null}
      {route === 'judicial_confirmation' ? <JudicialConfirmationForm kase={kase} /> : null}
      {route === 'registry_divorce' ? <RegistryDivorceForm kase={kase} /> : null}
    </Card>
  );
}

function CourtFilingForm({ kase }: { kase: CaseDetail }) {
  const write = useCaseWrite(
    kase.id,
    (v: { courtCaseNumber: string; filedAt: Dayjs }) =>
      must(
        api.POST('/api/v1/cases/{id}/court-filing', {
          params: { path: { id: kase.id } },
          body: {
            courtCaseNumber: v.courtCaseNumber.trim(),
            filedAt: shanghai(v.filedAt),
            version: kase.version,
          },
        }),
      ),
    '已登记立案',
  );
  return (
    <Form layout="inline" onFinish={(v) => write.mutate(v)} aria-label="登记立案">
      <Form.Item
        label="立案案号"
        name="courtCaseNumber"
        rules={[{ required: true, message: '请填写' }]}
      >
        <Input placeholder="（2026）鲁0281民初1234号" style={{ width: 260 }} />
      </Form.Item>
      <Form.Item label="立案日期" name="filedAt" rules={[{ required: true, message: '请选择' }]}>
        <DatePicker format={DATE_FORMATS} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={write.isPending}>
        登记立案
      </Button>
    </Form>
  );
}

type JcValues = {
  appliedAt: Dayjs;
  acceptedAt?: Dayjs;
  decidedAt?: Dayjs;
  result?: keyof typeof JC_RESULTS;
  rulingNumber?: string;
};

function JudicialConfirmationForm({ kase }: { kase: CaseDetail }) {
  const write = useCaseWrite(
    kase.id,
    (v: JcValues) =>
      must(
        api.POST('/api/v1/cases/{id}/judicial-confirmation', {
          params: { path: { id: kase.id } },
          body: {
            appliedAt: shanghai(v.appliedAt),
            acceptedAt: at(v.acceptedAt),
            decidedAt: at(v.decidedAt),
            result: v.result,
            rulingNumber: v.rulingNumber?.trim() || undefined,
            version: kase.version,
          },
        }),
      ),
    '已登记司法确认进度',
  );
  return (
    <Form layout="inline" onFinish={(v: JcValues) => write.mutate(v)} aria-label="登记司法确认">
      <Space wrap>
        <Form.Item
          label="申请日期"
          name="appliedAt"
          rules={[{ required: true, message: '请选择' }]}
        >
          <DatePicker format={DATE_FORMATS} />
        </Form.Item>
        <Form.Item label="受理日期" name="acceptedAt">
          <DatePicker format={DATE_FORMATS} />
        </Form.Item>
        <Form.Item label="裁定日期" name="decidedAt">
          <DatePicker format={DATE_FORMATS} />
        </Form.Item>
        <Form.Item label="裁定结果" name="result">
          <Select
            allowClear
            style={{ width: 160 }}
            options={Object.entries(JC_RESULTS).map(([value, text]) => ({ value, label: text }))}
          />
        </Form.Item>
        <Form.Item label="裁定书编号" name="rulingNumber">
          <Input />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={write.isPending}>
          保存
        </Button>
      </Space>
    </Form>
  );
}

function RegistryDivorceForm({ kase }: { kase: CaseDetail }) {
  const write = useCaseWrite(
    kase.id,
    (v: { appliedAt: Dayjs; certificateAt?: Dayjs }) =>
      must(
        api.POST('/api/v1/cases/{id}/registry-divorce', {
          params: { path: { id: kase.id } },
          body: {
            appliedAt: shanghai(v.appliedAt),
            certificateAt: at(v.certificateAt),
            version: kase.version,
          },
        }),
      ),
    '已登记协议离婚进度',
  );
  return (
    <Form layout="inline" onFinish={(v) => write.mutate(v)} aria-label="登记协议离婚">
      <Form.Item
        label="登记申请日期"
        name="appliedAt"
        rules={[{ required: true, message: '请选择' }]}
      >
        <DatePicker format={DATE_FORMATS} />
      </Form.Item>
      <Form.Item label="领证日期" name="certificateAt">
        <DatePicker format={DATE_FORMATS} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={write.isPending}>
        保存
      </Button>
    </Form>
  );
}
