/**
 * The main-process entry: hands Electron's real modules to createMain (app.ts), where all the
 * logic lives. Kept thin because nothing here runs without an Electron binary.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, MessageChannelMain, protocol, screen, session, shell, utilityProcess } from 'electron';
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../../core/cli/atomic-write.ts';
import { APP_SCHEME_PRIVILEGES } from './app-protocol.ts';
import { devServerOriginOf } from './app-url.ts';
import { createMain } from './app.ts';
import type { Platform } from './menu.ts';

// Before 'ready'. The entry is evaluated before Electron emits 'ready' as long as nothing here
// awaits first (Electron's ESM notes: no top-level await or dynamic import ahead of these).
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
// Tests and side-by-side runs keep their settings apart (like VS Code's --user-data-dir).
if (process.env.LAYERBOARD_USER_DATA_DIR) app.setPath('userData', process.env.LAYERBOARD_USER_DATA_DIR);
// Jump lists and recent documents on Windows belong to this id (electron-builder.yml's appId).
if (process.platform === 'win32') app.setAppUserModelId('org.layerboard.app');

const here = fileURLToPath(new URL('.', import.meta.url));
const platform: Platform = process.platform === 'darwin' || process.platform === 'win32' ? process.platform : 'linux';
const devServerUrl = !app.isPackaged && devServerOriginOf(process.env.ELECTRON_RENDERER_URL) !== null ? process.env.ELECTRON_RENDERER_URL ?? null : null;

createMain<BrowserWindow>(
  {
    app,
    dialog: {
      showOpenDialog: (parent, options) => (parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options)),
      showSaveDialog: (parent, options) => (parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options)),
      showMessageBox: (parent, options) => (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options)),
    },
    ipcMain,
    createWindow: (options) => new BrowserWindow(options),
    setApplicationMenu: (template) => Menu.setApplicationMenu(Menu.buildFromTemplate(template)),
    protocol,
    session: () => session.defaultSession,
    shell,
    screen,
    fs: {
      readFile: (path) => fsp.readFile(path),
      stat: (path) => fsp.stat(path),
      realpath: (path) => fsp.realpath(path),
      writeFileAtomic: (path, data) => writeFileAtomic(path, data),
    },
    storeFs: {
      readText: (path) => fsp.readFile(path, 'utf8'),
      mkdir: (path, options) => fsp.mkdir(path, options),
      writeFileAtomic: (path, data) => writeFileAtomic(path, data),
    },
    recoveryFs: {
      readdir: (path) => fsp.readdir(path),
      readText: (path) => fsp.readFile(path, 'utf8'),
      stat: (path) => fsp.stat(path),
      mkdir: (path, options) => fsp.mkdir(path, options),
      writeFileAtomic: (path, data) => writeFileAtomic(path, data),
      unlink: (path) => fsp.unlink(path),
    },
    trainers: {
      fork: (modulePath, args, options) => utilityProcess.fork(modulePath, args, options),
      createChannel: () => new MessageChannelMain(),
    },
  },
  {
    platform,
    appName: app.getName(),
    argv: process.argv,
    cwd: process.cwd(),
    isPackaged: app.isPackaged,
    paths: {
      userData: app.getPath('userData'),
      documents: app.getPath('documents'),
      samples: join(app.getAppPath(), 'assets', 'samples'),
      renderer: join(here, '..', 'renderer'),
      preload: join(here, '..', 'preload', 'preload.cjs'),
      // Built beside main.js (electron.vite.config.ts: the main build's second input).
      trainerWorker: join(here, 'trainer-worker.js'),
    },
    devServerUrl,
  },
);
