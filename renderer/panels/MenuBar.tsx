/**
 * The in-window menu bar of the browser build (Electron has a native menu instead). It only
 * emits MenuCommands, so both menus drive the app through the same path. Keyboard: Enter or
 * ArrowDown opens a menu, arrows move, Escape closes. Its words are core's `menu` namespace, the
 * same the native menu uses.
 */
import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MenuCommand } from '../host/host.ts';
import { shortcutLabel } from '../app/shortcuts.ts';
import { systemLocale } from '../i18n/i18n.ts';
import { LANGUAGE_CHOICES, useLocalePreference } from '../i18n/language.ts';

interface MenuItem {
  command: MenuCommand;
  /** A `menu:` key. */
  label: string;
}

type Entry = MenuItem | 'separator' | 'language';

const MENUS: { label: string; items: Entry[] }[] = [
  {
    label: 'menu:file.title',
    items: [
      { command: 'new', label: 'menu:file.new' },
      { command: 'open', label: 'menu:file.open' },
      { command: 'openSample', label: 'menu:file.openSample' },
      'separator',
      { command: 'save', label: 'menu:file.save' },
      { command: 'saveAs', label: 'menu:file.saveAs' },
      'separator',
      { command: 'importCsv', label: 'menu:file.importCsv' },
      { command: 'export', label: 'menu:file.export' },
    ],
  },
  {
    label: 'menu:edit.title',
    items: [
      { command: 'undo', label: 'menu:edit.undo' },
      { command: 'redo', label: 'menu:edit.redo' },
      'separator',
      { command: 'copy', label: 'menu:edit.copy' },
      { command: 'paste', label: 'menu:edit.paste' },
      { command: 'duplicate', label: 'menu:edit.duplicate' },
      { command: 'delete', label: 'menu:edit.delete' },
      'separator',
      { command: 'selectAll', label: 'menu:edit.selectAll' },
    ],
  },
  {
    label: 'menu:view.title',
    items: [
      { command: 'autoLayout', label: 'menu:view.autoLayout' },
      { command: 'fitView', label: 'menu:view.fitView' },
      { command: 'toggleMinimap', label: 'menu:view.toggleMinimap' },
      'separator',
      'language',
    ],
  },
  {
    label: 'menu:train.title',
    items: [
      { command: 'train', label: 'menu:train.train' },
      { command: 'stop', label: 'menu:train.stop' },
    ],
  },
];

const ITEMS = '[role="menuitem"]:not([disabled]), [role="menuitemradio"]:not([disabled])';

export interface MenuBarProps {
  mac: boolean;
  disabled: ReadonlySet<MenuCommand>;
  onCommand(command: MenuCommand): void;
}

function MenuBarView({ mac, disabled, onCommand }: MenuBarProps) {
  const { t } = useTranslation();
  const preference = useLocalePreference();
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
    bar.current?.querySelector<HTMLButtonElement>(`[data-menu="${open}"] [role="menu"] :is(${ITEMS})`)?.focus();
  }, [open]);

  const focusMenuButton = (index: number) => bar.current?.querySelector<HTMLButtonElement>(`[data-menu-button="${index}"]`)?.focus();

  const onMenuKey = (event: KeyboardEvent, index: number) => {
    const items = [...(bar.current?.querySelectorAll<HTMLButtonElement>(`[data-menu="${index}"] [role="menu"] :is(${ITEMS})`) ?? [])];
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

  const choose = (command: MenuCommand) => {
    setOpen(null);
    if (returnFocus.current?.isConnected) returnFocus.current.focus();
    onCommand(command);
  };

  const languageItems = () => (
    <div key="language" role="group" aria-label={t('menu:view.language')} className="lb-menubar__group">
      <div className="lb-menubar__group-title" aria-hidden="true">{t('menu:view.language')}</div>
      {LANGUAGE_CHOICES.map(({ command, preference: choice }) => (
        <button key={command} type="button" role="menuitemradio" aria-checked={preference === choice} className="lb-menubar__item"
          data-command={command} onClick={() => choose(command)}>
          <span>{choice === 'system' ? t('menu:language.system', { language: t(`common:language.${systemLocale()}`) }) : t(`common:language.${choice}`)}</span>
          <span className="lb-menubar__shortcut">{preference === choice ? '✓' : ''}</span>
        </button>
      ))}
    </div>
  );

  return (
    <div className="lb-menubar" role="menubar" aria-label={t('menu:bar.label')} ref={bar}
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
            {t(menu.label)}
          </button>
          {open === index && (
            <div className="lb-menubar__popup" role="menu" aria-label={t(menu.label)} onKeyDown={(e) => onMenuKey(e, index)}>
              {menu.items.map((item, i) =>
                item === 'separator' ? (
                  <div key={`sep${i}`} role="separator" className="lb-menubar__separator" />
                ) : item === 'language' ? (
                  languageItems()
                ) : (
                  <button key={item.command} type="button" role="menuitem" className="lb-menubar__item" disabled={disabled.has(item.command)}
                    data-command={item.command} onClick={() => choose(item.command)}>
                    <span>{t(item.label)}</span>
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
