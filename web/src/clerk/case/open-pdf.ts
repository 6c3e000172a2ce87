import { api } from '../../api/client';

/**
 * Opens a document's PDF in a new tab. The PDF needs the access token, so it is fetched here and
 * shown from a blob: URL; the tab is opened first, synchronously, so no popup blocker stops it.
 */
export async function openPdf(load: () => Promise<string>): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const documentId = await load();
    const { data, response } = await api.GET('/api/v1/documents/{id}/pdf', {
      params: { path: { id: documentId } },
      parseAs: 'blob',
    });
    if (!data || !response.ok) throw new Error(String(response.status));
    const url = URL.createObjectURL(new Blob([data], { type: 'application/pdf' }));
    if (tab) tab.location.href = url;
    else window.location.href = url;
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (error) {
    tab?.close();
    throw error;
  }
}
