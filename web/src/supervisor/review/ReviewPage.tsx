import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Skeleton, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, must } from '../../api/client';
import type { FieldError, Problem } from '../../api/problem';
import { formatDateTime } from '../../ui/format';
import { CaseHeader } from '../shared/CaseHeader';
import { RESULTS, label } from '../shared/labels';
import { ProblemAlert, applyProblemAsGiven, problemOfError } from '../shared/problem';
import { AgreementPanel } from './AgreementPanel';
import { DocumentsPanel } from './DocumentsPanel';
import { RecordPanel } from './RecordPanel';
import '../shared/charts.css';

type Decision = 'approve' | 'return';

/**
 * Closure review: the 调解笔录, the submitted outcome with its agreement, and the issued
 * documents side by side; approve (the case closes) or return it to the mediator with a comment.
 */
export function ReviewPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment?: string }>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [unplaced, setUnplaced] = useState<FieldError[]>([]);
  const detail = useQuery({
    queryKey: ['supervisor', 'case', id],
    queryFn: () => must(api.GET('/api/v1/cases/{id}', { params: { path: { id } } })),
  });
  const review = useMutation({
    mutationFn: (decision: Decision) =>
      must(
        api.POST('/api/v1/cases/{id}/review', {
          params: { path: { id } },
          body: {
            decision,
            comment: form.getFieldValue('comment')?.trim() || undefined,
            version: detail.data!.version,
          },
        }),
      ),
    onSuccess: async (_, decision) => {
      await queryClient.invalidateQueries({ queryKey: ['supervisor'] });
      message.success(decision === 'approve' ? '已批准，案件已结案' : '已退回调解员修改');
      navigate('/supervisor/review');
    },
    onError: (error) => {
      const p = problemOfError(error);
      setProblem(p);
      setUnplaced(p ? applyProblemAsGiven(form, p, ['comment']) : []);
    },
  });
  const decide = (decision: Decision) => {
    setProblem(null);
    setUnplaced([]);
    if (decision === 'return' && !form.getFieldValue('comment')?.trim()) {
      form.setFields([{ name: 'comment', errors: ['退回时请写明需要修改的内容'] }]);
      return;
    }
    form.setFields([{ name: 'comment', errors: [] }]);
    review.mutate(decision);
  };
  const c = detail.data;
  const outcomes = c?.outcomes ?? [];
  const latest = outcomes[outcomes.length - 1];
  const earlier = outcomes.slice(0, -1);
  const pending = c?.status === 'pending_review';
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        结案审核{c ? `：${c.caseNumber}` : ''}
      </Typography.Title>
      <Link to="/supervisor/review">返回待审核列表</Link>
      {detail.error ? <ProblemAlert problem={problemOfError(detail.error)} /> : null}
      {!c ? (
        <Skeleton active />
      ) : (
        <>
          <CaseHeader c={c} />
          <div className="sv-side-by-side">
            <Card size="small" title={<h3 className="sv-card-title">调解笔录</h3>}>
              <RecordPanel sessions={c.sessions ?? []} />
            </Card>
            <Card size="small" title={<h3 className="sv-card-title">调解结果与协议</h3>}>
              <AgreementPanel outcome={latest} kids={c.children} />
            </Card>
            <Card size="small" title={<h3 className="sv-card-title">文书</h3>}>
              <DocumentsPanel documents={c.documents ?? []} />
            </Card>
          </div>
          {earlier.length ? (
            <Card size="small" title={<h3 className="sv-card-title">以往的提交与审核意见</h3>}>
              <Timeline
                items={earlier.map((o) => ({
                  key: o.submittedAt,
                  content: (
                    <>
                      {formatDateTime(o.submittedAt)} 提交「{label(RESULTS, o.result)}」，
                      {o.reviewDecision === 'approved' || o.reviewDecision === 'approve'
                        ? '已批准'
                        : '已退回'}
                      {o.reviewComment ? `：${o.reviewComment}` : ''}
                    </>
                  ),
                }))}
              />
            </Card>
          ) : null}
          <Card size="small" title={<h3 className="sv-card-title">审核决定</h3>}>
            {!pending ? <p role="status">该案件当前不在待审核状态，无需审核。</p> : null}
            <ProblemAlert
              problem={problem}
              unplaced={unplaced}
              onReload={() => {
                setProblem(null);
                void detail.refetch();
              }}
            />
            <Form form={form} layout="vertical" style={{ maxWidth: 720, marginTop: 12 }}>
              <Form.Item
                name="comment"
                label="审核意见"
                extra="退回时必填：写明调解员需要补充或修改的内容；批准时可不填。"
              >
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
              <Space>
                <Button
                  type="primary"
                  disabled={!pending || review.isPending}
                  loading={review.isPending && review.variables === 'approve'}
                  onClick={() => decide('approve')}
                >
                  批准结案
                </Button>
                <Button
                  danger
                  disabled={!pending || review.isPending}
                  loading={review.isPending && review.variables === 'return'}
                  onClick={() => decide('return')}
                >
                  退回修改
                </Button>
              </Space>
            </Form>
          </Card>
        </>
      )}
    </Space>
  );
}
