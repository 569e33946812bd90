/**
 * Keyboard shortcuts as data: a key stroke in, a menu command out. The same commands arrive from
 * the native menu (Electron) and the in-window menu bar (browser), so every action has one path.
 * Pure, so the key map is tested without a DOM.
 */
import type { MenuCommand } from '../host/host.ts';

export interface KeyStroke {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export interface ShortcutContext {
  /** macOS uses Cmd where other systems use Ctrl. */
  mac: boolean;
  /** Focus is in a text field: editing keys belong to the field. */
  typing: boolean;
}

/**
 * Commands that still work from inside a text field (the field's value is already committed).
 * The same keys as Electron's menu accelerators (electron/main/menu.ts), so both builds agree.
 */
const WHILE_TYPING = new Set<MenuCommand>(['save', 'saveAs', 'open', 'new', 'importCsv', 'train', 'stop']);

export function shortcutFor(stroke: KeyStroke, context: ShortcutContext): MenuCommand | null {
  const command = match(stroke, context.mac);
  if (command === null) return null;
  return context.typing && !WHILE_TYPING.has(command) ? null : command;
}

function match(stroke: KeyStroke, mac: boolean): MenuCommand | null {
  const mod = mac ? stroke.metaKey && !stroke.ctrlKey : stroke.ctrlKey && !stroke.metaKey;
  const key = stroke.key.length === 1 ? stroke.key.toLowerCase() : stroke.key;
  if (stroke.altKey) return null;
  if (!mod) {
    if ((key === 'Delete' || key === 'Backspace') && !stroke.ctrlKey && !stroke.metaKey && !stroke.shiftKey) return 'delete';
    return null;
  }
  if (stroke.shiftKey) {
    switch (key) {
      case 'z': return 'redo';
      case 's': return 'saveAs';
      case 'l': return 'autoLayout';
      case 'f': return 'fitView';
      case 'm': return 'toggleMinimap';
      default: return null;
    }
  }
  switch (key) {
    case 'z': return 'undo';
    case 'y': return 'redo';
    case 's': return 'save';
    case 'o': return 'open';
    case 'n': return 'new';
    case 'd': return 'duplicate';
    case 'a': return 'selectAll';
    case 'i': return 'importCsv';
    case 'Enter': return 'train';
    case '.': return 'stop';
    default: return null;
  }
}

/** How a shortcut is written in menus and tooltips on this platform: `Ctrl+Z`, `⌘Z`. */
export function shortcutLabel(command: MenuCommand, mac: boolean): string | null {
  const mod = mac ? '⌘' : 'Ctrl+';
  const shift = mac ? '⇧' : 'Shift+';
  switch (command) {
    case 'undo': return `${mod}Z`;
    case 'redo': return mac ? `${shift}${mod}Z` : `${mod}Y`;
    case 'save': return `${mod}S`;
    case 'saveAs': return `${shift}${mod}S`.replace('Shift+Ctrl+', 'Ctrl+Shift+');
    case 'open': return `${mod}O`;
    case 'new': return `${mod}N`;
    case 'duplicate': return `${mod}D`;
    case 'selectAll': return `${mod}A`;
    case 'copy': return `${mod}C`;
    case 'paste': return `${mod}V`;
    case 'delete': return mac ? '⌫' : 'Del';
    case 'importCsv': return `${mod}I`;
    case 'autoLayout': return mac ? `${shift}${mod}L` : 'Ctrl+Shift+L';
    case 'fitView': return mac ? `${shift}${mod}F` : 'Ctrl+Shift+F';
    case 'toggleMinimap': return mac ? `${shift}${mod}M` : 'Ctrl+Shift+M';
    default: return null;
  }
}
