/**
 * Where the Electron binary is, without downloading it. The `electron` package fetches its
 * binary lazily: `require('electron')` starts a download when node_modules/electron/dist is
 * missing, which offline blocks or fails. So this reads the same two places that package reads
 * (ELECTRON_OVERRIDE_DIST_PATH, then node_modules/electron/path.txt + dist/) and only checks
 * that the file is there. Used by `npm start` and by the real-Electron smoke test.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ElectronBinary =
  | { found: true; path: string; source: 'ELECTRON_OVERRIDE_DIST_PATH' | 'node_modules/electron' }
  | { found: false; reason: string };

/** The executable inside an Electron dist folder, as node_modules/electron/install.js names it. */
export function platformExecutable(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

export interface FindOptions {
  root: string;
  env?: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
  exists?: (path: string) => boolean;
  readText?: (path: string) => string | null;
}

export function findElectronBinary(options: FindOptions): ElectronBinary {
  const env = options.env ?? process.env;
  const exists = options.exists ?? existsSync;
  const readText = options.readText ?? ((path: string) => { try { return readFileSync(path, 'utf8').trim(); } catch { return null; } });
  const packageDir = join(options.root, 'node_modules', 'electron');
  const pathTxt = readText(join(packageDir, 'path.txt'));
  const executable = pathTxt || platformExecutable(options.platform ?? process.platform);

  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = join(override, executable);
    if (exists(candidate)) return { found: true, path: candidate, source: 'ELECTRON_OVERRIDE_DIST_PATH' };
    return { found: false, reason: `ELECTRON_OVERRIDE_DIST_PATH is set, but ${candidate} does not exist` };
  }
  if (!exists(join(packageDir, 'package.json'))) return { found: false, reason: 'the electron package is not installed (npm install)' };
  if (pathTxt === null) return { found: false, reason: 'node_modules/electron has not downloaded its binary (no path.txt)' };
  const candidate = join(packageDir, 'dist', pathTxt);
  if (exists(candidate)) return { found: true, path: candidate, source: 'node_modules/electron' };
  return { found: false, reason: `${candidate} does not exist` };
}

/**
 * Runs the electron package's own installer (which downloads the binary for this platform),
 * quietly, for at most `timeoutMs`. Resolves with why it failed, or null when it succeeded.
 */
export function downloadElectronBinary(root: string, timeoutMs: number): Promise<string | null> {
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return Promise.resolve('the electron package is not installed');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [installer], { cwd: join(root, 'node_modules', 'electron'), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => { output += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { output += d.toString(); });
    const timer = setTimeout(() => {
      child.kill();
      resolve(`the download did not finish within ${Math.round(timeoutMs / 1000)} s`);
    }, timeoutMs);
    child.on('error', (e) => { clearTimeout(timer); resolve(`the download could not start: ${e.message}`); });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) return resolve(null);
      // The installer prints a stack; its first line says what went wrong ("TypeError: fetch failed").
      const first = output.split('\n').map((l) => l.trim()).find((l) => l !== '') ?? `exit code ${code}`;
      resolve(`the download failed: ${first}`);
    });
  });
}
