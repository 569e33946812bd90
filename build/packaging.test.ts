// Packaging as data: the fuse map and the hook against a stub binary, the asar rules, the
// electron-builder configuration, the icon set, the release workflow and the electronegativity
// gate. The full pack runs in npm run test:packaging (build/check-packaging.ts).
import { mkdtempSync, readdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getCurrentFuseWire } from '@electron/fuses';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { afterPack, fuseConfig, fuseSettings, INSPECT_ENV, packagedExecutable } from './after-pack.mjs';
import { asarContentProblems, GUIDED_SAMPLE_FILES, hasInlineSourceMap, packagedManifestProblems, REQUIRED_IN_ASAR } from './asar-contents.ts';
import { REVIEWED_HIGH, securityProblems, type Finding } from './electronegativity.ts';
import { ELECTRON_DEFAULT_FUSES, writeStubElectronDist } from './stub-electron-dist.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const scratch = mkdtempSync(join(tmpdir(), 'layerboard-build-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('fuses', () => {
  it('turns off what lets others run code in the app, and on what protects the asar and cookies', () => {
    expect(fuseSettings({ inspect: false })).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: false,
    });
  });

  it('the test build differs only in leaving --inspect on', () => {
    expect(fuseSettings({ inspect: true })).toEqual({ ...fuseSettings({ inspect: false }), EnableNodeCliInspectArguments: true });
  });

  it('maps the names onto the wire and re-signs ad hoc only on Apple silicon', () => {
    // Wire order (FuseV1Options): 0 RunAsNode ... 6 LoadBrowserProcessSpecificV8Snapshot (left alone), 7 GrantFileProtocolExtraPrivileges.
    expect(fuseConfig({ inspect: false, platform: 'linux', arch: 'x64' })).toEqual({
      version: '1', resetAdHocDarwinSignature: false,
      0: false, 1: true, 2: false, 3: false, 4: true, 5: true, 7: false,
    });
    expect(fuseConfig({ inspect: false, platform: 'darwin', arch: 'arm64' }).resetAdHocDarwinSignature).toBe(true);
    expect(fuseConfig({ inspect: false, platform: 'darwin', arch: 'x64' }).resetAdHocDarwinSignature).toBe(false);
  });

  it('names the executable as electron-builder does', () => {
    const app = { appOutDir: '/o', productFilename: 'Layerboard', executableName: 'layerboard' };
    expect(packagedExecutable({ ...app, electronPlatformName: 'linux' })).toBe(join('/o', 'layerboard'));
    expect(packagedExecutable({ ...app, electronPlatformName: 'win32' })).toBe(join('/o', 'Layerboard.exe'));
    expect(packagedExecutable({ ...app, electronPlatformName: 'darwin' })).toBe(join('/o', 'Layerboard.app'));
  });

  const wireOf = async (executable: string) => {
    const wire = await getCurrentFuseWire(executable) as unknown as Record<string, number>;
    return Array.from({ length: ELECTRON_DEFAULT_FUSES.length }, (_, i) => String.fromCharCode(wire[i] ?? 0)).join('');
  };
  const contextFor = (appOutDir: string) => ({
    appOutDir, electronPlatformName: 'linux', arch: 1,
    packager: { appInfo: { productFilename: 'Layerboard' }, executableName: 'electron' },
  }) as unknown as Parameters<typeof afterPack>[0];

  it('the afterPack hook flips the stub Electron from its defaults to ours', async () => {
    const dist = join(scratch, 'release');
    writeStubElectronDist(dist);
    expect(await wireOf(join(dist, 'electron'))).toBe(ELECTRON_DEFAULT_FUSES);
    delete process.env[INSPECT_ENV];
    await afterPack(contextFor(dist));
    expect(await wireOf(join(dist, 'electron'))).toBe('01001100');
  });

  it(`with ${INSPECT_ENV}=1 the hook leaves --inspect on`, async () => {
    const dist = join(scratch, 'inspect');
    writeStubElectronDist(dist);
    process.env[INSPECT_ENV] = '1';
    try {
      await afterPack(contextFor(dist));
    } finally {
      delete process.env[INSPECT_ENV];
    }
    expect(await wireOf(join(dist, 'electron'))).toBe('01011100');
  });
});

describe('app.asar contents', () => {
  const rendererCopy = (file: string) => `out/renderer/assets/${file.replace(/(\.[a-z]+)$/, '-Ab3_x-9Z$1')}`;
  const good = [...REQUIRED_IN_ASAR, 'out/main/chunks/schemas-3pkNTaso.js', 'out/renderer/assets/index-8ygCYv3i.js', 'out/renderer/assets/index-Duk-1TKw.css', 'assets/samples/diabetes.csv', 'assets/samples/README.md',
    ...GUIDED_SAMPLE_FILES.map(rendererCopy)];

  it('requires every guided sample and its CSV, in assets/samples and in the renderer’s bundle', () => {
    const shipped = readdirSync(fileURLToPath(new URL('../assets/samples/', import.meta.url)));
    const projects = shipped.filter((f) => f.endsWith('.layerboard'));
    const csvs = new Set(projects.map((f) => JSON.parse(readFileSync(fileURLToPath(new URL(`../assets/samples/${f}`, import.meta.url)), 'utf8')).data.path as string));
    expect([...GUIDED_SAMPLE_FILES].sort()).toEqual([...projects, ...csvs].sort());
    expect(asarContentProblems(good.filter((f) => f !== rendererCopy('sine.csv')))).toEqual([
      "out/renderer/assets/sine.csv: missing (the sample list fetches it from the renderer's bundle)",
    ]);
    // The lecture sample's pattern does not accept the output-width sample's copy in its place.
    expect(asarContentProblems(good.filter((f) => f !== rendererCopy('deep-regression.layerboard')))).toHaveLength(1);
    expect(asarContentProblems(good.filter((f) => f !== 'assets/samples/sine-relu.layerboard'))).toEqual(['assets/samples/sine-relu.layerboard: missing']);
  });

  it('accepts exactly the built app and its assets', () => {
    expect(asarContentProblems(good)).toEqual([]);
  });

  it.each([
    ['node_modules/react/index.js', 'a dependency folder'],
    ['out/main/main.js.map', 'a source map'],
    ['electron/main/app.ts', 'a TypeScript source'],
    ['renderer/App.tsx', 'a TypeScript source'],
    ['out/main/app.test.js', 'a test'],
    ['e2e/smoke.spec.js', 'a test'],
    ['assets/icon.svg', 'not part of the built app'],
    ['tsconfig.json', 'not part of the built app'],
  ])('refuses %s (%s)', (file, why) => {
    expect(asarContentProblems([...good, file]).join('\n')).toContain(why);
  });

  it('reports what is missing', () => {
    expect(asarContentProblems(good.filter((f) => f !== 'out/preload/preload.cjs'))).toEqual(['out/preload/preload.cjs: missing']);
  });

  it('spots an inline source map, not a reference to a file', () => {
    expect(hasInlineSourceMap('x\n//# sourceMappingURL=data:application/json;base64,e30=')).toBe(true);
    expect(hasInlineSourceMap('x\n//# sourceMappingURL=main.js.map')).toBe(false);
  });

  it('checks the packaged package.json against the source one', () => {
    const source = { name: 'layerboard', productName: 'Layerboard', version: '0.1.0', main: 'out/main/main.js', scripts: {}, devDependencies: {} };
    const { scripts: _s, devDependencies: _d, ...packaged } = source;
    expect(packagedManifestProblems(packaged, source)).toEqual([]);
    expect(packagedManifestProblems({ ...packaged, devDependencies: {} }, source)).toEqual(['package.json still has devDependencies']);
  });
});

describe('electron-builder.yml', () => {
  const config = parse(read('electron-builder.yml')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const targets = (platform: string) => Object.fromEntries((config[platform].target as { target: string; arch: string[] }[]).map((t) => [t.target, t.arch]));

  it('takes product name and version from package.json', () => {
    expect(config.productName).toBeUndefined();
    expect(config.version).toBeUndefined();
    expect(config.appId).toBe('org.layerboard.app');
  });

  it('builds NSIS per user, DMG and zip for both Mac architectures, deb and AppImage', () => {
    expect(targets('win')).toEqual({ nsis: ['x64'] });
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false });
    expect(targets('mac')).toEqual({ dmg: ['arm64', 'x64'], zip: ['arm64', 'x64'] });
    expect(targets('linux')).toEqual({ deb: ['x64'], AppImage: ['x64'] });
  });

  it('ships no source maps, trims locales and runs the fuse hook', () => {
    expect(config.files).toContain('!**/*.map');
    expect(config.electronLanguages).toEqual(['en-US']);
    expect(existsSync(join(root, config.afterPack))).toBe(true);
  });

  it('associates .layerboard with its own icon on every platform', () => {
    const [association] = config.fileAssociations;
    expect(association.ext).toBe('layerboard');
    for (const ext of ['icns', 'ico']) expect(existsSync(join(root, 'build', `${association.icon}.${ext}`))).toBe(true);
    expect(config.linux.mimeTypes).toEqual(['application/x-layerboard+json']);
    const mime = read('build/linux/layerboard-mime.xml');
    expect(mime).toContain('type="application/x-layerboard+json"');
    expect(mime).toContain('<glob pattern="*.layerboard"/>');
    for (const pair of config.deb.fpm as string[]) {
      const [source, destination] = pair.split('=');
      expect(existsSync(join(root, source!)), source).toBe(true);
      if (source!.endsWith('.png')) expect(destination).toMatch(/\/mimetypes\/application-x-layerboard\+json\.png$/);
    }
  });

  it('has every app icon it names, the Linux set at its nominal sizes', () => {
    for (const file of [config.win.icon, config.mac.icon, config.nsis.installerIcon]) expect(existsSync(join(root, 'build', file)), file).toBe(true);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      for (const dir of [config.linux.icon, 'document-icons']) {
        const png = readFileSync(join(root, 'build', dir, `${size}x${size}.png`));
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]); // IHDR width, height
      }
    }
  });
});

describe('release workflow', () => {
  const workflow = parse(read('.github/workflows/release.yml')) as { jobs: Record<string, { strategy: { matrix: { os: string[] } }; steps: { uses?: string; run?: string }[] }> };
  const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);

  it('runs on Windows, macOS and Linux', () => {
    expect(Object.values(workflow.jobs).map((job) => job.strategy.matrix.os)).toEqual([['windows-latest', 'macos-latest', 'ubuntu-latest']]);
  });

  it('names only scripts that exist', () => {
    const named = steps.flatMap((step) => [...(step.run ?? '').matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!));
    expect(named.length).toBeGreaterThan(0);
    for (const name of named) expect(scripts, `npm run ${name}`).toHaveProperty([name]);
  });

  it('uses only the documented actions, at their current major versions', () => {
    expect(steps.flatMap((step) => (step.uses ? [step.uses] : [])).sort()).toEqual(['actions/checkout@v6', 'actions/setup-node@v6', 'actions/upload-artifact@v7']);
  });

  it('tests, builds the installers, smoke-tests under xvfb on Linux, in that order', () => {
    const runs = steps.map((step) => step.run ?? '');
    const at = (command: string) => runs.findIndex((run) => run === command);
    expect(at('npm ci')).toBeGreaterThanOrEqual(0);
    expect(at('npm ci')).toBeLessThan(at('xvfb-run -a npm test'));
    expect(at('xvfb-run -a npm test')).toBeLessThan(at('npm run dist'));
    expect(at('npm run dist')).toBeLessThan(at('xvfb-run -a npm run test:electron-smoke'));
  });
});

describe('electronegativity gate', () => {
  const finding = (over: Partial<Finding>): Finding => ({ id: 'SANDBOX_JS_CHECK', severity: 'MEDIUM', confidence: 'FIRM', file: 'electron/main/x.ts', line: 1, sample: '', ...over });
  const doc = read('docs/security.md');

  it('fails on an unreviewed HIGH finding and on a finding the security page does not discuss', () => {
    expect(securityProblems([finding({ severity: 'HIGH', id: 'NODE_INTEGRATION_JS_CHECK' })], 'NODE_INTEGRATION_JS_CHECK')).toHaveLength(1);
    expect(securityProblems([finding({})], '')).toHaveLength(1);
    expect(securityProblems([finding({})], 'SANDBOX_JS_CHECK')).toEqual([]);
  });

  it('lets a reviewed HIGH through only where it was reviewed', () => {
    const [reviewed] = REVIEWED_HIGH;
    const at = finding({ id: reviewed!.id, severity: 'HIGH', file: reviewed!.file, sample: `x ${reviewed!.sample}` });
    expect(securityProblems([at], doc)).toEqual([]);
    expect(securityProblems([{ ...at, file: 'electron/main/other.ts' }], doc)).toHaveLength(1);
  });

  it('every reviewed finding is justified on the security page', () => {
    for (const r of REVIEWED_HIGH) expect(doc).toContain(r.id);
  });
});
