/**
 * The renderer never sees a path. Main gives it an opaque ref (a random UUID) for each file the
 * user picked in main's own dialogs, or that main opened for the user, and keeps the path
 * here. A ref cannot be guessed and cannot be made up: main accepts only refs it issued.
 */
import { randomUUID } from 'node:crypto';

export type FileKind = 'project' | 'csv';

export interface FileRefs {
  /** The ref for `path` as a `kind` file; the same path and kind always get the same ref. */
  issue(path: string, kind: FileKind): string;
  /** The path behind `ref` when it was issued for `kind`, else null. */
  resolve(ref: string, kind: FileKind): string | null;
}

export function createFileRefs(newId: () => string = randomUUID): FileRefs {
  const byRef = new Map<string, { path: string; kind: FileKind }>();
  const byKey = new Map<string, string>();
  return {
    issue(path, kind) {
      const key = `${kind}\0${path}`;
      const existing = byKey.get(key);
      if (existing !== undefined) return existing;
      const ref = newId();
      byRef.set(ref, { path, kind });
      byKey.set(key, ref);
      return ref;
    },
    resolve(ref, kind) {
      const entry = byRef.get(ref);
      return entry !== undefined && entry.kind === kind ? entry.path : null;
    },
  };
}
