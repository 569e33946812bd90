/**
 * The rule for `readRelative` (a project's CSV, named in the file as `data.path`):
 *
 *   The path is relative to the folder of a project file main opened or saved, uses forward
 *   slashes, and names a file in that folder or below it. Refused: absolute paths, drive
 *   letters and UNC prefixes, backslashes, empty, `.` and `..` segments, NUL and other control
 *   characters. After symlinks are resolved the file must still lie inside the project folder
 *   (as resolved), and it must be a regular file no larger than MAX_RELATIVE_FILE_BYTES.
 *
 * So a project file can never make the app read something elsewhere on disk (~/.ssh, a
 * sibling project); a CSV outside the project folder is imported through the Import CSV dialog,
 * where the user picks it.
 */

import { english, type MessageParams } from '../../core/i18n/message.ts';

/** A refusal says why in English (`message`), with its `desktop` key and values for the window's language. */
export type RelativePathCheck = { type: 'ok'; segments: string[] } | { type: 'error'; message: string; messageKey: string; params: MessageParams };

/** 2 GiB: past this a Uint8Array copy over IPC is not sensible, and core's CSV reader would not cope either. */
export const MAX_RELATIVE_FILE_BYTES = 2 ** 31 - 1;

/** Checks the text of a relative path against the rule above (the file-system half is in files.ts). */
export function checkRelativePath(relativePath: string): RelativePathCheck {
  /** `why`: a phrase of `desktop:relativePath`, which names the path first. */
  const refuse = (why: string): RelativePathCheck => {
    const params = { path: relativePath.slice(0, 200) };
    return { type: 'error', message: english(`desktop:relativePath.${why}`, params), messageKey: `relativePath.${why}`, params };
  };
  if (relativePath.length === 0) return refuse('empty');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(relativePath)) return refuse('control');
  if (relativePath.includes('\\')) return refuse('backslash');
  if (relativePath.startsWith('/')) return refuse('absolute');
  // "C:" drive paths and NTFS alternate data streams ("data.csv:secret") alike.
  if (relativePath.includes(':')) return refuse('colon');
  const segments = relativePath.split('/');
  for (const segment of segments) {
    if (segment === '' || segment === '.') return refuse('emptySegment');
    if (segment === '..') return refuse('parent');
  }
  return { type: 'ok', segments };
}

/** Whether `child` lies strictly inside `parent`; both absolute and already resolved. */
export function isInside(parent: string, child: string, path: { relative(from: string, to: string): string; isAbsolute(p: string): boolean; sep: string }): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}
