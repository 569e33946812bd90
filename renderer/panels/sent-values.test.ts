import { describe, expect, it } from 'vitest';
import { latest, receive } from './sent-values.ts';

describe('sent values: a field telling its own edits from the document\'s', () => {
  it('an intermediate value of its own typing is an echo, and leaves the newer ones waiting', () => {
    // Typed "1", then "16", then "160": the document first catches up with "1".
    const first = receive([1, 16, 160], 1);
    expect(first).toEqual({ echo: true, sent: [16, 160] });
    expect(receive(first.sent, 160)).toEqual({ echo: true, sent: [] });
  });

  it('a later value arriving first forgets the older ones (React rendered them together)', () => {
    expect(receive([1, 16, 160], 16)).toEqual({ echo: true, sent: [160] });
  });

  it('a value the field never sent is a change from elsewhere and forgets everything', () => {
    expect(receive([1, 16], 7)).toEqual({ echo: false, sent: [] });
  });

  it('with nothing sent, every change is from elsewhere, and the list is the same object', () => {
    const none: readonly number[] = [];
    const r = receive(none, 3);
    expect(r.echo).toBe(false);
    expect(r.sent).toBe(none);
  });

  it('undefined (an optional field emptied) is a value like any other', () => {
    expect(receive<number | undefined>([undefined, 4], undefined)).toEqual({ echo: true, sent: [4] });
    expect(receive<number | undefined>([4], undefined)).toEqual({ echo: false, sent: [] });
  });

  it('NaN is matched by identity, not by ===', () => {
    expect(receive([Number.NaN], Number.NaN).echo).toBe(true);
  });

  it('latest: the last value sent, or the document\'s when nothing is on its way', () => {
    expect(latest([1, 16], 5)).toBe(16);
    expect(latest([], 5)).toBe(5);
    expect(latest<number | undefined>([undefined], 5)).toBeUndefined();
  });
});
