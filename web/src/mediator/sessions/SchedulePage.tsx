import { Button, Form, Input, Radio, Space } from 'antd-mobile';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, must } from '../../api/client';
import type { FieldError, Problem } from '../../api/problem';
import { formatDateTime } from '../../ui/format';
import { CallButton } from '../common/CallButton';
import { CaseGate, DvBanner, needsShuttle } from '../common/CaseGate';
import { SESSION_FORMAT, SESSION_MODE, label } from '../common/labels';
import { asProblem, placeFieldErrors, ProblemBanner } from '../common/problem';
import { useMyRooms, useMySessions, useRefreshCase } from '../common/queries';
import { fromLocalInput, toLocalInput } from '../common/time';
import type { CaseDetail, Session } from '../common/types';

interface Values {
  scheduledAt: string;
  durationMinutes: number;
  room: string;
  otherPlace?: string;
  mode: 'in_person' | 'phone' | 'video';
  format: 'joint' | 'shuttle';
}

const OTHER = '__other__';
const FIELDS = new Set(['scheduledAt', 'durationMinutes', 'location', 'mode', 'format']);

export function SchedulePage() {
  return <CaseGate>{(c) => <ScheduleForm c={c} />}</CaseGate>;
}

function tomorrowAtNine(): string {
  const day = toLocalInput(new Date(Date.now() + 24 * 3600_000)).slice(0, 10);
  return `${day}T09:00`;
}

function ScheduleForm({ c }: { c: CaseDetail }) {
  const [form] = Form.useForm<Values>();
  const rooms = useMyRooms();
  const mine = useMySessions();
  const refresh = useRefreshCase();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [unplaced, setUnplaced] = useState<FieldError[]>([]);
  const [done, setDone] = useState<Session | null>(null);
  const shuttleOnly = needsShuttle(c);
  const when = Form.useWatch('scheduledAt', form);
  const minutes = Form.useWatch('durationMinutes', form) ?? 60;
  const room = Form.useWatch('room', form);

  if (c.status !== 'in_mediation') return <p className="med-note">案件接收后才能安排调解。</p>;
  if (rooms.isPending) return <p role="status">正在加载调解室…</p>;

  // Her other scheduled sessions that would overlap this one (the API warns again on saving).
  const start = fromLocalInput(when);
  const clashes = start
    ? mine.filter(({ session }) => {
        if (session.status !== 'scheduled') return false;
        const s = new Date(session.scheduledAt).getTime();
        const e = s + session.durationMinutes * 60_000;
        return s < start.getTime() + minutes * 60_000 && e > start.getTime();
      })
    : [];

  const submit = async (v: Values) => {
    setProblem(null);
    setUnplaced([]);
    const at = fromLocalInput(v.scheduledAt);
    try {
      const session = await must(
        api.POST('/api/v1/cases/{id}/sessions', {
          params: { path: { id: c.id } },
          body: {
            version: c.version,
            scheduledAt: at ? at.toISOString() : v.scheduledAt,
            durationMinutes: Number(v.durationMinutes),
            location: v.room === OTHER ? (v.otherPlace ?? '') : v.room,
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
      setUnplaced(
        placeFieldErrors(
          {
            setFields: (fields) =>
              form.setFields(
                fields.map((f) => ({
                  ...f,
                  name:
                    f.name[0] === 'location' ? [room === OTHER ? 'otherPlace' : 'room'] : f.name,
                })),
              ),
          },
          p,
          (n) => FIELDS.has(String(n[0])),
        ),
      );
    }
  };

  if (done)
    return (
      <section className="med-section" aria-labelledby="scheduled-title">
        <h2 id="scheduled-title">
          <span aria-hidden="true">✔ </span>已安排调解
        </h2>
        <p>
          {formatDateTime(done.scheduledAt)}，{done.location}，{label(SESSION_MODE, done.mode)}，
          {label(SESSION_FORMAT, done.format)}
        </p>
        {done.warnings.length > 0 ? (
          <p className="med-note" role="alert">
            <span aria-hidden="true">⚠ </span>
            注意：该时间与您已安排的另一场调解重叠，请确认能否兼顾，必要时改期。
          </p>
        ) : null}
        <p>请电话通知双方当事人：</p>
        {c.parties.map((p) =>
          p.phone ? <CallButton key={p.id} partyId={p.id} name={p.name} /> : null,
        )}
        <Link to={`/mediator/cases/${c.id}`} className="med-call">
          返回案件
        </Link>
      </section>
    );

  return (
    <section className="med-section" aria-labelledby="schedule-title">
      <h2 id="schedule-title">安排调解：{c.partyNames.join(' 与 ')}</h2>
      <DvBanner c={c} />
      <ProblemBanner problem={problem} unplaced={unplaced} onReload={() => void refresh(c.id)} />
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
        <Form.Item
          name="scheduledAt"
          label="调解时间"
          rules={[{ required: true, message: '请选择调解时间' }]}
          description={
            c.deadlineAt ? `须在调解期限（${formatDateTime(c.deadlineAt)}）之前` : undefined
          }
        >
          <Input type="datetime-local" />
        </Form.Item>
        {clashes.length > 0 ? (
          <p className="med-note" role="status">
            <span aria-hidden="true">⚠ </span>
            时间重叠：您在
            {clashes
              .map(
                ({ session, caseItem }) =>
                  `${formatDateTime(session.scheduledAt)}（${caseItem.partyNames.join('与')}案）`,
              )
              .join('、')}
            已有调解。
          </p>
        ) : null}
        <Form.Item name="durationMinutes" label="预计时长">
          <Radio.Group>
            <Space wrap>
              <Radio value={60}>1小时</Radio>
              <Radio value={90}>1个半小时</Radio>
              <Radio value={120}>2小时</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="room" label={`地点（${rooms.data?.name || '本调解组织'}的调解室）`}>
          <Radio.Group>
            <Space direction="vertical">
              {(rooms.data?.rooms ?? []).map((r) => (
                <Radio key={r} value={r}>
                  {r}
                </Radio>
              ))}
              <Radio value={OTHER}>其他地点（如妇女之家、当事人家中）</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        {room === OTHER ? (
          <Form.Item
            name="otherPlace"
            label="其他地点"
            rules={[{ required: true, message: '请填写调解地点' }]}
          >
            <Input placeholder="例如：胶西村妇女之家" />
          </Form.Item>
        ) : null}
        <Form.Item name="mode" label="方式">
          <Radio.Group>
            <Space wrap>
              <Radio value="in_person">当面</Radio>
              <Radio value="phone">电话</Radio>
              <Radio value="video">视频</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="format"
          label="形式"
          description={shuttleOnly ? '本案只能背对背调解，不能选择面对面。' : undefined}
        >
          <Radio.Group>
            <Space direction="vertical">
              <Radio value="shuttle">背对背调解（双方分开）</Radio>
              <Radio value="joint" disabled={shuttleOnly}>
                面对面调解（双方同场）
              </Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
      </Form>
    </section>
  );
}
