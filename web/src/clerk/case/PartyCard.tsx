import {
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Form,
  Modal,
  Radio,
  Select,
  Space,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, must } from '../../api/client';
import type { components } from '../../api/schema';
import { formatDate, formatDateTime } from '../../ui/format';
import {
  CONSENT_DECISIONS,
  CONSENT_METHODS,
  GENDERS,
  label,
  PARTY_ROLES,
  RECOMMENDATIONS,
  SCREENING_QUESTIONS,
} from '../labels';
import { shanghai, type CaseDetail } from '../queries';
import { useCaseForm } from './case-form';
import { RevealField } from './RevealButton';

type Party = components['schemas']['PartyView'];
type Answers = components['schemas']['ScreeningAnswersDto'];

const options = (map: Record<string, string>) =>
  Object.entries(map).map(([value, text]) => ({ value, label: text }));

/**
 * One party: particulars (ID, phone, address masked until revealed with a reason), her consent
 * and her own safety screening, each recorded separately. Screening answers are never shown.
 */
export function PartyCard({ kase, party }: { kase: CaseDetail; party: Party }) {
  const consent = kase.consents.find((c) => c.partyId === party.id);
  const screening = kase.screenings.find((s) => s.partyId === party.id);
  const who = `${label(PARTY_ROLES, party.role)}${party.name}`;
  const open = kase.status === 'received';
  const [consentOpen, setConsentOpen] = useState(false);
  const [screeningOpen, setScreeningOpen] = useState(false);

  return (
    <Card
      size="small"
      title={
        <h3 style={{ margin: 0, fontSize: 16 }}>
          {label(PARTY_ROLES, party.role)}：{party.name}
        </h3>
      }
      style={{ marginBottom: 12 }}
    >
      <Descriptions size="small" column={3}>
        <Descriptions.Item label="性别">{label(GENDERS, party.gender)}</Descriptions.Item>
        <Descriptions.Item label="出生日期">{formatDate(party.birthDate)}</Descriptions.Item>
        <Descriptions.Item label="民族/职业">
          {[party.ethnicity, party.occupation].filter(Boolean).join('，') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label="身份证号">
          <RevealField partyId={party.id} field="idNumber" masked={party.idNumber} />
        </Descriptions.Item>
        <Descriptions.Item label="手机号">
          <RevealField partyId={party.id} field="phone" masked={party.phone} />
        </Descriptions.Item>
        <Descriptions.Item label="住址">
          {party.hasAddress ? (
            <RevealField partyId={party.id} field="address" masked="（已隐藏）" />
          ) : (
            '未填写'
          )}
        </Descriptions.Item>
        <Descriptions.Item label="调解意愿">
          {consent ? (
            <span>
              {label(CONSENT_DECISIONS, consent.decision)}（{label(CONSENT_METHODS, consent.method)}
              ，{formatDateTime(consent.recordedAt)}）
            </span>
          ) : (
            <span>未记录</span>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="安全评估">
          {screening ? (
            <span>
              已评估：{label(RECOMMENDATIONS, screening.recommendation)}
              {screening.dvIndicator ? '（有家暴迹象）' : ''}
            </span>
          ) : (
            <span>未评估</span>
          )}
        </Descriptions.Item>
      </Descriptions>
      {open ? (
        <Space>
          {!consent ? (
            <Button onClick={() => setConsentOpen(true)}>记录{who}的调解意愿</Button>
          ) : null}
          {!screening ? (
            <Button onClick={() => setScreeningOpen(true)}>为{who}做安全评估</Button>
          ) : null}
        </Space>
      ) : null}
      <ConsentModal
        kase={kase}
        party={party}
        who={who}
        open={consentOpen}
        onClose={() => setConsentOpen(false)}
      />
      <ScreeningModal
        kase={kase}
        party={party}
        who={who}
        open={screeningOpen}
        onClose={() => setScreeningOpen(false)}
      />
    </Card>
  );
}

type ConsentValues = {
  decision: 'consented' | 'refused';
  method: keyof typeof CONSENT_METHODS;
  recordedAt: Dayjs;
};

function ConsentModal({
  kase,
  party,
  who,
  open,
  onClose,
}: {
  kase: CaseDetail;
  party: Party;
  who: string;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<ConsentValues>();
  const write = useCaseForm({
    kase,
    form,
    fields: ['decision', 'method', 'recordedAt'],
    write: (v: ConsentValues, version: number) =>
      must(
        api.POST('/api/v1/cases/{id}/consents', {
          params: { path: { id: kase.id } },
          body: {
            partyId: party.id,
            decision: v.decision,
            method: v.method,
            recordedAt: shanghai(v.recordedAt),
            version,
          },
        }),
      ),
    done: '已记录调解意愿',
    onDone: onClose,
  });
  const close = () => {
    write.reset();
    onClose();
  };
  return (
    <Modal
      open={open}
      title={`记录${who}的调解意愿`}
      okText="保存"
      cancelText="取消"
      confirmLoading={write.pending}
      onCancel={close}
      onOk={() =>
        void form.validateFields().then(async (v) => {
          if (v.decision === 'refused') {
            const sure = await new Promise<boolean>((resolve) =>
              Modal.confirm({
                title: '确认当事人拒绝调解？',
                content: '拒绝后案件立即终结，退回立案。',
                okText: '确认拒绝',
                cancelText: '返回',
                onOk: () => resolve(true),
                onCancel: () => resolve(false),
              }),
            );
            if (!sure) return;
          }
          write.submit(v);
        })
      }
      destroyOnHidden
    >
      {write.alert}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ recordedAt: dayjs(), method: 'signed_form' }}
      >
        <Form.Item label="意愿" name="decision" rules={[{ required: true, message: '请选择' }]}>
          <Radio.Group options={options(CONSENT_DECISIONS)} />
        </Form.Item>
        <Form.Item label="确认方式" name="method" rules={[{ required: true, message: '请选择' }]}>
          <Select options={options(CONSENT_METHODS)} />
        </Form.Item>
        <Form.Item
          label="确认时间"
          name="recordedAt"
          rules={[{ required: true, message: '请选择' }]}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY年M月D日 HH:mm" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type ScreeningValues = {
  answers: (keyof Answers)[];
  recommendation: 'joint' | 'shuttle' | 'not_suitable';
  protectionOrder: boolean;
  urgent: boolean;
};

/** The API's names for what this form asks as a list of ticks and two checkboxes. */
const SCREENING_ALIASES: Record<string, string> = {
  ...Object.fromEntries(Object.keys(SCREENING_QUESTIONS).map((k) => [`answers.${k}`, 'answers'])),
  protectionOrderReferral: 'protectionOrder',
  'protectionOrderReferral.urgent': 'urgent',
};

function ScreeningModal({
  kase,
  party,
  who,
  open,
  onClose,
}: {
  kase: CaseDetail;
  party: Party;
  who: string;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<ScreeningValues>();
  const write = useCaseForm({
    kase,
    form,
    fields: ['answers', 'recommendation', 'protectionOrder', 'urgent'],
    aliases: SCREENING_ALIASES,
    write: (v: ScreeningValues, version: number) => {
      const answers = Object.fromEntries(
        Object.keys(SCREENING_QUESTIONS).map((k) => [k, v.answers.includes(k as keyof Answers)]),
      ) as Answers;
      return must(
        api.POST('/api/v1/cases/{id}/screenings', {
          params: { path: { id: kase.id } },
          body: {
            partyId: party.id,
            answers,
            recommendation: v.recommendation,
            version,
            ...(v.protectionOrder
              ? { protectionOrderReferral: { urgent: v.urgent, referredAt: shanghai(dayjs()) } }
              : {}),
          },
        }),
      );
    },
    done: '已保存安全评估',
    onDone: onClose,
  });
  const close = () => {
    write.reset();
    onClose();
  };
  const protectionOrder = Form.useWatch('protectionOrder', form);
  return (
    <Modal
      open={open}
      title={`为${who}做安全评估（单独询问）`}
      okText="保存"
      cancelText="取消"
      width={640}
      confirmLoading={write.pending}
      onCancel={close}
      onOk={() => void form.validateFields().then(write.submit)}
      destroyOnHidden
    >
      {write.alert}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ answers: [], protectionOrder: false, urgent: false }}
      >
        <Form.Item label="请勾选属实的情况（均未发生则不勾选）" name="answers">
          <Checkbox.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
            options={options(SCREENING_QUESTIONS)}
          />
        </Form.Item>
        <Form.Item
          label="调解方式建议"
          name="recommendation"
          rules={[{ required: true, message: '请选择' }]}
        >
          <Radio.Group options={options(RECOMMENDATIONS)} />
        </Form.Item>
        <Form.Item name="protectionOrder" valuePropName="checked">
          <Checkbox>协助申请人身安全保护令</Checkbox>
        </Form.Item>
        {protectionOrder ? (
          <Form.Item name="urgent" valuePropName="checked">
            <Checkbox>情况紧急（法院24小时内裁定）</Checkbox>
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
