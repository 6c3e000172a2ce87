import { useNavigate } from 'react-router';
import { logout } from '../api/auth';
import { queryClient } from './query';

/** Logs out, forgets every cached query, and shows the login page. */
export function useLogout(): () => Promise<void> {
  const navigate = useNavigate();
  return async () => {
    await logout();
    queryClient.clear();
    await navigate('/login', { replace: true });
  };
}
