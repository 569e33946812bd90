import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary, platformExecutable } from './electron-binary.ts';

const ROOT = '/repo';
const PKG = join(ROOT, 'node_modules', 'electron');

function find(files: Record<string, string>, env: Record<string, string> = {}, platform: NodeJS.Platform = 'linux') {
  return findElectronBinary({ root: ROOT, env, platform, exists: (p) => p in files, readText: (p) => (p in files ? files[p] : null) });
}

describe('findElectronBinary', () => {
  it('finds the downloaded binary named by path.txt', () => {
    expect(find({ [`${PKG}/package.json`]: '{}', [`${PKG}/path.txt`]: 'electron', [`${PKG}/dist/electron`]: '' }))
      .toEqual({ found: true, path: `${PKG}/dist/electron`, source: 'node_modules/electron' });
  });

  it('prefers ELECTRON_OVERRIDE_DIST_PATH, and says so when it is wrong', () => {
    expect(find({ '/opt/e/electron': '' }, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/e' }))
      .toEqual({ found: true, path: '/opt/e/electron', source: 'ELECTRON_OVERRIDE_DIST_PATH' });
    expect(find({}, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/e' })).toMatchObject({ found: false, reason: expect.stringContaining('ELECTRON_OVERRIDE_DIST_PATH') });
    expect(find({ '/opt/e/Electron.app/Contents/MacOS/Electron': '' }, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/e' }, 'darwin').found).toBe(true);
  });

  it('explains each way the binary can be missing, without downloading', () => {
    expect(find({})).toEqual({ found: false, reason: 'the electron package is not installed (npm install)' });
    expect(find({ [`${PKG}/package.json`]: '{}' })).toEqual({ found: false, reason: 'node_modules/electron has not downloaded its binary (no path.txt)' });
    expect(find({ [`${PKG}/package.json`]: '{}', [`${PKG}/path.txt`]: 'electron' })).toEqual({ found: false, reason: `${PKG}/dist/electron does not exist` });
  });

  it('names each platform’s executable as the installer does', () => {
    expect([platformExecutable('linux'), platformExecutable('win32'), platformExecutable('darwin')]).toEqual(['electron', 'electron.exe', 'Electron.app/Contents/MacOS/Electron']);
  });
});
