// @ts-check
/**
 * electron-builder's afterPack hook (electron-builder.yml `afterPack`): flips Electron's fuses in
 * the packaged executable. afterPack runs after the app is copied and before electron-builder
 * signs, which is the only safe moment: flipping a fuse rewrites bytes in the binary, so a
 * signature made before it would no longer match.
 *
 * Plain JavaScript because electron-builder imports the hook with Node itself (no TypeScript
 * loader); checked by tsc through build/tsconfig.json (checkJs).
 */
import { join } from 'node:path';
import process from 'node:process';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

/**
 * Set to 1 to leave `EnableNodeCliInspectArguments` on: the build Playwright's Electron support
 * can drive (it starts the app with --inspect / --remote-debugging-port). Never for a release.
 */
export const INSPECT_ENV = 'LAYERBOARD_FUSES_INSPECT';

/**
 * The fuses Layerboard ships with, by @electron/fuses' names. Everything else keeps Electron's
 * default (LoadBrowserProcessSpecificV8Snapshot stays off).
 * @param {{ inspect: boolean }} options
 * @returns {Record<'RunAsNode' | 'EnableCookieEncryption' | 'EnableNodeOptionsEnvironmentVariable' | 'EnableNodeCliInspectArguments' | 'EnableEmbeddedAsarIntegrityValidation' | 'OnlyLoadAppFromAsar' | 'GrantFileProtocolExtraPrivileges', boolean>}
 */
export function fuseSettings({ inspect }) {
  return {
    // ELECTRON_RUN_AS_NODE would turn the signed app into a general-purpose Node interpreter.
    RunAsNode: false,
    EnableCookieEncryption: true,
    // NODE_OPTIONS and --inspect let anyone who can start the app inject code into main.
    EnableNodeOptionsEnvironmentVariable: false,
    EnableNodeCliInspectArguments: inspect,
    // The asar's hash is embedded at packaging (macOS Info.plist, Windows resource); Electron
    // refuses a modified app.asar. Linux has no embedded integrity yet, so there it does nothing.
    EnableEmbeddedAsarIntegrityValidation: true,
    // Together with the integrity check: no loose app folder next to the asar is ever loaded.
    OnlyLoadAppFromAsar: true,
    // The app is served from app://, never file://.
    GrantFileProtocolExtraPrivileges: false,
  };
}

/**
 * The @electron/fuses configuration for one packaged app.
 * @param {{ inspect: boolean, platform: string, arch: string }} options
 * @returns {import('@electron/fuses').FuseV1Config}
 */
export function fuseConfig({ inspect, platform, arch }) {
  /** @type {import('@electron/fuses').FuseV1Config} */
  const config = {
    version: FuseVersion.V1,
    // Apple silicon runs nothing unsigned: re-apply the ad-hoc signature the flip invalidated
    // (a real signature, when there is one, replaces it right after).
    resetAdHocDarwinSignature: platform === 'darwin' && arch === 'arm64',
  };
  for (const [name, on] of Object.entries(fuseSettings({ inspect }))) {
    config[FuseV1Options[/** @type {keyof typeof FuseV1Options} */ (name)]] = on;
  }
  return config;
}

/**
 * The packaged executable, named as electron-builder names it (PlatformPackager.addElectronFuses).
 * @param {{ appOutDir: string, electronPlatformName: string, productFilename: string, executableName: string }} app
 */
export function packagedExecutable({ appOutDir, electronPlatformName, productFilename, executableName }) {
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return join(appOutDir, `${productFilename}.app`);
  if (electronPlatformName === 'win32') return join(appOutDir, `${productFilename}.exe`);
  return join(appOutDir, executableName);
}

/** Arch as electron-builder numbers it (builder-util's `Arch` enum). */
const archNames = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/**
 * @param {import('electron-builder').AfterPackContext} context
 */
export async function afterPack(context) {
  const inspect = process.env[INSPECT_ENV] === '1';
  const { packager } = context;
  const productFilename = packager.appInfo.productFilename;
  const executable = packagedExecutable({
    appOutDir: context.appOutDir,
    electronPlatformName: context.electronPlatformName,
    productFilename,
    // Only LinuxPackager has one (package.json name, lower case), as electron-builder names it.
    executableName: 'executableName' in packager ? String(packager.executableName) : productFilename,
  });
  const config = fuseConfig({ inspect, platform: context.electronPlatformName, arch: archNames[context.arch] ?? String(context.arch) });
  process.stdout.write(`  • flipping fuses  executable=${executable}${inspect ? ' (inspect left on: test build)' : ''}\n`);
  await flipFuses(executable, config);
}

export default afterPack;
