import type { DocumentData } from '../../document-data.js';
import { chineseDate, chineseDateTime } from '../chinese-format.js';
import { label } from '../labels.js';
import type { PageWriter } from '../page-writer.js';
import { caseNumberLines } from './case-number.js';

interface SessionRecord {
  startedAt?: string;
  endedAt?: string;
  attendees?: { name: string; role: string }[];
  noteTaker?: string;
  matters?: string;
  statements?: { side: string; text: string }[];
  result?: string;
  nextSteps?: string;
  judgeGuidance?: { judgeName: string; guidance: string };
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** 调解笔录 of one recorded session. */
export function sessionRecord(w: PageWriter, d: DocumentData): void {
  const s = d.session;
  if (!s) throw new Error('session_record needs a session');
  const r = s.record as SessionRecord;
  w.title('调解笔录');
  caseNumberLines(w, d);
  w.field(
    '时间',
    `${chineseDateTime(r.startedAt ?? s.scheduledAt)}至${r.endedAt ? chineseDateTime(r.endedAt).slice(-5) : ''}`,
  );
  w.field('地点', s.location);
  w.field('方式', `${label('mode', s.mode)}，${label('format', s.format)}`);
  w.field('调解员', d.mediator?.name ?? '');
  w.field('记录人', str(r.noteTaker));
  w.field(
    '参加人员',
    (r.attendees ?? []).map((a) => `${a.name}（${label('attendeeRole', a.role)}）`).join('、'),
  );
  w.field('调解事项', str(r.matters));
  w.paragraph(
    '调解员：今天依法对你们之间的纠纷进行调解。调解遵循自愿、平等、合法的原则，调解过程不公开，你们有权申请调解员回避。是否申请回避？',
  );
  w.paragraph('当事人：不申请回避。');
  for (const st of r.statements ?? []) w.paragraph(`${label('side', st.side)}：${st.text}`);
  if (r.judgeGuidance) {
    w.paragraph(`法官指导（${r.judgeGuidance.judgeName}）：${r.judgeGuidance.guidance}`);
  }
  w.field('调解结果', str(r.result));
  if (r.nextSteps) w.field('下一步安排', r.nextSteps);
  w.paragraph('以上笔录已经本人核对（或向本人宣读），记录无误。', { indent: 2 });
  w.signatures(['申请人', '被申请人'], { fingerprint: true });
  w.signatures(['调解员', '记录人']);
}

/** 回访记录 of one follow-up visit. */
export function followUpRecord(w: PageWriter, d: DocumentData): void {
  const f = d.followUp;
  if (!f) throw new Error('follow_up_record needs a follow-up');
  w.title('回访记录');
  caseNumberLines(w, d);
  w.field('案由', label('disputeType', d.case.disputeType));
  w.field('当事人', d.parties.map((p) => p.name).join('、'));
  w.field('调解结果', label('result', d.case.result));
  w.field('回访类别', label('followUpKind', f.kind));
  w.field('回访时间', f.visitedAt ? chineseDate(f.visitedAt) : `应于${chineseDate(f.dueOn)}回访`);
  w.field('被回访人', f.partyName ?? '');
  w.field('协议履行情况', label('performance', f.performance) || '未记录');
  w.field(
    '满意度',
    f.satisfaction ? `${'★'.repeat(f.satisfaction)}（${f.satisfaction}/5）` : '未记录',
  );
  w.field('风险情况', f.riskSigns || '未发现');
  w.field('采取措施', f.measures || '无');
  w.field('回访人', f.visitor ?? d.mediator?.name ?? '');
  w.signatures(['回访人', '被回访人']);
}
