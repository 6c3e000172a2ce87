import { App, Button, Empty, List } from 'antd';
import { useState } from 'react';
import type { components } from '../../api/schema';
import { formatDateTime } from '../../ui/format';
import { fetchFile, openPdf } from '../shared/download';
import { problemMessage, problemOfError } from '../shared/problem';

type Doc = components['schemas']['DocumentEntryView'];

/** The case's issued documents, current versions first; each opens as its PDF. */
export function DocumentsPanel({ documents }: { documents: Doc[] }) {
  const { message } = App.useApp();
  const [opening, setOpening] = useState<string | null>(null);
  if (!documents.length) return <Empty description="尚未出具文书" />;
  const sorted = [...documents].sort(
    (a, b) =>
      Number(!!a.supersededAt) - Number(!!b.supersededAt) || b.issuedAt.localeCompare(a.issuedAt),
  );
  const open = async (d: Doc) => {
    setOpening(d.id);
    try {
      openPdf((await fetchFile(`/api/v1/documents/${d.id}/pdf`)).blob);
    } catch (error) {
      const p = problemOfError(error);
      message.error(p ? problemMessage(p) : '文书打开失败');
    } finally {
      setOpening(null);
    }
  };
  return (
    <List
      size="small"
      dataSource={sorted}
      renderItem={(d) => (
        <List.Item
          actions={[
            <Button
              key="open"
              size="small"
              loading={opening === d.id}
              onClick={() => void open(d)}
              aria-label={`查看 PDF：${d.title}第${d.version}版`}
            >
              查看 PDF
            </Button>,
          ]}
        >
          <div>
            <div>
              {d.title}（第{d.version}版）
              {d.supersededAt ? <span className="mx-muted">（已被新版本取代）</span> : null}
            </div>
            <div className="mx-muted">出具于 {formatDateTime(d.issuedAt)}</div>
          </div>
        </List.Item>
      )}
    />
  );
}
