/**
 * Messages by code. Each module keeps one catalogue (`<module>.messages.ts`) of the codes it
 * answers with: problem codes (`CASE.VERSION_CONFLICT`) and field codes
 * (`ID_NUMBER.CHECKSUM`), each in both languages, keyed by the codes object beside it
 * (`<module>.codes.ts`, `CaseCode.VersionConflict`). Templates interpolate `{{name}}`; a value
 * that is one of the service's enumerations is written `{{status, caseStatus}}` and appears as
 * its Chinese label in Chinese (see labels.ts).
 */
export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];
export const DEFAULT_LANG: Lang = 'zh-CN';

export interface Message {
  zh: string;
  en: string;
  /** A problem's short title; without one the title is the HTTP status's. */
  title?: { zh: string; en: string };
  /**
   * Other texts of the same code, chosen by the `context` param (i18next's context): the code
   * stays one, the detail says which case it is (`REQUEST.MALFORMED` for an empty body).
   */
  variants?: Readonly<Record<string, { zh: string; en: string }>>;
}

export type Catalogue = Readonly<Record<string, Message>>;

/**
 * Declares a module's catalogue of its codes (`defineMessages(CaseCode, { [CaseCode.X]: … })`),
 * the identity, typed by the codes object beside it (`<module>.codes.ts`): a code without its
 * texts and a key that is no code are compile errors, so the names the source throws and the
 * catalogue's keys cannot drift apart.
 */
export const defineMessages = <C extends string>(
  _codes: Readonly<Record<string, C>>,
  catalogue: NoInfer<{ readonly [K in C]: Message }>,
): { readonly [K in C]: Message } => catalogue;

export type MessageParam = string | number | boolean | null | undefined | readonly string[];
export type MessageParams = Readonly<Record<string, MessageParam>>;
