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
import { translatorFor, type Locale } from '../../core/i18n/index.ts';
import type { LocalePreferenceName, MenuCommandName } from '../../core/protocol.ts';

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
  /**
   * The menu's language: the window's choice in View › Language (`preference`) and the language
   * that resolves to (`locale`); `system` is the OS's language, named in the System item.
   */
  language?: { preference: LocalePreferenceName; locale: Locale; system: Locale };
}


const LANGUAGE_COMMANDS = { system: 'languageSystem', en: 'languageEn', ko: 'languageKo' } as const satisfies Record<LocalePreferenceName, MenuCommandName>;

type Item = MenuItemConstructorOptions;

/** Each platform's habit for Redo. */
export function redoAccelerator(platform: Platform): string {
  return platform === 'darwin' ? 'Shift+CmdOrCtrl+Z' : platform === 'win32' ? 'Ctrl+Y' : 'Ctrl+Shift+Z';
}

export function buildMenuTemplate(options: MenuOptions, actions: MenuActions): Item[] {
  const mac = options.platform === 'darwin';
  const language = options.language ?? { preference: 'system', locale: 'en', system: 'en' };
  const t = translatorFor(language.locale);
  const appName = options.appName;
  // Top-level menus carry access keys on Windows and Linux (`&File`, `파일(&F)`).
  const top = (menu: 'file' | 'edit' | 'view' | 'train' | 'help') => t(`menu:${menu}.${mac ? 'title' : 'mnemonic'}`);
  const command = (label: string, name: MenuCommandName, accelerator?: string, extra: Partial<Item> = {}): Item => ({
    id: name,
    label,
    ...(accelerator !== undefined ? { accelerator } : {}),
    click: (_item, window) => actions.command(name, window?.id),
    ...extra,
  });
  const separator: Item = { type: 'separator' };

  const openRecent: Item = mac
    ? { label: t('menu:file.openRecent'), role: 'recentDocuments', submenu: [{ label: t('menu:file.clearMenu'), role: 'clearRecentDocuments' }] }
    : {
        label: t('menu:file.openRecent'),
        submenu: [
          ...(options.recent.length === 0
            ? [{ label: t('menu:file.noRecent'), enabled: false }]
            : options.recent.map((path, i): Item => ({
                id: `recent-${i}`,
                label: `${i < 9 ? `&${i + 1} ` : ''}${options.displayName(path).replace(/&/g, '&&')}`,
                toolTip: path,
                click: () => actions.openRecent(path),
              }))),
          separator,
          { id: 'clearRecent', label: t('menu:file.clearRecent'), enabled: options.recent.length > 0, click: () => actions.clearRecent() },
        ],
      };

  const appMenu: Item = {
    label: appName,
    submenu: [
      command(t('menu:app.about', { appName }), 'about'),
      separator,
      { role: 'services', label: t('menu:app.services') },
      separator,
      { role: 'hide', label: t('menu:app.hide', { appName }) },
      { role: 'hideOthers', label: t('menu:app.hideOthers') },
      { role: 'unhide', label: t('menu:app.showAll') },
      separator,
      { role: 'quit', label: t('menu:app.quit', { appName }) },
    ],
  };

  const fileMenu: Item = {
    label: top('file'),
    submenu: [
      command(t('menu:file.new'), 'new', 'CmdOrCtrl+N'),
      { id: 'newWindow', label: t('menu:file.newWindow'), accelerator: 'CmdOrCtrl+Shift+N', click: () => actions.newWindow() },
      separator,
      command(t('menu:file.open'), 'open', 'CmdOrCtrl+O'),
      command(t('menu:file.openSample'), 'openSample'),
      openRecent,
      separator,
      command(t('menu:file.save'), 'save', 'CmdOrCtrl+S'),
      command(t('menu:file.saveAs'), 'saveAs', 'CmdOrCtrl+Shift+S'),
      separator,
      command(t('menu:file.importCsv'), 'importCsv', 'CmdOrCtrl+I'),
      command(t('menu:file.export'), 'export', 'CmdOrCtrl+E'),
      separator,
      { role: 'close', label: t('menu:file.closeWindow'), accelerator: 'CmdOrCtrl+W' },
      ...(mac ? [] : [separator, { role: 'quit', label: t('menu:file.exit'), ...(options.platform === 'linux' ? { accelerator: 'Ctrl+Q' } : {}) } as Item]),
    ],
  };

  const editMenu: Item = {
    label: top('edit'),
    submenu: [
      command(t('menu:edit.undo'), 'undo', 'CmdOrCtrl+Z'),
      command(t('menu:edit.redo'), 'redo', redoAccelerator(options.platform)),
      separator,
      { role: 'cut', label: t('menu:edit.cut') },
      { role: 'copy', label: t('menu:edit.copy') },
      { role: 'paste', label: t('menu:edit.paste') },
      command(t('menu:edit.duplicate'), 'duplicate', 'CmdOrCtrl+D'),
      // The Delete key itself belongs to the page (text fields, and the graph's own delete key):
      // shown as a hint on Windows and Linux, never registered; macOS cannot show it unregistered.
      command(t('menu:edit.delete'), 'delete', mac ? undefined : 'Delete', mac ? {} : { registerAccelerator: false }),
      separator,
      command(t('menu:edit.selectAll'), 'selectAll', 'CmdOrCtrl+A'),
    ],
  };

  const viewMenu: Item = {
    label: top('view'),
    submenu: [
      command(t('menu:view.autoLayout'), 'autoLayout', 'CmdOrCtrl+Shift+L'),
      command(t('menu:view.fitView'), 'fitView', 'CmdOrCtrl+Shift+F'),
      command(t('menu:view.toggleMinimap'), 'toggleMinimap', 'CmdOrCtrl+Shift+M'),
      separator,
      {
        id: 'language',
        label: t('menu:view.language'),
        submenu: (['system', 'en', 'ko'] as const).map((choice): Item => command(
          choice === 'system' ? t('menu:language.system', { language: t(`common:language.${language.system}`) }) : t(`common:language.${choice}`),
          LANGUAGE_COMMANDS[choice], undefined, { type: 'radio', checked: language.preference === choice },
        )),
      },
      separator,
      { role: 'resetZoom', label: t('menu:view.resetZoom') },
      { role: 'zoomIn', label: t('menu:view.zoomIn') },
      { role: 'zoomOut', label: t('menu:view.zoomOut') },
      separator,
      { role: 'togglefullscreen', label: t('menu:view.fullScreen') },
      ...(options.isPackaged ? [] : [separator, { role: 'forceReload', label: t('menu:view.reload') } as Item, { role: 'toggleDevTools', label: t('menu:view.devTools') } as Item]),
    ],
  };

  const trainMenu: Item = {
    label: top('train'),
    submenu: [
      command(t('menu:train.train'), 'train', 'CmdOrCtrl+Enter'),
      command(t('menu:train.stop'), 'stop', 'CmdOrCtrl+.'),
    ],
  };

  const windowMenu: Item = { role: 'windowMenu', label: t('menu:window.title') };

  const helpMenu: Item = {
    role: 'help',
    label: top('help'),
    submenu: [command(t('menu:app.about', { appName }), 'about', undefined, mac ? { id: 'aboutHelp' } : {})],
  };

  return [...(mac ? [appMenu] : []), fileMenu, editMenu, viewMenu, trainMenu, ...(mac ? [windowMenu] : []), helpMenu];
}
