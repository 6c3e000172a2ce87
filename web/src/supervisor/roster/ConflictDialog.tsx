import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { api, must } from '../../api/client';
import type { FieldError, Problem } from '../../api/problem';
import { CONFLICT_REASONS } from '../shared/labels';
import { ProblemAlert, applyProblemAsGiven, problemOfError } from '../shared/problem';

interface ConflictForm {
  reason: 'kin' | 'same_household' | 'party_request' | 'other';
  partyName?: string;
  partyIdNumber?: string;
  note?: string;
}

/**
 * Records a mediator's conflict of interest (回避): she is then neither suggested nor assignable
 * for cases with that person. The ID number is kept only as a blind index.
 */
export function ConflictDialog({
  mediator,
  onClose,
}: {
  mediator: { id: string; displayName: string } | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<ConflictForm>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [unplaced, setUnplaced] = useState<FieldError[]>([]);
  const declare = useMutation({
    mutationFn: (values: ConflictForm) =>
      must(
        api.POST('/api/v1/mediators/{id}/conflicts', {
          params: { path: { id: mediator!.id } },
          body: {
            reason: values.reason,
            partyName: values.partyName || undefined,
            partyIdNumber: values.partyIdNumber || undefined,
            note: values.note || undefined,
          },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['supervisor', 'roster'] });
      message.success(`已为 ${mediator?.displayName} 登记回避`);
      form.resetFields();
      setProblem(null);
      onClose();
    },
    onError: (error) => {
      const p = problemOfError(error);
      setProblem(p);
      setUnplaced(
        p ? applyProblemAsGiven(form, p, ['reason', 'partyName', 'partyIdNumber', 'note']) : [],
      );
    },
  });
  return (
    <Modal
      open={!!mediator}
      title={`登记回避：${mediator?.displayName ?? ''}`}
      okText="登记回避"
      cancelText="取消"
      confirmLoading={declare.isPending}
      onOk={() => void form.validateFields().then((v) => declare.mutate(v))}
      onCancel={onClose}
      forceRender
    >
      <ProblemAlert problem={problem} unplaced={unplaced} />
      <Form form={form} layout="vertical" style={{ marginTop: 12 }}>
        <Form.Item
          name="reason"
          label="回避原因"
          rules={[{ required: true, message: '请选择回避原因' }]}
        >
          <Select
            options={Object.entries(CONFLICT_REASONS).map(([value, text]) => ({
              value,
              label: text,
            }))}
          />
        </Form.Item>
        <Form.Item name="partyName" label="有利害关系的人（姓名）">
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="partyIdNumber"
          label="其身份证号"
          extra="只保存不可还原的检索值，用于排除相关案件。"
        >
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
