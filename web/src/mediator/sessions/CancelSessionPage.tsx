import { Button, Form, TextArea } from 'antd-mobile';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, must } from '../../api/client';
import { useCaseWrite } from '../common/case-write';
import { CaseGate } from '../common/CaseGate';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { ReloadedNote, placeFieldErrors, ProblemBanner } from '../common/problem';
import type { CaseDetail, Session } from '../common/types';
import { PartiesToCall } from './SessionFields';
import { plannedText, SessionGate } from './SessionGate';

interface Values {
  reason: string;
}

/** 取消会次: a session not yet held is called off, with the reason, after a confirmation. */
export function CancelSessionPage() {
  return (
    <CaseGate>
      {(c) => (
        <SessionGate c={c} verb="取消">
          {(s) => <CancelForm c={c} session={s} />}
        </SessionGate>
      )}
    </CaseGate>
  );
}

function CancelForm({ c, session }: { c: CaseDetail; session: Session }) {
  const [form] = Form.useForm<Values>();
  const [asking, setAsking] = useState(false);
  const write = useCaseWrite<Session>(c.id, (p) =>
    placeFieldErrors(form, p, (n) => n[0] === 'reason'),
  );
  const { busy, problem, unplaced, done, conflict } = write;

  const cancel = () => {
    setAsking(false);
    void write.run(() =>
      must(
        api.POST('/api/v1/sessions/{id}/cancel', {
          params: { path: { id: session.id } },
          body: { version: c.version, reason: String(form.getFieldValue('reason') ?? '').trim() },
        }),
      ),
    );
  };

  if (done)
    return (
      <section className="med-section" aria-labelledby="cancelled-title">
        <h2 id="cancelled-title">
          <span aria-hidden="true">✖ </span>已取消调解
        </h2>
        <p>{plannedText(done)}的调解已取消。</p>
        <p>取消原因：{done.cancelReason}</p>
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
    <section className="med-section" aria-labelledby="cancel-title">
      <h2 id="cancel-title">取消调解：{c.partyNames.join(' 与 ')}</h2>
      <p>原定：{plannedText(session)}</p>
      <ProblemBanner
        problem={problem}
        unplaced={unplaced}
        onReload={() => void conflict.reload()}
      />
      <ReloadedNote shown={conflict.reloaded} />
      <Form
        form={form}
        layout="vertical"
        onFinish={() => setAsking(true)}
        footer={
          <Button block type="submit" color="danger" loading={busy}>
            取消这次调解
          </Button>
        }
      >
        <Form.Item
          name="reason"
          label="取消原因"
          rules={[{ required: true, whitespace: true, message: '请填写取消原因' }]}
        >
          <TextArea
            rows={3}
            autoSize={{ minRows: 3, maxRows: 8 }}
            placeholder="例如：被申请人外出务工，暂时无法到场"
          />
        </Form.Item>
      </Form>
      <ConfirmDialog
        open={asking}
        title="确定取消这次调解吗？"
        confirmText="确定取消"
        cancelText="不取消"
        onConfirm={cancel}
        onCancel={() => setAsking(false)}
      >
        {plannedText(session)}的调解将被取消，取消后不能恢复。请记得通知双方当事人。
      </ConfirmDialog>
    </section>
  );
}
