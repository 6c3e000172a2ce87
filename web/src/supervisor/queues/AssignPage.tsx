import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Alert, Button, Card, Form, Input, Skeleton, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, must } from '../../api/client';
import type { Problem } from '../../api/problem';
import type { components } from '../../api/schema';
import { CaseHeader } from '../shared/CaseHeader';
import { useMediatorName } from '../shared/lookups';
import { ProblemAlert, applyProblemAsGiven, problemOfError } from '../shared/problem';

type Suggestion = components['schemas']['SuggestionView'];

/**
 * Assigning (or reassigning) a case: the mediators the API suggests, best first, each with the
 * reasons for her place, then those who may not take it and why.
 */
export function AssignPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const mediatorName = useMediatorName();
  const detail = useQuery({
    queryKey: ['supervisor', 'case', id],
    queryFn: () => must(api.GET('/api/v1/cases/{id}', { params: { path: { id } } })),
  });
  const suggestions = useQuery({
    queryKey: ['supervisor', 'suggestions', id],
    queryFn: () =>
      must(api.GET('/api/v1/cases/{id}/mediator-suggestions', { params: { path: { id } } })),
  });
  const assign = useMutation({
    mutationFn: (s: Suggestion) =>
      must(
        api.POST('/api/v1/cases/{id}/assignment', {
          params: { path: { id } },
          body: {
            mediatorId: s.mediatorId,
            version: detail.data!.version,
            note: form.getFieldValue('note') || undefined,
          },
        }),
      ),
    onSuccess: async (_, s) => {
      setProblem(null);
      await queryClient.invalidateQueries({ queryKey: ['supervisor'] });
      message.success(`已将 ${detail.data?.caseNumber} 指派给 ${s.displayName}`);
      navigate('/supervisor/queues');
    },
    onError: (error) => {
      const p = problemOfError(error);
      setProblem(p);
      if (p) applyProblemAsGiven(form, p, ['note']);
    },
  });
  const reload = async () => {
    setProblem(null);
    await Promise.all([detail.refetch(), suggestions.refetch()]);
  };
  const c = detail.data;
  const current = c?.mediatorId;
  const verb = current ? '改派' : '指派';
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {verb}调解员
      </Typography.Title>
      <Link to="/supervisor/queues">返回待办队列</Link>
      {detail.error ? <ProblemAlert problem={problemOfError(detail.error)} /> : null}
      {c ? <CaseHeader c={c} /> : <Skeleton active />}
      <ProblemAlert problem={problem} onReload={() => void reload()} />
      <Card size="small" title={<h2 className="sv-card-title">推荐的调解员</h2>}>
        <Form form={form} layout="vertical" style={{ maxWidth: 640 }}>
          <Form.Item name="note" label={`${verb}说明（可选）`}>
            <Input.TextArea rows={2} maxLength={500} placeholder="例如：原调解员临期未推进" />
          </Form.Item>
        </Form>
        {suggestions.error ? <ProblemAlert problem={problemOfError(suggestions.error)} /> : null}
        <Table<Suggestion>
          rowKey="mediatorId"
          size="middle"
          loading={suggestions.isPending}
          dataSource={suggestions.data ?? []}
          pagination={false}
          locale={{ emptyText: '辖区内没有调解员' }}
          columns={[
            {
              title: '调解员',
              render: (_, s) => (
                <>
                  <strong>{s.displayName}</strong>
                  {s.mediatorId === current ? '（现调解员）' : ''}
                  <br />
                  {s.title}
                </>
              ),
              width: 180,
            },
            {
              title: '可否指派',
              render: (_, s) =>
                s.eligible ? (
                  <span className="mx-tag mx-tone-ok">
                    <span aria-hidden="true">✔</span> 可指派
                  </span>
                ) : (
                  <span className="mx-tag mx-tone-danger">
                    <span aria-hidden="true">✖</span> 不可指派
                  </span>
                ),
              width: 120,
            },
            {
              title: '原因',
              render: (_, s) => (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {s.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              ),
            },
            {
              title: '操作',
              width: 160,
              render: (_, s) =>
                s.eligible && s.mediatorId !== current ? (
                  <Button
                    type="primary"
                    loading={assign.isPending && assign.variables?.mediatorId === s.mediatorId}
                    disabled={!c || assign.isPending}
                    onClick={() => assign.mutate(s)}
                  >
                    {verb}给{s.displayName}
                  </Button>
                ) : null,
            },
          ]}
        />
        {current ? (
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            showIcon
            title={`现由 ${mediatorName(current)} 承办；改派后原调解员不再承办此案。`}
          />
        ) : null}
      </Card>
    </Space>
  );
}
