import { accessToken } from '../../api/session';
import { WEB_CLIENT_HEADERS } from '../../api/client';
import { ApiProblem, problemOf } from '../../api/problem';

/**
 * A file the API sends (CSV, XLSX, PDF) fetched with the session's token: the browser cannot
 * follow a plain link, which would carry no Authorization header.
 */
export async function fetchFile(path: string): Promise<{ blob: Blob; filename: string | null }> {
  const headers: Record<string, string> = { ...WEB_CLIENT_HEADERS };
  const token = accessToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(path, { headers });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    throw new ApiProblem(problemOf(body, response.status));
  }
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const filename = star ? decodeURIComponent(star[1]) : (plain?.[1] ?? null);
  return { blob: await response.blob(), filename };
}

/** Saves a fetched file under its name. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Opens a fetched PDF in a new tab (the browser's own viewer). */
export function openPdf(blob: Blob): void {
  const url = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
  window.open(url, '_blank');
  setTimeout(() => URL.revokeObjectURL(url), 300_000);
}

export const query = (params: Record<string, string | boolean | undefined | null>): string =>
  new URLSearchParams(
    Object.entries(params)
      .filter((e): e is [string, string | boolean] => e[1] != null && e[1] !== '')
      .map(([k, v]) => [k, String(v)]),
  ).toString();
