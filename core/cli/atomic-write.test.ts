import { spawn } from 'node:child_process';
import { chmod, lstat, mkdtemp, readdir, readFile, readlink, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AtomicWriteFs, WritableFile } from './atomic-write.ts';
import { writeFileAtomic } from './atomic-write.ts';

let dir: string;
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'layerboard-atomic-')); });
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

const tempFiles = async () => (await readdir(dir)).filter((f) => f.endsWith('.tmp'));
const fsError = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

describe('writeFileAtomic', () => {
  it('creates a file that did not exist, leaving no temporary file', async () => {
    const target = join(dir, 'new.layerboard');
    await writeFileAtomic(target, 'hello\n');
    expect(await readFile(target, 'utf8')).toBe('hello\n');
    expect(await tempFiles()).toEqual([]);
  });

  it('replaces an existing file, bytes as well as text, keeping its permission bits', async () => {
    const target = join(dir, 'p.layerboard');
    await writeFile(target, 'old');
    if (process.platform !== 'win32') await chmod(target, 0o600);
    await writeFileAtomic(target, new Uint8Array([110, 101, 119]));
    expect(await readFile(target, 'utf8')).toBe('new');
    if (process.platform !== 'win32') expect((await stat(target)).mode & 0o777).toBe(0o600);
  });

  it.skipIf(process.platform === 'win32')('writes through a symlink to the file it points at', async () => {
    const real = join(dir, 'real.layerboard');
    const link = join(dir, 'link.layerboard');
    await writeFile(real, 'old');
    await symlink(real, link);
    await writeFileAtomic(link, 'new');
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(real);
    expect(await readFile(real, 'utf8')).toBe('new');
  });

  it('gives concurrent saves unique temporary files; the last rename wins whole', async () => {
    const target = join(dir, 'busy.layerboard');
    const contents = Array.from({ length: 10 }, (_, i) => `${i}`.repeat(10_000));
    await Promise.all(contents.map((c) => writeFileAtomic(target, c)));
    expect(contents).toContain(await readFile(target, 'utf8'));
    expect(await tempFiles()).toEqual([]);
  });

  // A failure at each step before the rename: the error comes through, the old file is intact
  // and the temporary file is gone.
  const wrapOpen = (override: Partial<WritableFile>): Partial<AtomicWriteFs> => ({
    open: async (path, flags, mode) => {
      const { open } = await import('node:fs/promises');
      const handle = await open(path, flags, mode);
      return {
        writeFile: override.writeFile ?? ((d) => handle.writeFile(d)),
        sync: override.sync ?? (() => handle.sync()),
        close: override.close ? async () => { await handle.close(); await override.close!(); } : () => handle.close(),
      };
    },
  });

  it.each<[string, Partial<AtomicWriteFs>, string]>([
    ['the disk fills up while writing', wrapOpen({ writeFile: () => Promise.reject(fsError('ENOSPC')) }), 'ENOSPC'],
    ['fsync fails', wrapOpen({ sync: () => Promise.reject(fsError('EIO')) }), 'EIO'],
    ['close fails', wrapOpen({ close: () => Promise.reject(fsError('EIO')) }), 'EIO'],
    ['the rename fails', { rename: () => Promise.reject(fsError('EPERM')) }, 'EPERM'],
    ['the temporary file cannot be created', { open: () => Promise.reject(fsError('EACCES')) }, 'EACCES'],
  ])('leaves the old file intact when %s', async (_name, fs, code) => {
    const target = join(dir, 'keep.layerboard');
    await writeFile(target, 'old content');
    await expect(writeFileAtomic(target, 'new content', { fs })).rejects.toMatchObject({ code });
    expect(await readFile(target, 'utf8')).toBe('old content');
    expect(await tempFiles()).toEqual([]);
  });

  it('keeps the first error when cleaning up fails as well', async () => {
    const target = join(dir, 'keep.layerboard');
    await writeFile(target, 'old');
    const fs = { ...wrapOpen({ writeFile: () => Promise.reject(fsError('ENOSPC')), close: () => Promise.reject(fsError('EIO')) }), unlink: () => Promise.reject(fsError('EBUSY')) };
    await expect(writeFileAtomic(target, 'new', { fs })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await readFile(target, 'utf8')).toBe('old');
  });

  it('succeeds where the directory cannot be fsynced (Windows, some file systems)', async () => {
    const target = join(dir, 'win.layerboard');
    const { open } = await import('node:fs/promises');
    const fs: Partial<AtomicWriteFs> = {
      open: (path, flags, mode) => (flags === 'r' ? Promise.reject(fsError('EISDIR')) : open(path, flags, mode)),
    };
    await writeFileAtomic(target, 'saved', { fs });
    expect(await readFile(target, 'utf8')).toBe('saved');
  });
});

// ---------------------------------------------------------------------------------------------
// Crashes: a child process saving a large file is killed with SIGKILL (no cleanup runs), and the
// target must then hold the complete old or the complete new content, never a mix or a prefix.

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const moduleUrl = pathToFileURL(fileURLToPath(new URL('./atomic-write.ts', import.meta.url))).href;

const CHILD = `
import { open } from 'node:fs/promises';
import { writeFileAtomic } from ${JSON.stringify(moduleUrl)};
const [target, size, slow] = process.argv.slice(2);
const data = '{"n": "' + 'b'.repeat(Number(size)) + '"}\\n';
// A slow disk: the data goes out in 64 KiB chunks with a pause between them.
const slowFs = {
  open: async (path, flags, mode) => {
    const handle = await open(path, flags, mode);
    return {
      writeFile: async (text) => {
        const bytes = Buffer.from(text);
        for (let at = 0; at < bytes.length; at += 65536) {
          await handle.write(bytes, at, Math.min(65536, bytes.length - at));
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      },
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  },
};
process.stdout.write('ready\\n');
await writeFileAtomic(target, data, slow === 'slow' ? { fs: slowFs } : {});
process.stdout.write('done\\n');
`;

async function startSaver(target: string, size: number, slow: boolean) {
  const script = join(dir, 'saver.mjs');
  await writeFile(script, CHILD);
  const child = spawn(process.execPath, ['--import', 'tsx', script, target, String(size), slow ? 'slow' : 'fast'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => { stdout += chunk; });
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', () => { if (stdout.includes('ready')) resolve(); });
    void exited.then(() => reject(new Error(`saver exited before it started: ${stderr}`)));
  });
  return { child, ready, exited, output: () => ({ stdout, stderr }) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const OLD = `{"n": "${'a'.repeat(1000)}"}\n`;
const newContent = (size: number) => `{"n": "${'b'.repeat(size)}"}\n`;

describe('writeFileAtomic under SIGKILL', () => {
  it.skipIf(process.platform === 'win32')('a save killed in the middle of writing leaves the old file whole', async () => {
    const target = join(dir, 'crash.layerboard');
    await writeFile(target, OLD);
    const size = 8 * 1024 * 1024;
    const saver = await startSaver(target, size, true);
    await saver.ready;
    // Wait until the temporary file holds part of the new content, then kill.
    let partial = 0;
    for (let i = 0; i < 2000 && partial === 0; i++) {
      const temps = await tempFiles();
      if (temps.length === 1) partial = (await stat(join(dir, temps[0]))).size;
      if (partial === 0) await sleep(5);
    }
    saver.child.kill('SIGKILL');
    await saver.exited;
    expect(partial).toBeGreaterThan(0);
    expect(await readFile(target, 'utf8')).toBe(OLD);
    // The stale temporary file is what a crash leaves behind; it is shorter than the new content.
    const [stale] = await tempFiles();
    expect((await stat(join(dir, stale))).size).toBeLessThan(newContent(size).length);
  });

  it.skipIf(process.platform === 'win32')('killed at any moment, the target is the complete old or the complete new file', async () => {
    const target = join(dir, 'race.layerboard');
    const size = 32 * 1024 * 1024;
    const expectedNew = newContent(size);
    const outcomes: string[] = [];
    for (const delay of [0, 1, 3, 8, 15, 30, 60, 120]) {
      await writeFile(target, OLD);
      const saver = await startSaver(target, size, false);
      await saver.ready;
      await sleep(delay);
      saver.child.kill('SIGKILL');
      await saver.exited;
      const after = await readFile(target, 'utf8');
      expect(after === OLD || after === expectedNew, `after a kill ${delay} ms in, the target has ${after.length} characters`).toBe(true);
      outcomes.push(after === OLD ? 'old' : 'new');
      for (const t of await tempFiles()) await rm(join(dir, t));
    }
    // Record what the kills hit; which moments land where depends on the machine.
    expect(outcomes).toHaveLength(8);
  });

  it('the saver completes when left alone (the harness itself works)', async () => {
    const target = join(dir, 'whole.layerboard');
    await writeFile(target, OLD);
    const saver = await startSaver(target, 100_000, false);
    expect(await saver.exited, saver.output().stderr).toBe(0);
    expect(saver.output().stdout).toContain('done');
    expect(await readFile(target, 'utf8')).toBe(newContent(100_000));
    expect(await tempFiles()).toEqual([]);
  });
});
