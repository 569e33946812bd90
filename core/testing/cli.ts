/**
 * Runs the command line as a user would (a child process through tsx), for the CLI suites.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SHARED = join(REPO_ROOT, '..', 'shared');
export const CLI_MAIN = join(REPO_ROOT, 'core/cli/main.ts');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in English whatever the machine's locale, so the suites' English assertions hold everywhere. */
export function cli(...args: string[]): CliRun {
  return cliWithEnv({}, ...args);
}

/** Runs the CLI with these environment variables on top of an English (`LANG=C.UTF-8`) environment. */
export function cliWithEnv(env: Record<string, string>, ...args: string[]): CliRun {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI_MAIN, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, LAYERBOARD_DEBUG: '', LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8', ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A user-input failure: exit 1, a short message, and never a stack trace. */
export function expectUserError(r: CliRun, message: RegExp): void {
  expect(r.status, r.stderr).toBe(1);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}
