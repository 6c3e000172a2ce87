import { Button } from 'antd-mobile';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, must } from '../../api/client';
import type { Problem } from '../../api/problem';
import { formatDateTime } from '../../ui/format';
import { CaseGate } from '../common/CaseGate';
import { FOLLOW_UP_KIND, PARTY_ROLE, label } from '../common/labels';
import { asProblem, ProblemBanner } from '../common/problem';
import { keys } from '../common/queries';
import type { CaseDetail, DocumentType, DocumentView } from '../common/types';
import { fetchPdf, sharePdf } from './pdf';
import { ScanPanel } from './ScanPanel';

interface Issuable {
  key: string;
  text: string;
  body: {
    type: DocumentType;
    sessionId?: string;
    partyId?: string;
    followUpId?: string;
    draft?: boolean;
  };
}

/** The documents a mediator may issue for the case as it stands. */
function issuable(c: CaseDetail): Issuable[] {
  const out: Issuable[] = [];
  const open = ['assigned', 'in_mediation'].includes(c.status);
  const settled = ['pending_review', 'closed'].includes(c.status);
  const result = (c.outcomes ?? []).at(-1)?.result ?? c.result;
  if (open)
    for (const p of c.parties)
      out.push({
        key: `rights:${p.id}`,
        text: `诉前调解告知书（${label(PARTY_ROLE, p.role)} ${p.name}）`,
        body: { type: 'rights_notice', partyId: p.id },
      });
  if (c.status !== 'assigned')
    for (const s of (c.sessions ?? []).filter((x) => x.recorded))
      out.push({
        key: `record:${s.id}`,
        text: `调解笔录（${formatDateTime(s.scheduledAt)}）`,
        body: { type: 'session_record', sessionId: s.id },
      });
  if ((c.extensions ?? []).length > 0 && c.status !== 'assigned')
    out.push({ key: 'ext', text: '延长调解期限同意书', body: { type: 'extension_consent' } });
  if (settled && (result === 'divorce_agreed' || result === 'ancillary_agreed')) {
    if (c.status === 'pending_review')
      out.push({
        key: 'agreement-draft',
        text: '调解协议书（草稿，供双方阅读）',
        body: { type: 'mediation_agreement', draft: true },
      });
    else out.push({ key: 'agreement', text: '调解协议书', body: { type: 'mediation_agreement' } });
  }
  if (c.status === 'closed') {
    if (result === 'ancillary_agreed')
      out.push({
        key: 'jc',
        text: '司法确认申请书',
        body: { type: 'judicial_confirmation_application' },
      });
    if (['no_agreement', 'expired', 'refused', 'unsuitable'].includes(result ?? ''))
      out.push({ key: 'term', text: '调解终结告知书', body: { type: 'termination_notice' } });
    for (const f of (c.followUps ?? []).filter((x) => x.visitedAt))
      out.push({
        key: `fu:${f.id}`,
        text: `回访记录（${label(FOLLOW_UP_KIND, f.kind)}）`,
        body: { type: 'follow_up_record', followUpId: f.id },
      });
    out.push({ key: 'file', text: '卷宗', body: { type: 'case_file' } });
  }
  return out;
}

export function DocumentsPage() {
  return <CaseGate>{(c) => <Documents c={c} />}</CaseGate>;
}

function Documents({ c }: { c: CaseDetail }) {
  const docs = useQuery({
    queryKey: keys.documents(c.id),
    queryFn: () =>
      must(api.GET('/api/v1/cases/{id}/documents', { params: { path: { id: c.id } } })),
  });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [ready, setReady] = useState<{ id: string; url: string; file: File } | null>(null);
  const [shareNote, setShareNote] = useState<string | null>(null);

  const issue = async (item: Issuable) => {
    setBusy(item.key);
    setProblem(null);
    try {
      await must(
        api.POST('/api/v1/cases/{id}/documents', {
          params: { path: { id: c.id } },
          body: { ...item.body, draft: item.body.draft ?? false },
        }),
      );
      await docs.refetch();
    } catch (e) {
      setProblem(asProblem(e));
    } finally {
      setBusy(null);
    }
  };

  const prepare = async (d: DocumentView) => {
    setBusy(d.id);
    setProblem(null);
    setShareNote(null);
    try {
      const file = await fetchPdf(d.id, `${d.title}（第${d.version}版）`);
      if (ready) URL.revokeObjectURL(ready.url);
      setReady({ id: d.id, url: URL.createObjectURL(file), file });
    } catch (e) {
      setProblem(asProblem(e));
    } finally {
      setBusy(null);
    }
  };

  const share = async (file: File) => {
    if (!(await sharePdf(file))) setShareNote('本机不支持直接分享，请先保存PDF，再从文件中发送。');
  };

  const list = (docs.data ?? []).filter((d) => !d.supersededAt);
  return (
    <>
      <section className="med-section" aria-labelledby="docs-title">
        <h2 id="docs-title">已出具的文书（{list.length}）</h2>
        <ProblemBanner problem={problem} />
        {docs.isPending ? <p role="status">正在加载…</p> : null}
        {!docs.isPending && list.length === 0 ? <p className="med-empty">尚未出具文书。</p> : null}
        <ul className="med-list">
          {list.map((d) => (
            <li key={d.id} className="med-card">
              <strong>
                {d.title}
                {d.draft ? '（草稿）' : ''}
              </strong>
              <span className="med-card-sub">
                第{d.version}版，{formatDateTime(d.issuedAt)}出具，共{d.pages}页
              </span>
              {ready?.id === d.id ? (
                <span className="med-actions">
                  <a href={ready.url} target="_blank" rel="noreferrer" className="med-call">
                    打开《{d.title}》PDF
                  </a>
                  <a href={ready.url} download={ready.file.name} className="med-call">
                    保存到手机
                  </a>
                  <Button fill="outline" onClick={() => void share(ready.file)}>
                    分享《{d.title}》
                  </Button>
                  {shareNote ? <span role="status">{shareNote}</span> : null}
                </span>
              ) : (
                <Button fill="outline" loading={busy === d.id} onClick={() => void prepare(d)}>
                  查看《{d.title}》
                </Button>
              )}
              {/* Photos of the signed paper: not of a draft, nor of the 卷宗 (nobody signs it). */}
              {!d.draft && d.type !== 'case_file' ? (
                <ScanPanel caseId={c.id} documentId={d.id} title={d.title} />
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <section className="med-section" aria-labelledby="docs-issue">
        <h2 id="docs-issue">出具文书</h2>
        {issuable(c).length === 0 ? <p className="med-empty">当前没有可出具的文书。</p> : null}
        <div className="med-actions">
          {issuable(c).map((item) => (
            <Button
              key={item.key}
              fill="outline"
              loading={busy === item.key}
              onClick={() => void issue(item)}
            >
              出具{item.text}
            </Button>
          ))}
        </div>
      </section>
    </>
  );
}
