/**
 * Recovery copies in the browser build: IndexedDB (through idb-keyval), one record per tab,
 * keyed by the tab's copy id. A tab holds a Web Lock named after each copy it writes or was
 * offered, so a copy another open tab holds is never offered twice; a copy whose tab is gone
 * (closed, crashed, killed) has no holder and is offered on the next start. A record that is
 * not a recovery copy is reported by its key and left in place.
 *
 * The previous draft in localStorage (`layerboard:draft`, one per browser) moves here once.
 */
import { createStore, del, entries, set } from 'idb-keyval';
import type { FoundRecovery, HostResult, RecoveryStore, RecoveryWrite } from './host.ts';
import { appI18n } from '../i18n/i18n.ts';

const RECORD_FORMAT = 'layerboard-recovery';
/** Where earlier versions kept one draft per browser: `{text, fileName, savedAt}` in localStorage. */
export const LEGACY_DRAFT_KEY = 'layerboard:draft';

/** What a record holds. `handle` is the File System Access handle of the project's file, where there is one. */
export interface RecoveryRecord {
  format: typeof RECORD_FORMAT;
  version: 1;
  id: string;
  savedAt: number;
  projectName: string;
  fileName: string | null;
  /** A ref that means the same in every session (the bundled sample's), else null. */
  stableRef: string | null;
  handle?: unknown;
  text: string;
}

/** The key-value calls used (idb-keyval's, or a Map in tests). */
export interface RecoveryKv {
  entries(): Promise<[IDBValidKey, unknown][]>;
  set(key: string, value: RecoveryRecord): Promise<void>;
  del(key: string): Promise<void>;
}

/** Web Locks: `hold` takes a lock if nobody holds it and keeps it until `release`. */
export interface RecoveryLocks {
  hold(name: string): Promise<(() => void) | null>;
}

/** What the host knows about its files: the handle behind a ref, and a ref for a handle. */
export interface RecoveryFiles {
  handleOf(ref: string): unknown;
  remember(handle: unknown): string;
  /** Refs that stay valid across sessions (the sample's). */
  isStableRef(ref: string): boolean;
}

export function idbRecoveryKv(): RecoveryKv {
  const store = createStore('layerboard-recovery', 'copies');
  return {
    entries: () => entries(store),
    set: (key, value) => set(key, value, store),
    del: (key) => del(key, store),
  };
}

/** Web Locks where the browser has them; elsewhere every lock is free (a second tab may then see a live tab's copy). */
export function webLocks(nav: Navigator = navigator): RecoveryLocks {
  const locks = (nav as Navigator & { locks?: LockManager }).locks;
  return {
    hold(name) {
      if (!locks) return Promise.resolve(() => undefined);
      return new Promise((resolve) => {
        void locks.request(name, { ifAvailable: true }, (lock) => {
          if (lock === null) {
            resolve(null);
            return undefined;
          }
          // Held until released: the callback's promise settles then.
          return new Promise<void>((release) => resolve(() => release()));
        });
      });
    },
  };
}

function isRecord(value: unknown, key: string): value is RecoveryRecord {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.format === RECORD_FORMAT && v.version === 1 && v.id === key && typeof v.savedAt === 'number' && typeof v.projectName === 'string'
    && (v.fileName === null || typeof v.fileName === 'string') && (v.stableRef === null || typeof v.stableRef === 'string') && typeof v.text === 'string';
}

const lockName = (id: string) => `layerboard-recovery:${id}`;

export interface BrowserRecoveryOptions {
  kv: RecoveryKv;
  locks: RecoveryLocks;
  files: RecoveryFiles;
  /** Where the old draft may be (localStorage); null: none. */
  legacy: Pick<Storage, 'getItem' | 'removeItem'> | null;
  now?: () => number;
  newId?: () => string;
  /** The window's words (`host:recovery.*`), asked at each use: the language may change. Default: the window's translator. */
  t?: (key: string, params?: Record<string, unknown>) => string;
}

export function createBrowserRecovery(options: BrowserRecoveryOptions): RecoveryStore {
  const { kv, locks, files } = options;
  const t = options.t ?? ((key: string, params?: Record<string, unknown>) => appI18n().t(key, params ?? {}));
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => crypto.randomUUID());
  /** Locks this tab holds, by copy id. */
  const held = new Map<string, () => void>();
  /** Copies offered to this tab, and what they belong to. */
  const offered = new Map<string, RecoveryRecord>();
  const damaged = new Set<string>();

  async function hold(id: string): Promise<boolean> {
    if (held.has(id)) return true;
    const release = await locks.hold(lockName(id));
    if (release === null) return false;
    held.set(id, release);
    return true;
  }

  function letGo(id: string): void {
    held.get(id)?.();
    held.delete(id);
  }

  /** The localStorage draft of earlier versions becomes a recovery copy; an unreadable one stays where it is. */
  async function migrateLegacyDraft(): Promise<void> {
    const storage = options.legacy;
    let raw: string | null;
    try {
      raw = storage?.getItem(LEGACY_DRAFT_KEY) ?? null;
    } catch {
      return;
    }
    if (raw === null) return;
    let value: { text?: unknown; fileName?: unknown; savedAt?: unknown };
    try {
      value = JSON.parse(raw) as typeof value;
    } catch {
      return;
    }
    if (typeof value.text !== 'string') return;
    const id = newId();
    let projectName = 'Untitled';
    try {
      const name = (JSON.parse(value.text) as { name?: unknown }).name;
      if (typeof name === 'string') projectName = name;
    } catch {
      // Damaged project text: the app reports it when offered.
    }
    await kv.set(id, {
      format: RECORD_FORMAT, version: 1, id, savedAt: typeof value.savedAt === 'number' ? value.savedAt : now(), projectName,
      fileName: typeof value.fileName === 'string' ? value.fileName : null, stableRef: null, text: value.text,
    });
    storage?.removeItem(LEGACY_DRAFT_KEY);
  }

  return {
    async list() {
      try {
        await migrateLegacyDraft();
      } catch {
        // The draft stays in localStorage; the next start tries again.
      }
      const found: FoundRecovery[] = [];
      for (const [key, value] of await kv.entries()) {
        const id = String(key);
        if (held.has(id) && !offered.has(id) && !damaged.has(id)) continue;
        if (!offered.has(id) && !damaged.has(id) && !(await hold(id))) continue;
        if (!isRecord(value, id)) {
          damaged.add(id);
          found.push({ type: 'error', id, name: t('host:recovery.name', { id }), message: t('host:recovery.unreadable', { id }) });
          continue;
        }
        offered.set(id, value);
        found.push({ type: 'ok', id, projectName: value.projectName, fileName: value.fileName, savedAt: value.savedAt, text: value.text });
      }
      return found;
    },

    async write(copy: RecoveryWrite): Promise<HostResult<null>> {
      if (offered.has(copy.id) || damaged.has(copy.id)) return { type: 'error', message: t('host:recovery.offeredNotRestored') };
      try {
        if (!(await hold(copy.id))) return { type: 'error', message: t('host:recovery.otherTab') };
        const handle = copy.ref === null ? undefined : files.handleOf(copy.ref);
        const stableRef = copy.ref !== null && files.isStableRef(copy.ref) ? copy.ref : null;
        const fileName = handle !== undefined && typeof (handle as { name?: unknown }).name === 'string' ? (handle as { name: string }).name : copy.fileName;
        await kv.set(copy.id, {
          format: RECORD_FORMAT, version: 1, id: copy.id, savedAt: now(), projectName: copy.projectName, fileName, stableRef, text: copy.text,
          ...(handle !== undefined ? { handle } : {}),
        });
        return { type: 'ok', value: null };
      } catch (error) {
        return { type: 'error', message: t('host:recovery.writeFailed', { why: error instanceof Error ? error.message : String(error) }) };
      }
    },

    async remove(id) {
      if (damaged.has(id)) return { type: 'error', message: t('host:recovery.damagedKept') };
      try {
        await kv.del(id);
      } catch (error) {
        return { type: 'error', message: t('host:recovery.removeFailed', { why: error instanceof Error ? error.message : String(error) }) };
      }
      offered.delete(id);
      letGo(id);
      return { type: 'ok', value: null };
    },

    async restore(id) {
      const record = offered.get(id);
      if (record === undefined) return { type: 'error', message: t('host:recovery.unknown') };
      offered.delete(id);
      const ref = record.handle !== undefined ? files.remember(record.handle) : record.stableRef;
      return { type: 'ok', value: { ref, fileName: record.fileName } };
    },
  };
}
