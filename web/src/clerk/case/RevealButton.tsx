import { Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api, must } from '../../api/client';
import type { components } from '../../api/schema';
import { MaskedField } from '../../ui/MaskedField';
import { FormProblemAlert, useFormProblem } from './case-form';

type Field = components['schemas']['RevealDto']['field'];

const NAMES: Record<Field, string> = { idNumber: '身份证号', phone: '手机号', address: '住址' };

/**
 * A masked value with 查看完整… : asks why (the reason goes into the audit log), then calls
 * POST /parties/:id/reveal and shows the full value until the page is left.
 */
export function RevealField({
  partyId,
  field,
  masked,
}: {
  partyId: string;
  field: Field;
  masked: string | null;
}) {
  const [asking, setAsking] = useState<((value: string | null) => void) | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const problem = useFormProblem(form, ['reason']);
  const [sending, setSending] = useState(false);

  const reveal = () =>
    new Promise<string | null>((resolve) => {
      form.resetFields();
      problem.clear();
      setAsking(() => resolve);
    });

  const submit = async () => {
    const { reason } = await form.validateFields();
    problem.clear();
    setSending(true);
    try {
      const view = await must(
        api.POST('/api/v1/parties/{id}/reveal', {
          params: { path: { id: partyId } },
          body: { field, reason: reason.trim() },
        }),
      );
      asking?.(view.value ?? '（未登记）');
      setAsking(null);
    } catch (error) {
      // The reason's errors beside it (what was typed stays); anything else above the form.
      problem.show(error);
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <MaskedField
        label={NAMES[field]}
        masked={masked}
        reveal={reveal}
        renderButton={({ onClick, loading, label }) => (
          <Button size="small" type="link" onClick={onClick} loading={loading}>
            {label}
          </Button>
        )}
      />
      <Modal
        open={asking !== null}
        title={`查看完整${NAMES[field]}`}
        okText="查看"
        cancelText="取消"
        confirmLoading={sending}
        onOk={() => void submit().catch(() => undefined)}
        onCancel={() => {
          asking?.(null);
          setAsking(null);
        }}
        destroyOnHidden
      >
        <p>查看完整信息会记入审计日志，请写明理由。</p>
        <FormProblemAlert shown={problem.shown} />
        <Form form={form} layout="vertical">
          <Form.Item
            label="查看理由"
            name="reason"
            rules={[{ required: true, whitespace: true, message: '请填写查看理由' }]}
          >
            <Input.TextArea rows={2} placeholder="例如：电话通知当事人调解时间" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
