import { Button, Checkbox, Form, Input, Space, TextArea } from 'antd-mobile';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { FieldError, Problem } from '../../api/problem';
import { useCurrentUser } from '../../api/session';
import { formatDateTime } from '../../ui/format';
import { CaseGate, DvBanner } from '../common/CaseGate';
import { asProblem, placeFieldErrors, ProblemBanner } from '../common/problem';
import { useRefreshCase } from '../common/queries';
import { instantOf, toLocalInput } from '../common/time';
import type { CaseDetail, RecordSessionBody, Session } from '../common/types';
import { deleteDraft, loadDraft, saveDraft } from './drafts';
import { submitWrite } from '../../offline/outbox';
import { QueuedNote, useWaitingFor } from '../sync/Queued';

interface Values {
  startedAt: string;
  endedAt: string;
  present: string[];
  others?: string;
  noteTaker: string;
  matters: string;
  applicantStatement: string;
  respondentStatement: string;
  result: string;
  nextSteps?: string;
  judgeName?: string;
  judgeGuidance?: string;
}

/** Where the API's field names land in this form. */
function fieldOf(name: (string | number)[]): (string | number)[] | null {
  const [head, index, tail] = name;
  if (head === 'statements') return [index === 1 ? 'respondentStatement' : 'applicantStatement'];
  if (head === 'attendees') return ['others'];
  if (head === 'judgeGuidance') return [tail === 'judgeName' ? 'judgeName' : 'judgeGuidance'];
  if (
    ['startedAt', 'endedAt', 'noteTaker', 'matters', 'result', 'nextSteps'].includes(String(head))
  )
    return [head];
  return null;
}

export function RecordPage() {
  return <CaseGate>{(c) => <RecordScreen c={c} />}</CaseGate>;
}

function RecordScreen({ c }: { c: CaseDetail }) {
  const { sessionId = '' } = useParams();
  const session = (c.sessions ?? []).find((s) => s.id === sessionId);
  // Recorded when the screen opened: once saved here, the form shows its own confirmation.
  const [recordedBefore] = useState(Boolean(session?.recorded));
  const waiting = useWaitingFor(`/api/v1/sessions/${sessionId}/record`);
  if (!session) return <p className="med-note">未找到该调解会次。</p>;
  if (waiting?.state === 'queued') return <QueuedNote label="调解笔录" caseId={c.id} />;
  if (waiting)
    return (
      <p className="med-note">
        这次调解的笔录未被服务器接受，保存在本机。
        <Link to="/mediator/sync">到「同步」页查看、修改后再提交</Link>
      </p>
    );
  if (recordedBefore)
    return (
      <p className="med-ok">
        <span aria-hidden="true">✔ </span>该次调解已有笔录。
        <Link to={`/mediator/cases/${c.id}/documents`}>出具或查看笔录文书</Link>
      </p>
    );
  return <RecordForm c={c} session={session} />;
}

function defaults(c: CaseDetail, s: Session, mediatorName: string): Values {
  const now = Date.now();
  const planned = new Date(s.scheduledAt).getTime();
  const accepted = c.acceptedAt ? new Date(c.acceptedAt).getTime() : 0;
  const heldAsPlanned = planned + s.durationMinutes * 60_000 <= now;
  const start = heldAsPlanned ? planned : Math.max(now - 60 * 60_000, accepted);
  const end = heldAsPlanned ? planned + s.durationMinutes * 60_000 : now;
  return {
    startedAt: toLocalInput(new Date(start)),
    endedAt: toLocalInput(new Date(end)),
    present: ['applicant', 'respondent'],
    noteTaker: mediatorName,
    matters: '',
    applicantStatement: '',
    respondentStatement: '',
    result: '',
  };
}

function RecordForm({ c, session }: { c: CaseDetail; session: Session }) {
  const user = useCurrentUser();
  const refresh = useRefreshCase();
  const [form] = Form.useForm<Values>();
  const draftKey = `record:${session.id}`;
  const [draft] = useState(() => loadDraft<Values>(draftKey));
  const [savedAt, setSavedAt] = useState<string | null>(draft?.savedAt ?? null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [unplaced, setUnplaced] = useState<FieldError[]>([]);
  const [done, setDone] = useState<'confirmed' | 'queued' | null>(null);
  const [busy, setBusy] = useState(false);
  const applicant = c.parties.find((p) => p.role === 'applicant');
  const respondent = c.parties.find((p) => p.role === 'respondent');
  const judge = Form.useWatch('judgeName', form);

  const submit = async (v: Values) => {
    setProblem(null);
    setUnplaced([]);
    setBusy(true);
    const accepted = c.acceptedAt ? new Date(c.acceptedAt) : null;
    const attendees: RecordSessionBody['attendees'] = [
      { name: user?.displayName ?? '调解员', role: 'mediator' },
    ];
    if (v.present.includes('applicant') && applicant)
      attendees.push({ name: applicant.name, role: 'applicant' });
    if (v.present.includes('respondent') && respondent)
      attendees.push({ name: respondent.name, role: 'respondent' });
    for (const name of (v.others ?? '').split(/[，,、\s]+/).filter(Boolean))
      attendees.push({ name, role: 'other' });
    const body: Omit<RecordSessionBody, 'version'> = {
      startedAt: instantOf(v.startedAt, { notBefore: accepted }),
      endedAt: instantOf(v.endedAt, { notBefore: accepted, end: true }),
      attendees,
      noteTaker: v.noteTaker,
      matters: v.matters,
      statements: [
        { side: 'applicant', text: v.applicantStatement },
        { side: 'respondent', text: v.respondentStatement },
      ],
      result: v.result,
      ...(v.nextSteps ? { nextSteps: v.nextSteps } : {}),
      ...(v.judgeName
        ? { judgeGuidance: { judgeName: v.judgeName, guidance: v.judgeGuidance ?? '' } }
        : {}),
    };
    try {
      // Through the outbox: without signal it waits on the phone, never lost, sent once.
      const answer = await submitWrite({
        caseId: c.id,
        label: '调解笔录',
        subject: `${c.partyNames.join(' 与 ')}（${formatDateTime(session.scheduledAt)}）`,
        method: 'POST',
        path: `/api/v1/sessions/${session.id}/record`,
        body,
        version: c.version,
        form: {
          path: `/mediator/cases/${c.id}/sessions/${session.id}/record`,
          draftKey,
          values: v,
        },
        summary: [
          `调解事项：${v.matters}`,
          `申请人陈述：${v.applicantStatement}`,
          `被申请人陈述：${v.respondentStatement}`,
          `调解情况：${v.result}`,
          ...(v.nextSteps ? [`下一步安排：${v.nextSteps}`] : []),
        ].join('\n'),
      });
      deleteDraft(draftKey);
      setDone(answer.state);
      if (answer.state === 'confirmed') await refresh(c.id);
    } catch (e) {
      const p = asProblem(e);
      setProblem(p);
      const rest = placeFieldErrors(
        {
          setFields: (fields) =>
            form.setFields(fields.map((f) => ({ ...f, name: fieldOf(f.name) ?? f.name }))),
        },
        p,
        (n) => fieldOf(n) !== null,
      );
      setUnplaced(rest);
    } finally {
      setBusy(false);
    }
  };

  if (done === 'queued') return <QueuedNote label="调解笔录" caseId={c.id} />;
  if (done)
    return (
      <section className="med-ok" aria-labelledby="record-done">
        <h2 id="record-done">
          <span aria-hidden="true">✔ </span>笔录已保存
        </h2>
        <p>可出具调解笔录文书，请双方当事人签字。</p>
        <Link to={`/mediator/cases/${c.id}/documents`} className="med-call">
          出具调解笔录文书
        </Link>
        <Link to={`/mediator/cases/${c.id}`} className="med-call">
          返回案件
        </Link>
      </section>
    );

  return (
    <section className="med-section" aria-labelledby="record-title">
      <h2 id="record-title">调解笔录</h2>
      <p>
        {c.partyNames.join(' 与 ')}，{formatDateTime(session.scheduledAt)}，{session.location}
      </p>
      <DvBanner c={c} />
      <p role="status" className="med-card-sub">
        {savedAt
          ? `草稿已自动保存在本机（${formatDateTime(savedAt)}），关闭页面也不会丢失。`
          : '填写内容会自动保存为本机草稿。'}
      </p>
      <ProblemBanner problem={problem} unplaced={unplaced} onReload={() => void refresh(c.id)} />
      <Form
        form={form}
        layout="vertical"
        initialValues={draft?.values ?? defaults(c, session, user?.displayName ?? '')}
        onValuesChange={(_, all) => setSavedAt(saveDraft(draftKey, all))}
        onFinish={(v) => void submit(v)}
        footer={
          <Button block type="submit" color="primary" loading={busy}>
            保存笔录
          </Button>
        }
      >
        <Form.Item
          name="startedAt"
          label="开始时间"
          rules={[{ required: true, message: '请填写开始时间' }]}
        >
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item
          name="endedAt"
          label="结束时间"
          rules={[{ required: true, message: '请填写结束时间' }]}
        >
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item name="present" label="到场当事人">
          <Checkbox.Group>
            <Space direction="vertical">
              {applicant ? <Checkbox value="applicant">申请人 {applicant.name}</Checkbox> : null}
              {respondent ? (
                <Checkbox value="respondent">被申请人 {respondent.name}</Checkbox>
              ) : null}
            </Space>
          </Checkbox.Group>
        </Form.Item>
        <Form.Item name="others" label="其他到场人员（姓名，用顿号分隔）">
          <Input placeholder="例如：李父、王律师" />
        </Form.Item>
        <Form.Item
          name="noteTaker"
          label="记录人"
          rules={[{ required: true, message: '请填写记录人' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="matters"
          label="调解事项"
          rules={[{ required: true, message: '请填写调解事项' }]}
        >
          <TextArea
            rows={3}
            autoSize={{ minRows: 3, maxRows: 10 }}
            placeholder="例如：离婚及子女抚养"
          />
        </Form.Item>
        <Form.Item
          name="applicantStatement"
          label={`申请人陈述${applicant ? `（${applicant.name}）` : ''}`}
          rules={[{ required: true, message: '请填写申请人陈述' }]}
        >
          <TextArea rows={4} autoSize={{ minRows: 4, maxRows: 14 }} />
        </Form.Item>
        <Form.Item
          name="respondentStatement"
          label={`被申请人陈述${respondent ? `（${respondent.name}）` : ''}`}
          rules={[{ required: true, message: '请填写被申请人陈述' }]}
        >
          <TextArea rows={4} autoSize={{ minRows: 4, maxRows: 14 }} />
        </Form.Item>
        <Form.Item
          name="result"
          label="调解情况"
          rules={[{ required: true, message: '请填写调解情况' }]}
        >
          <TextArea rows={3} autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
        <Form.Item name="nextSteps" label="下一步安排（可不填）">
          <TextArea rows={2} autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
        <Form.Item name="judgeName" label="到场指导的法官（可不填）">
          <Input />
        </Form.Item>
        {judge ? (
          <Form.Item
            name="judgeGuidance"
            label="法官指导意见"
            rules={[{ required: true, message: '请填写法官指导意见' }]}
          >
            <TextArea rows={3} autoSize={{ minRows: 3, maxRows: 10 }} />
          </Form.Item>
        ) : null}
      </Form>
    </section>
  );
}
