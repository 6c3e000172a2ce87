import { useState, type ReactNode } from 'react';
import './ui.css';

/**
 * A masked ID number or phone as the API sends it (`3702**********1234`), with a button that
 * asks for the full value: `reveal` calls the audited endpoint (with a reason the caller asks
 * for) and resolves to the clear value, shown until the screen is left.
 */
export function MaskedField({
  label,
  masked,
  reveal,
  renderButton,
}: {
  label: string;
  masked: string | null | undefined;
  reveal?: () => Promise<string | null>;
  /** The kit's own button (antd or antd-mobile); a plain button otherwise. */
  renderButton?: (props: { onClick: () => void; loading: boolean; label: string }) => ReactNode;
}) {
  const [clear, setClear] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  if (!masked) return <span className="mx-muted">未填写</span>;
  const onClick = async () => {
    if (!reveal) return;
    setLoading(true);
    try {
      setClear(await reveal());
    } finally {
      setLoading(false);
    }
  };
  const buttonLabel = `查看完整${label}`;
  return (
    <span className="mx-masked">
      <span className="mx-mono" aria-label={clear ? `${label}（完整）` : `${label}（已隐藏部分）`}>
        {clear ?? masked}
      </span>
      {reveal && !clear ? (
        renderButton ? (
          renderButton({ onClick: () => void onClick(), loading, label: buttonLabel })
        ) : (
          <button
            type="button"
            className="mx-link"
            onClick={() => void onClick()}
            disabled={loading}
          >
            {buttonLabel}
          </button>
        )
      ) : null}
    </span>
  );
}
