import { Alert, Button } from 'antd';
import type { FormInstance } from 'antd';
import { ApiProblem, type FieldError, type Problem } from '../../api/problem';
import { applyProblemToForm, fieldErrorText } from '../../ui/form-errors';
import { problemText } from '../../ui/problem-messages';

export const problemOfError = (error: unknown): Problem | null =>
  error instanceof ApiProblem ? error.problem : null;

export const isStale = (problem: Problem | null): boolean =>
  problem?.code === 'CASE.VERSION_CONFLICT';

/** The API's own words when they are Chinese, else the app's sentence for the problem's code. */
export const problemMessage = (problem: Problem): string => problemText(problem);

/** A field error's message as the API gives it when Chinese, else the app's words for it. */
export const fieldMessage = (error: FieldError): string => fieldErrorText(error);

/**
 * Puts a problem's field errors next to the form's fields (ui/form-errors), keeping what was
 * typed; returns the errors no field took.
 */
export const applyProblemAsGiven = (
  form: FormInstance,
  problem: Problem,
  fields: string[],
): FieldError[] => applyProblemToForm(form, problem, (name) => fields.includes(String(name[0])));

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
