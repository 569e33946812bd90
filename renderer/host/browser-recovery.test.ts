import { describe, expect, it } from 'vitest';
import { createRendererI18n } from '../i18n/i18n.ts';
import { createBrowserRecovery, LEGACY_DRAFT_KEY, type RecoveryKv, type RecoveryLocks, type RecoveryRecord } from './browser-recovery.ts';

const A = '0f8fad5b-d9cb-469f-a165-70867728950e';
const B = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

function memoryKv(): RecoveryKv & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  return {
    map,
    entries: async () => [...map.entries()],
    set: async (key: string, value: RecoveryRecord) => { map.set(key, structuredClone(value)); },
    del: async (key: string) => { map.delete(key); },
  };
}

/** Web Locks shared by the "tabs" of one browser. */
function sharedLocks() {
  const heldNames = new Set<string>();
  const locks: RecoveryLocks = {
    async hold(name) {
      if (heldNames.has(name)) return null;
      heldNames.add(name);
      return () => heldNames.delete(name);
    },
  };
  return { heldNames, locks };
}

function tab(kv: RecoveryKv, locks: RecoveryLocks, extra: Partial<Parameters<typeof createBrowserRecovery>[0]> = {}) {
  const handles = new Map<string, unknown>();
  let next = 1;
  return createBrowserRecovery({
    kv, locks, legacy: null, now: () => 42,
    files: {
      handleOf: (ref) => handles.get(ref),
      remember: (h) => { const ref = `fsa:${next++}`; handles.set(ref, h); return ref; },
      isStableRef: (ref) => ref === 'sample:deep-regression',
    },
    ...extra,
  });
}

describe('recovery copies in IndexedDB', () => {
  it('offers a closed tab’s copy to the next tab, never a live tab’s, and each copy to one tab only', async () => {
    const kv = memoryKv();
    const { locks } = sharedLocks();
    const live = tab(kv, locks);
    expect(await live.write({ id: A, text: '{"name":"live"}', projectName: 'live', ref: 'sample:deep-regression', fileName: 'deep-regression.layerboard' })).toEqual({ type: 'ok', value: null });
    // A copy left by a tab that is gone: nobody holds its lock.
    kv.map.set(B, { format: 'layerboard-recovery', version: 1, id: B, savedAt: 7, projectName: 'gone', fileName: null, stableRef: null, text: '{"name":"gone"}' });

    const second = tab(kv, locks);
    expect(await second.list()).toEqual([{ type: 'ok', id: B, projectName: 'gone', fileName: null, savedAt: 7, text: '{"name":"gone"}' }]);
    const third = tab(kv, locks);
    expect(await third.list()).toEqual([]);
    expect(await live.list()).toEqual([]);
  });

  it('restores with the sample’s ref kept, discards by removing, and a removed copy is gone', async () => {
    const kv = memoryKv();
    const { locks, heldNames } = sharedLocks();
    const first = tab(kv, locks);
    await first.write({ id: A, text: '{}', projectName: 'p', ref: 'sample:deep-regression', fileName: 'deep-regression.layerboard' });
    heldNames.clear(); // the tab closed
    const next = tab(kv, locks);
    const [offer] = await next.list();
    expect(offer).toMatchObject({ type: 'ok', id: A, fileName: 'deep-regression.layerboard', savedAt: 42 });
    expect(await next.restore(A)).toEqual({ type: 'ok', value: { ref: 'sample:deep-regression', fileName: 'deep-regression.layerboard' } });
    // The restoring tab owns it now: it writes over it and removes it on save.
    expect((await next.write({ id: A, text: '{"v":2}', projectName: 'p', ref: null, fileName: null })).type).toBe('ok');
    expect((kv.map.get(A) as RecoveryRecord).text).toBe('{"v":2}');
    await next.remove(A);
    expect(kv.map.has(A)).toBe(false);
  });

  it('remembers the file handle of the project, so a restored copy saves back to the same file', async () => {
    const kv = memoryKv();
    const { locks, heldNames } = sharedLocks();
    const handle = { name: 'mine.layerboard', kind: 'file' };
    const files = { handleOf: (ref: string) => (ref === 'fsa:9' ? handle : undefined), remember: () => 'fsa:1', isStableRef: () => false };
    const writer = createBrowserRecovery({ kv, locks, legacy: null, files });
    await writer.write({ id: A, text: '{}', projectName: 'p', ref: 'fsa:9', fileName: 'mine.layerboard' });
    expect((kv.map.get(A) as RecoveryRecord).handle).toEqual(handle);
    heldNames.clear();
    const reader = createBrowserRecovery({ kv, locks, legacy: null, files });
    await reader.list();
    expect(await reader.restore(A)).toEqual({ type: 'ok', value: { ref: 'fsa:1', fileName: 'mine.layerboard' } });
  });

  it('reports a record it cannot read by its key, and leaves it in place', async () => {
    const kv = memoryKv();
    const { locks } = sharedLocks();
    kv.map.set(A, { text: 42 });
    const t = tab(kv, locks);
    const [found] = await t.list();
    expect(found).toMatchObject({ type: 'error', id: A });
    expect(found.type === 'error' && found.message).toContain(A);
    expect((await t.remove(A)).type).toBe('error');
    expect((await t.write({ id: A, text: '{}', projectName: 'p', ref: null, fileName: null })).type).toBe('error');
    expect(kv.map.get(A)).toEqual({ text: 42 });
  });

  it('says its refusals in the window language', async () => {
    const kv = memoryKv();
    const { locks } = sharedLocks();
    kv.map.set(A, { text: 42 });
    const ko = createRendererI18n('ko').t;
    const t = tab(kv, locks, { t: (key, params) => ko(key, params ?? {}) });
    const [found] = await t.list();
    expect(found).toMatchObject({ type: 'error', id: A, name: `복구본 ${A}`, message: `이 브라우저 저장소의 복구본 ${A}은(는) Layerboard가 읽을 수 없는 형식입니다. 그대로 남겨 두었습니다.` });
    expect(await t.remove(A)).toEqual({ type: 'error', message: '손상된 복구본은 그대로 남겨 둡니다.' });
    expect(await t.write({ id: A, text: '{}', projectName: 'p', ref: null, fileName: null })).toEqual({ type: 'error', message: '그 복구본은 복구하라고 보여 준 것일 뿐, 아직 복구하지 않았습니다.' });
    expect(await t.restore('0f8fad5b-d9cb-469f-a165-70867728950e')).toEqual({ type: 'error', message: '알 수 없는 복구본입니다.' });
    const en = tab(memoryKv(), sharedLocks().locks, { t: (key, params) => createRendererI18n('en').t(key, params ?? {}) });
    expect(await en.restore('x')).toEqual({ type: 'error', message: 'Unknown recovery copy.' });
  });

  it('moves the old localStorage draft into IndexedDB once, and leaves an unreadable one where it is', async () => {
    const kv = memoryKv();
    const { locks } = sharedLocks();
    const storage = new Map<string, string>([[LEGACY_DRAFT_KEY, JSON.stringify({ text: '{"name":"Draft net"}', fileName: 'net.layerboard', savedAt: 99 })]]);
    const legacy = { getItem: (k: string) => storage.get(k) ?? null, removeItem: (k: string) => void storage.delete(k) };
    const t = tab(kv, locks, { legacy, newId: () => B });
    expect(await t.list()).toEqual([{ type: 'ok', id: B, projectName: 'Draft net', fileName: 'net.layerboard', savedAt: 99, text: '{"name":"Draft net"}' }]);
    expect(storage.has(LEGACY_DRAFT_KEY)).toBe(false);

    storage.set(LEGACY_DRAFT_KEY, '{not json');
    const other = tab(memoryKv(), sharedLocks().locks, { legacy });
    expect(await other.list()).toEqual([]);
    expect(storage.get(LEGACY_DRAFT_KEY)).toBe('{not json');
  });
});
