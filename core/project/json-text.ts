/**
 * JSON text in and out for project files: parsing that names the line and column of a syntax
 * error in every runtime, and a stable, diff-friendly writer.
 */

import { english, type MessageParams, type MessageRef } from '../i18n/message.ts';
import { projectText } from './issues.ts';

/** A JSON object as parsed, before validation. */
export type JsonObject = Record<string, unknown>;

/** Whether a parsed JSON value is an object (not null, not a list). */
export function isJsonObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A syntax error: `reason` in English, `why` the same as a `project:json.*` phrase for any language. */
export interface JsonSyntaxError {
  offset: number;
  reason: string;
  why?: MessageRef;
}

export type JsonParseResult =
  | { type: 'ok'; value: unknown }
  | { type: 'error'; line: number; column: number; reason: string; why?: MessageRef };

const BOM = '\uFEFF';

/**
 * Parses JSON text (a leading byte-order mark is ignored, as editors on Windows write one).
 * On a syntax error it reports a 1-based line and column and a reason in plain words. The
 * position is found by our own scanner rather than read from the engine's message, because
 * V8 only sometimes includes it and the wording differs between Node, Chromium and others.
 */
export function parseJsonText(text: string): JsonParseResult {
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  try {
    return { type: 'ok', value: JSON.parse(source) };
  } catch (e) {
    const found = findJsonSyntaxError(source) ?? { offset: source.length, reason: String((e as Error).message) };
    const { line, column } = lineAndColumn(source, found.offset);
    return { type: 'error', line, column, reason: found.reason, ...(found.why ? { why: found.why } : {}) };
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/**
 * The first syntax error in `text`, or undefined when it is valid JSON. Iterative (an explicit
 * stack of open brackets), so deeply nested input cannot overflow the call stack.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const stack: ('{' | '[')[] = [];
  let i = 0;
  const n = text.length;
  const skipSpace = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  /** The error at `offset` (here, unless told): a phrase of `project:json`. */
  const fail = (key: string, params?: MessageParams, offset = i): JsonSyntaxError => {
    const why = projectText(`json.${key}`, params);
    return { offset, reason: english(why.key, why.params), why };
  };
  const early = () => fail('endsEarly', undefined, n);

  // Scans a string starting at the opening quote; returns an error or undefined.
  const scanString = (): JsonSyntaxError | undefined => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) { i++; return undefined; }
      if (c < 0x20) return fail(c === 0x0a ? 'lineBreakInText' : 'controlInText');
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return fail('badUnicodeEscape');
          i += 6;
        } else if (e !== undefined && ESCAPES.has(e)) {
          i += 2;
        } else {
          return fail('badEscape', { escape: e ?? '' });
        }
        continue;
      }
      i++;
    }
    return fail('textNotClosed');
  };

  const scanNumber = (): JsonSyntaxError | undefined => {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '-') return fail('badNumber');
    i += m[0].length;
    return undefined;
  };

  type State = 'value' | 'key' | 'after';
  let state: State = 'value';
  skipSpace();
  if (i >= n) return fail('empty', undefined, 0);
  for (;;) {
    skipSpace();
    if (state === 'value') {
      if (i >= n) return early();
      const c = text[i];
      if (c === '{' || c === '[') {
        stack.push(c);
        i++;
        skipSpace();
        const close = c === '{' ? '}' : ']';
        if (text[i] === close) { stack.pop(); i++; state = 'after'; } else { state = c === '{' ? 'key' : 'value'; }
        continue;
      }
      let err: JsonSyntaxError | undefined;
      if (/^[-+]?(NaN|Infinity)/.test(text.slice(i, i + 9))) return fail('nanInfinity');
      if (c === '"') err = scanString();
      else if (c === '-' || (c >= '0' && c <= '9')) err = scanNumber();
      else if (text.startsWith('true', i)) i += 4;
      else if (text.startsWith('false', i)) i += 5;
      else if (text.startsWith('null', i)) i += 4;
      else if (c === '}' || c === ']') return fail('valueMissing', { char: c });
      else if (c === "'") return fail('singleQuotes');
      else return fail('unexpectedChar', { char: JSON.stringify(c) });
      if (err) return err;
      state = 'after';
    } else if (state === 'key') {
      if (i >= n) return early();
      if (text[i] === '}') return fail('propertyMissing');
      if (text[i] !== '"') return fail('expectedName');
      const err = scanString();
      if (err) return err;
      skipSpace();
      if (i >= n) return early();
      if (text[i] !== ':') return fail('expectedColon');
      i++;
      state = 'value';
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined) {
        return i < n ? fail('trailingText') : undefined;
      }
      if (i >= n) return early();
      const close = top === '{' ? '}' : ']';
      if (text[i] === ',') { i++; state = top === '{' ? 'key' : 'value'; continue; }
      if (text[i] === close) { stack.pop(); i++; continue; }
      return fail('expectedCommaOr', { close });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * Key order for written files: a file reads top-down as format, version, name, data, graph,
 * training, weights, history, and a node as id, type, label, parameters, position. Each object
 * lists its keys in this order, and keys not named here follow alphabetically. One list serves
 * every object because none of them needs two of these keys the other way round (`shape` comes
 * first for tensors; `position` comes after every parameter name, `alpha` included).
 */
const KEY_ORDER = [
  'shape',
  // project
  'format', 'version', 'name', 'description', 'createdWith', 'data', 'graph', 'training', 'weights', 'history', 'ui',
  // data
  'path', 'hash', 'algorithm', 'value', 'embedded', 'features', 'targets', 'ignored', 'task',
  'preprocessing', 'scaling', 'scaleTarget', 'missing', 'validationSplit', 'fitted',
  // graph and node parameters
  'nodes', 'edges', 'id', 'type', 'label', 'outFeatures', 'inFeatures', 'weight', 'bias', 'init',
  'slope', 'beta', 'threshold', 'p', 'loss', 'delta',
  // training
  'optimizer', 'lr', 'alpha', 'momentum', 'dampening', 'nesterov', 'betas', 'eps', 'weightDecay', 'centered',
  'epochs', 'batchSize', 'shuffle', 'seed', 'earlyStopping', 'patience', 'minDelta', 'gradClipNorm',
  // positions and edges
  'position', 'x', 'y', 'from', 'to',
  // history
  'epoch', 'trainLoss', 'valLoss',
];
const KEY_RANK = new Map(KEY_ORDER.map((k, i) => [k, i]));

function compareKeys(a: string, b: string): number {
  const ra = KEY_RANK.get(a);
  const rb = KEY_RANK.get(b);
  if (ra !== undefined && rb !== undefined) return ra - rb;
  if (ra !== undefined) return -1;
  if (rb !== undefined) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function writeNumber(value: number, path: string): string {
  if (!Number.isFinite(value)) {
    throw new TypeError(`cannot write ${value} at ${path || 'the top level'}: JSON has no NaN or Infinity`);
  }
  // JSON.stringify writes -0 as 0; "-0" parses back to -0, so the value survives a round trip.
  return Object.is(value, -0) ? '-0' : JSON.stringify(value);
}

function isFlat(items: readonly unknown[]): boolean {
  return items.every((v) => v === null || typeof v === 'number' || typeof v === 'boolean');
}

/**
 * JSON text with two-space indentation, keys in `KEY_ORDER`, and arrays of numbers on one line
 * (weights and loss curves would otherwise take a line per number). `undefined` properties are
 * left out, as JSON.stringify does. Throws a TypeError naming the path of a NaN or Infinity,
 * which JSON cannot hold: writing `null` instead would produce a file that does not load.
 */
export function stringifyStable(value: unknown): string {
  const write = (v: unknown, indent: string, path: string): string => {
    if (v === null) return 'null';
    if (typeof v === 'number') return writeNumber(v, path);
    if (typeof v === 'string' || typeof v === 'boolean') return JSON.stringify(v);
    if (Array.isArray(v)) {
      if (v.length === 0) return '[]';
      if (isFlat(v)) return `[${v.map((item, i) => write(item, '', `${path}[${i}]`)).join(', ')}]`;
      const inner = `${indent}  `;
      return `[\n${v.map((item, i) => inner + write(item, inner, `${path}[${i}]`)).join(',\n')}\n${indent}]`;
    }
    if (typeof v === 'object') {
      const keys = Object.keys(v).filter((k) => (v as Record<string, unknown>)[k] !== undefined).sort(compareKeys);
      if (keys.length === 0) return '{}';
      const inner = `${indent}  `;
      const lines = keys.map((k) => `${inner}${JSON.stringify(k)}: ${write((v as Record<string, unknown>)[k], inner, path ? `${path}.${k}` : k)}`);
      return `{\n${lines.join(',\n')}\n${indent}}`;
    }
    throw new TypeError(`cannot write a ${typeof v} at ${path || 'the top level'} as JSON`);
  };
  return `${write(value, '', '')}\n`;
}
