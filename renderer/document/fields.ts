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

/** "a whole number ≥ 1", "a number > 0", "a number from 0 to 1": the rule in words. */
export function describeRule(rule: NumberRule): string {
  const noun = rule.integer ? 'a whole number' : 'a number';
  const { min, max } = rule;
  if (min !== undefined && max !== undefined && !rule.minExclusive && !rule.maxExclusive) return `${noun} from ${formatNumber(min)} to ${formatNumber(max)}`;
  const bounds = [
    min === undefined ? null : `${rule.minExclusive ? '>' : '≥'} ${formatNumber(min)}`,
    max === undefined ? null : `${rule.maxExclusive ? '<' : '≤'} ${formatNumber(max)}`,
  ].filter((b): b is string => b !== null);
  return bounds.length === 0 ? noun : `${noun} ${bounds.join(' and ')}`;
}

/** Parses the text of a number field: `undefined` for an empty optional field. */
export function parseNumberText(text: string, rule: NumberRule): ParseResult<number | undefined> {
  const t = text.trim();
  if (t === '') return rule.optional ? { type: 'ok', value: undefined } : { type: 'error', message: `Required: enter ${describeRule(rule)}.` };
  if (!NUMBER_TEXT.test(t)) return { type: 'error', message: `"${t}" is not a number. Enter ${describeRule(rule)}.` };
  const value = Number(t);
  if (!Number.isFinite(value)) return { type: 'error', message: `"${t}" is too large. Enter ${describeRule(rule)}.` };
  const outOfRange = (rule.integer && !Number.isInteger(value))
    || (rule.min !== undefined && (rule.minExclusive ? value <= rule.min : value < rule.min))
    || (rule.max !== undefined && (rule.maxExclusive ? value >= rule.max : value > rule.max));
  if (outOfRange) return { type: 'error', message: `Enter ${describeRule(rule)}.` };
  // -0 would be saved as -0 and read back as -0: harmless, but people mean 0.
  return { type: 'ok', value: Object.is(value, -0) ? 0 : value };
}

// toLocaleString(locale) builds an ICU formatter per call; every number field's hint calls this.
const GROUPED = new Intl.NumberFormat('en-US');

/** Shortest text for a number as people write it (1e-4 for 0.0001, 65,536 with grouping). */
export function formatNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) >= 10_000) return GROUPED.format(value);
  return String(value);
}

/** The text a number field shows for a value (no grouping, so it parses back). */
export function numberToText(value: number | undefined | null): string {
  return value === undefined || value === null ? '' : String(value);
}

// ---------------------------------------------------------------------------------------------
// Node parameters

export type ParamField =
  | { kind: 'number'; key: string; label: string; rule: NumberRule; placeholder?: string; help: string }
  | { kind: 'boolean'; key: string; label: string; defaultValue: boolean; help: string }
  | { kind: 'choice'; key: string; label: string; options: readonly string[]; defaultValue?: string; optional: boolean; help: string };

const WIDTH_RULE: NumberRule = { integer: true, min: 1, max: PROJECT_LIMITS.maxLayerWidth };

/** Every editable parameter of each node type, as nn.* names them (camelCase). */
export const PARAM_FIELDS: Record<NodeType, readonly ParamField[]> = {
  input: [],
  linear: [
    { kind: 'number', key: 'outFeatures', label: 'Output features', rule: WIDTH_RULE, help: 'The width of this layer: how many numbers it outputs per row (nn.Linear out_features).' },
    { kind: 'number', key: 'inFeatures', label: 'Input features', rule: { ...WIDTH_RULE, optional: true }, placeholder: 'inferred', help: 'Leave empty to take it from the incoming edge; when set, it must match.' },
    { kind: 'boolean', key: 'bias', label: 'Bias', defaultValue: true, help: 'Learn an additive bias (nn.Linear bias=True).' },
    { kind: 'choice', key: 'init', label: 'Initialisation', options: INIT_TYPES, defaultValue: 'pytorch', optional: true, help: "pytorch: nn.Linear's default (Kaiming uniform, a = √5); xavier: Glorot uniform; he: Kaiming normal." },
  ],
  relu: [],
  leakyRelu: [{ kind: 'number', key: 'slope', label: 'Negative slope', rule: { optional: true }, placeholder: '0.01', help: 'Slope for negative inputs (nn.LeakyReLU negative_slope).' }],
  sigmoid: [],
  tanh: [],
  elu: [{ kind: 'number', key: 'alpha', label: 'Alpha', rule: { optional: true }, placeholder: '1', help: 'Saturation value for negative inputs (nn.ELU alpha).' }],
  gelu: [],
  softplus: [
    { kind: 'number', key: 'beta', label: 'Beta', rule: { min: 0, minExclusive: true, optional: true }, placeholder: '1', help: 'Sharpness (nn.Softplus beta).' },
    { kind: 'number', key: 'threshold', label: 'Threshold', rule: { optional: true }, placeholder: '20', help: 'Above this, the function is linear (nn.Softplus threshold).' },
  ],
  silu: [],
  dropout: [{ kind: 'number', key: 'p', label: 'Drop probability', rule: { min: 0, max: 1, optional: true }, placeholder: '0.5', help: 'Probability of zeroing each value while training (nn.Dropout p).' }],
  add: [],
  concat: [],
  output: [
    { kind: 'choice', key: 'loss', label: 'Loss', options: LOSS_TYPES, optional: false, help: 'mse / mae / huber for regression; crossEntropy (logits, one per class) or bce (one logit) for classification.' },
    { kind: 'number', key: 'delta', label: 'Huber delta', rule: { min: 0, minExclusive: true, optional: true }, placeholder: '1', help: 'Where Huber turns from quadratic to linear (nn.HuberLoss delta).' },
  ],
};

/** The fields shown for `node` now (Huber's delta only with the Huber loss). */
export function visibleParamFields(node: GraphNode): readonly ParamField[] {
  const fields = PARAM_FIELDS[node.type] ?? [];
  return node.type === 'output' && node.loss !== 'huber' ? fields.filter((f) => f.key !== 'delta') : fields;
}

/** One-line summary of a node's parameters for the canvas: `out 3`, `slope 0.01`, `mse`. */
export function paramSummary(node: GraphNode): string {
  switch (node.type) {
    case 'linear':
      return `out ${node.outFeatures}${node.bias === false ? ', no bias' : ''}${node.init && node.init !== 'pytorch' ? `, ${node.init}` : ''}`;
    case 'leakyRelu':
      return node.slope !== undefined ? `slope ${node.slope}` : '';
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
