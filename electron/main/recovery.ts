/**
 * Recovery copies of unsaved projects, one file per window in `userData/recovery/<id>.json`
 * (docs/electron.md, "Never lose work"). The page chooses its copy's id (a UUID) and writes
 * the copy every 30 s while it has unsaved changes; main writes it atomically
 * (core/cli/atomic-write.ts) and records which project file it belongs to, a path the page
 * never sees. A copy goes when the page saves or knowingly discards, and when its window
 * closes normally (saved, Don't Save, or clean). It stays when the page crashes or reloads, or
 * when the app is killed: the next start offers it back, each copy to one window only.
 *
 * A copy that cannot be read (damaged, not ours, too large) is reported by its file name and
 * left where it is: never deleted, never overwritten.
 */
import * as nodePath from 'node:path';
import type { IpcResult, RecoveryCopyPayload, WriteRecoveryRequest } from '../../core/protocol.ts';
import { englishTranslator, type TFunction } from '../../core/i18n/index.ts';
import { PROJECT_LIMITS } from '../../core/project/limits.ts';
import { describeFsError } from './files.ts';

export const RECOVERY_FOLDER = 'recovery';
const RECOVERY_FORMAT = 'layerboard-recovery';
const COPY_NAME = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.json$/;

/** The file-system calls the service makes; main passes node:fs/promises and writeFileAtomic. */
export interface RecoveryFs {
  readdir(path: string): Promise<string[]>;
  readText(path: string): Promise<string>;
  stat(path: string): Promise<{ size: number; isFile(): boolean }>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  writeFileAtomic(path: string, data: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

/** What a recovery file holds (version 1). */
export interface RecoveryFile {
  format: typeof RECOVERY_FORMAT;
  version: 1;
  id: string;
  savedAt: number;
  projectName: string;
  /** The project file the copy belongs to, or null (never saved, the sample). */
  path: string | null;
  text: string;
}

export interface RecoveryServiceOptions {
  /** userData/recovery. */
  dir: string;
  fs: RecoveryFs;
  now?: () => number;
  path?: typeof nodePath;
  /**
   * The translator for the language in effect now (asked at each use, like the file service's):
   * the errors main hands the page use core's `desktop:recovery` words. English if absent.
   */
  t?: () => TFunction;
}

export interface RecoveryService<Owner> {
  /** Copies no live window owns and no other window was offered: offered (claimed) for `owner`. */
  list(owner: Owner): Promise<RecoveryCopyPayload[]>;
  /** Writes `owner`'s copy; refused for an id another window owns or was offered. */
  write(owner: Owner, request: WriteRecoveryRequest, projectPath: string | null): Promise<IpcResult<null>>;
  /** Removes a copy `owner` owns or was offered. */
  remove(owner: Owner, id: string): Promise<IpcResult<null>>;
  /** `owner` restores a copy it was offered: it owns it from now on. Answers the project file the copy belongs to. */
  restore(owner: Owner, id: string): IpcResult<{ path: string | null }>;
  /**
   * The window is gone or its page replaced. `keep`: its copies stay for the next start (a
   * crash, a reload); otherwise they are removed (a normal close). Offers it held are dropped.
   */
  release(owner: Owner, options: { keep: boolean }): Promise<void>;
}

function isRecoveryFile(value: unknown, id: string): value is RecoveryFile {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.format === RECOVERY_FORMAT && v.version === 1 && v.id === id && typeof v.savedAt === 'number' && Number.isFinite(v.savedAt)
    && typeof v.projectName === 'string' && (v.path === null || typeof v.path === 'string') && typeof v.text === 'string';
}

export function createRecoveryService<Owner>(options: RecoveryServiceOptions): RecoveryService<Owner> {
  const { dir, fs } = options;
  const path = options.path ?? nodePath;
  const now = options.now ?? Date.now;
  const words = options.t ?? englishTranslator;
  /** Copies a live window writes. */
  const owners = new Map<string, Owner>();
  /** Copies from an earlier session, each offered to one window. */
  const offered = new Map<string, { owner: Owner; path: string | null; damaged: boolean }>();
  /** Writes and removals of one copy run one after another, so a removal never precedes a write it follows. */
  const queues = new Map<string, Promise<unknown>>();

  const fileOf = (id: string) => path.join(dir, `${id}.json`);

  function queue<T>(id: string, task: () => Promise<T>): Promise<T> {
    const previous = queues.get(id) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.catch(() => undefined);
    queues.set(id, settled);
    void settled.then(() => { if (queues.get(id) === settled) queues.delete(id); });
    return next;
  }

  async function unlink(id: string): Promise<IpcResult<null>> {
    try {
      await fs.unlink(fileOf(id));
    } catch (e) {
      const code = typeof e === 'object' && e !== null && 'code' in e ? (e as { code: unknown }).code : '';
      if (code !== 'ENOENT') {
        const t = words();
        return { type: 'error', message: t('desktop:recovery.removeFailed', { file: `${id}.json`, reason: describeFsError(e, t) }) };
      }
    }
    return { type: 'ok', value: null };
  }

  /** The copy, or why it cannot be read in `t`'s words. */
  async function readCopy(name: string, id: string, t: TFunction): Promise<{ copy: RecoveryFile } | { problem: string }> {
    try {
      const info = await fs.stat(fileOf(id));
      if (!info.isFile()) return { problem: t('desktop:recovery.notFile') };
      // The envelope adds a little to the project text; twice the project limit is plenty.
      if (info.size > PROJECT_LIMITS.maxFileBytes * 2) return { problem: t('desktop:recovery.tooLarge', { size: info.size }) };
      const text = await fs.readText(fileOf(id));
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (e) {
        // JSON.parse's own words (the V8 engine's, in English) name the position.
        return { problem: t('desktop:recovery.notJson', { error: e instanceof Error ? e.message : String(e) }) };
      }
      if (!isRecoveryFile(value, id)) return { problem: t('desktop:recovery.notOurs') };
      return { copy: value };
    } catch (e) {
      return { problem: t('desktop:recovery.readFailed', { name, reason: describeFsError(e, t) }) };
    }
  }

  return {
    async list(owner) {
      let names: string[];
      try {
        names = await fs.readdir(dir);
      } catch {
        return [];
      }
      const found: RecoveryCopyPayload[] = [];
      const t = words();
      for (const name of names.sort()) {
        const id = COPY_NAME.exec(name)?.[1];
        if (id === undefined || owners.has(id)) continue;
        const offer = offered.get(id);
        if (offer !== undefined && offer.owner !== owner) continue;
        const read = await readCopy(name, id, t);
        if ('problem' in read) {
          offered.set(id, { owner, path: null, damaged: true });
          found.push({ type: 'error', id, name, message: t('desktop:recovery.unreadable', { name, problem: read.problem }) });
          continue;
        }
        const { copy } = read;
        offered.set(id, { owner, path: copy.path, damaged: false });
        found.push({ type: 'ok', id, projectName: copy.projectName, fileName: copy.path === null ? null : path.basename(copy.path), savedAt: copy.savedAt, text: copy.text });
      }
      return found;
    },

    async write(owner, request, projectPath) {
      const holder = owners.get(request.id);
      if ((holder !== undefined && holder !== owner) || offered.has(request.id)) {
        return { type: 'error', message: words()('desktop:recovery.otherWindow') };
      }
      owners.set(request.id, owner);
      const file: RecoveryFile = {
        format: RECOVERY_FORMAT, version: 1, id: request.id, savedAt: now(), projectName: request.projectName, path: projectPath, text: request.text,
      };
      return queue(request.id, async (): Promise<IpcResult<null>> => {
        // Removed (saved, discarded, window closed) while this write waited: nothing to keep.
        if (owners.get(request.id) !== owner) return { type: 'ok', value: null };
        try {
          await fs.mkdir(dir, { recursive: true });
          await fs.writeFileAtomic(fileOf(request.id), JSON.stringify(file));
          return { type: 'ok', value: null };
        } catch (e) {
          const t = words();
          return { type: 'error', message: t('desktop:recovery.writeFailed', { reason: describeFsError(e, t) }) };
        }
      });
    },

    async remove(owner, id) {
      if (owners.get(id) === owner) owners.delete(id);
      // A damaged copy stays where it is, whatever the page asks.
      else if (offered.get(id)?.owner === owner && !offered.get(id)!.damaged) offered.delete(id);
      else return { type: 'error', message: words()('desktop:recovery.unknown') };
      return queue(id, () => unlink(id));
    },

    restore(owner, id) {
      const offer = offered.get(id);
      if (offer === undefined || offer.owner !== owner || offer.damaged) return { type: 'error', message: words()('desktop:recovery.unknown') };
      offered.delete(id);
      owners.set(id, owner);
      return { type: 'ok', value: { path: offer.path } };
    },

    async release(owner, { keep }) {
      const removals: Promise<unknown>[] = [];
      for (const [id, holder] of [...owners]) {
        if (holder !== owner) continue;
        owners.delete(id);
        if (!keep) removals.push(queue(id, () => unlink(id)));
      }
      for (const [id, offer] of [...offered]) if (offer.owner === owner) offered.delete(id);
      await Promise.all(removals);
    },
  };
}
