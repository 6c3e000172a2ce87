import { Button } from 'antd-mobile';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ChangeEvent } from 'react';
import type { Problem } from '../../api/problem';
import { fieldErrorText } from '../../ui/form-errors';
import { formatDateTime } from '../../ui/format';
import { asProblem, problemMessage } from '../common/problem';
import { keys } from '../common/queries';
import { listScans, prepareScan, uploadScan, type PreparedScan } from './scan';

type Step =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'no-qr'; scan: PreparedScan }
  | { kind: 'uploading'; scan: PreparedScan }
  | { kind: 'saved'; page: number | null; again: boolean }
  | { kind: 'failed'; scan: PreparedScan; problem: Problem };

/** The server's sentence for a failed upload: the error of `file` or `qr` if it names one. */
function failureText(problem: Problem): string {
  const field = (problem.errors ?? []).find((e) => e.field === 'file' || e.field === 'qr');
  return field ? fieldErrorText(field) : problemMessage(problem);
}

/** Sending the same photo again helps only when the network or the server failed. */
const retryable = (problem: Problem): boolean =>
  problem.status === 0 || problem.status === 401 || problem.status >= 500;

const pageText = (page: number | null) => (page ? `第${page}页` : '页码未知');

/**
 * Under an issued document: 「拍照上传签字页」 (the phone's camera, or a photo already taken), the
 * QR code read on the phone, the upload, and the photos already uploaded. An upload the network
 * or the server failed keeps the prepared photo for 重新上传; one the server refused says why.
 */
export function ScanPanel({
  caseId,
  documentId,
  title,
}: {
  caseId: string;
  documentId: string;
  title: string;
}) {
  const inputId = useId();
  const statusId = useId();
  const queryClient = useQueryClient();
  const scansKey = [...keys.documents(caseId), documentId, 'scans'];
  const scans = useQuery({ queryKey: scansKey, queryFn: () => listScans(documentId) });
  const [step, setStep] = useState<Step>({ kind: 'idle' });

  const send = async (scan: PreparedScan) => {
    setStep({ kind: 'uploading', scan });
    try {
      const { scan: saved, again } = await uploadScan(documentId, scan);
      setStep({ kind: 'saved', page: saved.page, again });
      await queryClient.invalidateQueries({ queryKey: scansKey });
    } catch (e) {
      setStep({ kind: 'failed', scan, problem: asProblem(e) });
    }
  };

  const chosen = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Emptied, so that choosing the same photo again is a new choice.
    event.target.value = '';
    if (!file) return;
    setStep({ kind: 'reading' });
    const scan = await prepareScan(file);
    if (scan.decoded && !scan.qr) setStep({ kind: 'no-qr', scan });
    else await send(scan);
  };

  const busy = step.kind === 'reading' || step.kind === 'uploading';
  const list = scans.data ?? [];
  return (
    <div className="med-scan">
      <label htmlFor={inputId} className={`med-call med-scan-pick${busy ? ' is-busy' : ''}`}>
        拍照上传签字页
        <span className="med-sr">（{title}）</span>
      </label>
      <input
        id={inputId}
        className="med-sr"
        type="file"
        accept="image/*"
        capture="environment"
        disabled={busy}
        aria-describedby={statusId}
        onChange={(e) => void chosen(e)}
      />
      <div id={statusId} className="med-scan-status">
        {step.kind === 'reading' ? <p role="status">正在识别二维码…</p> : null}
        {step.kind === 'uploading' ? <p role="status">正在上传…</p> : null}
        {step.kind === 'saved' ? (
          <p role="status" className="med-ok">
            <span aria-hidden="true">✔ </span>
            {step.again ? '该照片已上传过' : `已保存（${pageText(step.page)}）`}
          </p>
        ) : null}
        {step.kind === 'no-qr' ? (
          <div role="alert" className="med-note">
            <p className="med-alert-title">未识别到二维码</p>
            <p>可重新拍照，使页面右上角的二维码清楚完整；或确认照片是本文书的签字页后上传。</p>
            <Button color="primary" fill="outline" block onClick={() => void send(step.scan)}>
              仍然上传，由我确认是本文书
            </Button>
          </div>
        ) : null}
        {step.kind === 'failed' ? (
          <div role="alert" className="med-alert">
            <p className="med-alert-title">
              <span aria-hidden="true">⚠ </span>
              {failureText(step.problem)}
            </p>
            {retryable(step.problem) ? (
              <Button color="primary" fill="outline" block onClick={() => void send(step.scan)}>
                重新上传这张照片
              </Button>
            ) : (
              <p>请重新拍照或选择其他照片。</p>
            )}
          </div>
        ) : null}
      </div>
      {list.length > 0 ? (
        <>
          <p className="med-scan-head">已上传的签字页（{list.length}）</p>
          <ul className="med-scan-list" aria-label={`《${title}》已上传的签字页`}>
            {list.map((s) => (
              <li key={s.id}>
                {pageText(s.page)} · {formatDateTime(s.uploadedAt)} ·{' '}
                {s.linkedBy === 'qr' ? '二维码' : '手动'}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {scans.isError ? <p className="med-empty">已上传的签字页暂时无法读取。</p> : null}
    </div>
  );
}
