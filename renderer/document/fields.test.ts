import { describe, expect, it } from 'vitest';
import type { GraphNode } from '../../core/index.ts';
import { createRendererI18n } from '../i18n/i18n.ts';
import { BATCH_SIZE_RULE, describeRule, LEARNING_RATE_RULE, paramSummary, PARAM_FIELDS, parseNumberText, visibleParamFields } from './fields.ts';

const { t } = createRendererI18n('en');
const ko = createRendererI18n('ko').t;
const width = PARAM_FIELDS.linear.find((f) => f.key === 'outFeatures')!;
const widthRule = width.kind === 'number' ? width.rule : {};

describe('number fields', () => {
  it.each([
    ['13', widthRule, 13],
    [' 3 ', widthRule, 3],
    ['1e-4', LEARNING_RATE_RULE, 1e-4],
    ['.5', LEARNING_RATE_RULE, 0.5],
    ['', BATCH_SIZE_RULE, undefined],
  ])('"%s" is valid', (text, rule, value) => {
    expect(parseNumberText(text, rule, t)).toEqual({ type: 'ok', value });
  });

  it.each([
    ['', widthRule, /Required/],
    ['1.5', widthRule, /whole number from 1 to 65,536/],
    ['0', widthRule, /from 1/],
    ['70000', widthRule, /65,536/],
    ['1e-', LEARNING_RATE_RULE, /not a number/],
    ['-', LEARNING_RATE_RULE, /not a number/],
    ['0', LEARNING_RATE_RULE, /> 0/],
    ['1e999', LEARNING_RATE_RULE, /too large/],
    ['0x10', widthRule, /not a number/],
  ])('"%s" is refused with a message', (text, rule, message) => {
    const result = parseNumberText(text, rule, t);
    expect(result.type).toBe('error');
    if (result.type === 'error') expect(result.message).toMatch(message);
  });

  it('describes rules in words', () => {
    expect(describeRule({ min: 0, max: 1, maxExclusive: true }, t)).toBe('a number ≥ 0 and < 1');
    expect(describeRule({}, t)).toBe('a number');
    expect(describeRule({ min: 0, max: 1, maxExclusive: true }, ko)).toBe('0 이상, 1 미만인 수');
    expect(describeRule(widthRule, ko, 'ko')).toBe('1부터 65,536까지의 정수');
    expect(parseNumberText('1.5', widthRule, ko, 'ko')).toEqual({ type: 'error', message: '1부터 65,536까지의 정수를 입력하세요.' });
  });
});

describe('node parameters', () => {
  it('Huber delta shows only with the Huber loss', () => {
    const out: GraphNode = { id: 'o', type: 'output', loss: 'mse', position: { x: 0, y: 0 } };
    expect(visibleParamFields(out).map((f) => f.key)).toEqual(['loss']);
    expect(visibleParamFields({ ...out, loss: 'huber' }).map((f) => f.key)).toEqual(['loss', 'delta']);
  });

  it('summaries', () => {
    expect(paramSummary({ id: 'l', type: 'linear', outFeatures: 3, position: { x: 0, y: 0 } }, t)).toBe('out 3');
    expect(paramSummary({ id: 'l', type: 'linear', outFeatures: 3, bias: false, position: { x: 0, y: 0 } }, ko)).toBe('출력 3, 편향 없음');
    expect(paramSummary({ id: 'd', type: 'dropout', position: { x: 0, y: 0 } }, t)).toBe('p 0.5');
  });
});
