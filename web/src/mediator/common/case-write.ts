import { useState } from 'react';
import type { FieldError, Problem } from '../../api/problem';
import { asProblem, useConflictReload } from './problem';
import { useRefreshCase } from './queries';
import { submitWrite, type NewWrite } from '../../offline/outbox';

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
  const [queued, setQueued] = useState(false);
  const conflict = useConflictReload(
    () => refresh(caseId),
    () => {
      setProblem(null);
      setUnplaced([]);
    },
  );
  /** `write` answers what was saved, or null when nothing was (it waits in the outbox). */
  const run = async (write: () => Promise<T | null>): Promise<void> => {
    setProblem(null);
    setUnplaced([]);
    conflict.reset();
    setBusy(true);
    try {
      const saved = await write();
      if (saved === null) return;
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
  /** The write through the outbox: `done` on the server's answer, `queued` without signal. */
  const runQueued = (write: Omit<NewWrite, 'caseId'>) =>
    run(async () => {
      const answer = await submitWrite({ ...write, caseId });
      if (answer.state === 'confirmed') return answer.data as T;
      // Nothing to show as saved: the screen says it waits.
      setQueued(true);
      return null;
    });
  return { busy, problem, unplaced, done, queued, conflict, run, runQueued };
}
