import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { problemOf } from '../../api/problem';
import type { components } from '../../api/schema';
import { applyProblemToForm, fieldErrorText } from '../../ui/form-errors';
import { problemText } from '../../ui/problem-messages';
import { DISPUTE_TYPES, GENDERS, KINDS, RESIDENCE, SOURCES } from '../labels';
import { DATE_FORMATS, shanghai, useVillages } from '../queries';

type CreateCase = components['schemas']['CreateCaseDto'];
type PartyValues = Omit<CreateCase['parties'][number], 'birthDate'> & { birthDate?: Dayjs };
type ChildValues = Omit<NonNullable<CreateCase['children']>[number], 'birthDate'> & {
  birthDate?: Dayjs;
};
interface Values extends Omit<CreateCase, 'receivedAt' | 'parties' | 'children'> {
  receivedAt: Dayjs;
  parties: PartyValues[];
  children?: ChildValues[];
}

const options = (map: Record<string, string>) =>
  Object.entries(map).map(([value, text]) => ({ value, label: text }));

/** The API fields this form shows; an error on any other goes into the banner. */
const FIELDS =
  /^(courtReference|mediationKind|disputeType|source|receivedAt|regionId|summary|claims|parties\.[01]\.(name|gender|idNumber|birthDate|phone|ethnicity|occupation|address)|children\.\d+\.(name|gender|birthDate|residence))$/;

const blank = (value?: string) => (value && value.trim() ? value.trim() : undefined);

/** The referral (委派调解) as the court sends it: the case, both parties, the children. */
export function NewReferralPage() {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const villages = useVillages();
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // One key per form: a retried submit (double click, timeout) never makes a second case.
  const [idempotencyKey] = useState(() => crypto.randomUUID());

  const onFinish = async (values: Values) => {
    setSaving(true);
    setBanner(null);
    const body: CreateCase = {
      ...values,
      courtReference: blank(values.courtReference),
      receivedAt: shanghai(values.receivedAt),
      parties: values.parties.map((p) => ({
        ...p,
        birthDate: p.birthDate ? p.birthDate.format('YYYY-MM-DD') : undefined,
        phone: blank(p.phone),
        address: blank(p.address),
        ethnicity: blank(p.ethnicity),
        occupation: blank(p.occupation),
      })),
      children: (values.children ?? []).map((c) => ({
        ...c,
        birthDate: c.birthDate ? c.birthDate.format('YYYY-MM-DD') : '',
      })),
    };
    try {
      const { data, error, response } = await api.POST('/api/v1/cases', {
        body,
        params: { header: { 'Idempotency-Key': idempotencyKey } },
      });
      if (data) {
        await navigate(`/clerk/cases/${data.id}`);
        return;
      }
      const problem = problemOf(error, response.status);
      const unplaced = applyProblemToForm(form, problem, (name) => FIELDS.test(name.join('.')));
      setBanner(
        [problemText(problem), ...unplaced.map((e) => `${e.field}：${fieldErrorText(e)}`)].join(
          '；',
        ),
      );
    } catch {
      setBanner(problemText(problemOf(undefined, 0)));
    } finally {
      setSaving(false);
    }
  };

  const party = (index: number, role: 'applicant' | 'respondent') => (
    <section key={role} aria-label={role === 'applicant' ? '申请人' : '被申请人'}>
      <Card
        size="small"
        title={role === 'applicant' ? '申请人' : '被申请人'}
        style={{ marginBottom: 16 }}
      >
        <Form.Item name={['parties', index, 'role']} hidden initialValue={role}>
          <Input />
        </Form.Item>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item
              label="姓名"
              name={['parties', index, 'name']}
              rules={[{ required: true, message: '请填写姓名' }]}
            >
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item
              label="性别"
              name={['parties', index, 'gender']}
              rules={[{ required: true, message: '请选择性别' }]}
            >
              <Radio.Group options={options(GENDERS)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              label="身份证号"
              name={['parties', index, 'idNumber']}
              rules={[{ required: true, message: '请填写身份证号' }]}
            >
              <Input autoComplete="off" maxLength={18} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="出生日期" name={['parties', index, 'birthDate']}>
              <DatePicker
                format={DATE_FORMATS}
                style={{ width: '100%' }}
                placeholder="选填，须与身份证一致"
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="手机号" name={['parties', index, 'phone']}>
              <Input autoComplete="off" maxLength={11} inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label="民族" name={['parties', index, 'ethnicity']}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label="职业" name={['parties', index, 'occupation']}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item label="住址" name={['parties', index, 'address']}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
      </Card>
    </section>
  );

  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 1200 }}>
      <Typography.Title level={2}>登记委派调解</Typography.Title>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void onFinish(v)}
        initialValues={{
          mediationKind: 'pre_filing',
          disputeType: 'divorce',
          source: 'court_referral',
          receivedAt: dayjs(),
          children: [],
        }}
        scrollToFirstError
      >
        <Card title="案件信息" size="small" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item label="法院案号（选填）" name="courtReference">
                <Input placeholder="（2026）鲁0281民诉前调501号" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="调解类型" name="mediationKind" rules={[{ required: true }]}>
                <Select options={options(KINDS)} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="纠纷类型" name="disputeType" rules={[{ required: true }]}>
                <Select options={options(DISPUTE_TYPES)} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="案件来源" name="source" rules={[{ required: true }]}>
                <Select options={options(SOURCES)} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                label="收案时间"
                name="receivedAt"
                rules={[{ required: true, message: '请选择收案时间' }]}
              >
                <DatePicker
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY年M月D日 HH:mm"
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                label="纠纷发生地（村/社区）"
                name="regionId"
                rules={[{ required: true, message: '请选择村/社区' }]}
              >
                <Select
                  showSearch
                  optionFilterProp="label"
                  loading={villages.isLoading}
                  placeholder="请选择"
                  options={(villages.data?.villages ?? []).map((v) => ({
                    value: v.id,
                    label: `${v.name}（${v.code}）`,
                  }))}
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                label="案情摘要"
                name="summary"
                rules={[{ required: true, message: '请填写案情摘要' }]}
              >
                <Input.TextArea rows={3} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                label="诉讼请求"
                name="claims"
                rules={[{ required: true, message: '请填写诉讼请求' }]}
              >
                <Input.TextArea rows={3} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        {party(0, 'applicant')}
        {party(1, 'respondent')}
        <Card title="未成年子女" size="small" style={{ marginBottom: 16 }}>
          <Form.List name="children">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => (
                  <Row gutter={16} key={field.key} align="bottom">
                    <Col span={6}>
                      <Form.Item
                        label={`子女${i + 1}姓名`}
                        name={[field.name, 'name']}
                        rules={[{ required: true, message: '请填写子女姓名' }]}
                      >
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item
                        label={`子女${i + 1}性别`}
                        name={[field.name, 'gender']}
                        rules={[{ required: true, message: '请选择性别' }]}
                      >
                        <Radio.Group options={options(GENDERS)} />
                      </Form.Item>
                    </Col>
                    <Col span={5}>
                      <Form.Item
                        label={`子女${i + 1}出生日期`}
                        name={[field.name, 'birthDate']}
                        rules={[{ required: true, message: '请选择出生日期' }]}
                      >
                        <DatePicker format={DATE_FORMATS} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col span={6}>
                      <Form.Item
                        label={`子女${i + 1}现随谁生活`}
                        name={[field.name, 'residence']}
                        rules={[{ required: true, message: '请选择' }]}
                      >
                        <Select options={options(RESIDENCE)} />
                      </Form.Item>
                    </Col>
                    <Col span={3}>
                      <Form.Item>
                        <Button
                          icon={<MinusCircleOutlined />}
                          onClick={() => remove(field.name)}
                          aria-label={`删除子女${i + 1}`}
                        >
                          删除
                        </Button>
                      </Form.Item>
                    </Col>
                  </Row>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add()}>
                  添加子女
                </Button>
              </>
            )}
          </Form.List>
        </Card>
        {banner ? (
          <Alert type="error" showIcon message={banner} style={{ marginBottom: 16 }} role="alert" />
        ) : null}
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            保存登记
          </Button>
          <Button onClick={() => void navigate('/clerk')}>取消</Button>
        </Space>
      </Form>
    </Space>
  );
}
