import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiProblem, problemOf, type FieldError, type Problem } from '../../api/problem';
import { applyProblemToForm, fieldErrorText, type FieldsSetter } from '../../ui/form-errors';
import { problemText } from '../../ui/problem-messages';
import { caseKey, type CaseDetail } from '../queries';

/** A failed call as the form shows it: the problem, and the field errors no field took. */
interface Shown {
  problem: Problem;
  unplaced: FieldError[];
}

export const isStale = (problem: Problem | null | undefined): boolean =>
  problem?.code === 'CASE.VERSION_CONFLICT';

/**
 * A form's failed call, said where it belongs: each field error beside its field (ui/form-errors;
 * what was typed stays), the rest in an alert above the form. `fields` are the form's top-level
 * field names; `aliases` put an API field on the form's field that stands for it at this step.
 */
export function useFormProblem(
  form?: FieldsSetter,
  fields: readonly string[] = [],
  aliases: Readonly<Record<string, string>> = {},
) {
  const [shown, setShown] = useState<Shown | null>(null);
  const show = (error: unknown) => {
    const problem = error instanceof ApiProblem ? error.problem : problemOf(undefined, 0);
    const errors = (problem.errors ?? []).map((e) => ({
      ...e,
      field: aliases[e.field] ?? e.field,
    }));
    const unplaced = form
      ? applyProblemToForm(form, { ...problem, errors }, (name) => fields.includes(String(name[0])))
      : errors;
    setShown({ problem, unplaced });
  };
  return { shown, show, clear: () => setShown(null) };
}

/**
 * The alert above a form: a stale case (409 CASE.VERSION_CONFLICT) says so and offers 重新载入;
 * any other problem says the API's sentence and the field errors no field took. Nothing when
 * every field error sits beside its field.
 */
export function FormProblemAlert({
  shown,
  onReload,
  reloading,
}: {
  shown: Shown | null;
  onReload?: () => void;
  reloading?: boolean;
}) {
  if (!shown) return null;
  const { problem, unplaced } = shown;
  const style = { marginBottom: 16 };
  if (isStale(problem))
    return (
      <Alert
        type="warning"
        showIcon
        style={style}
        title="该案件已被他人修改"
        description="您填写的内容仍保留在表单中。请点“重新载入”查看案件的最新情况，核对后再保存。"
        action={
          onReload ? (
            <Button onClick={onReload} loading={reloading}>
              重新载入
            </Button>
          ) : undefined
        }
      />
    );
  const placedAll =
    problem.code === 'VALIDATION.FAILED' && (problem.errors ?? []).length > 0 && !unplaced.length;
  if (placedAll) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={style}
      title={problemText(problem)}
      description={
        unplaced.length ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {unplaced.map((e) => (
              <li key={`${e.field}:${e.message}`}>{fieldErrorText(e)}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}

/**
 * A clerk's form that writes to a case, one mechanism for all of them. Each write names the case
 * version it is based on: the one in the query cache when it is sent, so after 重新载入 the next
 * submit uses the new version. On success the case, its timeline and the lists are fetched again
 * and `done` is said; on failure the problem is shown by `alert` (and beside the fields), and the
 * form keeps what was typed.
 */
export function useCaseForm<V>({
  kase,
  form,
  fields,
  aliases,
  write,
  done,
  onDone,
}: {
  kase: CaseDetail;
  form?: FieldsSetter;
  fields?: readonly string[];
  aliases?: Readonly<Record<string, string>>;
  write: (values: V, version: number) => Promise<unknown>;
  done: string;
  onDone?: () => void;
}): {
  submit: (values: V) => void;
  pending: boolean;
  alert: ReactNode;
  reset: () => void;
} {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const problem = useFormProblem(form, fields, aliases);
  const [reloading, setReloading] = useState(false);
  const mutation = useMutation({
    mutationFn: (values: V) => {
      const current = queryClient.getQueryData<CaseDetail>(caseKey(kase.id));
      return write(values, current?.version ?? kase.version);
    },
    onMutate: () => problem.clear(),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: caseKey(kase.id) });
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      void message.success(done);
      onDone?.();
    },
    onError: (error) => problem.show(error),
  });
  const reload = async () => {
    setReloading(true);
    try {
      await queryClient.refetchQueries({ queryKey: caseKey(kase.id) });
      problem.clear();
      void message.info('已载入案件的最新情况，您填写的内容仍保留，请核对后再保存');
    } finally {
      setReloading(false);
    }
  };
  return {
    submit: (values) => mutation.mutate(values),
    pending: mutation.isPending,
    alert: (
      <FormProblemAlert
        shown={problem.shown}
        onReload={() => void reload()}
        reloading={reloading}
      />
    ),
    reset: () => {
      mutation.reset();
      problem.clear();
    },
  };
}
