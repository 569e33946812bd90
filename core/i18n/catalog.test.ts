import { describe, expect, it } from 'vitest';
import { catalogProblems, createTranslator, CORE_RESOURCES, pickLocale, pluralCategories, placeholders, type Resources } from './index.ts';

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

describe('catalogProblems and plurals', () => {
  it("takes Korean's `_other` alone for English's `_one`/`_other`, and holds each form to English's placeholders", () => {
    const resources: Resources = {
      en: { ns: { row_one: 'one row in {{file}}', row_other: '{{count}} rows in {{file}}', col_one: '{{count}} column', col_other: '{{count}} columns' } },
      ko: { ns: { row_other: '{{file}}의 행 {{count}}개', col_one: '열 {{count}}개', col_other: '열 {{count}}개 ({{name}})' } },
    };
    expect(catalogProblems(resources).sort()).toEqual(['ko: ns:col_one is not a plural form ko uses', 'ko: ns:col_other uses {name} but English uses {}'].sort());
  });

  it('asks English for both forms and Korean for `_other`', () => {
    const resources: Resources = { en: { ns: { row_one: '{{count}} row', row_other: '{{count}} rows' } }, ko: { ns: { row_one: '행 {{count}}개' } } };
    expect(catalogProblems(resources).sort()).toEqual(['ko: ns:row_one is not a plural form ko uses', 'ko: ns:row_other is missing'].sort());
    expect(pluralCategories('en')).toEqual(['one', 'other']);
    expect(pluralCategories('ko')).toEqual(['other']);
  });

  it('a key that merely ends like a plural form is an ordinary key', () => {
    const resources: Resources = { en: { ns: { take_one: 'Take one' } }, ko: { ns: {} } };
    expect(catalogProblems(resources)).toEqual(['ko: ns:take_one is missing']);
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

  it('picks the plural form for the language', () => {
    const extra: Resources = { en: { t: { row_one: '{{count}} row', row_other: '{{count}} rows' } }, ko: { t: { row_other: '{{count}}개 행' } } };
    const en = createTranslator('en', extra).t;
    expect([en('t:row', { count: 1 }), en('t:row', { count: 3 })]).toEqual(['1 row', '3 rows']);
    expect(createTranslator('ko', extra).t('t:row', { count: 1 })).toBe('1개 행');
  });

  it('finds placeholders with formats', () => {
    expect(placeholders('{{n, number}} of {{ total }}')).toEqual(['n', 'total']);
  });
});
