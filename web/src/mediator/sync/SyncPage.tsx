import { Button } from 'antd-mobile';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Problem } from '../../api/problem';
import { useCurrentUser } from '../../api/session';
import type { OutboxItem } from '../../offline/db';
import { discard, reapply, useOutbox } from '../../offline/outbox';
import { formatDateTime } from '../../ui/format';
import { statusText, type CaseStatus } from '../../ui/StatusTag';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { problemMessage } from '../common/problem';
import type { CaseDetail } from '../common/types';
import { saveDraft } from '../sessions/drafts';
import { PinSettings } from './PinSettings';
import { syncNow, useLastSync, useOnline, useSyncState } from './sync-agent';

const STATE: Record<OutboxItem['state'], string> = {
  queued: '待上传',
  confirmed: '已提交',
  conflict: '案件已变化，未提交',
  refused: '未被接受',
};

/**
 * 同步: everything she wrote on this phone and where it stands. 待上传 until the server answers;
 * 已提交 with the server's time; a refused write stays here, beside the case as the server has
 * it now, until she re-applies, edits or discards it. Nothing leaves this list unseen.
 */
export function SyncPage() {
  const items = useOutbox();
  const online = useOnline();
  const lastSync = useLastSync();
  const sync = useSyncState();
  if (!items) return <p role="status">正在读取本机记录…</p>;
  const settle = items.filter((i) => i.state === 'conflict' || i.state === 'refused');
  const queued = items.filter((i) => i.state === 'queued');
  const confirmed = items.filter((i) => i.state === 'confirmed').reverse();
  return (
    <>
      <section className="med-section" aria-labelledby="sync-now">
        <h2 id="sync-now">上传</h2>
        <p>
          {online ? '网络已连接。' : '当前离线：记录保存在本机，有网络时自动上传。'}
          {lastSync ? `案件资料同步于 ${formatDateTime(lastSync)}。` : '本机还没有同步过案件资料。'}
        </p>
        {sync.loginNeeded ? (
          <p role="alert">
            登录已过期，记录还在本机。
            <Link to={`/login?next=${encodeURIComponent('/mediator/sync')}`}>重新登录后上传</Link>
          </p>
        ) : null}
        <Button
          block
          color="primary"
          loading={sync.running}
          disabled={!online}
          onClick={() => void syncNow()}
        >
          立即上传
        </Button>
      </section>
      {settle.length > 0 ? (
        <section aria-labelledby="sync-settle">
          <h2 id="sync-settle">需要您处理（{settle.length}）</h2>
          {settle.map((item) => (
            <Settle key={item.key} item={item} />
          ))}
        </section>
      ) : null}
      <section aria-labelledby="sync-queued">
        <h2 id="sync-queued">待上传（{queued.length}）</h2>
        {queued.length === 0 ? <p className="med-note">没有待上传的记录。</p> : null}
        {queued.map((item) => (
          <ItemCard key={item.key} item={item}>
            <p>
              {formatDateTime(item.queuedAt)} 存入本机
              {item.attempts > 0 ? `，已尝试上传 ${item.attempts} 次` : ''}
            </p>
          </ItemCard>
        ))}
      </section>
      <section aria-labelledby="sync-done">
        <h2 id="sync-done">已提交（{confirmed.length}）</h2>
        {confirmed.map((item) => (
          <ItemCard key={item.key} item={item}>
            <p>服务器 {formatDateTime(item.confirmedAt)} 确认收到</p>
          </ItemCard>
        ))}
      </section>
      <PinSettings />
    </>
  );
}

function ItemCard({ item, children }: { item: OutboxItem; children: React.ReactNode }) {
  return (
    <article className="med-sync-item" data-state={item.state} aria-label={item.label}>
      <h3>
        {item.label}：{item.subject}
      </h3>
      <p>
        <strong>{STATE[item.state]}</strong>
      </p>
      {children}
      <details>
        <summary>内容</summary>
        <p className="med-sync-text">{item.summary}</p>
      </details>
    </article>
  );
}

const isCase = (value: unknown): value is CaseDetail =>
  typeof value === 'object' && value !== null && 'version' in value && 'status' in value;

function ServerSide({ value }: { value: unknown }) {
  const me = useCurrentUser();
  if (isCase(value)) {
    const sessions = value.sessions ?? [];
    return (
      <>
        <p>状态：{statusText(value.status as CaseStatus)}</p>
        <p>版本：第 {value.version} 版</p>
        <p>{value.mediatorId === me?.id ? '仍由您调解' : '已不由您调解（已改派或退回）'}</p>
        {value.deadlineAt ? <p>调解期限至 {formatDateTime(value.deadlineAt)}</p> : null}
        <p>
          调解会次 {sessions.length} 次，其中已有笔录 {sessions.filter((s) => s.recorded).length} 次
        </p>
      </>
    );
  }
  if (value && typeof value === 'object' && 'code' in value)
    return <p>{problemMessage(value as Problem)}</p>;
  return <p>暂时无法读取（请在有网络时打开本页）。</p>;
}

/** A refused write: hers beside the server's case, and what she can do about it. */
function Settle({ item }: { item: OutboxItem }) {
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const current = isCase(item.serverCase) ? item.serverCase : null;
  const edit = async () => {
    if (!item.form) return;
    saveDraft(item.form.draftKey, item.form.values);
    await discard(item);
    await navigate(item.form.path);
  };
  return (
    <ItemCard item={item}>
      {item.problem ? <p role="alert">{problemMessage(item.problem)}</p> : null}
      <div className="med-sync-compare">
        <section aria-label="您的记录">
          <h4>您的记录（基于第 {item.version} 版）</h4>
          <p>{formatDateTime(item.queuedAt)} 填写</p>
          <p className="med-sync-text">{item.summary}</p>
        </section>
        <section aria-label="服务器上的案件">
          <h4>服务器上的案件现状</h4>
          <ServerSide value={item.serverCase} />
        </section>
      </div>
      <div className="med-sync-actions">
        {current ? (
          <Button
            color="primary"
            onClick={() => void reapply(item, current.version).then(() => syncNow())}
          >
            按现状重新提交
          </Button>
        ) : null}
        {item.form ? <Button onClick={() => void edit()}>修改后再提交</Button> : null}
        <Button color="danger" fill="outline" onClick={() => setConfirming(true)}>
          放弃这条记录
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        title="放弃这条记录？"
        confirmText="放弃"
        cancelText="保留"
        onConfirm={() => {
          setConfirming(false);
          void discard(item);
        }}
        onCancel={() => setConfirming(false)}
      >
        放弃后，本机将删除这条{item.label}，服务器上不会有它。
      </ConfirmDialog>
    </ItemCard>
  );
}
