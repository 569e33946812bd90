/**
 * `npm start`: builds the app and launches it in Electron. Electron's binary is downloaded on
 * first use; where that cannot happen (offline, a blocked network), this says so in one line
 * and serves the browser build instead (`npm run web`, http://127.0.0.1:4173).
 *
 * Arguments after `--` go to Electron: `npm start -- path/to/project.layerboard`.
 * LAYERBOARD_ELECTRON_DOWNLOAD_TIMEOUT_MS bounds the download attempt (default 60 s).
 */
import { spawn, type SpawnOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadElectronBinary, findElectronBinary } from './electron-binary.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const forwarded = process.argv.slice(2);
const timeoutMs = Number(process.env.LAYERBOARD_ELECTRON_DOWNLOAD_TIMEOUT_MS ?? 60_000);

/** Runs a command to completion with the terminal attached; resolves with its exit code. */
function run(command: string, args: string[], options: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    const forward = (signal: NodeJS.Signals) => () => { if (child.exitCode === null) child.kill(signal); };
    const onInt = forward('SIGINT');
    const onTerm = forward('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    child.on('error', (e) => { console.error(`Layerboard: could not run ${command}: ${e.message}`); resolve(1); });
    child.on('close', (code, signal) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/** npm itself, the way npm ran us (npm_execpath), so this works on Windows too. */
function npm(args: string[]): Promise<number> {
  const npmCli = process.env.npm_execpath;
  return npmCli ? run(process.execPath, [npmCli, ...args]) : run('npm', args, { shell: process.platform === 'win32' });
}

async function main(): Promise<number> {
  let binary = findElectronBinary({ root });
  let why = binary.found ? '' : binary.reason;
  if (!binary.found) {
    const failure = await downloadElectronBinary(root, timeoutMs);
    binary = findElectronBinary({ root });
    if (!binary.found) why = failure ?? binary.reason;
  }
  if (!binary.found) {
    const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
    if (!scripts.web) {
      console.log(`Layerboard: no Electron binary (${why}), and no browser build to fall back to (npm run web is not defined).`);
      return 1;
    }
    console.log(`Layerboard: no Electron binary (${why}); serving the browser build instead at http://127.0.0.1:4173 (npm run web).`);
    return npm(['run', 'web']);
  }
  const built = await run(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build']);
  if (built !== 0) return built;
  const env = { ...process.env };
  // Set by some tools; it would make the binary run as plain Node instead of the app.
  delete env.ELECTRON_RUN_AS_NODE;
  return run(binary.path, ['.', ...forwarded], { env });
}

process.exitCode = await main();
