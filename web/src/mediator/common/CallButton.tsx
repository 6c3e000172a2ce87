import { useState } from 'react';
import { api, must } from '../../api/client';
import { asProblem, problemMessage } from './problem';

/**
 * Tap-to-call a party: the full number is asked from the API (an audited reveal, with the
 * reason) only when she taps, then the phone dials it.
 */
export function CallButton({ partyId, name }: { partyId: string; name: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const call = async () => {
    setBusy(true);
    setError(null);
    try {
      const revealed = await must(
        api.POST('/api/v1/parties/{id}/reveal', {
          params: { path: { id: partyId } },
          body: { field: 'phone', reason: '电话通知当事人调解事宜' },
        }),
      );
      if (revealed.value) window.location.href = `tel:${revealed.value}`;
      else setError(`${name}没有登记电话`);
    } catch (e) {
      setError(problemMessage(asProblem(e)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="med-actions">
      <button type="button" className="med-call" onClick={() => void call()} disabled={busy}>
        <span aria-hidden="true">☎ </span>拨打{name}的电话
      </button>
      {error ? <span role="alert">{error}</span> : null}
    </span>
  );
}
