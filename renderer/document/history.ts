/**
 * Undo and redo over immutable documents: every command produces a new document, so the
 * history is a list of documents, not of inverse operations. Consecutive changes that carry the
 * same merge key (one drag, one field being typed into) become one entry.
 */

export interface HistoryEntry<T> {
  doc: T;
  /** The name of the change that led away from `doc` (what Undo would undo). */
  label: string;
}

export interface History<T> {
  past: HistoryEntry<T>[];
  present: T;
  future: HistoryEntry<T>[];
  /** The merge key of the last recorded change; a change with the same key joins it. */
  mergeKey: string | null;
}

/** How many undo steps are kept: documents share structure, so this is cheap. */
export const HISTORY_LIMIT = 500;

export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], mergeKey: null };
}

/** Records `next` as the new present. A `next` identical to the present records nothing. */
export function record<T>(history: History<T>, next: T, label: string, mergeKey: string | null = null): History<T> {
  if (next === history.present) return history;
  if (mergeKey !== null && mergeKey === history.mergeKey && history.past.length > 0) {
    return { ...history, present: next, future: [] };
  }
  const past = [...history.past, { doc: history.present, label }];
  if (past.length > HISTORY_LIMIT) past.splice(0, past.length - HISTORY_LIMIT);
  return { past, present: next, future: [], mergeKey };
}

export function undo<T>(history: History<T>): History<T> {
  const entry = history.past[history.past.length - 1];
  if (!entry) return history;
  return {
    past: history.past.slice(0, -1),
    present: entry.doc,
    future: [{ doc: history.present, label: entry.label }, ...history.future],
    mergeKey: null,
  };
}

export function redo<T>(history: History<T>): History<T> {
  const entry = history.future[0];
  if (!entry) return history;
  return {
    past: [...history.past, { doc: history.present, label: entry.label }],
    present: entry.doc,
    future: history.future.slice(1),
    mergeKey: null,
  };
}

/** Ends the current merge: the next change gets an entry of its own even with the same key. */
export function closeMerge<T>(history: History<T>): History<T> {
  return history.mergeKey === null ? history : { ...history, mergeKey: null };
}

export function canUndo(history: History<unknown>): boolean {
  return history.past.length > 0;
}

export function canRedo(history: History<unknown>): boolean {
  return history.future.length > 0;
}
