import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { ApiProblem } from '../../api/problem';
import { problemText } from '../../ui/problem-messages';
import { caseKey } from '../queries';

/**
 * A write to a case: on success the case and its timeline are fetched again and `done` says so;
 * on failure the problem is said in Chinese (and returned for field errors).
 */
export function useCaseWrite<T>(
  caseId: string,
  write: (input: T) => Promise<unknown>,
  done: string,
) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: write,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: caseKey(caseId) });
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      void message.success(done);
    },
    onError: (error) => {
      void message.error(
        error instanceof ApiProblem ? problemText(error.problem) : '操作失败，请稍后再试',
      );
    },
  });
}
