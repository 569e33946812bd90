import { describe, expect, it } from 'vitest';
import { DiagnosticCode, HEALTH_CODES } from '../../core/index.ts';
import { flattenCatalog } from '../../core/i18n/index.ts';
import { createRendererI18n } from '../i18n/i18n.ts';
import en from '../i18n/locales/en/explain.ts';
import ko from '../i18n/locales/ko/explain.ts';
import { EXPLAINED_CODES, isExplained } from './explanations.ts';

const SECTIONS = ['title', 'what', 'why', 'fix'] as const;

describe('explanations', () => {
  it('cover every diagnostic code, every health code and a diverged run', () => {
    for (const code of Object.values(DiagnosticCode)) expect(isExplained(code)).toBe(true);
    for (const code of HEALTH_CODES) expect(isExplained(code)).toBe(true);
    expect(isExplained('diverged')).toBe(true);
    expect(isExplained('LB999')).toBe(false);
  });

  it.each([['en', en], ['ko', ko]] as const)('every code has all sections in %s, non-empty', (_lang, catalog) => {
    const keys = flattenCatalog(catalog);
    const missing: string[] = [];
    for (const code of EXPLAINED_CODES) {
      for (const section of SECTIONS) if (!keys.get(`codes.${code}.${section}`)?.trim()) missing.push(`${code}.${section}`);
    }
    expect(missing).toEqual([]);
  });

  it('has no entry for a code core does not raise', () => {
    expect(Object.keys(en.codes).sort()).toEqual([...EXPLAINED_CODES].sort());
    expect(Object.keys(ko.codes).sort()).toEqual([...EXPLAINED_CODES].sort());
  });

  it('is written from the lecture: the collapse formula, the derivative bounds, the 13-output bug', () => {
    const t = createRendererI18n('en').t;
    expect(t('explain:codes.LB401.why')).toContain('W2(W1x + b1) + b2');
    expect(t('explain:codes.LB403.why')).toMatch(/0\.25/);
    expect(t('explain:codes.LB303.why')).toContain('[506, 13]');
    expect(t('explain:codes.dead-relu.fix')).toContain('LeakyReLU');
    const k = createRendererI18n('ko').t;
    expect(k('explain:codes.LB403.what')).toContain('시그모이드');
    expect(k('explain:panel.title', { code: 'LB303' })).toBe('왜? LB303');
  });
});
