/**
 * Missing keys fail here: the renderer's and core's catalogs must have the same keys and
 * placeholders in both languages, and every key the renderer's source asks for must exist.
 */
import { describe, expect, it } from 'vitest';
import { catalogProblems, flattenCatalog, mergeResources, CORE_RESOURCES } from '../../core/i18n/index.ts';
import { createRendererI18n, formatNumber } from './i18n.ts';
import { RENDERER_RESOURCES } from './resources.ts';

// The renderer's own source, as text (the renderer's tsconfig has no Node, so Vite reads it).
const sources = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../i18n/locales/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('renderer catalogs', () => {
  const all = mergeResources(CORE_RESOURCES, RENDERER_RESOURCES);

  it('every key exists in English and Korean, with the same placeholders', () => {
    expect(catalogProblems(all)).toEqual([]);
  });

  it('every literal key the source uses exists', () => {
    const known = new Set<string>();
    for (const [ns, catalog] of Object.entries(all.en)) for (const key of flattenCatalog(catalog).keys()) known.add(`${ns}:${key}`);
    const missing: string[] = [];
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    for (const [file, text] of Object.entries(sources)) {
      // t('ns:key'), t("ns:key"), i18nKey="ns:key": the forms the renderer uses for literal keys.
      for (const m of text.matchAll(/\b(?:t|i18nKey=)\(?\s*['"]([\w-]+:[\w.-]+)['"]/g)) {
        if (!known.has(m[1]) && !known.has(`${m[1]}_one`)) missing.push(`${file}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('translates app words into Korean', () => {
    expect(createRendererI18n('ko').t('app:tabs.training')).toBe('학습');
    expect(createRendererI18n('en').t('app:tabs.training')).toBe('Training');
  });

  it('formats numbers for the locale', () => {
    expect(formatNumber(1234567.5, 'en', { maximumFractionDigits: 1 })).toBe('1,234,567.5');
    expect(formatNumber(1234567.5, 'de', { maximumFractionDigits: 1 })).toBe('1.234.567,5');
    expect(formatNumber(0.25, 'ko', { style: 'percent' })).toBe('25%');
  });
});
