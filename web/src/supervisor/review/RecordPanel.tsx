import { Empty } from 'antd';
import type { components } from '../../api/schema';
import { formatDateTime } from '../../ui/format';
import { FORMATS, MODES, PARTY_ROLES, label } from '../shared/labels';

type Session = components['schemas']['SessionView'];

interface SessionRecord {
  startedAt?: string;
  endedAt?: string;
  attendees?: { name: string; role: string }[];
  noteTaker?: string;
  matters?: string;
  statements?: { side: string; text: string }[];
  result?: string;
  nextSteps?: string;
  judgeGuidance?: { judgeName?: string; guidance?: string };
}

const SESSION_STATUS: Record<string, string> = {
  scheduled: '已安排',
  held: '已举行',
  cancelled: '已取消',
  no_show: '当事人未到场',
};

/** The 调解笔录 of every held session, newest last, as the mediator recorded them. */
export function RecordPanel({ sessions }: { sessions: Session[] }) {
  const recorded = sessions.filter((s) => s.record);
  if (!recorded.length) return <Empty description="尚无调解笔录" />;
  return (
    <>
      {recorded.map((s, i) => {
        const r = s.record as SessionRecord;
        return (
          <section key={s.id} aria-label={`第${i + 1}次调解笔录`}>
            <h4 style={{ margin: '0 0 4px' }}>
              第{i + 1}次 · {formatDateTime(r.startedAt ?? s.scheduledAt)}
            </h4>
            <dl className="sv-record" style={{ margin: 0 }}>
              <dt>地点与方式</dt>
              <dd>
                {s.location}，{label(MODES, s.mode)}，{label(FORMATS, s.format)}（
                {label(SESSION_STATUS, s.status)}）
              </dd>
              <dt>到场人员</dt>
              <dd>
                {(r.attendees ?? [])
                  .map((a) => `${a.name}（${label(PARTY_ROLES, a.role)}）`)
                  .join('、')}
                ；记录人：{r.noteTaker}
              </dd>
              <dt>调解事项</dt>
              <dd>{r.matters}</dd>
              <dt>各方陈述</dt>
              <dd>
                {(r.statements ?? []).map((st) => (
                  <p key={`${st.side}:${st.text}`} style={{ margin: 0 }}>
                    {label(PARTY_ROLES, st.side)}：{st.text}
                  </p>
                ))}
              </dd>
              <dt>调解结果</dt>
              <dd>{r.result}</dd>
              {r.nextSteps ? (
                <>
                  <dt>下一步</dt>
                  <dd>{r.nextSteps}</dd>
                </>
              ) : null}
              {r.judgeGuidance?.judgeName ? (
                <>
                  <dt>法官指导</dt>
                  <dd>
                    {r.judgeGuidance.judgeName}：{r.judgeGuidance.guidance}
                  </dd>
                </>
              ) : null}
            </dl>
          </section>
        );
      })}
    </>
  );
}
