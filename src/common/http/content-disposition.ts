/**
 * `attachment` with a Chinese file name: RFC 5987 `filename*` beside an ASCII `filename` for
 * clients that do not read it.
 */
export function attachment(name: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`;
}
