import { formatDateTime } from '../../ui/format';
import { FIELD_LABELS, LEVEL_LABELS, REVEAL_FIELD_LABELS, ROLE_LABELS } from '../common/labels';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function show(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') {
    if (key === 'active') return value ? '启用' : '已停用';
    return value ? '是' : '否';
  }
  if (typeof value === 'string') {
    if (key === 'role') return ROLE_LABELS[value as keyof typeof ROLE_LABELS] ?? value;
    if (key === 'level') return LEVEL_LABELS[value as keyof typeof LEVEL_LABELS] ?? value;
    if (key === 'field') return REVEAL_FIELD_LABELS[value] ?? value;
    if (ISO.test(value)) return formatDateTime(value);
    return value;
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join('、');
  return JSON.stringify(value);
}

/** An audit snapshot (already masked by the API) as a list of labelled values. */
export function AuditSnapshot({ value }: { value: object | null | undefined }) {
  if (!value || Object.keys(value).length === 0) return <span className="mx-muted">无</span>;
  return (
    <dl
      style={{
        margin: 0,
        display: 'grid',
        gridTemplateColumns: 'max-content 1fr',
        gap: '2px 12px',
      }}
    >
      {Object.entries(value).map(([key, v]) => (
        <div key={key} style={{ display: 'contents' }}>
          <dt className="mx-muted">{FIELD_LABELS[key] ?? key}</dt>
          <dd style={{ margin: 0, wordBreak: 'break-all' }}>{show(key, v)}</dd>
        </div>
      ))}
    </dl>
  );
}
