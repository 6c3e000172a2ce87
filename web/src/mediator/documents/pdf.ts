import { api } from '../../api/client';
import { ApiProblem, problemOf } from '../../api/problem';

/** A document's PDF, fetched with the session's token (a plain link would not carry it). */
export async function fetchPdf(id: string, title: string): Promise<File> {
  const { data, error, response } = await api.GET('/api/v1/documents/{id}/pdf', {
    params: { path: { id } },
    parseAs: 'blob',
  });
  if (!data) throw new ApiProblem(problemOf(error, response.status));
  return new File([data as Blob], `${title}.pdf`, { type: 'application/pdf' });
}

/** Shares the file through the phone's share sheet (WeChat, messages…); false when it cannot. */
export async function sharePdf(file: File): Promise<boolean> {
  const data = { files: [file], title: file.name };
  if (typeof navigator.canShare === 'function' && navigator.canShare(data)) {
    try {
      await navigator.share(data);
      return true;
    } catch {
      return false;
    }
  }
  return false;
}
