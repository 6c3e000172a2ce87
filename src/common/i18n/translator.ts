import { negotiate } from '@fastify/accept-negotiator';
import i18next, { type i18n } from 'i18next';
import { type Catalogue, DEFAULT_LANG, type Lang, type MessageParams } from './catalogue.js';
import { LABELS } from './labels.js';
import { shanghaiWallClock } from '../time/shanghai.js';

/**
 * The service's messages in both languages, from every module's catalogue (i18next, one
 * instance). Installed once at start (`installMessages`, by the HTTP layer and the scripts);
 * `translate` then works anywhere, including Fastify's framework-error handler.
 */
export class Translator {
  private readonly i18n: i18n;
  private readonly codes: ReadonlySet<string>;
  private readonly titled: ReadonlySet<string>;

  constructor(catalogues: readonly Catalogue[]) {
    const zh: Record<string, string> = {};
    const en: Record<string, string> = {};
    const titled = new Set<string>();
    for (const catalogue of catalogues) {
      for (const [code, message] of Object.entries(catalogue)) {
        if (code in zh) throw new Error(`message code ${code} is defined twice`);
        zh[code] = message.zh;
        en[code] = message.en;
        for (const [variant, text] of Object.entries(message.variants ?? {})) {
          zh[`${code}_${variant}`] = text.zh;
          en[`${code}_${variant}`] = text.en;
        }
        if (message.title) {
          zh[`${code}#title`] = message.title.zh;
          en[`${code}#title`] = message.title.en;
          titled.add(code);
        }
      }
    }
    this.codes = new Set(catalogues.flatMap((c) => Object.keys(c)));
    this.titled = titled;
    this.i18n = i18next.createInstance();
    void this.i18n.init({
      resources: { 'zh-CN': { translation: zh }, en: { translation: en } },
      lng: DEFAULT_LANG,
      fallbackLng: DEFAULT_LANG,
      supportedLngs: ['zh-CN', 'en'],
      initAsync: false,
      keySeparator: false,
      nsSeparator: false,
      returnNull: false,
      interpolation: { escapeValue: false },
    });
    const formatter = this.i18n.services.formatter;
    const joined = (value: unknown, lng: string | undefined, each: (v: string) => string) =>
      Array.isArray(value)
        ? value
            .map(String)
            .map(each)
            .join(lng === 'en' ? ', ' : '、')
        : each(String(value));
    for (const [group, names] of Object.entries(LABELS)) {
      const byValue = names as Record<string, string>;
      // In Chinese an enumeration reads as its label; in English as its code.
      formatter?.add(group, (value: unknown, lng: string | undefined) =>
        joined(value, lng, (v) => (lng === 'en' ? v : (byValue[v] ?? v))),
      );
    }
    formatter?.add('list', (value: unknown, lng: string | undefined) =>
      joined(value, lng, (v) => v),
    );
    // An instant: Beijing wall time in Chinese (2026年3月1日 09:00), ISO 8601 in English.
    formatter?.add('datetime', (value: unknown, lng: string | undefined) =>
      lng === 'en' ? String(value) : beijingTime(String(value)),
    );
  }

  has(code: string): boolean {
    return this.codes.has(code);
  }

  hasTitle(code: string): boolean {
    return this.titled.has(code);
  }

  /** The message of `code` in `lang`; an unknown code comes back as itself (a test forbids it). */
  text(code: string, lang: Lang, params: MessageParams = {}): string {
    if (!this.has(code)) return code;
    return this.t(code, lang, params);
  }

  title(code: string, lang: Lang): string | undefined {
    return this.hasTitle(code) ? this.t(`${code}#title`, lang) : undefined;
  }

  private t(key: string, lang: Lang, params: MessageParams = {}): string {
    return this.i18n.t(key, { ...params, lng: lang, interpolation: { escapeValue: false } });
  }

  allCodes(): string[] {
    return [...this.codes];
  }

  /** Every text key (codes, their variants and titles) with both languages' text. */
  allTexts(): { key: string; zh: string; en: string }[] {
    const store = this.i18n.store.data;
    const zh = store['zh-CN'].translation as Record<string, string>;
    const en = store.en.translation as Record<string, string>;
    return Object.keys({ ...zh, ...en }).map((key) => ({ key, zh: zh[key], en: en[key] }));
  }
}

/** `2026-03-01T01:00:00.000Z` → `2026年3月1日 09:00`; anything unparseable as it is. */
export function beijingTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const b = shanghaiWallClock(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${b.getUTCFullYear()}年${b.getUTCMonth() + 1}月${b.getUTCDate()}日 ${pad(b.getUTCHours())}:${pad(b.getUTCMinutes())}`;
}

let installed: Translator | undefined;

/** Makes `catalogues` the service's messages (idempotent for the same list). */
export function installMessages(catalogues: readonly Catalogue[]): Translator {
  installed = new Translator(catalogues);
  return installed;
}

export function messages(): Translator {
  if (!installed) throw new Error('installMessages() was not called');
  return installed;
}

/** `translate('CASE.NOT_FOUND', 'en')`: the installed catalogue's text. */
export const translate = (
  code: string,
  lang: Lang = DEFAULT_LANG,
  params?: MessageParams,
): string => (installed ? installed.text(code, lang, params) : code);

/**
 * The reader's language from `Accept-Language`: English when it prefers English, Chinese
 * otherwise (the default, and for every other language). Region and script subtags are ignored.
 */
export function negotiateLanguage(header: string | string[] | undefined): Lang {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return DEFAULT_LANG;
  const primary = value.replace(/\b([A-Za-z]{1,8})(?:-[A-Za-z0-9]{1,8})+/g, '$1').toLowerCase();
  return negotiate(primary, ['zh', 'en']) === 'en' ? 'en' : DEFAULT_LANG;
}
