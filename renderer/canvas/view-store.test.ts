import { describe, expect, it } from 'vitest';
import { createViewStore } from './view-store.ts';

describe('view store', () => {
  it('gives each id its view and tells listeners only when another map is set', () => {
    const first = new Map([['a', { n: 1 }], ['b', { n: 2 }]]);
    const store = createViewStore(first);
    expect(store.get('a')).toEqual({ n: 1 });
    expect(store.get('c')).toBeUndefined();
    let heard = 0;
    const stop = store.subscribe(() => heard++);
    store.set(first);
    expect(heard).toBe(0);
    const second = new Map([['a', first.get('a')!], ['c', { n: 3 }]]);
    store.set(second);
    expect(heard).toBe(1);
    expect(store.get('a')).toBe(first.get('a'));
    expect(store.get('b')).toBeUndefined();
    expect(store.get('c')).toEqual({ n: 3 });
    stop();
    store.set(first);
    expect(heard).toBe(1);
    expect(store.get('b')).toEqual({ n: 2 });
  });
});
