import { Button, Form } from 'antd-mobile';
import { useState } from 'react';
import { api, must } from '../../api/client';
import type { FieldError, Problem } from '../../api/problem';
import { CaseGate, DvBanner, needsShuttle } from '../common/CaseGate';
import { asProblem, ReloadedNote, useConflictReload, ProblemBanner } from '../common/problem';
import { useMyRooms, useRefreshCase } from '../common/queries';
import { fromLocalInput, toLocalInput } from '../common/time';
import type { CaseDetail, Session } from '../common/types';
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
  const refresh = useRefreshCase();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [unplaced, setUnplaced] = useState<FieldError[]>([]);
  const conflict = useConflictReload(
    () => refresh(c.id),
    () => {
      setProblem(null);
      setUnplaced([]);
    },
  );
  const [done, setDone] = useState<Session | null>(null);
  const shuttleOnly = needsShuttle(c);

  if (c.status !== 'in_mediation') return <p className="med-note">案件接收后才能安排调解。</p>;
  if (rooms.isPending) return <p role="status">正在加载调解室…</p>;

  const submit = async (v: SessionValues) => {
    setProblem(null);
    setUnplaced([]);
    conflict.reset();
    const at = fromLocalInput(v.scheduledAt);
    try {
      const session = await must(
        api.POST('/api/v1/cases/{id}/sessions', {
          params: { path: { id: c.id } },
          body: {
            version: c.version,
            scheduledAt: at ? at.toISOString() : v.scheduledAt,
            durationMinutes: Number(v.durationMinutes),
            location: locationOf(v),
            mode: v.mode,
            format: v.format,
          },
        }),
      );
      await refresh(c.id);
      setDone(session);
    } catch (e) {
      const p = asProblem(e);
      setProblem(p);
      setUnplaced(placeSessionErrors(form, p));
    }
  };

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
