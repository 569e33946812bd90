/**
 * The in-window menu bar of the browser build (Electron has a native menu instead). It only
 * emits MenuCommands, so both menus drive the app through the same path. Keyboard: Enter or
 * ArrowDown opens a menu, arrows move, Escape closes.
 */
import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { MenuCommand } from '../host/host.ts';
import { shortcutLabel } from '../app/shortcuts.ts';

interface MenuItem {
  command: MenuCommand;
  label: string;
}

const MENUS: { label: string; items: (MenuItem | 'separator')[] }[] = [
  {
    label: 'File',
    items: [
      { command: 'new', label: 'New project' },
      { command: 'open', label: 'Open…' },
      { command: 'openSample', label: 'Open sample…' },
      'separator',
      { command: 'save', label: 'Save' },
      { command: 'saveAs', label: 'Save as…' },
      'separator',
      { command: 'importCsv', label: 'Import CSV…' },
      { command: 'export', label: 'Export…' },
    ],
  },
  {
    label: 'Edit',
    items: [
      { command: 'undo', label: 'Undo' },
      { command: 'redo', label: 'Redo' },
      'separator',
      { command: 'copy', label: 'Copy' },
      { command: 'paste', label: 'Paste' },
      { command: 'duplicate', label: 'Duplicate' },
      { command: 'delete', label: 'Delete' },
      'separator',
      { command: 'selectAll', label: 'Select all' },
    ],
  },
  {
    label: 'View',
    items: [
      { command: 'autoLayout', label: 'Auto-layout' },
      { command: 'fitView', label: 'Fit view' },
      { command: 'toggleMinimap', label: 'Show or hide the minimap' },
    ],
  },
  {
    label: 'Training',
    items: [
      { command: 'train', label: 'Train / continue / resume' },
      { command: 'stop', label: 'Stop' },
    ],
  },
];

export interface MenuBarProps {
  mac: boolean;
  disabled: ReadonlySet<MenuCommand>;
  onCommand(command: MenuCommand): void;
}

function MenuBarView({ mac, disabled, onCommand }: MenuBarProps) {
  const [open, setOpen] = useState<number | null>(null);
  const bar = useRef<HTMLDivElement>(null);
  // Where the focus was before the menu bar took it: a chosen command gives it back there.
  const returnFocus = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (open === null) return;
    const close = (event: PointerEvent) => {
      if (!bar.current?.contains(event.target as Node)) setOpen(null);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [open]);

  useEffect(() => {
    if (open === null) return;
    bar.current?.querySelector<HTMLButtonElement>(`[data-menu="${open}"] [role="menu"] [role="menuitem"]:not([disabled])`)?.focus();
  }, [open]);

  const focusMenuButton = (index: number) => bar.current?.querySelector<HTMLButtonElement>(`[data-menu-button="${index}"]`)?.focus();

  const onMenuKey = (event: KeyboardEvent, index: number) => {
    const items = [...(bar.current?.querySelectorAll<HTMLButtonElement>(`[data-menu="${index}"] [role="menu"] [role="menuitem"]:not([disabled])`) ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown') items[(at + 1) % items.length]?.focus();
    else if (event.key === 'ArrowUp') items[(at - 1 + items.length) % items.length]?.focus();
    else if (event.key === 'ArrowRight') setOpen((index + 1) % MENUS.length);
    else if (event.key === 'ArrowLeft') setOpen((index - 1 + MENUS.length) % MENUS.length);
    else if (event.key === 'Escape') {
      setOpen(null);
      focusMenuButton(index);
    } else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div className="lb-menubar" role="menubar" aria-label="Main menu" ref={bar}
      onFocus={(e) => {
        if (!bar.current?.contains(e.relatedTarget as Node | null)) returnFocus.current = e.relatedTarget instanceof HTMLElement ? e.relatedTarget : null;
      }}
      onBlur={(e) => {
        // Tabbing out of an open menu closes it.
        if (open !== null && !bar.current?.contains(e.relatedTarget as Node | null)) setOpen(null);
      }}>
      {MENUS.map((menu, index) => (
        <div key={menu.label} className="lb-menubar__menu" data-menu={index}>
          <button type="button" role="menuitem" aria-haspopup="menu" aria-expanded={open === index} data-menu-button={index}
            className="lb-menubar__button"
            onClick={() => setOpen(open === index ? null : index)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                setOpen(index);
              }
            }}
            onPointerEnter={() => open !== null && open !== index && setOpen(index)}>
            {menu.label}
          </button>
          {open === index && (
            <div className="lb-menubar__popup" role="menu" aria-label={menu.label} onKeyDown={(e) => onMenuKey(e, index)}>
              {menu.items.map((item, i) =>
                item === 'separator' ? (
                  <div key={`sep${i}`} role="separator" className="lb-menubar__separator" />
                ) : (
                  <button key={item.command} type="button" role="menuitem" className="lb-menubar__item" disabled={disabled.has(item.command)}
                    data-command={item.command}
                    onClick={() => {
                      setOpen(null);
                      if (returnFocus.current?.isConnected) returnFocus.current.focus();
                      onCommand(item.command);
                    }}>
                    <span>{item.label}</span>
                    <span className="lb-menubar__shortcut">{shortcutLabel(item.command, mac)}</span>
                  </button>
                ),
              )}
            </div>
          )}
        </div>
      ))}
    </div>
  );
}

export const MenuBar = memo(MenuBarView);
