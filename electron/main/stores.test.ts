import { describe, expect, it } from 'vitest';
import { FakeFs } from '../testing/fake-electron.ts';
import { createJsonStore } from './json-store.ts';
import { loadRecentProjects, MAX_RECENT } from './recent.ts';

describe('createJsonStore', () => {
  it('reads what it wrote, and reads damage or absence as undefined', async () => {
    const fs = new FakeFs();
    const store = createJsonStore('/data', fs);
    expect(await store.read('a.json')).toBeUndefined();
    await store.write('a.json', { x: 1 });
    expect(await store.read('a.json')).toEqual({ x: 1 });
    fs.put('/data/b.json', '{"x":');
    expect(await store.read('b.json')).toBeUndefined();
  });

  it('writes one file in order, so the newest state wins', async () => {
    const fs = new FakeFs();
    const order: string[] = [];
    const slow = fs.writeFileAtomic.bind(fs);
    let first = true;
    fs.writeFileAtomic = async (path, data) => {
      if (first) { first = false; await new Promise((r) => setTimeout(r, 20)); }
      order.push(String(data));
      return slow(path, data);
    };
    const store = createJsonStore('/data', fs);
    await Promise.all([store.write('s.json', 1), store.write('s.json', 2)]);
    expect(order).toEqual(['1\n', '2\n']);
    expect(await store.read('s.json')).toBe(2);
  });
});

describe('loadRecentProjects', () => {
  it('keeps the newest first, without duplicates, at most MAX_RECENT, and tells the OS', async () => {
    const fs = new FakeFs();
    const store = createJsonStore('/data', fs);
    const os: string[] = [];
    let changes = 0;
    const recent = await loadRecentProjects(store, { addRecentDocument: (p) => os.push(p), clearRecentDocuments: () => os.splice(0) }, () => changes++);
    for (let i = 0; i < MAX_RECENT + 3; i++) recent.add(`/p/${i}.layerboard`);
    recent.add('/p/5.layerboard');
    expect(recent.list()).toHaveLength(MAX_RECENT);
    expect(recent.list()[0]).toBe('/p/5.layerboard');
    expect(recent.list().filter((p) => p === '/p/5.layerboard')).toHaveLength(1);
    recent.remove('/p/5.layerboard');
    expect(recent.list()).not.toContain('/p/5.layerboard');
    await new Promise((r) => setTimeout(r, 0));
    const reloaded = await loadRecentProjects(store, { addRecentDocument: () => undefined, clearRecentDocuments: () => undefined }, () => undefined);
    expect(reloaded.list()).toEqual(recent.list());
    recent.clear();
    expect(recent.list()).toEqual([]);
    expect(os).toEqual([]);
    expect(changes).toBe(MAX_RECENT + 6);
  });

  it('ignores a damaged list', async () => {
    const fs = new FakeFs();
    fs.put('/data/recent-projects.json', JSON.stringify({ paths: [1, 2] }));
    const recent = await loadRecentProjects(createJsonStore('/data', fs), { addRecentDocument: () => undefined, clearRecentDocuments: () => undefined }, () => undefined);
    expect(recent.list()).toEqual([]);
  });
});
