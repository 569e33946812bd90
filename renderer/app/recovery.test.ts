import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostResult, RecoveryWrite } from '../host/host.ts';
import { RECOVERY_INTERVAL_MS, RecoveryScheduler, type RecoverySnapshot } from './recovery.ts';

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

function memoryStore() {
  const copies = new Map<string, RecoveryWrite>();
  const calls: string[] = [];
  return {
    copies,
    calls,
    async write(copy: RecoveryWrite): Promise<HostResult<null>> {
      calls.push(`write ${copy.id} ${copy.text}`);
      copies.set(copy.id, copy);
      return { type: 'ok', value: null };
    },
    async remove(id: string): Promise<HostResult<null>> {
      calls.push(`remove ${id}`);
      copies.delete(id);
      return { type: 'ok', value: null };
    },
  };
}

const snap = (text: string) => (): RecoverySnapshot => ({ text, projectName: 'P', ref: null, fileName: null });

describe('RecoveryScheduler', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  it('writes nothing while the project is clean, however long it stays open', async () => {
    const store = memoryStore();
    const s = new RecoveryScheduler({ store, id: ID });
    s.update(false, 1, snap('v1'));
    await vi.advanceTimersByTimeAsync(10 * RECOVERY_INTERVAL_MS);
    expect(store.calls).toEqual([]);
  });

  it('writes every 30 s while dirty, only when the project changed since the last copy', async () => {
    const store = memoryStore();
    const s = new RecoveryScheduler({ store, id: ID });
    s.update(true, 1, snap('v1'));
    await vi.advanceTimersByTimeAsync(RECOVERY_INTERVAL_MS - 1);
    expect(store.calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(store.calls).toEqual([`write ${ID} v1`]);
    // Unchanged: the next ticks write nothing.
    await vi.advanceTimersByTimeAsync(2 * RECOVERY_INTERVAL_MS);
    expect(store.calls).toHaveLength(1);
    s.update(true, 2, snap('v2'));
    s.update(true, 3, snap('v3'));
    await vi.advanceTimersByTimeAsync(RECOVERY_INTERVAL_MS);
    expect(store.calls).toEqual([`write ${ID} v1`, `write ${ID} v3`]);
    expect(store.copies.get(ID)?.text).toBe('v3');
  });

  it('removes the copy once the project is clean again (saved or discarded), and stops writing', async () => {
    const store = memoryStore();
    const s = new RecoveryScheduler({ store, id: ID });
    s.update(true, 1, snap('v1'));
    await vi.advanceTimersByTimeAsync(RECOVERY_INTERVAL_MS);
    expect(store.copies.has(ID)).toBe(true);
    s.update(false, 1, snap('v1'));
    await vi.advanceTimersByTimeAsync(0);
    expect(store.copies.has(ID)).toBe(false);
    await vi.advanceTimersByTimeAsync(5 * RECOVERY_INTERVAL_MS);
    expect(store.calls).toEqual([`write ${ID} v1`, `remove ${ID}`]);
  });

  it('asks for no removal when no copy was ever written (clean again within 30 s)', async () => {
    const store = memoryStore();
    const s = new RecoveryScheduler({ store, id: ID });
    s.update(true, 1, snap('v1'));
    await vi.advanceTimersByTimeAsync(RECOVERY_INTERVAL_MS / 2);
    s.update(false, 0, snap('v0'));
    await vi.advanceTimersByTimeAsync(3 * RECOVERY_INTERVAL_MS);
    expect(store.calls).toEqual([]);
  });

  it('carries on a restored copy under its id, and removes that copy on save', async () => {
    const store = memoryStore();
    const restored = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
    store.copies.set(restored, { id: restored, text: 'old', projectName: 'P', ref: null, fileName: null });
    const s = new RecoveryScheduler({ store, id: ID, intervalMs: 1000 });
    s.adopt(restored, 5);
    s.update(true, 5, snap('old'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(store.calls).toEqual([]);
    s.update(true, 6, snap('new'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(store.calls).toEqual([`write ${restored} new`]);
    s.update(false, 6, snap('new'));
    await vi.advanceTimersByTimeAsync(0);
    expect(store.calls.at(-1)).toBe(`remove ${restored}`);
    expect(store.copies.size).toBe(0);
  });

  it('reports a failing store once, until a write succeeds again', async () => {
    let fail = true;
    const errors: string[] = [];
    const store = {
      write: async (): Promise<HostResult<null>> => (fail ? { type: 'error', message: 'disk full' } : { type: 'ok', value: null }),
      remove: async (): Promise<HostResult<null>> => ({ type: 'ok', value: null }),
    };
    const s = new RecoveryScheduler({ store, id: ID, intervalMs: 1000, onError: (m) => errors.push(m) });
    s.update(true, 1, snap('v1'));
    await vi.advanceTimersByTimeAsync(3000);
    expect(errors).toEqual(['disk full']);
    fail = false;
    await vi.advanceTimersByTimeAsync(1000);
    fail = true;
    s.update(true, 2, snap('v2'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(errors).toEqual(['disk full', 'disk full']);
  });

  it('stops on dispose and leaves the copy in place', async () => {
    const store = memoryStore();
    const s = new RecoveryScheduler({ store, id: ID });
    s.update(true, 1, snap('v1'));
    await vi.advanceTimersByTimeAsync(RECOVERY_INTERVAL_MS);
    s.dispose();
    s.update(true, 2, snap('v2'));
    await vi.advanceTimersByTimeAsync(5 * RECOVERY_INTERVAL_MS);
    expect(store.calls).toEqual([`write ${ID} v1`]);
    expect(store.copies.has(ID)).toBe(true);
  });
});
