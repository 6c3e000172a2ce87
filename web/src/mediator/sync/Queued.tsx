import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { readUnsent, unsent, useOutbox } from '../../offline/outbox';

/**
 * Said when a write of hers could not reach the server: kept on the phone, not yet filed. Never a
 * tick: only the server's answer makes it 已提交 (on 同步, with the server's time).
 */
export function QueuedNote({ label, caseId }: { label: string; caseId: string }) {
  return (
    <section className="med-section med-queued" aria-labelledby="queued-title">
      <h2 id="queued-title">{label}已存入本机，待上传</h2>
      <p>现在没有网络。有网络时会自动上传，也可以在「同步」页点「立即上传」。</p>
      <p>上传成功前，服务器上还没有这条记录。</p>
      <Link to="/mediator/sync" className="med-call">
        查看同步
      </Link>
      <Link to={`/mediator/cases/${caseId}`} className="med-call">
        返回案件
      </Link>
    </section>
  );
}

/** Her writes on a case that the server has not confirmed yet (the case page lists them). */
export function PendingOnCase({ caseId }: { caseId: string }) {
  const items = unsent(useOutbox()).filter((i) => i.caseId === caseId);
  if (items.length === 0) return null;
  return (
    <section className="med-sync-bar" aria-label="本案待上传的记录">
      {items.map((item) => (
        <p key={item.key}>
          {item.label}：{item.state === 'queued' ? '待上传' : '未被接受，需要处理'}
        </p>
      ))}
      <Link to="/mediator/sync">查看同步</Link>
    </section>
  );
}

/**
 * The item that was waiting for this path when the screen opened (a form opened again while its
 * write waits), as it changes; not the write the form itself sends now.
 */
export function useWaitingFor(path: string) {
  const items = useOutbox();
  // undefined: the outbox not read yet; null: nothing was waiting.
  const [key, setKey] = useState<string | null>();
  useEffect(() => {
    void readUnsent().then(
      (waiting) => setKey(waiting.find((i) => i.path === path)?.key ?? null),
      () => setKey(null),
    );
  }, [path]);
  return key ? unsent(items).find((i) => i.key === key) : undefined;
}
