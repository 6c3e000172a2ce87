import { Form, Input, Radio, Space } from 'antd-mobile';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Problem } from '../../api/problem';
import { formatDateTime } from '../../ui/format';
import { CallButton } from '../common/CallButton';
import { needsShuttle } from '../common/CaseGate';
import { SESSION_FORMAT, SESSION_MODE, label } from '../common/labels';
import { placeFieldErrors } from '../common/problem';
import { useMySessions } from '../common/queries';
import { fromLocalInput } from '../common/time';
import type { CaseDetail, Session } from '../common/types';

/**
 * A session's time, length, place, mode and format: the fields of 安排调解 and of 改期, and what
 * is said once one is saved.
 */
export interface SessionValues {
  scheduledAt: string;
  durationMinutes: number;
  room: string;
  otherPlace?: string;
  mode: 'in_person' | 'phone' | 'video';
  format: 'joint' | 'shuttle';
}

/** The form of these fields (antd-mobile does not export its instance type). */
export type SessionForm = ReturnType<typeof Form.useForm<SessionValues>>[0];

export interface Rooms {
  name: string;
  rooms: string[];
}

/** The choice of "somewhere else" among the organisation's rooms. */
export const OTHER = '__other__';
const FIELDS = new Set(['scheduledAt', 'durationMinutes', 'location', 'mode', 'format']);
const DURATIONS: [number, string][] = [
  [60, '1小时'],
  [90, '1个半小时'],
  [120, '2小时'],
];

/** The place to send: a room, or the place typed. */
export const locationOf = (v: SessionValues): string =>
  v.room === OTHER ? (v.otherPlace ?? '') : v.room;

/** The API's field errors beside these fields (its `location` is the room or the place typed). */
export function placeSessionErrors(form: SessionForm, problem: Problem) {
  const room = form.getFieldValue('room') as string | undefined;
  return placeFieldErrors(
    {
      setFields: (fields) =>
        form.setFields(
          fields.map((f) => ({
            ...f,
            name: f.name[0] === 'location' ? [room === OTHER ? 'otherPlace' : 'room'] : f.name,
          })),
        ),
    },
    problem,
    (n) => FIELDS.has(String(n[0])),
  );
}

/**
 * The fields, inside the caller's <Form>. `except` is the session being changed: it does not
 * overlap itself.
 */
export function SessionFields({
  c,
  form,
  rooms,
  except,
}: {
  c: CaseDetail;
  form: SessionForm;
  rooms: Rooms | undefined;
  except?: Session;
}) {
  const mine = useMySessions();
  const shuttleOnly = needsShuttle(c);
  const when = Form.useWatch('scheduledAt', form) as string | undefined;
  const minutes = (Form.useWatch('durationMinutes', form) as number | undefined) ?? 60;
  const room = Form.useWatch('room', form) as string | undefined;

  // Her other scheduled sessions that would overlap this one (the API warns again on saving).
  const start = fromLocalInput(when);
  const clashes = start
    ? mine.filter(({ session }) => {
        if (session.status !== 'scheduled' || session.id === except?.id) return false;
        const s = new Date(session.scheduledAt).getTime();
        const e = s + session.durationMinutes * 60_000;
        return s < start.getTime() + minutes * 60_000 && e > start.getTime();
      })
    : [];
  // A length set elsewhere stays a choice.
  const durations: [number, string][] =
    except && !DURATIONS.some(([m]) => m === except.durationMinutes)
      ? [...DURATIONS, [except.durationMinutes, `${except.durationMinutes}分钟`]]
      : DURATIONS;

  return (
    <>
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
            {durations.map(([m, text]) => (
              <Radio key={m} value={m}>
                {text}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="room" label={`地点（${rooms?.name || '本调解组织'}的调解室）`}>
        <Radio.Group>
          <Space direction="vertical">
            {(rooms?.rooms ?? []).map((r) => (
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
    </>
  );
}

/** A saved session: when and where, the overlap the API saw, and the parties to call. */
export function SessionSaved({
  c,
  session,
  title,
  children,
}: {
  c: CaseDetail;
  session: Session;
  title: string;
  children?: ReactNode;
}) {
  return (
    <section className="med-section" aria-labelledby="session-saved-title">
      <h2 id="session-saved-title">
        <span aria-hidden="true">✔ </span>
        {title}
      </h2>
      <p>
        {formatDateTime(session.scheduledAt)}，{session.location}，
        {label(SESSION_MODE, session.mode)}，{label(SESSION_FORMAT, session.format)}
      </p>
      {children}
      {session.warnings.length > 0 ? (
        <p className="med-note" role="alert">
          <span aria-hidden="true">⚠ </span>
          注意：该时间与您已安排的另一场调解重叠，请确认能否兼顾，必要时改期。
        </p>
      ) : null}
      <PartiesToCall c={c} />
      <Link to={`/mediator/cases/${c.id}`} className="med-call">
        返回案件
      </Link>
    </section>
  );
}

/** "Please tell both parties", with a call button for each party with a phone. */
export function PartiesToCall({ c }: { c: CaseDetail }) {
  return (
    <>
      <p>请电话通知双方当事人：</p>
      {c.parties.map((p) =>
        p.phone ? <CallButton key={p.id} partyId={p.id} name={p.name} /> : null,
      )}
    </>
  );
}
