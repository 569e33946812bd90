/**
 * Saving a file so that a crash, a full disk or a killed process never leaves it half written:
 * write a temporary file beside it, flush it to disk, rename it over the target, flush the
 * directory. A rename within one directory is atomic on POSIX file systems and on NTFS, so a
 * reader sees either the complete old file or the complete new one.
 */
import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The part of an open file that saving needs (node:fs/promises' FileHandle has it). */
export interface WritableFile {
  writeFile(data: string | Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The file-system calls `writeFileAtomic` makes; tests replace some to simulate failures. */
export interface AtomicWriteFs {
  open(path: string, flags: string, mode?: number): Promise<WritableFile>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  stat(path: string): Promise<{ mode: number }>;
  realpath(path: string): Promise<string>;
}

const nodeFs: AtomicWriteFs = {
  open: (path, flags, mode) => fsp.open(path, flags, mode),
  rename: fsp.rename,
  unlink: fsp.unlink,
  stat: fsp.stat,
  realpath: fsp.realpath,
};

export interface AtomicWriteOptions {
  /** Replacements for some file-system calls (tests). */
  fs?: Partial<AtomicWriteFs>;
}

function errorCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : undefined;
}

/** `.name.<random>.tmp` beside the target: same directory (so rename is atomic), hidden, unique. */
function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Replaces the file at `path` with `data` atomically. Writes a uniquely named temporary file in
 * the same directory (with the old file's permission bits, less the umask), fsyncs it, renames it over the
 * target (following a symlink to the file it points at), then fsyncs the directory where the
 * platform allows it so the rename itself survives a power cut. On any failure before the
 * rename the temporary file is removed, the old file is left exactly as it was, and the
 * promise rejects with the original error. A process killed outright (SIGKILL, power loss)
 * can leave a stale `.name.*.tmp` beside the target, never a damaged target.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const fs: AtomicWriteFs = { ...nodeFs, ...options.fs };
  let target = path;
  let mode: number | undefined;
  try {
    target = await fs.realpath(path);
    mode = (await fs.stat(target)).mode & 0o7777;
  } catch (e) {
    if (errorCode(e) !== 'ENOENT') throw e;
  }
  const temp = tempPathFor(target);
  // 'wx': fail rather than write into a file that somebody else created under this name.
  const file = await fs.open(temp, 'wx', mode);
  let renamed = false;
  try {
    try {
      await file.writeFile(data);
      await file.sync();
    } catch (e) {
      await file.close().catch(() => undefined);
      throw e;
    }
    await file.close();
    await fs.rename(temp, target);
    renamed = true;
  } finally {
    if (!renamed) await fs.unlink(temp).catch(() => undefined);
  }
  await syncDirectory(fs, dirname(target));
}

/**
 * Flushes a directory entry change (the rename) to disk. Windows cannot open a directory for
 * this and some file systems refuse to fsync one; the data itself is already safe by then, so
 * those refusals are ignored.
 */
async function syncDirectory(fs: AtomicWriteFs, dir: string): Promise<void> {
  let handle: WritableFile | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Durability of the rename is best effort where the platform does not support it.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
