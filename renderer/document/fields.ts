/**
 * What the inspector and the settings panel may edit, and how typed text becomes a value.
 * Text is parsed on every keystroke; only a valid value reaches the document, so a half-typed
 * `1e-` or `-` never corrupts it, and the message says what a valid value looks like.
 */
import {
  INIT_TYPES,
  LOSS_TYPES,
  PROJECT_LIMITS,
  type GraphNode,
  type NodeType,
} from '../../core/index.ts';
import { formatNumber as formatLocaleNumber, type TFunction } from '../../core/i18n/index.ts';

export type ParseResult<T> = { type: 'ok'; value: T } | { type: 'error'; message: string };

/** The rule a number field follows. */
export interface NumberRule {
  integer?: boolean;
  min?: number;
  /** `min` itself is not allowed (a learning rate must be > 0). */
  minExclusive?: boolean;
  max?: number;
  maxExclusive?: boolean;
  /** An empty field is allowed and means "the default" (or "full batch", "inferred"). */
  optional?: boolean;
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** "a whole number ≥ 1", "a number > 0", "a number from 0 to 1": the rule in words, in `t`'s language. */
export function describeRule(rule: NumberRule, t: TFunction, locale = 'en'): string {
  const noun = t(rule.integer ? 'fields:rule.integer' : 'fields:rule.number');
  const n = (v: number) => formatNumber(v, locale);
  const { min, max } = rule;
  if (min !== undefined && max !== undefined && !rule.minExclusive && !rule.maxExclusive) return t('fields:rule.range', { noun, min: n(min), max: n(max) });
  const bounds = [
    min === undefined ? null : t(rule.minExclusive ? 'fields:rule.gt' : 'fields:rule.ge', { value: n(min) }),
    max === undefined ? null : t(rule.maxExclusive ? 'fields:rule.lt' : 'fields:rule.le', { value: n(max) }),
  ].filter((b): b is string => b !== null);
  if (bounds.length === 0) return noun;
  return t('fields:rule.bounded', { noun, bounds: bounds.length === 2 ? t('fields:rule.and', { a: bounds[0], b: bounds[1] }) : bounds[0] });
}

/** Parses the text of a number field: `undefined` for an empty optional field; messages in `t`'s language. */
export function parseNumberText(text: string, rule: NumberRule, t: TFunction, locale = 'en'): ParseResult<number | undefined> {
  const trimmed = text.trim();
  if (trimmed === '') return rule.optional ? { type: 'ok', value: undefined } : { type: 'error', message: t('fields:parse.required', { rule: describeRule(rule, t, locale) }) };
  if (!NUMBER_TEXT.test(trimmed)) return { type: 'error', message: t('fields:parse.notNumber', { text: trimmed, rule: describeRule(rule, t, locale) }) };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { type: 'error', message: t('fields:parse.tooLarge', { text: trimmed, rule: describeRule(rule, t, locale) }) };
  const outOfRange = (rule.integer && !Number.isInteger(value))
    || (rule.min !== undefined && (rule.minExclusive ? value <= rule.min : value < rule.min))
    || (rule.max !== undefined && (rule.maxExclusive ? value >= rule.max : value > rule.max));
  if (outOfRange) return { type: 'error', message: t('fields:parse.outOfRange', { rule: describeRule(rule, t, locale) }) };
  // -0 would be saved as -0 and read back as -0: harmless, but people mean 0.
  return { type: 'ok', value: Object.is(value, -0) ? 0 : value };
}

/** Shortest text for a number as people write it (1e-4 for 0.0001, 65,536 with the locale's grouping). */
export function formatNumber(value: number, locale = 'en'): string {
  return Number.isInteger(value) && Math.abs(value) >= 10_000 ? formatLocaleNumber(value, locale) : String(value);
}

/** The text a number field shows for a value (no grouping, so it parses back). */
export function numberToText(value: number | undefined | null): string {
  return value === undefined || value === null ? '' : String(value);
}

// ---------------------------------------------------------------------------------------------
// Node parameters

/** `key` names the parameter and its words: `fields:params.<key>.label` and `.help`. */
export type ParamField =
  | { kind: 'number'; key: ParamKey; rule: NumberRule; placeholder?: string }
  | { kind: 'boolean'; key: ParamKey; defaultValue: boolean }
  | { kind: 'choice'; key: ParamKey; options: readonly string[]; defaultValue?: string; optional: boolean };

export type ParamKey = 'outFeatures' | 'inFeatures' | 'bias' | 'init' | 'slope' | 'alpha' | 'beta' | 'threshold' | 'p' | 'loss' | 'delta';

const WIDTH_RULE: NumberRule = { integer: true, min: 1, max: PROJECT_LIMITS.maxLayerWidth };

/** Every editable parameter of each node type, as nn.* names them (camelCase). */
export const PARAM_FIELDS: Record<NodeType, readonly ParamField[]> = {
  input: [],
  linear: [
    { kind: 'number', key: 'outFeatures', rule: WIDTH_RULE },
    { kind: 'number', key: 'inFeatures', rule: { ...WIDTH_RULE, optional: true }, placeholder: 'inferred' },
    { kind: 'boolean', key: 'bias', defaultValue: true },
    { kind: 'choice', key: 'init', options: INIT_TYPES, defaultValue: 'pytorch', optional: true },
  ],
  relu: [],
  leakyRelu: [{ kind: 'number', key: 'slope', rule: { optional: true }, placeholder: '0.01' }],
  sigmoid: [],
  tanh: [],
  elu: [{ kind: 'number', key: 'alpha', rule: { optional: true }, placeholder: '1' }],
  gelu: [],
  softplus: [
    { kind: 'number', key: 'beta', rule: { min: 0, minExclusive: true, optional: true }, placeholder: '1' },
    { kind: 'number', key: 'threshold', rule: { optional: true }, placeholder: '20' },
  ],
  silu: [],
  dropout: [{ kind: 'number', key: 'p', rule: { min: 0, max: 1, optional: true }, placeholder: '0.5' }],
  add: [],
  concat: [],
  output: [
    { kind: 'choice', key: 'loss', options: LOSS_TYPES, optional: false },
    { kind: 'number', key: 'delta', rule: { min: 0, minExclusive: true, optional: true }, placeholder: '1' },
  ],
};

/** The fields shown for `node` now (Huber's delta only with the Huber loss). */
export function visibleParamFields(node: GraphNode): readonly ParamField[] {
  const fields = PARAM_FIELDS[node.type] ?? [];
  return node.type === 'output' && node.loss !== 'huber' ? fields.filter((f) => f.key !== 'delta') : fields;
}

/** One-line summary of a node's parameters for the canvas: `out 3`, `slope 0.01`, `mse`. */
export function paramSummary(node: GraphNode, t: TFunction): string {
  switch (node.type) {
    case 'linear':
      return [t('fields:summary.out', { n: node.outFeatures }), node.bias === false ? t('fields:summary.noBias') : null, node.init && node.init !== 'pytorch' ? node.init : null]
        .filter((part): part is string => part !== null).join(', ');
    case 'leakyRelu':
      return node.slope !== undefined ? t('fields:summary.slope', { value: node.slope }) : '';
    case 'elu':
      return node.alpha !== undefined ? `α ${node.alpha}` : '';
    case 'softplus':
      return node.beta !== undefined ? `β ${node.beta}` : '';
    case 'dropout':
      return `p ${node.p ?? 0.5}`;
    case 'output':
      return node.loss === 'huber' && node.delta !== undefined ? `huber, δ ${node.delta}` : node.loss;
    default:
      return '';
  }
}

// ---------------------------------------------------------------------------------------------
// Data and training settings

export const LEARNING_RATE_RULE: NumberRule = { min: 0, minExclusive: true };
export const EPOCHS_RULE: NumberRule = { integer: true, min: 1, max: 100_000_000 };
/** Empty means the full batch (batchSize null). */
export const BATCH_SIZE_RULE: NumberRule = { integer: true, min: 1, max: 100_000_000, optional: true };
export const VALIDATION_SPLIT_RULE: NumberRule = { min: 0, max: 1, maxExclusive: true };
