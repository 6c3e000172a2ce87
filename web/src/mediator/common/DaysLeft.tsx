import '../../ui/ui.css';

/** "还剩 N 天" in words and with a symbol (never colour alone); nothing before the clock starts. */
export function DaysLeft({ daysLeft }: { daysLeft: number | null | undefined }) {
  if (daysLeft === null || daysLeft === undefined) return null;
  if (daysLeft < 0)
    return (
      <span className="mx-tag mx-tone-danger">
        <span aria-hidden="true">✖</span> 已超期 {-daysLeft} 天
      </span>
    );
  if (daysLeft === 0)
    return (
      <span className="mx-tag mx-tone-danger">
        <span aria-hidden="true">⚠</span> 今天到期
      </span>
    );
  return (
    <span className={`mx-tag ${daysLeft <= 3 ? 'mx-tone-warn' : 'mx-tone-ok'}`}>
      <span aria-hidden="true">{daysLeft <= 3 ? '⚠' : '◷'}</span> 还剩 {daysLeft} 天
    </span>
  );
}
