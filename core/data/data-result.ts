/**
 * The error and warning values of the data path. Bad input is data, never an exception: every
 * function at the edge of core/data returns `{type: 'ok', ...} | DataError`, and the message names
 * the line (1-based, as a text editor counts them, header = line 1) and the column when it can.
 */

import type { MessageParams } from '../i18n/message.ts';

export type DataErrorCode =
  | 'empty-file'
  | 'no-rows'
  | 'no-numeric-column'
  | 'ragged-row'
  | 'unclosed-quote'
  | 'malformed-quote'
  | 'invalid-utf8'
  | 'mixed-chunk-types'
  | 'line-too-long'
  | 'non-finite-value'
  | 'unknown-column'
  | 'column-used-twice'
  | 'no-targets'
  | 'no-features'
  | 'not-a-feature'
  | 'target-not-numeric'
  | 'target-constant'
  | 'target-missing'
  | 'too-many-classes'
  | 'multiple-class-targets'
  | 'no-rows-left'
  | 'invalid-option'
  | 'preprocessing-mismatch';

export interface DataError {
  type: 'error';
  code: DataErrorCode;
  /** One or two sentences for a person, in English: what is wrong, where, and what to do about it. */
  message: string;
  /** `message`'s key in the `data` namespace and its values (see `dataIssueText`). */
  messageKey?: string;
  params?: MessageParams;
  /** 1-based physical line of the file (the header is line 1), when the problem has one. */
  line?: number;
  column?: string;
  /** 0-based byte offset into the file, for encoding errors. */
  byteOffset?: number;
}

export type DataWarningCode =
  | 'duplicate-column-name'
  | 'empty-column-name'
  | 'row-names-column'
  | 'skipped-ragged-rows'
  | 'dropped-missing-rows'
  | 'filled-missing-values'
  | 'constant-feature'
  | 'classification-inferred'
  | 'text-column-as-feature'
  | 'unseen-category'
  | 'unseen-class'
  | 'mostly-numeric-column';

export interface DataWarning {
  code: DataWarningCode;
  /** English; `dataIssueText(t, warning)` says it in the reader's language. */
  message: string;
  messageKey?: string;
  params?: MessageParams;
  line?: number;
  column?: string;
  /** How many rows or values the warning is about, when it is about a count. */
  count?: number;
}

/** Builds a `DataError` value (the data path returns errors, it never throws them). */
export function dataError(code: DataErrorCode, message: string, where: Omit<DataError, 'type' | 'code' | 'message'> = {}): DataError {
  return { type: 'error', code, message, ...where };
}

/** `"name"` for messages; JSON quoting keeps odd names (spaces, quotes, newlines) readable. */
export function quoteName(name: string): string {
  return JSON.stringify(name);
}

/** A value as it appeared in the file, shortened for a message. */
export function quoteValue(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}...` : text);
}

/** Formats a count with its noun: `1 row`, `3 rows`. */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? noun : pluralNoun}`;
}
