import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { MenuCommandName } from '../../core/protocol.ts';
import { buildMenuTemplate, redoAccelerator, type MenuActions, type MenuOptions, type Platform } from './menu.ts';

type Item = MenuItemConstructorOptions;

function build(platform: Platform, recent: string[] = [], isPackaged = true, language?: MenuOptions['language']) {
  const actions: MenuActions = { command: vi.fn(), newWindow: vi.fn(), openRecent: vi.fn(), clearRecent: vi.fn() };
  const template = buildMenuTemplate({ platform, appName: 'Layerboard', recent, isPackaged, displayName: (p) => p.split('/').pop()!, ...(language ? { language } : {}) }, actions);
  return { template, actions };
}

function flatten(items: Item[]): Item[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

/** Clicks an item the way Electron does: click(menuItem, focusedWindow, event). */
function click(item: Item, windowId?: number) {
  (item.click as unknown as (i: unknown, w: unknown, e: unknown) => void)({}, windowId === undefined ? undefined : { id: windowId }, {});
}

const topLabels = (template: Item[]) => template.map((m) => (m.label ?? m.role ?? '').replace('&', ''));

// Electron's accelerator grammar: modifiers joined by "+", then one key.
const MODIFIER = /^(Command|Cmd|Control|Ctrl|CommandOrControl|CmdOrCtrl|Alt|Option|AltGr|Shift|Super|Meta)$/;
const KEY = /^([A-Z0-9]|F([1-9]|1[0-9]|2[0-4])|Plus|Space|Tab|Capslock|Numlock|Scrolllock|Backspace|Delete|Insert|Return|Enter|Up|Down|Left|Right|Home|End|PageUp|PageDown|Escape|Esc|PrintScreen|[)!@#$%^&*(:;:+=<,_\-.>?/~`{\][|\\}"'])$/;
function isValidAccelerator(accelerator: string): boolean {
  const parts = accelerator.split('+');
  // "CmdOrCtrl+=" style keys and "Plus" both end the list; a trailing "+" means the key is "+".
  const key = accelerator.endsWith('++') ? '+' : parts.at(-1)!;
  const modifiers = accelerator.endsWith('++') ? parts.slice(0, -2) : parts.slice(0, -1);
  return modifiers.every((m) => MODIFIER.test(m)) && KEY.test(key);
}

describe('the native menu', () => {
  it('has File, Edit, View, Train, Help everywhere, with the app menu and Window menu on macOS', () => {
    expect(topLabels(build('win32').template)).toEqual(['File', 'Edit', 'View', 'Train', 'Help']);
    expect(topLabels(build('linux').template)).toEqual(['File', 'Edit', 'View', 'Train', 'Help']);
    expect(topLabels(build('darwin').template)).toEqual(['Layerboard', 'File', 'Edit', 'View', 'Train', 'Window', 'Help']);
    expect(build('darwin').template[5].role).toBe('windowMenu');
  });

  // One row per command: its accelerator on each platform.
  const commands: [MenuCommandName, string | undefined, string | undefined, string | undefined][] = [
    ['new', 'CmdOrCtrl+N', 'CmdOrCtrl+N', 'CmdOrCtrl+N'],
    ['open', 'CmdOrCtrl+O', 'CmdOrCtrl+O', 'CmdOrCtrl+O'],
    ['openSample', undefined, undefined, undefined],
    ['save', 'CmdOrCtrl+S', 'CmdOrCtrl+S', 'CmdOrCtrl+S'],
    ['saveAs', 'CmdOrCtrl+Shift+S', 'CmdOrCtrl+Shift+S', 'CmdOrCtrl+Shift+S'],
    ['importCsv', 'CmdOrCtrl+I', 'CmdOrCtrl+I', 'CmdOrCtrl+I'],
    ['undo', 'CmdOrCtrl+Z', 'CmdOrCtrl+Z', 'CmdOrCtrl+Z'],
    ['redo', 'Shift+CmdOrCtrl+Z', 'Ctrl+Y', 'Ctrl+Shift+Z'],
    ['duplicate', 'CmdOrCtrl+D', 'CmdOrCtrl+D', 'CmdOrCtrl+D'],
    ['delete', undefined, 'Delete', 'Delete'],
    ['selectAll', 'CmdOrCtrl+A', 'CmdOrCtrl+A', 'CmdOrCtrl+A'],
    ['autoLayout', 'CmdOrCtrl+Shift+L', 'CmdOrCtrl+Shift+L', 'CmdOrCtrl+Shift+L'],
    ['fitView', 'CmdOrCtrl+Shift+F', 'CmdOrCtrl+Shift+F', 'CmdOrCtrl+Shift+F'],
    ['toggleMinimap', 'CmdOrCtrl+Shift+M', 'CmdOrCtrl+Shift+M', 'CmdOrCtrl+Shift+M'],
    ['train', 'CmdOrCtrl+Enter', 'CmdOrCtrl+Enter', 'CmdOrCtrl+Enter'],
    ['stop', 'CmdOrCtrl+.', 'CmdOrCtrl+.', 'CmdOrCtrl+.'],
    ['about', undefined, undefined, undefined],
    ['languageSystem', undefined, undefined, undefined],
    ['languageEn', undefined, undefined, undefined],
    ['languageKo', undefined, undefined, undefined],
  ];

  it.each(commands)('%s: accelerator per platform, and a click sends it to the focused window', (name, mac, win, linux) => {
    for (const [platform, accelerator] of [['darwin', mac], ['win32', win], ['linux', linux]] as const) {
      const { template, actions } = build(platform);
      const item = flatten(template).find((i) => i.id === name)!;
      expect(item, `${name} on ${platform}`).toBeDefined();
      expect(item.accelerator).toBe(accelerator);
      click(item, 42);
      expect(actions.command).toHaveBeenCalledWith(name, 42);
      click(item);
      expect(actions.command).toHaveBeenLastCalledWith(name, undefined);
    }
  });

  it('leaves copy and paste to native roles, so text fields keep working (see menu.ts)', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const roles = flatten(build(platform).template).map((i) => i.role);
      expect(roles).toEqual(expect.arrayContaining(['cut', 'copy', 'paste']));
      expect(flatten(build(platform).template).some((i) => i.id === 'copy' || i.id === 'paste')).toBe(false);
    }
  });

  it('registers no Delete accelerator that would swallow the key in text fields', () => {
    const item = flatten(build('win32').template).find((i) => i.id === 'delete')!;
    expect(item.registerAccelerator).toBe(false);
  });

  it('uses only valid accelerators, none twice', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const accelerators = flatten(build(platform, ['/a.layerboard'], false).template).map((i) => i.accelerator).filter((a): a is string => a !== undefined);
      for (const a of accelerators) expect(isValidAccelerator(a), a).toBe(true);
      expect(new Set(accelerators).size).toBe(accelerators.length);
    }
  });

  it('puts About and Quit in the app menu on macOS, Exit in File elsewhere (Ctrl+Q on Linux)', () => {
    const mac = build('darwin').template;
    expect(flatten([mac[0]]).map((i) => i.role ?? i.id)).toEqual(expect.arrayContaining(['about', 'services', 'hide', 'quit']));
    expect(flatten(mac.slice(1)).some((i) => i.role === 'quit')).toBe(false);
    const linuxExit = flatten(build('linux').template).find((i) => i.role === 'quit')!;
    expect(linuxExit.accelerator).toBe('Ctrl+Q');
    const winExit = flatten(build('win32').template).find((i) => i.role === 'quit')!;
    expect(winExit.accelerator).toBeUndefined();
  });

  it('lists recent projects on Windows and Linux and uses the native list on macOS', () => {
    const { template, actions } = build('linux', ['/p/a.layerboard', '/p/R&D.layerboard']);
    const recent = flatten(template).find((i) => i.label === 'Open Recent')!;
    const items = recent.submenu as Item[];
    expect(items.map((i) => i.label ?? i.type)).toEqual(['&1 a.layerboard', '&2 R&&D.layerboard', 'separator', 'Clear Recently Opened']);
    click(items[1]);
    expect(actions.openRecent).toHaveBeenCalledWith('/p/R&D.layerboard');
    click(items[3]);
    expect(actions.clearRecent).toHaveBeenCalled();
    const empty = flatten(build('win32').template).find((i) => i.label === 'Open Recent')!;
    expect((empty.submenu as Item[])[0]).toMatchObject({ label: 'No Recent Projects', enabled: false });
    const mac = flatten(build('darwin').template).find((i) => i.label === 'Open Recent')!;
    expect(mac.role).toBe('recentDocuments');
    expect((mac.submenu as Item[])[0].role).toBe('clearRecentDocuments');
  });

  it('New Window is main’s own action', () => {
    const { template, actions } = build('win32');
    click(flatten(template).find((i) => i.id === 'newWindow')!);
    expect(actions.newWindow).toHaveBeenCalled();
    expect(actions.command).not.toHaveBeenCalled();
  });

  it('offers Reload and the developer tools only in development', () => {
    expect(flatten(build('linux', [], true).template).some((i) => i.role === 'toggleDevTools' || i.role === 'forceReload')).toBe(false);
    expect(flatten(build('linux', [], false).template).filter((i) => i.role === 'toggleDevTools' || i.role === 'forceReload')).toHaveLength(2);
  });

  it('redo follows each platform’s habit', () => {
    expect([redoAccelerator('darwin'), redoAccelerator('win32'), redoAccelerator('linux')]).toEqual(['Shift+CmdOrCtrl+Z', 'Ctrl+Y', 'Ctrl+Shift+Z']);
  });

  it('View › Language offers System, English and 한국어 as radio items, the chosen one checked', () => {
    const language = (template: Item[]) => (flatten(template).find((i) => i.id === 'language')!.submenu as Item[]);
    const system = language(build('linux').template);
    expect(system.map((i) => [i.id, i.label, i.type, i.checked])).toEqual([
      ['languageSystem', 'System (English)', 'radio', true],
      ['languageEn', 'English', 'radio', false],
      ['languageKo', '한국어', 'radio', false],
    ]);
    const korean = language(build('linux', [], true, { preference: 'ko', locale: 'ko', system: 'en' }).template);
    expect(korean.map((i) => [i.label, i.checked])).toEqual([['시스템 설정 (English)', false], ['English', false], ['한국어', true]]);
  });

  it('speaks the chosen language: menus, items and the native roles’ labels, with access keys on Windows', () => {
    const ko = { preference: 'system', locale: 'ko', system: 'ko' } as const;
    expect(topLabels(build('win32', [], true, ko).template)).toEqual(['파일(F)', '편집(E)', '보기(V)', '학습(T)', '도움말(H)']);
    expect(build('win32', [], true, ko).template[0].label).toBe('파일(&F)');
    expect(topLabels(build('darwin', [], true, ko).template)).toEqual(['Layerboard', '파일', '편집', '보기', '학습', '창', '도움말']);
    const items = flatten(build('darwin', [], true, ko).template);
    expect(items.find((i) => i.id === 'saveAs')!.label).toBe('다른 이름으로 저장…');
    expect(items.find((i) => i.role === 'copy')!.label).toBe('복사');
    expect(items.find((i) => i.role === 'quit')!.label).toBe('Layerboard 종료');
    expect(items.find((i) => i.id === 'languageSystem')!.label).toBe('시스템 설정 (한국어)');
    // Every item has words: none falls back to a key.
    for (const item of items) if (item.label !== undefined) expect(item.label).not.toMatch(/^menu:|^common:/);
  });
});
