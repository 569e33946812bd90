/**
 * Problems found while loading a project, in plain words, each pinned to a field path such as
 * `graph.nodes[3].outFeatures`. Zod's own messages ("Invalid input: expected int, received
 * number") are written for programmers; these are written for the person who opens the file.
 */
import type { z } from 'zod';
import { NODE_TYPES } from '../graph/types.ts';
import { english, isMessageRef, type MessageParam, type MessageParams, type MessageRef } from '../i18n/message.ts';

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

/** A phrase from the `project` catalog: `projectText('expected.int')`. */
export function projectText(key: string, params?: MessageParams): MessageRef {
  return params ? { key: `project:${key}`, params } : { key: `project:${key}` };
}

/**
 * An issue whose message names its field first, so it reads on its own in a list. `text` is a
 * phrase of the `project` catalog (English is rendered into `message`; `projectIssueText` says it
 * in another language), or plain English where no phrase fits (a zod message we do not know).
 */
export function issueAt(path: readonly PropertyKey[], text: string | MessageRef): ProjectIssue {
  const p = formatPath(path);
  const shown = typeof text === 'string' ? text : english(text.key, text.params);
  const issue: ProjectIssue = { path: p, message: p === '' ? shown : `${p}: ${shown}` };
  if (typeof text !== 'string') {
    issue.messageKey = text.key.replace(/^project:/, '');
    issue.params = text.params ?? {};
  }
  return issue;
}

/** A short description of a JSON value for "got ..." phrases. */
export function describeValue(value: unknown): MessageRef {
  if (value === undefined) return projectText('value.nothing');
  if (value === null) return projectText('value.null');
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return projectText('value.text', { text: JSON.stringify(shown) });
  }
  if (typeof value === 'number' || typeof value === 'boolean') return projectText('value.number', { value: String(value) });
  if (Array.isArray(value)) return projectText('value.list', { count: value.length });
  return projectText('value.object');
}

/** "expected a number, got the text "NaN"", with a hint where JSON's number syntax is the cause. */
export function expectedGot(expected: MessageParam, value: unknown): MessageRef {
  const nan = typeof value === 'string' && /^[-+]?(NaN|Infinity)$/i.test(value.trim());
  return projectText(nan ? 'expectedGotNaN' : 'expectedGot', { expected, got: describeValue(value) });
}

/**
 * A zod custom issue's text as a catalog phrase: zod carries `params` through to the issue, where
 * `describeZodIssue` finds it; `message` is the English for anything that reads zod directly.
 */
export function customIssueText(text: MessageRef): { message: string; params: { text: MessageRef } } {
  return { message: english(text.key, text.params), params: { text } };
}

const EXPECTED_WORDS: Record<string, string> = {
  number: 'number',
  int: 'int',
  string: 'string',
  boolean: 'boolean',
  array: 'array',
  tuple: 'array',
  object: 'object',
  record: 'object',
  null: 'null',
};

function expectedWord(type: string): MessageParam {
  const key = EXPECTED_WORDS[type];
  return key ? projectText(`expected.${key}`) : type;
}

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

function boundWords(origin: string, bound: number | bigint, inclusive: boolean, side: 'min' | 'max'): MessageRef {
  const n = Number(bound);
  if (origin === 'array' || origin === 'set') return projectText(side === 'min' ? 'expected.atLeastItems' : 'expected.atMostItems', { count: n });
  if (origin === 'string') {
    return side === 'min' ? (n === 1 ? projectText('expected.nonEmptyText') : projectText('expected.textAtLeast', { min: n })) : projectText('expected.textAtMost', { max: n });
  }
  if (side === 'min') return projectText(inclusive ? 'expected.numberAtLeast' : 'expected.numberGreater', { bound: String(bound) });
  return projectText(inclusive ? 'expected.numberAtMost' : 'expected.numberLess', { bound: String(bound) });
}

function describeZodIssue(issue: z.core.$ZodIssue, doc: unknown): string | MessageRef {
  const input = valueAt(doc, issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = expectedWord(issue.expected);
      if (input === undefined) return projectText('issue.required', { expected });
      if (issue.expected === 'int' && typeof input === 'number') return projectText('issue.wholeNumberGot', { value: String(input) });
      return expectedGot(expected, input);
    }
    case 'too_small':
      return expectedGot(boundWords(issue.origin, issue.minimum, issue.inclusive ?? true, 'min'), input);
    case 'too_big':
      return expectedGot(boundWords(issue.origin, issue.maximum, issue.inclusive ?? true, 'max'), input);
    case 'invalid_value':
      if (input === undefined) {
        return projectText('issue.required', { expected: issue.values.length === 1 ? JSON.stringify(issue.values[0]) : projectText('expected.oneOf', { choices: quoteList(issue.values) }) });
      }
      return issue.values.length === 1
        ? expectedGot(JSON.stringify(issue.values[0]), input)
        : expectedGot(projectText('expected.oneOf', { choices: quoteList(issue.values) }), input);
    case 'invalid_union': {
      const options = 'options' in issue ? issue.options : undefined;
      if (issue.discriminator !== undefined && options !== undefined) {
        const isNodeType = issue.path.length === 4 && issue.path[0] === 'graph' && issue.path[1] === 'nodes';
        if (isNodeType) {
          const id = valueAt(doc, [...issue.path.slice(0, -1), 'id']);
          const types = NODE_TYPES.join(', ');
          if (typeof id === 'string') {
            return input === undefined ? projectText('issue.nodeNoType', { id, types }) : projectText('issue.nodeUnknownType', { id, type: JSON.stringify(input), types });
          }
          return input === undefined ? projectText('issue.anonymousNodeNoType', { types }) : projectText('issue.anonymousNodeUnknownType', { type: JSON.stringify(input), types });
        }
        return expectedGot(projectText('expected.oneOf', { choices: quoteList(options) }), input);
      }
      return projectText('issue.noAllowedForm', { got: describeValue(input) });
    }
    case 'invalid_format':
      // Every format check in schema.ts carries its own plain-words message.
      return issue.message;
    case 'unrecognized_keys':
      return projectText('issue.unknownFields', { count: issue.keys.length, keys: quoteList(issue.keys) });
    case 'custom': {
      const text = (issue.params as { text?: unknown } | undefined)?.text;
      return isMessageRef(text) ? text : issue.message;
    }
    default:
      return issue.message;
  }
}

/** Zod's issues as plain-words project issues, capped at `MAX_REPORTED_ISSUES`. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], doc: unknown): ProjectIssue[] {
  const out = issues.slice(0, MAX_REPORTED_ISSUES).map((issue) => issueAt(issue.path, describeZodIssue(issue, doc)));
  if (issues.length > MAX_REPORTED_ISSUES) {
    out.push(issueAt([], projectText('issue.moreProblems', { count: issues.length - MAX_REPORTED_ISSUES })));
  }
  return out;
}
