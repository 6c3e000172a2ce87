import type { DataSource } from 'typeorm';
import { DEFAULT_LANG, type Lang } from '../../common/i18n/catalogue.js';
import { label } from '../../common/i18n/labels.js';
import { translate } from '../../common/i18n/translator.js';
import { shanghaiWallClock } from '../../common/time/shanghai.js';
import { TimelineCode } from './case-timeline.codes.js';

export interface TimelineEntry {
  at: string;
  actor: string | null;
  role: string | null;
  action: string;
  text: string;
}

const shanghaiMinute = (at: Date): string =>
  shanghaiWallClock(at).toISOString().slice(0, 16).replace('T', ' ');

/** `张丽（调解员）` in Chinese, `张丽 (mediator)` in English; the system's own actions, 系统. */
function actor(name: string | null, role: string | null, lang: Lang): string {
  if (!name) return translate(TimelineCode.System, lang);
  if (!role) return name;
  return lang === 'en' ? `${name} (${role})` : `${name}（${label('role', role)}）`;
}

/**
 * `2026-11-03 09:12 张丽（调解员）接收了案件，调解期限开始计算`, oldest first, in Asia/Shanghai time,
 * in the reader's language: each action's phrase is `TIMELINE.<ACTION>` of case-timeline.messages.ts.
 */
export async function caseTimeline(
  dataSource: DataSource,
  caseId: string,
  lang: Lang = DEFAULT_LANG,
): Promise<TimelineEntry[]> {
  const rows: {
    occurred_at: Date;
    action: string;
    actor_role: string | null;
    display_name: string | null;
    after: Record<string, unknown> | null;
  }[] = await dataSource.query(
    `SELECT a.occurred_at, a.action, a.actor_role, u.display_name, a.after
         FROM audit_events a LEFT JOIN users u ON u.id = a.actor_id
        WHERE a.case_id = $1 ORDER BY a.id`,
    [caseId],
  );
  return rows.map((r) => {
    const who = actor(r.display_name, r.actor_role, lang);
    const code = `TIMELINE.${r.action.toUpperCase()}`;
    // An action without a phrase: its code in Chinese, its words in English.
    const phrase = translate(code, lang, { who });
    const what =
      phrase !== code
        ? phrase
        : translate(TimelineCode.Other, lang, {
            who,
            action: lang === 'en' ? r.action.replace(/^[a-z]+\./, '').replace(/_/g, ' ') : r.action,
          });
    // A session held before its planned time took the held time: say what the plan was.
    const planned = r.after?.heldEarlierThanPlanned ? r.after.previousScheduledAt : undefined;
    const detail =
      typeof planned === 'string'
        ? translate(TimelineCode.HeldEarlier, lang, {
            planned: shanghaiMinute(new Date(planned)),
          })
        : '';
    return {
      at: r.occurred_at.toISOString(),
      actor: r.display_name,
      role: r.actor_role,
      action: r.action,
      text: `${shanghaiMinute(r.occurred_at)} ${what}${detail}`,
    };
  });
}
