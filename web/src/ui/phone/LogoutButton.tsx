import { Button } from './kit';
import { lazy, Suspense, useState } from 'react';
import { useNavigate } from 'react-router';
import { useLogout } from '../../app/use-logout';
import type { OutboxItem } from '../../offline/db';

// The warning's dialog is downloaded only when something waits to be uploaded.
const Dialog = lazy(() => import('antd-mobile/es/components/dialog'));

/**
 * 退出 on a phone: logout deletes everything the phone kept of her, so anything not yet uploaded
 * is named first, with the way to 同步 to send it.
 */
export function LogoutButton({ label = '退出' }: { label?: string }) {
  const logout = useLogout();
  const navigate = useNavigate();
  const [unsent, setUnsent] = useState<OutboxItem[]>([]);
  const ask = async () => {
    let items: OutboxItem[] = [];
    try {
      items = await (await import('../../offline/outbox')).readUnsent();
    } catch {
      // No offline store: nothing waits.
    }
    if (items.length > 0) setUnsent(items);
    else await logout();
  };
  return (
    <>
      <Button size="middle" fill="outline" onClick={() => void ask()}>
        {label}
      </Button>
      {unsent.length > 0 ? (
        <Suspense fallback={null}>
          <Dialog
            visible={unsent.length > 0}
            aria-label="还有记录未上传"
            title={`还有 ${unsent.length} 条记录未上传`}
            content={
              <>
                <p>退出登录会从本机删除它们，服务器上也不会有：</p>
                <ul>
                  {unsent.map((item) => (
                    <li key={item.key}>
                      {item.label}：{item.subject}
                    </li>
                  ))}
                </ul>
              </>
            }
            onClose={() => setUnsent([])}
            actions={[
              [
                {
                  key: 'sync',
                  text: '先去上传',
                  bold: true,
                  onClick: () => {
                    setUnsent([]);
                    void navigate('/mediator/sync');
                  },
                },
                {
                  key: 'logout',
                  text: '删除并退出',
                  danger: true,
                  onClick: () => {
                    setUnsent([]);
                    void logout();
                  },
                },
              ],
            ]}
          />
        </Suspense>
      ) : null}
    </>
  );
}
