import { beijingTime, negotiateLanguage } from './translator.js';

describe('negotiateLanguage', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['en;q=0.1, zh-Hans-CN;q=0.9', 'zh-CN'],
    ['fr-FR', 'zh-CN'],
    ['*', 'zh-CN'],
    ['fr, en;q=0.5', 'en'],
  ])('%s → %s', (header, lang) => {
    expect(negotiateLanguage(header)).toBe(lang);
  });
});

describe('beijingTime', () => {
  it('writes an instant as Beijing wall time', () => {
    expect(beijingTime('2026-12-31T16:30:00.000Z')).toBe('2027年1月1日 00:30');
    expect(beijingTime('soon')).toBe('soon');
  });
});
