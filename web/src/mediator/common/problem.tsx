import { Button } from 'antd-mobile';
import { useState } from 'react';
import type { FieldError, Problem } from '../../api/problem';
import { ApiProblem, problemOf } from '../../api/problem';
import { applyProblemToForm, fieldErrorText } from '../../ui/form-errors';

/** An antd-mobile form, as these screens type it. */
export interface FieldsSetter {
  setFields(fields: { name: (string | number)[]; errors: string[] }[]): void;
}
import { problemText } from '../../ui/problem-messages';

export const isVersionConflict = (p: Problem | null | undefined): boolean =>
  p?.code === 'CASE.VERSION_CONFLICT';

/** The problem a thrown value carries (a failed call, or the network). */
export function asProblem(error: unknown): Problem {
  return error instanceof ApiProblem ? error.problem : problemOf(undefined, 0);
}

/** The API's own `detail` when it speaks Chinese (it says the most), else the text for its code. */
export const problemMessage = (p: Problem): string => problemText(p);

/** The API's field errors next to the form's fields (ui/form-errors); returns those no field took. */
export const placeFieldErrors = (
  form: FieldsSetter,
  problem: Problem,
  knownField: (name: (string | number)[]) => boolean,
): FieldError[] => applyProblemToForm(form, problem, knownField);

/**
 * A failed write, said above the form. A 409 stale version offers to load the case again: the
 * form keeps what was typed, only the case (and its version) is read anew.
 */
export function ProblemBanner({
  problem,
  unplaced = [],
  onReload,
}: {
  problem: Problem | null;
  unplaced?: FieldError[];
  onReload?: () => void;
}) {
  if (!problem) return null;
  const conflict = isVersionConflict(problem);
  return (
    <div role="alert" className="med-alert">
      <p className="med-alert-title">
        <span aria-hidden="true">⚠ </span>
        {conflict ? '该案件已被他人修改' : problemMessage(problem)}
      </p>
      {conflict ? <p>您填写的内容仍然保留。请重新载入案件的最新情况，核对后再提交。</p> : null}
      {unplaced.length > 0 ? (
        <ul>
          {unplaced.map((e) => (
            <li key={`${e.field}:${e.message}`}>{fieldErrorText(e)}</li>
          ))}
        </ul>
      ) : null}
      {conflict && onReload ? (
        <Button color="primary" fill="outline" block onClick={onReload}>
          重新载入案件（保留已填内容）
        </Button>
      ) : null}
    </div>
  );
}

/**
 * The reload a 409 offers: the case is read again (with its new version), then the warning goes
 * and a note says the form still holds what was typed. `clear` empties the page's problem.
 */
export function useConflictReload(reloadCase: () => Promise<unknown>, clear: () => void) {
  const [reloaded, setReloaded] = useState(false);
  return {
    reloaded,
    reload: async () => {
      await reloadCase();
      clear();
      setReloaded(true);
    },
    /** On the next submit the note has said its piece. */
    reset: () => setReloaded(false),
  };
}

export function ReloadedNote({ shown }: { shown: boolean }) {
  if (!shown) return null;
  return (
    <p className="med-ok" role="status">
      <span aria-hidden="true">✔ </span>已载入案件的最新情况，您填写的内容仍在，请核对后再提交。
    </p>
  );
}
