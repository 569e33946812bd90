/**
 * The offline packaging check (npm run test:packaging; part of npm test). What it proves without
 * downloading anything:
 *   1. electron-builder.yml passes electron-builder's own schema validation;
 *   2. `--linux dir` packs against a stub Electron (build/stub-electron-dist.ts), running the real
 *      afterPack hook;
 *   3. the packed app.asar holds exactly the built app and its assets (build/asar-contents.ts);
 *   4. the hook flipped every fuse in the packed executable, and the locales were trimmed.
 * It builds the app first (electron-vite build) unless LAYERBOARD_PACKAGING_NO_BUILD=1.
 * The installers themselves (NSIS, DMG, deb, AppImage) need toolsets electron-builder downloads,
 * so they are built only in the release workflow.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFile } from '@electron/asar';
import { getCurrentFuseWire } from '@electron/fuses';
import { build, Platform } from 'electron-builder';
import { parse } from 'yaml';
import { fuseConfig } from './after-pack.mjs';
import { asarContentProblems, hasInlineSourceMap, listAsarFiles, packagedManifestProblems } from './asar-contents.ts';
import { writeStubElectronDist } from './stub-electron-dist.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const started = Date.now();
const problems: string[] = [];
const step = (text: string) => console.log(`packaging check: ${text}`);

if (process.env.LAYERBOARD_PACKAGING_NO_BUILD !== '1') {
  step('building the app (electron-vite build)');
  execFileSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

// 1. The schema, through electron-builder's own validator (the one `electron-builder` runs).
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
const appBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const { validateConfiguration } = appBuilder('app-builder-lib/out/util/config/config.js') as { validateConfiguration(config: unknown, logger: unknown): Promise<void> };
const { DebugLogger } = appBuilder('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
await validateConfiguration(config, new DebugLogger(false));
step('electron-builder.yml is valid');

// 2. Pack the real configuration; only the Electron it starts from and where it writes differ.
const work = mkdtempSync(join(tmpdir(), 'layerboard-pack-'));
try {
  const stub = join(work, 'electron-dist');
  writeStubElectronDist(stub);
  delete process.env.LAYERBOARD_FUSES_INSPECT;
  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget('dir'),
    publish: 'never',
    config: { electronDist: stub, directories: { output: join(work, 'release') } },
  });
  const appDir = join(work, 'release', 'linux-unpacked');
  const archive = join(appDir, 'resources', 'app.asar');
  step(`packed ${appDir}`);

  // 3. Exactly what must ship.
  const files = listAsarFiles(archive);
  problems.push(...asarContentProblems(files));
  const sourceManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  const manifest = JSON.parse(extractFile(archive, 'package.json').toString('utf8')) as Record<string, unknown>;
  problems.push(...packagedManifestProblems(manifest, sourceManifest));
  for (const file of files.filter((f) => /\.(c|m)?js$/.test(f))) {
    if (hasInlineSourceMap(extractFile(archive, file).toString('utf8'))) problems.push(`${file}: carries an inline source map`);
  }
  if (existsSync(join(appDir, 'resources', 'app'))) problems.push('resources/app: a loose app folder next to the asar');
  step(`app.asar holds ${files.length} files`);

  // 4. Fuses and locales.
  const executable = join(appDir, String(sourceManifest.name));
  const wire = await getCurrentFuseWire(executable) as unknown as Record<string, number>;
  const expected = fuseConfig({ inspect: false, platform: 'linux', arch: 'x64' }) as unknown as Record<string, unknown>;
  for (const [index, on] of Object.entries(expected)) {
    if (!/^\d+$/.test(index)) continue;
    if (wire[index] !== (on ? 0x31 : 0x30)) problems.push(`fuse ${index} is ${String.fromCharCode(wire[index] ?? 63)} in the packed executable, expected ${on ? 1 : 0}`);
  }
  const locales = readdirSync(join(appDir, 'locales'));
  const wanted = (config.electronLanguages as string[]).map((l) => `${l}.pak`);
  if (locales.sort().join() !== wanted.sort().join()) problems.push(`locales: ${locales.join(', ')}, expected ${wanted.join(', ')}`);
  step('fuses flipped, locales trimmed');
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error(`packaging check FAILED:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
step(`passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
