/**
 * The error and warning values of the data path. Bad input is data, never an exception: every
 * function at the edge of core/data returns `{type: 'ok', ...} | DataError`, and the message names
 * the line (1-based, as a text editor counts them, header = line 1) and the column when it can.
 */

import { english, type MessageParams, type MessageRef } from '../i18n/message.ts';

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

/** A data message: its English text and the key (in the `data` namespace) and values to say it again. */
export interface DataText {
  message: string;
  messageKey: string;
  params: MessageParams;
}

/** `data:<key>` with `params`, English text included. */
export function dataText(key: string, params: MessageParams = {}): DataText {
  return { message: english(`data:${key}`, params), messageKey: key, params };
}

/** "3 rows", "1 field": a count with its noun, in the reader's language. */
export function unitsOf(unit: 'field' | 'row' | 'value' | 'distinctValue' | 'missingValue', count: number): MessageRef {
  return { key: `data:units.${unit}`, params: { count } };
}

/** A column kind ("categorical") as a word of the reader's language. */
export function kindWord(kind: 'numeric' | 'categorical' | 'text'): MessageRef {
  return { key: `data:kind.${kind}` };
}

/** Builds a `DataError` value (the data path returns errors, it never throws them). */
export function dataError(code: DataErrorCode, text: DataText, where: Omit<DataError, 'type' | 'code' | 'message' | 'messageKey' | 'params'> = {}): DataError {
  return { type: 'error', code, ...text, ...where };
}

/** `"name"` for messages; JSON quoting keeps odd names (spaces, quotes, newlines) readable. */
export function quoteName(name: string): string {
  return JSON.stringify(name);
}

/** A value as it appeared in the file, shortened for a message. */
export function quoteValue(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}...` : text);
}
