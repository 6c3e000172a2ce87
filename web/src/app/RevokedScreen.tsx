import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { logout } from '../api/auth';
import type { OutboxItem } from '../offline/db';
import { queryClient } from './query';

/**
 * An admin ended this user's sessions (account disabled, password reset): the phone's data is
 * deleted, but first she is shown everything not yet uploaded, in full, so that she can copy it
 * by hand — nothing is deleted without her seeing it.
 */
export function RevokedScreen() {
  const navigate = useNavigate();
  const [items, setItems] = useState<OutboxItem[] | null>(null);
  useEffect(() => {
    import('../offline/outbox')
      .then((outbox) => outbox.readUnsent())
      .then(setItems, () => setItems([]));
  }, []);
  const wipe = async () => {
    await logout();
    queryClient.clear();
    await navigate('/login', { replace: true });
  };
  return (
    <main style={{ padding: 16, maxWidth: 640, margin: '0 auto', fontSize: 17 }}>
      <h1 style={{ fontSize: 22 }}>您的登录已被注销</h1>
      <p role="alert">
        管理员停用了您的账号或重置了密码。本机保存的案件资料将被删除；如有疑问请联系管理员。
      </p>
      {items === null ? (
        <p role="status">正在检查本机未上传的记录…</p>
      ) : items.length > 0 ? (
        <section aria-labelledby="revoked-unsent">
          <h2 id="revoked-unsent" style={{ fontSize: 19 }}>
            本机还有 {items.length} 条记录未上传，删除后无法恢复，请先抄录：
          </h2>
          <ol>
            {items.map((item) => (
              <li key={item.key} style={{ marginBottom: 12 }}>
                <strong>
                  {item.label}：{item.subject}
                </strong>
                <p style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>{item.summary}</p>
              </li>
            ))}
          </ol>
        </section>
      ) : (
        <p>本机没有未上传的记录。</p>
      )}
      <button
        type="button"
        className="revoked-wipe"
        style={{ fontSize: 18, padding: '12px 20px', minHeight: 48 }}
        disabled={items === null}
        onClick={() => void wipe()}
      >
        {items && items.length > 0 ? '我已抄录，清除本机数据' : '清除本机数据并重新登录'}
      </button>
    </main>
  );
}
