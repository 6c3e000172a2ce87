import { Button } from 'antd-mobile';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, must } from '../../api/client';
import { formatDateTime } from '../../ui/format';
import { useCaseWrite } from '../common/case-write';
import { CaseGate } from '../common/CaseGate';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { ReloadedNote, ProblemBanner } from '../common/problem';
import type { CaseDetail, Session } from '../common/types';
import { PartiesToCall } from './SessionFields';
import { plannedText, SessionGate } from './SessionGate';

/** 当事人未到场: the session could not be held because a party did not come. */
export function NoShowPage() {
  return (
    <CaseGate>
      {(c) => (
        <SessionGate c={c} verb="记录未到场">
          {(s) => <NoShowForm c={c} session={s} />}
        </SessionGate>
      )}
    </CaseGate>
  );
}

function NoShowForm({ c, session }: { c: CaseDetail; session: Session }) {
  const [asking, setAsking] = useState(false);
  const write = useCaseWrite<Session>(c.id);
  const { busy, problem, done, conflict } = write;
  // Judged when the screen opens.
  const [notYet] = useState(() => new Date(session.scheduledAt).getTime() > Date.now());

  const record = () => {
    setAsking(false);
    void write.run(() =>
      must(
        api.POST('/api/v1/sessions/{id}/no-show', {
          params: { path: { id: session.id } },
          body: { version: c.version },
        }),
      ),
    );
  };

  if (done)
    return (
      <section className="med-section" aria-labelledby="no-show-done">
        <h2 id="no-show-done">
          <span aria-hidden="true">✔ </span>已记录当事人未到场
        </h2>
        <p>{plannedText(done)}的调解因当事人未到场未能举行。</p>
        <PartiesToCall c={c} />
        <Link to={`/mediator/cases/${c.id}/sessions/new`} className="med-call">
          另行安排调解
        </Link>
        <Link to={`/mediator/cases/${c.id}`} className="med-call">
          返回案件
        </Link>
      </section>
    );

  return (
    <section className="med-section" aria-labelledby="no-show-title">
      <h2 id="no-show-title">当事人未到场：{c.partyNames.join(' 与 ')}</h2>
      <p>原定：{plannedText(session)}</p>
      <p>
        当事人没有按约定到场、调解未能举行时，在这里记录。记录后这次调解显示为“当事人未到场”，不能再填写笔录，可另行安排调解。
      </p>
      <p className="med-card-sub">哪一方未到场、未到的原因，请在下次调解的笔录中写明。</p>
      {notYet ? (
        <p className="med-note" role="note">
          <span aria-hidden="true">⚠ </span>
          这次调解定在{formatDateTime(session.scheduledAt)}
          ，时间还没到。如当事人已表示不能来，也可以改期或取消。
        </p>
      ) : null}
      <ProblemBanner problem={problem} onReload={() => void conflict.reload()} />
      <ReloadedNote shown={conflict.reloaded} />
      <Button block color="primary" loading={busy} onClick={() => setAsking(true)}>
        记录未到场
      </Button>
      <ConfirmDialog
        open={asking}
        title="确认当事人未到场？"
        confirmText="确认未到场"
        cancelText="返回"
        onConfirm={record}
        onCancel={() => setAsking(false)}
      >
        {plannedText(session)}的调解将记录为“当事人未到场”，记录后不能撤销。
      </ConfirmDialog>
    </section>
  );
}
