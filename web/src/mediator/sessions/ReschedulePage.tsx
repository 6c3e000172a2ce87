import { Button, Form } from 'antd-mobile';
import { useState } from 'react';
import { useCaseWrite } from '../common/case-write';
import { CaseGate, DvBanner, needsShuttle } from '../common/CaseGate';
import { SESSION_FORMAT, SESSION_MODE, label } from '../common/labels';
import { ReloadedNote, ProblemBanner } from '../common/problem';
import { useMyRooms } from '../common/queries';
import { fromLocalInput, toLocalInput } from '../common/time';
import type { CaseDetail, Session } from '../common/types';
import { formatDateTime } from '../../ui/format';
import { QueuedNote } from '../sync/Queued';
import { plannedText, SessionGate } from './SessionGate';
import {
  locationOf,
  OTHER,
  placeSessionErrors,
  SessionFields,
  SessionSaved,
  type Rooms,
  type SessionValues,
} from './SessionFields';

/** 改期: a session not yet held gets a new time, place, mode or format. */
export function ReschedulePage() {
  return (
    <CaseGate>
      {(c) => (
        <SessionGate c={c} verb="改期">
          {(s) => <RescheduleForm c={c} session={s} />}
        </SessionGate>
      )}
    </CaseGate>
  );
}

function initialValues(c: CaseDetail, s: Session, rooms: Rooms | undefined): SessionValues {
  const inRoom = (rooms?.rooms ?? []).includes(s.location);
  return {
    scheduledAt: toLocalInput(new Date(s.scheduledAt)),
    durationMinutes: s.durationMinutes,
    room: inRoom ? s.location : OTHER,
    otherPlace: inRoom ? undefined : s.location,
    mode: s.mode as SessionValues['mode'],
    format: needsShuttle(c) ? 'shuttle' : (s.format as SessionValues['format']),
  };
}

/** Only what differs from the session as it is now (the API refuses an empty change). */
function changesOf(s: Session, v: SessionValues) {
  const at = fromLocalInput(v.scheduledAt);
  const changes: {
    scheduledAt?: string;
    durationMinutes?: number;
    location?: string;
    mode?: SessionValues['mode'];
    format?: SessionValues['format'];
  } = {};
  if (v.scheduledAt !== toLocalInput(new Date(s.scheduledAt)))
    changes.scheduledAt = at ? at.toISOString() : v.scheduledAt;
  if (Number(v.durationMinutes) !== s.durationMinutes)
    changes.durationMinutes = Number(v.durationMinutes);
  if (locationOf(v) !== s.location) changes.location = locationOf(v);
  if (v.mode !== s.mode) changes.mode = v.mode;
  if (v.format !== s.format) changes.format = v.format;
  return changes;
}

function RescheduleForm({ c, session }: { c: CaseDetail; session: Session }) {
  const [form] = Form.useForm<SessionValues>();
  const rooms = useMyRooms();
  const write = useCaseWrite<Session>(c.id, (p) => placeSessionErrors(form, p));
  const { busy, problem, unplaced, done, queued, conflict } = write;
  const [unchanged, setUnchanged] = useState(false);
  // As it was when the form opened (the case read again after saving shows the new time).
  const [original] = useState(session);

  if (rooms.isPending) return <p role="status">正在加载调解室…</p>;

  const submit = (v: SessionValues) => {
    const changes = changesOf(session, v);
    setUnchanged(Object.keys(changes).length === 0);
    if (Object.keys(changes).length === 0) return;
    // Through the outbox: moved on a visit without signal, sent when the phone is back.
    void write.runQueued({
      label: '改期',
      subject: c.partyNames.join(' 与 '),
      method: 'PATCH',
      path: `/api/v1/sessions/${session.id}`,
      body: changes,
      version: c.version,
      summary: `原定 ${plannedText(session)}，改为 ${formatDateTime(
        fromLocalInput(v.scheduledAt) ?? v.scheduledAt,
      )}，${locationOf(v)}`,
    });
  };

  if (queued) return <QueuedNote label="改期" caseId={c.id} />;
  if (done)
    return (
      <SessionSaved c={c} session={done} title="已改期">
        <p className="med-card-sub">原定：{plannedText(original)}</p>
      </SessionSaved>
    );

  return (
    <section className="med-section" aria-labelledby="reschedule-title">
      <h2 id="reschedule-title">改期：{c.partyNames.join(' 与 ')}</h2>
      <p>
        原定：{plannedText(session)}，{label(SESSION_MODE, session.mode)}，
        {label(SESSION_FORMAT, session.format)}
      </p>
      <DvBanner c={c} />
      <ProblemBanner
        problem={problem}
        unplaced={unplaced}
        onReload={() => void conflict.reload()}
      />
      <ReloadedNote shown={conflict.reloaded} />
      {unchanged ? (
        <p className="med-note" role="status">
          <span aria-hidden="true">ⓘ </span>
          您没有修改任何内容。请改动时间、地点、方式或形式后再保存。
        </p>
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues(c, session, rooms.data)}
        onFinish={submit}
        footer={
          <Button block type="submit" color="primary" loading={busy}>
            确定改期
          </Button>
        }
      >
        <SessionFields c={c} form={form} rooms={rooms.data} except={session} />
      </Form>
    </section>
  );
}
