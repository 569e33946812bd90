/**
 * The recovery copy's save path under SIGKILL: a child process runs main's real recovery
 * service (createRecoveryService over node:fs and writeFileAtomic) on a large project and is
 * killed at different moments of the write. Each time, the copy on disk must be the complete
 * old copy or the complete new one, and read back as a copy (never "damaged").
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../core/cli/atomic-write.ts';
import { parseProject, serializeProject } from '../../core/project/index.ts';
import { createRecoveryService, type RecoveryFs } from './recovery.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const url = (relative: string) => pathToFileURL(join(repoRoot, relative)).href;
const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

const CHILD = `
import * as fsp from 'node:fs/promises';
import { writeFileAtomic } from ${JSON.stringify(url('core/cli/atomic-write.ts'))};
import { createRecoveryService } from ${JSON.stringify(url('electron/main/recovery.ts'))};
const [dir, textFile, id] = process.argv.slice(2);
const fs = {
  readdir: (p) => fsp.readdir(p), readText: (p) => fsp.readFile(p, 'utf8'), stat: (p) => fsp.stat(p),
  mkdir: (p, o) => fsp.mkdir(p, o), writeFileAtomic: (p, d) => writeFileAtomic(p, d), unlink: (p) => fsp.unlink(p),
};
const text = await fsp.readFile(textFile, 'utf8');
const service = createRecoveryService({ dir, fs });
process.stdout.write('ready\\n');
const result = await service.write('window', { id, text, projectName: 'Big', ref: null }, '/home/user/big.layerboard');
process.stdout.write(result.type === 'ok' ? 'done\\n' : 'failed ' + result.message + '\\n');
`;

const nodeFs: RecoveryFs = {
  readdir: (p) => fsp.readdir(p), readText: (p) => fsp.readFile(p, 'utf8'), stat: (p) => fsp.stat(p),
  mkdir: (p, o) => fsp.mkdir(p, o), writeFileAtomic: (p, d) => writeFileAtomic(p, d), unlink: (p) => fsp.unlink(p),
};

let dir: string;
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'layerboard-recovery-kill-')); });
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

/** The sample with its CSV embedded many times over: a project of about `megabytes` MB. */
async function bigProjectText(name: string, megabytes: number): Promise<string> {
  const parsed = parseProject(await readFile(join(repoRoot, 'assets/samples/deep-regression.layerboard'), 'utf8'));
  if (parsed.type !== 'ok') throw new Error('the sample does not load');
  const csv = await readFile(join(repoRoot, 'assets/samples/boston-housing.csv'), 'utf8');
  const embedded = csv.repeat(Math.ceil((megabytes * 1024 * 1024) / csv.length));
  return serializeProject({ ...parsed.project, name, data: { ...parsed.project.data, embedded } });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a recovery copy killed mid-save', () => {
  it.skipIf(process.platform === 'win32')('is always the complete old or the complete new copy', async () => {
    const recoveryDir = join(dir, 'recovery');
    const oldText = await bigProjectText('old version', 12);
    const newText = await bigProjectText('new version', 12);
    const textFile = join(dir, 'new.txt');
    await writeFile(textFile, newText);
    const script = join(dir, 'saver.mjs');
    await writeFile(script, CHILD);
    const copyPath = join(recoveryDir, `${ID}.json`);
    const outcomes: string[] = [];

    // How long one save takes here, uninterrupted; the kills are spread over it and past its end.
    let saveMs = 0;
    for (const fraction of [-1, 0, 0.1, 0.25, 0.4, 0.55, 0.7, 0.85, 1, 1.5]) {
      const delay = Math.round(fraction * saveMs);
      await createRecoveryService<string>({ dir: recoveryDir, fs: nodeFs }).write('earlier', { id: ID, text: oldText, projectName: 'Big', ref: null }, null);
      const child = spawn(process.execPath, ['--import', 'tsx', script, recoveryDir, textFile, ID], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c) => { stdout += c; });
      child.stderr.on('data', (c) => { stderr += c; });
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', () => { if (stdout.includes('ready')) resolve(); });
        void exited.then(() => reject(new Error(`the saver exited before it started: ${stderr}`)));
      });
      if (fraction < 0) {
        const started = performance.now();
        await exited;
        expect(stdout, stderr).toContain('done');
        saveMs = performance.now() - started;
      } else {
        await sleep(delay);
        child.kill('SIGKILL');
        await exited;
      }

      const onDisk = JSON.parse(await readFile(copyPath, 'utf8')) as { text: string };
      expect(onDisk.text === oldText || onDisk.text === newText, `killed ${delay} ms in: the copy holds ${onDisk.text.length} characters`).toBe(true);
      expect(parseProject(onDisk.text).type).toBe('ok');
      // The next start reads it as a copy, never as a damaged one.
      const [found] = await createRecoveryService<string>({ dir: recoveryDir, fs: nodeFs }).list('next start');
      expect(found.type).toBe('ok');
      outcomes.push(`${fraction < 0 ? 'uninterrupted' : `${delay} ms`}: ${onDisk.text === oldText ? 'old' : 'new'}${stdout.includes('done') ? ' (finished)' : ''}`);
      for (const f of await readdir(recoveryDir)) if (f.endsWith('.tmp')) await rm(join(recoveryDir, f));
    }
    console.info(`recovery copy under SIGKILL (a save takes ${Math.round(saveMs)} ms): ${outcomes.join(', ')}`);
    // The kills landed on both sides of the rename, so both outcomes were really tested.
    expect(outcomes.some((o) => o.includes('old'))).toBe(true);
    expect(outcomes.filter((o) => o.includes('new')).length).toBeGreaterThan(1);
  }, 120_000);
});
