/**
 * Projects the OS asks us to open: on the command line (Windows and Linux file associations,
 * `layerboard file.layerboard`), through a second launch while we run, or through macOS's
 * open-file event (which can arrive before the app is ready, so requests queue until it is).
 */
import { isAbsolute, resolve } from 'node:path';

export const PROJECT_FILE_PATTERN = /\.layerboard$/i;

/**
 * The project files named in `argv`, as absolute paths. Electron and Chromium add flags of their
 * own to a second instance's argv and the position of the app path varies between a packaged
 * app and `electron .`, so rather than skip a fixed count this keeps every argument that is not
 * a flag and ends in `.layerboard`.
 */
export function projectPathsFromArgv(argv: readonly string[], cwd: string): string[] {
  const paths: string[] = [];
  for (const arg of argv) {
    if (arg.startsWith('-') || !PROJECT_FILE_PATTERN.test(arg)) continue;
    const path = isAbsolute(arg) ? arg : resolve(cwd, arg);
    if (!paths.includes(path)) paths.push(path);
  }
  return paths;
}

/** Holds open requests until the app is ready, then hands each to `open` in arrival order. */
export interface OpenQueue {
  push(path: string): void;
  /** From now on requests go straight to `open`; those held so far go first. Returns how many were held. */
  drain(open: (path: string) => void): number;
}

export function createOpenQueue(): OpenQueue {
  let held: string[] = [];
  let sink: ((path: string) => void) | null = null;
  return {
    push(path) {
      if (sink !== null) sink(path);
      else if (!held.includes(path)) held.push(path);
    },
    drain(open) {
      sink = open;
      const pending = held;
      held = [];
      for (const path of pending) open(path);
      return pending.length;
    },
  };
}
