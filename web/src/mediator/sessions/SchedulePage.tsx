import { Button, Form } from 'antd-mobile';
import { useCaseWrite } from '../common/case-write';
import { CaseGate, DvBanner, needsShuttle } from '../common/CaseGate';
import { ReloadedNote, ProblemBanner } from '../common/problem';
import { useMyRooms } from '../common/queries';
import { fromLocalInput, toLocalInput } from '../common/time';
import type { CaseDetail, Session } from '../common/types';
import { formatDateTime } from '../../ui/format';
import { QueuedNote } from '../sync/Queued';
import {
  locationOf,
  OTHER,
  placeSessionErrors,
  SessionFields,
  SessionSaved,
  type SessionValues,
} from './SessionFields';

export function SchedulePage() {
  return <CaseGate>{(c) => <ScheduleForm c={c} />}</CaseGate>;
}

function tomorrowAtNine(): string {
  const day = toLocalInput(new Date(Date.now() + 24 * 3600_000)).slice(0, 10);
  return `${day}T09:00`;
}

function ScheduleForm({ c }: { c: CaseDetail }) {
  const [form] = Form.useForm<SessionValues>();
  const rooms = useMyRooms();
  const write = useCaseWrite<Session>(c.id, (p) => placeSessionErrors(form, p));
  const { problem, unplaced, done, queued, conflict } = write;
  const shuttleOnly = needsShuttle(c);

  if (c.status !== 'in_mediation') return <p className="med-note">案件接收后才能安排调解。</p>;
  if (rooms.isPending) return <p role="status">正在加载调解室…</p>;

  const submit = (v: SessionValues) => {
    const at = fromLocalInput(v.scheduledAt);
    // Through the outbox: arranged on a visit without signal, sent when the phone is back.
    return write.runQueued({
      label: '安排调解',
      subject: c.partyNames.join(' 与 '),
      method: 'POST',
      path: `/api/v1/cases/${c.id}/sessions`,
      body: {
        scheduledAt: at ? at.toISOString() : v.scheduledAt,
        durationMinutes: Number(v.durationMinutes),
        location: locationOf(v),
        mode: v.mode,
        format: v.format,
      },
      version: c.version,
      summary: `${formatDateTime(at ?? v.scheduledAt)}，${locationOf(v)}，${v.durationMinutes} 分钟`,
    });
  };

  if (queued) return <QueuedNote label="调解安排" caseId={c.id} />;
  if (done) return <SessionSaved c={c} session={done} title="已安排调解" />;

  return (
    <section className="med-section" aria-labelledby="schedule-title">
      <h2 id="schedule-title">安排调解：{c.partyNames.join(' 与 ')}</h2>
      <DvBanner c={c} />
      <ProblemBanner
        problem={problem}
        unplaced={unplaced}
        onReload={() => void conflict.reload()}
      />
      <ReloadedNote shown={conflict.reloaded} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          scheduledAt: tomorrowAtNine(),
          durationMinutes: 60,
          room: rooms.data?.rooms[0] ?? OTHER,
          mode: 'in_person',
          format: shuttleOnly ? 'shuttle' : 'joint',
        }}
        onFinish={(v) => void submit(v)}
        footer={
          <Button block type="submit" color="primary">
            确定安排
          </Button>
        }
      >
        <SessionFields c={c} form={form} rooms={rooms.data} />
      </Form>
    </section>
  );
}
