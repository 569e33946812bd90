/**
 * Recently opened projects: the OS list (app.addRecentDocument feeds macOS's Open Recent and
 * the Windows jump list) plus our own list in userData for the Windows and Linux menu, newest
 * first, without duplicates, at most MAX_RECENT.
 */
import { z } from 'zod';
import type { JsonStore } from './json-store.ts';

export const MAX_RECENT = 10;
export const RECENT_FILE = 'recent-projects.json';

const recentSchema = z.object({ paths: z.array(z.string().min(1).max(4096)).max(100) });

export interface RecentDocumentsApp {
  addRecentDocument(path: string): void;
  clearRecentDocuments(): void;
}

export interface RecentProjects {
  list(): readonly string[];
  add(path: string): void;
  remove(path: string): void;
  clear(): void;
}

/** Loads the persisted list; `onChange` runs after every change (main rebuilds the menu). */
export async function loadRecentProjects(store: JsonStore, app: RecentDocumentsApp, onChange: () => void): Promise<RecentProjects> {
  const parsed = recentSchema.safeParse(await store.read(RECENT_FILE));
  let paths: string[] = parsed.success ? [...new Set(parsed.data.paths)].slice(0, MAX_RECENT) : [];
  const changed = () => {
    store.write(RECENT_FILE, { paths }).catch(() => undefined);
    onChange();
  };
  return {
    list: () => paths,
    add(path) {
      app.addRecentDocument(path);
      paths = [path, ...paths.filter((p) => p !== path)].slice(0, MAX_RECENT);
      changed();
    },
    remove(path) {
      if (!paths.includes(path)) return;
      paths = paths.filter((p) => p !== path);
      changed();
    },
    clear() {
      app.clearRecentDocuments();
      paths = [];
      changed();
    },
  };
}
