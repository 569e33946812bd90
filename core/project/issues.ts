/**
 * Problems found while loading a project, in plain words, each pinned to a field path such as
 * `graph.nodes[3].outFeatures`. Zod's own messages ("Invalid input: expected int, received
 * number") are written for programmers; these are written for the person who opens the file.
 */
import type { z } from 'zod';
import { NODE_TYPES } from '../graph/types.ts';
import type { MessageParams } from '../i18n/message.ts';

/** One problem: `path` is the field (`''` for the file as a whole); `message` starts with it. */
export interface ProjectIssue {
  path: string;
  /** English, field path first. */
  message: string;
  /** The text after the path, as a key in the `project` namespace, and its values (see `projectIssueText`). */
  messageKey?: string;
  params?: MessageParams;
}

export type PathSegment = string | number;

/** More than this many errors in one file are summarised in a last line. */
export const MAX_REPORTED_ISSUES = 50;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `['graph', 'nodes', 3, 'outFeatures']` -> `graph.nodes[3].outFeatures`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

/** An issue whose message names its field first, so it reads on its own in a list. */
export function issueAt(path: readonly PropertyKey[], text: string): ProjectIssue {
  const p = formatPath(path);
  return { path: p, message: p === '' ? text : `${p}: ${text}` };
}

/** A short description of a JSON value for "got ..." phrases. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return `the text ${JSON.stringify(shown)}`;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  return 'an object';
}

/** "expected a number, got the text "NaN"", with a hint where JSON's number syntax is the cause. */
export function expectedGot(expected: string, value: unknown): string {
  const base = `expected ${expected}, got ${describeValue(value)}`;
  if (typeof value === 'string' && /^[-+]?(NaN|Infinity)$/i.test(value.trim())) {
    return `${base} (JSON has no NaN or Infinity)`;
  }
  return base;
}

const EXPECTED_WORDS: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  tuple: 'a list',
  object: 'an object',
  record: 'an object',
  null: 'null',
};

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

function quoteList(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

function boundWords(origin: string, bound: number | bigint, inclusive: boolean, side: 'min' | 'max'): string {
  if (origin === 'array' || origin === 'set') {
    return side === 'min' ? `at least ${bound} item${bound === 1 ? '' : 's'}` : `at most ${bound} item${bound === 1 ? '' : 's'}`;
  }
  if (origin === 'string') {
    return side === 'min' ? (bound === 1 ? 'non-empty text' : `text of at least ${bound} characters`) : `text of at most ${bound} characters`;
  }
  if (side === 'min') return inclusive ? `a number of at least ${bound}` : `a number greater than ${bound}`;
  return inclusive ? `a number of at most ${bound}` : `a number less than ${bound}`;
}

function describeZodIssue(issue: z.core.$ZodIssue, doc: unknown): string {
  const input = valueAt(doc, issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED_WORDS[issue.expected] ?? issue.expected;
      if (input === undefined) return `is required (${expected})`;
      if (issue.expected === 'int' && typeof input === 'number') return `expected a whole number, got ${input}`;
      return expectedGot(expected, input);
    }
    case 'too_small':
      return expectedGot(boundWords(issue.origin, issue.minimum, issue.inclusive ?? true, 'min'), input);
    case 'too_big':
      return expectedGot(boundWords(issue.origin, issue.maximum, issue.inclusive ?? true, 'max'), input);
    case 'invalid_value':
      if (input === undefined) return `is required (${issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${quoteList(issue.values)}`})`;
      return issue.values.length === 1
        ? expectedGot(JSON.stringify(issue.values[0]), input)
        : expectedGot(`one of ${quoteList(issue.values)}`, input);
    case 'invalid_union': {
      const options = 'options' in issue ? issue.options : undefined;
      if (issue.discriminator !== undefined && options !== undefined) {
        const isNodeType = issue.path.length === 4 && issue.path[0] === 'graph' && issue.path[1] === 'nodes';
        if (isNodeType) {
          const id = valueAt(doc, [...issue.path.slice(0, -1), 'id']);
          const name = typeof id === 'string' ? `node "${id}"` : 'this node';
          const what = input === undefined ? 'has no type' : `has unknown type ${JSON.stringify(input)}`;
          return `${name} ${what}; valid types are ${NODE_TYPES.join(', ')}`;
        }
        return expectedGot(`one of ${quoteList(options)}`, input);
      }
      return `does not match any allowed form (got ${describeValue(input)})`;
    }
    case 'invalid_format':
      // Every format check in schema.ts carries its own plain-words message.
      return issue.message;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length === 1 ? '' : 's'} ${quoteList(issue.keys)}`;
    default:
      return issue.message;
  }
}

/** Zod's issues as plain-words project issues, capped at `MAX_REPORTED_ISSUES`. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], doc: unknown): ProjectIssue[] {
  const out = issues.slice(0, MAX_REPORTED_ISSUES).map((issue) => issueAt(issue.path, describeZodIssue(issue, doc)));
  if (issues.length > MAX_REPORTED_ISSUES) {
    out.push(issueAt([], `...and ${issues.length - MAX_REPORTED_ISSUES} more problems`));
  }
  return out;
}
