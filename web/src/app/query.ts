import { QueryClient } from '@tanstack/react-query';
import { ApiProblem } from '../api/problem';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      // A 4xx will not get better by asking again.
      retry: (count, error) =>
        count < 2 && !(error instanceof ApiProblem && error.problem.status < 500),
    },
  },
});
