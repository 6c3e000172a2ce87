import '../../ui/ui.css';

/** 启用 / 已停用 with its own symbol: colour is never the only signal. */
export function ActiveTag({ active }: { active: boolean }) {
  return active ? (
    <span className="mx-tag mx-tone-ok">
      <span aria-hidden="true">✔</span> 启用
    </span>
  ) : (
    <span className="mx-tag mx-tone-done">
      <span aria-hidden="true">✕</span> 已停用
    </span>
  );
}
