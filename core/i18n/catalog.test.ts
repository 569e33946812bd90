import { describe, expect, it } from 'vitest';
import { catalogProblems, createTranslator, CORE_RESOURCES, pickLocale, placeholders, type Resources } from './index.ts';

describe('core catalogs', () => {
  it('every key exists in both languages, with the same placeholders', () => {
    expect(catalogProblems(CORE_RESOURCES)).toEqual([]);
  });
});

describe('catalogProblems', () => {
  it('reports a missing key, an extra key, an empty message and a changed placeholder', () => {
    const resources: Resources = {
      en: { ns: { a: 'A {{x}}', b: 'B', c: 'C' } },
      ko: { ns: { a: '가 {{y}}', c: ' ', d: 'D' } },
    };
    expect(catalogProblems(resources).sort()).toEqual(
      ['ko: ns:a uses {y} but English uses {x}', 'ko: ns:b is missing', 'ko: ns:c is empty', 'ko: ns:d is not in English'].sort(),
    );
  });
});

describe('pickLocale', () => {
  it.each([
    [['ko-KR', 'en-US'], 'ko'],
    [['fr-FR', 'ko'], 'ko'],
    [['ko_KR.UTF-8'], 'ko'],
    [['en-GB'], 'en'],
    [['de'], 'en'],
    [[undefined, ''], 'en'],
  ] as const)('%j → %s', (tags, want) => {
    expect(pickLocale(tags)).toBe(want);
  });
});

describe('createTranslator', () => {
  it('translates synchronously and falls back to English', () => {
    const extra: Resources = { en: { t: { hi: 'Hello {{name}}', only: 'English only' } }, ko: { t: { hi: '안녕 {{name}}' } } };
    const ko = createTranslator('ko', extra);
    expect(ko.t('t:hi', { name: '민수' })).toBe('안녕 민수');
    expect(ko.t('t:only')).toBe('English only');
    expect(ko.t('common:language.ko')).toBe('한국어');
  });

  it('finds placeholders with formats', () => {
    expect(placeholders('{{n, number}} of {{ total }}')).toEqual(['n', 'total']);
  });
});
