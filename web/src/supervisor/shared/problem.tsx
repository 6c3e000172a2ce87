import { Alert, Button } from 'antd';
import type { FormInstance } from 'antd';
import { ApiProblem, type FieldError, type Problem } from '../../api/problem';
import { fieldErrorText, namePathOf } from '../../ui/form-errors';
import { problemText } from '../../ui/problem-messages';

export const problemOfError = (error: unknown): Problem | null =>
  error instanceof ApiProblem ? error.problem : null;

export const isStale = (problem: Problem | null): boolean =>
  problem?.code === 'CASE.VERSION_CONFLICT';

/** Chinese text? The API's problem texts are being translated; until then some come in English. */
const chinese = (text: string | undefined): text is string =>
  !!text && /[\u4e00-\u9fff]/.test(text);

/** The API's own words when they are Chinese, else the app's sentence for the problem's code. */
export const problemMessage = (problem: Problem): string =>
  chinese(problem.detail) ? problem.detail : problemText(problem);

/** A field error's message as the API gives it when Chinese, else the app's words for it. */
export const fieldMessage = (error: FieldError): string =>
  chinese(error.message) ? error.message : fieldErrorText(error);

/**
 * Puts a problem's field errors next to the form's fields with the API's message (see
 * fieldMessage), keeping what was typed; returns the errors no field took.
 */
export function applyProblemAsGiven(
  form: FormInstance,
  problem: Problem,
  fields: string[],
): FieldError[] {
  const unplaced: FieldError[] = [];
  const byField = new Map<string, string[]>();
  for (const error of problem.errors ?? []) {
    const name = namePathOf(error.field);
    if (!fields.includes(String(name[0]))) {
      unplaced.push(error);
      continue;
    }
    const key = name.join('.');
    byField.set(key, [...(byField.get(key) ?? []), fieldMessage(error)]);
  }
  form.setFields(
    [...byField.entries()].map(([key, errors]) => ({ name: namePathOf(key), errors })),
  );
  return unplaced;
}

/**
 * A failed call, said in words: a stale version gets its own sentence and a reload button; any
 * other problem shows the API's detail and the field errors no field took.
 */
export function ProblemAlert({
  problem,
  unplaced = [],
  onReload,
}: {
  problem: Problem | null;
  unplaced?: FieldError[];
  onReload?: () => void;
}) {
  if (!problem) return null;
  if (isStale(problem))
    return (
      <Alert
        type="warning"
        showIcon
        role="alert"
        title="该案件已被他人修改"
        description="您填写的内容仍保留在页面上。请重新加载案件的最新内容，核对后再提交。"
        action={
          onReload ? (
            <Button size="small" onClick={onReload}>
              重新加载
            </Button>
          ) : undefined
        }
      />
    );
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={problemMessage(problem)}
      description={
        unplaced.length ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {unplaced.map((e) => (
              <li key={`${e.field}:${e.message}`}>{fieldMessage(e)}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
