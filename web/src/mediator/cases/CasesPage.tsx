import { CaseCard } from '../common/CaseCard';
import { useMyCases } from '../common/queries';

/** 我的案件: every case assigned to her, open ones first, by deadline. */
export function CasesPage() {
  const cases = useMyCases();
  if (cases.isPending) return <p role="status">正在加载…</p>;
  if (cases.isError) return <p role="alert">案件加载失败，请稍后再试。</p>;
  const open = cases.data.items.filter((c) => c.status !== 'closed');
  const closed = cases.data.items.filter((c) => c.status === 'closed');
  return (
    <>
      <section aria-labelledby="cases-open" className="med-section">
        <h2 id="cases-open">未结案件（{open.length}）</h2>
        {open.length === 0 ? <p className="med-empty">没有未结案件。</p> : null}
        <ul className="med-list">
          {open.map((c) => (
            <CaseCard key={c.id} item={c} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="cases-closed" className="med-section">
        <h2 id="cases-closed">已结案件（{closed.length}）</h2>
        {closed.length === 0 ? <p className="med-empty">没有已结案件。</p> : null}
        <ul className="med-list">
          {closed.map((c) => (
            <CaseCard key={c.id} item={c} />
          ))}
        </ul>
      </section>
    </>
  );
}
