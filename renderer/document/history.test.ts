import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, closeMerge, createHistory, HISTORY_LIMIT, record, redo, undo } from './history.ts';

describe('history', () => {
  it('undo and redo walk the recorded documents', () => {
    let h = createHistory('a');
    h = record(h, 'b', 'first');
    h = record(h, 'c', 'second');
    expect(canUndo(h)).toBe(true);
    h = undo(h);
    expect(h.present).toBe('b');
    expect(h.future).toEqual([{ doc: 'c', label: 'second' }]);
    h = undo(h);
    expect(h.present).toBe('a');
    expect(undo(h)).toBe(h);
    h = redo(redo(h));
    expect(h.present).toBe('c');
    expect(canRedo(h)).toBe(false);
    expect(redo(h)).toBe(h);
  });

  it('a new change clears the redo list; an unchanged document records nothing', () => {
    let h = record(createHistory('a'), 'b', 'x');
    h = record(undo(h), 'c', 'y');
    expect(h.future).toEqual([]);
    expect(record(h, h.present, 'z')).toBe(h);
  });

  it('changes with the same merge key become one entry until the merge is closed', () => {
    let h = createHistory(0);
    h = record(h, 1, 'move', 'drag:1');
    h = record(h, 2, 'move', 'drag:1');
    h = record(h, 3, 'move', 'drag:1');
    expect(h.past.map((e) => e.doc)).toEqual([0]);
    h = record(closeMerge(h), 4, 'move', 'drag:1');
    expect(h.past.map((e) => e.doc)).toEqual([0, 3]);
    h = record(undo(h), 5, 'move', 'drag:1');
    expect(h.past.map((e) => e.doc)).toEqual([0, 3]);
  });

  it('keeps at most HISTORY_LIMIT entries', () => {
    let h = createHistory(0);
    for (let i = 1; i <= HISTORY_LIMIT + 10; i++) h = record(h, i, 'n');
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0].doc).toBe(10);
  });
});
