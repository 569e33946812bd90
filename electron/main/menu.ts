/**
 * The native menu as a template, built from plain data so that tests can read every label,
 * accelerator and command per platform without Electron. Commands that edit the document go to
 * the focused window as MenuCommands (the renderer owns the document); a few things main does
 * itself (New Window, Open Recent, Quit, zoom, full screen).
 *
 * Cut, Copy and Paste are native roles, not commands: a menu accelerator swallows the key before
 * the page sees it, so a Copy command would break copying text in every input field. The roles
 * copy text natively and fire the DOM `copy`/`paste`/`cut` events, which the renderer handles
 * for graph nodes exactly as it does in the browser build. Undo, Redo and Select All are
 * commands: the renderer applies them to a focused text field itself, else to the graph.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommandName } from '../../core/protocol.ts';

export type Platform = 'darwin' | 'win32' | 'linux';

export interface MenuActions {
  /** A MenuCommand for the focused window (`windowId` undefined: no window has focus). */
  command(command: MenuCommandName, windowId: number | undefined): void;
  newWindow(): void;
  openRecent(path: string): void;
  clearRecent(): void;
}

export interface MenuOptions {
  platform: Platform;
  appName: string;
  /** Recent projects, newest first (the Open Recent submenu on Windows and Linux; macOS keeps its own list). */
  recent: readonly string[];
  /** Development builds get Reload and the developer tools. */
  isPackaged: boolean;
  /** Display name of a recent path (its file name). */
  displayName(path: string): string;
}

type Item = MenuItemConstructorOptions;

/** Each platform's habit for Redo. */
export function redoAccelerator(platform: Platform): string {
  return platform === 'darwin' ? 'Shift+CmdOrCtrl+Z' : platform === 'win32' ? 'Ctrl+Y' : 'Ctrl+Shift+Z';
}

export function buildMenuTemplate(options: MenuOptions, actions: MenuActions): Item[] {
  const mac = options.platform === 'darwin';
  const command = (label: string, name: MenuCommandName, accelerator?: string, extra: Partial<Item> = {}): Item => ({
    id: name,
    label,
    ...(accelerator !== undefined ? { accelerator } : {}),
    click: (_item, window) => actions.command(name, window?.id),
    ...extra,
  });
  const separator: Item = { type: 'separator' };

  const openRecent: Item = mac
    ? { label: 'Open Recent', role: 'recentDocuments', submenu: [{ label: 'Clear Menu', role: 'clearRecentDocuments' }] }
    : {
        label: 'Open Recent',
        submenu: [
          ...(options.recent.length === 0
            ? [{ label: 'No Recent Projects', enabled: false }]
            : options.recent.map((path, i): Item => ({
                id: `recent-${i}`,
                label: `${i < 9 ? `&${i + 1} ` : ''}${options.displayName(path).replace(/&/g, '&&')}`,
                toolTip: path,
                click: () => actions.openRecent(path),
              }))),
          separator,
          { id: 'clearRecent', label: 'Clear Recently Opened', enabled: options.recent.length > 0, click: () => actions.clearRecent() },
        ],
      };

  const appMenu: Item = {
    label: options.appName,
    submenu: [
      command(`About ${options.appName}`, 'about'),
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };

  const fileMenu: Item = {
    label: mac ? 'File' : '&File',
    submenu: [
      command('New Project', 'new', 'CmdOrCtrl+N'),
      { id: 'newWindow', label: 'New Window', accelerator: 'CmdOrCtrl+Shift+N', click: () => actions.newWindow() },
      separator,
      command('Open…', 'open', 'CmdOrCtrl+O'),
      command('Open Sample…', 'openSample'),
      openRecent,
      separator,
      command('Save', 'save', 'CmdOrCtrl+S'),
      command('Save As…', 'saveAs', 'CmdOrCtrl+Shift+S'),
      separator,
      command('Import CSV…', 'importCsv', 'CmdOrCtrl+I'),
      command('Export…', 'export', 'CmdOrCtrl+E'),
      separator,
      { role: 'close', label: 'Close Window', accelerator: 'CmdOrCtrl+W' },
      ...(mac ? [] : [separator, { role: 'quit', label: 'E&xit', ...(options.platform === 'linux' ? { accelerator: 'Ctrl+Q' } : {}) } as Item]),
    ],
  };

  const editMenu: Item = {
    label: mac ? 'Edit' : '&Edit',
    submenu: [
      command('Undo', 'undo', 'CmdOrCtrl+Z'),
      command('Redo', 'redo', redoAccelerator(options.platform)),
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      command('Duplicate', 'duplicate', 'CmdOrCtrl+D'),
      // The Delete key itself belongs to the page (text fields, and the graph's own delete key):
      // shown as a hint on Windows and Linux, never registered; macOS cannot show it unregistered.
      command('Delete', 'delete', mac ? undefined : 'Delete', mac ? {} : { registerAccelerator: false }),
      separator,
      command('Select All', 'selectAll', 'CmdOrCtrl+A'),
    ],
  };

  const viewMenu: Item = {
    label: mac ? 'View' : '&View',
    submenu: [
      command('Auto Layout', 'autoLayout', 'CmdOrCtrl+Shift+L'),
      command('Fit to Window', 'fitView', 'CmdOrCtrl+Shift+F'),
      command('Toggle Minimap', 'toggleMinimap', 'CmdOrCtrl+Shift+M'),
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
      ...(options.isPackaged ? [] : [separator, { role: 'forceReload' } as Item, { role: 'toggleDevTools' } as Item]),
    ],
  };

  const trainMenu: Item = {
    label: mac ? 'Train' : '&Train',
    submenu: [
      command('Train', 'train', 'CmdOrCtrl+Enter'),
      command('Stop', 'stop', 'CmdOrCtrl+.'),
    ],
  };

  const windowMenu: Item = { role: 'windowMenu' };

  const helpMenu: Item = {
    role: 'help',
    label: mac ? 'Help' : '&Help',
    submenu: [command(`About ${options.appName}`, 'about', undefined, mac ? { id: 'aboutHelp' } : {})],
  };

  return [...(mac ? [appMenu] : []), fileMenu, editMenu, viewMenu, trainMenu, ...(mac ? [windowMenu] : []), helpMenu];
}
