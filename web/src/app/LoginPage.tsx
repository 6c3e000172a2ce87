import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { HOME, login } from '../api/auth';
import { useCurrentUser } from '../api/session';
import { problemText } from '../ui/problem-messages';
import './login.css';

/**
 * Plain HTML and CSS, no UI kit: the same light page on a village mediator's phone and on a
 * court desk; each role's kit loads only after login.
 */
export function LoginPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (user) return <Navigate to={HOME[user.role]} replace />;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim() || !password) {
      setError('请输入用户名和密码');
      return;
    }
    setBusy(true);
    setError(null);
    const result = await login(username.trim(), password);
    setBusy(false);
    if (!result.ok) {
      setError(problemText(result.problem));
      return;
    }
    const home = HOME[result.user.role];
    const next = params.get('next');
    navigate(next && next.startsWith(home) ? next : home, { replace: true });
  };

  return (
    <main className="login">
      <form className="login-card" onSubmit={(e) => void onSubmit(e)} noValidate>
        <h1>诉前家事调解</h1>
        <p className="login-sub">法院 · 妇联 联调联动工作平台</p>
        <label htmlFor="login-username">用户名</label>
        <input
          id="login-username"
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          aria-invalid={error ? true : undefined}
        />
        <label htmlFor="login-password">密码</label>
        <input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={error ? true : undefined}
        />
        <div className="login-error" role="alert">
          {error}
        </div>
        <button type="submit" disabled={busy}>
          {busy ? '正在登录…' : '登录'}
        </button>
      </form>
    </main>
  );
}
