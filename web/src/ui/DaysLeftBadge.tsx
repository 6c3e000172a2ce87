import './ui.css';

/**
 * Days left before the mediation deadline, in words and with a symbol (never colour alone):
 * overdue, at risk (3 days or fewer), or on time. Nothing when the clock has not started.
 */
export function DaysLeftBadge({ daysLeft }: { daysLeft: number | null | undefined }) {
  if (daysLeft === null || daysLeft === undefined) return null;
  if (daysLeft < 0)
    return (
      <span className="mx-tag mx-tone-danger">
        <span aria-hidden="true">■</span> 已超期{-daysLeft}天
      </span>
    );
  if (daysLeft <= 3)
    return (
      <span className="mx-tag mx-tone-warn">
        <span aria-hidden="true">▲</span> 剩{daysLeft}天
      </span>
    );
  return (
    <span className="mx-tag mx-tone-ok">
      <span aria-hidden="true">○</span> 剩{daysLeft}天
    </span>
  );
}
