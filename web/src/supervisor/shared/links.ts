import { parseTemplate } from 'url-template';

/**
 * The API's drill-down links are `GET /api/v1/cases?…` queries; the same query opens the
 * supervisor's case list, which asks the API with it.
 */
export function caseListPath(apiLink: string | undefined): string | undefined {
  if (!apiLink) return undefined;
  const query = apiLink.split('?')[1] ?? '';
  return `/supervisor/cases?${query}`;
}

/** A link with one more filter (e.g. the closed ones among the received). */
export function withParam(apiLink: string | undefined, key: string, value: string) {
  if (!apiLink) return undefined;
  return `${apiLink}${apiLink.includes('?') ? '&' : '?'}${key}=${encodeURIComponent(value)}`;
}

/** A breakdown row's links: the breakdown's RFC 6570 templates expanded with the row's values. */
export function expandLinks(
  templates: Record<string, string>,
  values: Record<string, string>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(templates).map(([key, t]) => [key, parseTemplate(t).expand(values)]),
  );
}
