import { useQuery } from '@tanstack/react-query';
import { Alert, Space, Typography } from 'antd';
import { api, must } from '../../api/client';
import { CaseTable } from '../shared/CaseTable';
import { problemMessage, problemOfError } from '../shared/problem';

/** Outcomes the mediators submitted, waiting for the supervisor's review, oldest first. */
export function ReviewListPage() {
  const cases = useQuery({
    queryKey: ['supervisor', 'cases', 'pending_review'],
    queryFn: () =>
      must(
        api.GET('/api/v1/cases', {
          params: { query: { status: 'pending_review', sort: 'updatedAt', pageSize: 100 } },
        }),
      ),
  });
  const problem = problemOfError(cases.error);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        结案审核
      </Typography.Title>
      {problem ? <Alert type="error" showIcon title={problemMessage(problem)} /> : null}
      <CaseTable
        caption={`待审核 ${cases.data?.total ?? '…'} 件（最早提交的在前）`}
        items={cases.data?.items ?? []}
        loading={cases.isPending}
      />
    </Space>
  );
}
