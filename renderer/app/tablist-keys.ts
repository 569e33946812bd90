/**
 * The keys of a tab list (WAI-ARIA's tabs pattern): Left and Right move to the previous and next
 * tab, wrapping; Home and End to the first and last. Only the selected tab is a Tab stop, so
 * Tab goes from the tab list straight into the view it shows.
 */
import type { KeyboardEvent } from 'react';

/** The tab `key` moves to from `current`, or null when the key is not one of the list's. */
export function tabForKey<T>(tabs: readonly T[], current: T, key: string): T | null {
  const at = tabs.indexOf(current);
  if (at < 0 || tabs.length === 0) return null;
  switch (key) {
    case 'ArrowRight': return tabs[(at + 1) % tabs.length];
    case 'ArrowLeft': return tabs[(at - 1 + tabs.length) % tabs.length];
    case 'Home': return tabs[0];
    case 'End': return tabs[tabs.length - 1];
    default: return null;
  }
}

/** A tab list's onKeyDown: selects the tab the key leads to and focuses it (its element id is `idOf(tab)`). */
export function tablistKeyHandler<T>(tabs: readonly T[], current: T, select: (tab: T) => void, idOf: (tab: T) => string) {
  return (event: KeyboardEvent) => {
    const next = tabForKey(tabs, current, event.key);
    if (next === null) return;
    event.preventDefault();
    select(next);
    document.getElementById(idOf(next))?.focus();
  };
}
