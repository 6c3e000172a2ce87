const KB = 1024;
const MB = 1024 * KB;

/** `8 KB`, `2 MB`: how a size limit is named to people. */
export function formatBytes(bytes: number): string {
  if (bytes >= MB && bytes % MB === 0) return `${bytes / MB} MB`;
  if (bytes >= KB && bytes % KB === 0) return `${bytes / KB} KB`;
  return `${bytes} bytes`;
}
