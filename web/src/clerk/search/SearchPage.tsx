import { Alert, Button, Card, Form, Input, Radio, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { problemOf } from '../../api/problem';
import { DaysLeftBadge } from '../../ui/DaysLeftBadge';
import { applyProblemToForm } from '../../ui/form-errors';
import { formatDate } from '../../ui/format';
import { problemText } from '../../ui/problem-messages';
import { StatusTag, type CaseStatus } from '../../ui/StatusTag';
import { DISPUTE_TYPES, label } from '../labels';
import type { CaseSummary } from '../queries';

type Values = { by: 'idNumber' | 'phone'; value: string };

/**
 * Finds cases by a party's full ID number or mobile: POST /cases/search, so the number never
 * appears in a URL, a history entry or a server log; nothing is kept after leaving the page.
 */
export function SearchPage() {
  const [form] = Form.useForm<Values>();
  const by = Form.useWatch('by', form) ?? 'idNumber';
  const [rows, setRows] = useState<CaseSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async ({ by, value }: Values) => {
    setBusy(true);
    setError(null);
    try {
      const {
        data,
        error: problem,
        response,
      } = await api.POST('/api/v1/cases/search', {
        body: { [by]: value.trim() },
      });
      if (data) {
        setRows(data);
        return;
      }
      const p = problemOf(problem, response.status);
      // The API names the field it was sent (idNumber or phone); the form has one input.
      applyProblemToForm(form, { ...p, errors: p.errors?.map((e) => ({ ...e, field: 'value' })) });
      setRows(null);
      if (!p.errors?.length) setError(problemText(p));
    } catch {
      setError(problemText(problemOf(undefined, 0)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2}>按身份证号或手机号查找案件</Typography.Title>
      <Card size="small">
        <Form<Values>
          form={form}
          layout="inline"
          initialValues={{ by: 'idNumber' }}
          onFinish={(v) => void onFinish(v)}
          autoComplete="off"
        >
          <Form.Item name="by" label="查找方式">
            <Radio.Group
              options={[
                { value: 'idNumber', label: '身份证号' },
                { value: 'phone', label: '手机号' },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="value"
            label={by === 'phone' ? '完整手机号' : '完整身份证号'}
            rules={[{ required: true, whitespace: true, message: '请输入完整号码' }]}
          >
            <Input style={{ width: 260 }} maxLength={by === 'phone' ? 11 : 18} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            查找
          </Button>
        </Form>
      </Card>
      {error ? <Alert type="error" showIcon message={error} /> : null}
      {rows ? (
        <Table<CaseSummary>
          rowKey="id"
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: '没有找到相关案件' }}
          columns={[
            {
              title: '案号',
              dataIndex: 'caseNumber',
              render: (v: string, row) => <Link to={`/clerk/cases/${row.id}`}>{v}</Link>,
            },
            { title: '当事人', dataIndex: 'partyNames', render: (n: string[]) => n.join('、') },
            {
              title: '纠纷类型',
              dataIndex: 'disputeType',
              render: (v: string) => label(DISPUTE_TYPES, v),
            },
            {
              title: '状态',
              dataIndex: 'status',
              render: (v: CaseStatus) => <StatusTag status={v} />,
            },
            {
              title: '剩余期限',
              dataIndex: 'daysLeft',
              render: (v: number | null) => (v === null ? '—' : <DaysLeftBadge daysLeft={v} />),
            },
            { title: '收案日期', dataIndex: 'receivedAt', render: (v: string) => formatDate(v) },
          ]}
        />
      ) : null}
    </Space>
  );
}
