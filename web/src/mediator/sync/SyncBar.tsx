import { Link, useLocation } from 'react-router';
import { formatDateTime } from '../../ui/format';
import { unsent, useOutbox } from '../../offline/outbox';
import { useLastSync, useOnline, useSyncState } from './sync-agent';

/**
 * Above every screen of hers, only when there is something to say: no signal (and how old the
 * data shown is), writes waiting to be sent, writes refused that wait for her, a login needed.
 */
export function SyncBar() {
  const onSyncPage = useLocation().pathname === '/mediator/sync';
  const online = useOnline();
  const lastSync = useLastSync();
  const items = useOutbox();
  const sync = useSyncState();
  const waiting = unsent(items);
  const queued = waiting.filter((i) => i.state === 'queued').length;
  const settle = waiting.length - queued;
  const lines: string[] = [];
  if (!online)
    lines.push(lastSync ? `当前离线，显示的是 ${formatDateTime(lastSync)} 同步的资料` : '当前离线');
  if (sync.loginNeeded) lines.push('登录已过期，请重新登录后上传（待上传的记录保留在本机）');
  if (queued > 0) lines.push(`${queued} 条记录待上传`);
  if (settle > 0) lines.push(`${settle} 条记录未被接受，需要您处理`);
  // 同步 says all of it at length.
  if (lines.length === 0 || onSyncPage) return null;
  return (
    <div className={settle > 0 ? 'med-sync-bar med-sync-bar-alert' : 'med-sync-bar'} role="status">
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
      {sync.loginNeeded ? (
        <Link to={`/login?next=${encodeURIComponent('/mediator/sync')}`}>重新登录</Link>
      ) : null}
      {queued + settle > 0 ? <Link to="/mediator/sync">查看同步</Link> : null}
    </div>
  );
}
