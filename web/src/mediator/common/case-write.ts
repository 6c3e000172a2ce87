import { useState } from 'react';
import type { FieldError, Problem } from '../../api/problem';
import { asProblem, useConflictReload } from './problem';
import { useRefreshCase } from './queries';

/**
 * One write of hers to a case, as the session screens run it: busy while it is sent; on failure
 * its problem, with the field errors `place` put beside their fields and the rest to list, and a
 * 409's reload (the case read anew, the form untouched); on success what was saved, while the
 * case and her lists are read again.
 */
export function useCaseWrite<T>(
  caseId: string,
  place: (problem: Problem) => FieldError[] = () => [],
) {
  const refresh = useRefreshCase();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [unplaced, setUnplaced] = useState<FieldError[]>([]);
  const [done, setDone] = useState<T | null>(null);
  const conflict = useConflictReload(
    () => refresh(caseId),
    () => {
      setProblem(null);
      setUnplaced([]);
    },
  );
  const run = async (write: () => Promise<T>): Promise<void> => {
    setProblem(null);
    setUnplaced([]);
    conflict.reset();
    setBusy(true);
    try {
      const saved = await write();
      setDone(saved);
      await refresh(caseId);
    } catch (e) {
      const p = asProblem(e);
      setProblem(p);
      setUnplaced(place(p));
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, unplaced, done, conflict, run };
}
