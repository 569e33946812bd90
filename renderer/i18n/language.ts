/**
 * The language choice as the UI sees it: View › Language sends `languageSystem`, `languageEn`
 * or `languageKo` (from the browser's menu bar or Electron's native menu, the same path as every
 * other menu command); the choice is applied and remembered (i18n.ts) and told to the host, whose
 * own words (Electron's native menu) follow it.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { Host, MenuCommand } from '../host/host.ts';
import { readLocalePreference, setLocalePreference, type LocalePreference } from './i18n.ts';

export const LANGUAGE_CHOICES: readonly { command: MenuCommand; preference: LocalePreference }[] = [
  { command: 'languageSystem', preference: 'system' },
  { command: 'languageEn', preference: 'en' },
  { command: 'languageKo', preference: 'ko' },
];

/** The preference a language command asks for, or null for any other command. */
export function languageOfCommand(command: MenuCommand): LocalePreference | null {
  return LANGUAGE_CHOICES.find((c) => c.command === command)?.preference ?? null;
}

const listeners = new Set<() => void>();
let current: LocalePreference | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function currentLocalePreference(): LocalePreference {
  current ??= readLocalePreference();
  return current;
}

/** Switches the window's language, remembers it, and tells the host. */
export function chooseLanguage(preference: LocalePreference, host?: Pick<Host, 'setLocale'>): void {
  setLocalePreference(preference);
  current = preference;
  host?.setLocale?.(preference);
  for (const listener of listeners) listener();
}

/** The current choice ('system', 'en' or 'ko'), re-rendering when it changes. */
export function useLocalePreference(): LocalePreference {
  return useSyncExternalStore(subscribe, currentLocalePreference);
}

/** Tells the host the remembered choice once, so a native menu starts in the window's language. */
export function useHostLanguage(host: Pick<Host, 'setLocale'>): void {
  useEffect(() => host.setLocale?.(currentLocalePreference()), [host]);
}
