/**
 * Unsaved work survives a closed tab or a crashed page in the browser build: while the project
 * is dirty, its text is kept in localStorage, and the next start offers it back. Drafts go
 * through the same loader as files, so a stale or damaged draft is dropped, never half-loaded.
 * (Electron asks before a window with unsaved changes closes; main owns that.)
 */
import { parseProject, serializeProject, type Project } from '../../core/index.ts';

export const DRAFT_KEY = 'layerboard:draft';

type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface Draft {
  project: Project;
  fileName: string | null;
  savedAt: number;
}

/** Keeps `doc` as the draft; false when storage refuses it (full, disabled). */
export function writeDraft(storage: DraftStorage, doc: Project, fileName: string | null, now: number): boolean {
  try {
    storage.setItem(DRAFT_KEY, JSON.stringify({ text: serializeProject(doc), fileName, savedAt: now }));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(storage: DraftStorage): void {
  try {
    storage.removeItem(DRAFT_KEY);
  } catch {
    // Storage that cannot be written cannot hold a stale draft either.
  }
}

/** The kept draft, or null when there is none or it no longer loads (then it is dropped). */
export function readDraft(storage: DraftStorage): Draft | null {
  let raw: string | null;
  try {
    raw = storage.getItem(DRAFT_KEY);
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw) as { text?: unknown; fileName?: unknown; savedAt?: unknown };
    if (typeof value.text === 'string' && typeof value.savedAt === 'number') {
      const result = parseProject(value.text);
      if (result.type === 'ok') return { project: result.project, fileName: typeof value.fileName === 'string' ? value.fileName : null, savedAt: value.savedAt };
    }
  } catch {
    // Not JSON: dropped below.
  }
  clearDraft(storage);
  return null;
}
