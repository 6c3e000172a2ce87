import { ApiProblem, problemOf, type Problem } from '../../api/problem';
import type { FormInstance } from 'antd';
import { applyProblemToForm, namePathOf } from '../../ui/form-errors';
import { problemText } from '../../ui/problem-messages';

/** Conflicts that belong to one field of the form that caused them. */
const CONFLICT_FIELDS: Record<string, string> = {
  'USER.USERNAME_TAKEN': 'username',
  'COURT.CODE_TAKEN': 'code',
  'COURT.DESIGNATOR_TAKEN': 'designator',
  'REGION.CODE_TAKEN': 'code',
};

export const asProblem = (error: unknown): Problem =>
  error instanceof ApiProblem ? error.problem : problemOf(undefined, 0);

/** The API's own sentence for a problem (its `detail`), else the app's by code or status. */
export const problemDetail = (problem: Problem): string => problem.detail || problemText(problem);

/**
 * Puts an API problem next to the fields it names, keeping what was typed: the field errors with
 * the API's own `message`, and a conflict such as a taken username under its field with the
 * API's `detail`. Returns the text for a banner above the form when some error has no field here.
 */
export function showProblemOnForm(
  // Any antd form, whatever its values' type.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  form: FormInstance<any>,
  error: unknown,
  fields: readonly string[],
): string | null {
  const problem = asProblem(error);
  const known = (name: (string | number)[]) => fields.includes(String(name[0]));
  // The shared helper places each error (and returns the ones this form has no field for) …
  const unplaced = applyProblemToForm(form, problem, known);
  // … then the API's own words replace its generic ones: the API speaks Chinese already.
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const fieldError of problem.errors ?? []) {
    const name = namePathOf(fieldError.field);
    if (!known(name) || !fieldError.message) continue;
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(fieldError.message)) entry.errors.push(fieldError.message);
    byField.set(key, entry);
  }
  const conflictField = CONFLICT_FIELDS[problem.code];
  if (conflictField && fields.includes(conflictField)) {
    byField.set(conflictField, { name: [conflictField], errors: [problemDetail(problem)] });
  }
  if (byField.size > 0) form.setFields([...byField.values()]);
  if (unplaced.length > 0) return unplaced.map((e) => `${e.field}：${e.message}`).join('；');
  if (byField.size === 0) return problemDetail(problem);
  return null;
}
