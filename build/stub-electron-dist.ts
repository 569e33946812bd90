/**
 * A stand-in for an unpacked Linux Electron distribution, for packing `--linux dir` offline
 * (electron-builder's `electronDist`). electron-builder copies an unpacked dist as it is, renames
 * `electron` to the app's executable, moves `LICENSE`, trims `locales/*.pak` by
 * `electronLanguages` and writes `resources/app.asar`; so those are the files it needs
 * (app-builder-lib/out/electron/ElectronFramework.js). The executable is a shell script that
 * carries a real fuse wire (sentinel, version 1, length, one byte per fuse, in Electron's default
 * states), so @electron/fuses flips it exactly as it flips the real binary.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** @electron/fuses' marker before the wire (its constants.js). */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * Electron's own defaults, in wire order: RunAsNode, EnableCookieEncryption,
 * EnableNodeOptionsEnvironmentVariable, EnableNodeCliInspectArguments,
 * EnableEmbeddedAsarIntegrityValidation, OnlyLoadAppFromAsar,
 * LoadBrowserProcessSpecificV8Snapshot, GrantFileProtocolExtraPrivileges.
 */
export const ELECTRON_DEFAULT_FUSES = '10110001';

/** Locales the stub ships; the packed app must keep only the configured ones. */
export const STUB_LOCALES = ['en-US', 'de', 'fr', 'ja', 'zh-CN'];

export function writeStubElectronDist(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'), { recursive: true });
  const wire = Buffer.concat([Buffer.from(FUSE_SENTINEL, 'latin1'), Buffer.from([1, ELECTRON_DEFAULT_FUSES.length]), Buffer.from(ELECTRON_DEFAULT_FUSES, 'latin1')]);
  const script = Buffer.from('#!/bin/sh\necho "stub Electron: packaging tests only" >&2\nexit 1\n# fuse wire:\n', 'latin1');
  writeFileSync(join(dir, 'electron'), Buffer.concat([script, wire, Buffer.from('\n')]));
  chmodSync(join(dir, 'electron'), 0o755);
  for (const locale of STUB_LOCALES) writeFileSync(join(dir, 'locales', `${locale}.pak`), `stub ${locale}\n`);
  writeFileSync(join(dir, 'LICENSE'), 'stub Electron license\n');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<p>stub</p>\n');
  writeFileSync(join(dir, 'version'), '0.0.0-stub');
}
