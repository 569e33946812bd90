/**
 * Turning the bytes of a picked file into a project or a table, with messages a person can act
 * on: the file's name, the field path or the line, and what to do. Core returns these as values
 * (`{type: 'error', ...}`), never exceptions; this module only words them. The open project is
 * never touched here: callers replace it only on success.
 */
import {
  inspectCsv,
  parseProject,
  type CsvTable,
  type DataWarning,
  type Project,
  type ProjectIssue,
  type TableReport,
} from '../../core/index.ts';
import { dataIssueText, projectIssueText, type TFunction } from '../../core/i18n/index.ts';
import type { OpenedFile } from '../host/host.ts';

/** A problem to show: a one-line title naming the file, and the details (one per issue). */
export interface Problem {
  title: string;
  details: string[];
}

export type ProjectReadResult =
  | { type: 'ok'; project: Project; warnings: string[]; migratedFrom: number | null }
  | { type: 'error'; problem: Problem };

export type CsvReadResult =
  | { type: 'ok'; table: CsvTable; report: TableReport; warnings: DataWarning[] }
  | { type: 'error'; problem: Problem };

/** At most this many issues are listed; the rest are counted. */
const MAX_DETAILS = 8;

/** A project issue in `t`'s language, its field path first (projectIssueText adds it where the message has it). */
function issueText(issue: ProjectIssue, t: TFunction): string {
  const text = projectIssueText(t, issue);
  return issue.path && !text.startsWith(`${issue.path}: `) ? `${issue.path}: ${text}` : text;
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}

/** Reads a project; the problem's words are in `t`'s language. */
export function readProjectFile(file: Pick<OpenedFile, 'name' | 'bytes'>, t: TFunction): ProjectReadResult {
  const text = decodeUtf8(file.bytes);
  if (text === null) {
    return { type: 'error', problem: { title: t('notices:file.openFailed', { name: file.name }), details: [t('notices:file.notUtf8')] } };
  }
  const result = parseProject(text, { fileName: file.name });
  if (result.type === 'error') {
    const details = result.errors.slice(0, MAX_DETAILS).map((issue) => issueText(issue, t));
    if (result.errors.length > MAX_DETAILS) details.push(t('notices:file.more', { count: result.errors.length - MAX_DETAILS }));
    return { type: 'error', problem: { title: t('notices:file.openFailed', { name: file.name }), details } };
  }
  return { type: 'ok', project: result.project, warnings: result.warnings.map((issue) => issueText(issue, t)), migratedFrom: result.migratedFrom };
}

/** Where in the file a data error is: `line 3`, `line 3, column "price"`. */
export function dataErrorPlace(error: { line?: number; column?: string }, t: TFunction): string | null {
  const parts = [error.line !== undefined ? t('notices:file.line', { line: error.line }) : null, error.column !== undefined ? t('notices:file.column', { column: error.column }) : null];
  const place = parts.filter(Boolean).join(', ');
  return place === '' ? null : place;
}

/** Reads a CSV; the problem's words are in `t`'s language. */
export function readCsvFile(file: Pick<OpenedFile, 'name' | 'bytes'>, t: TFunction): CsvReadResult {
  const result = inspectCsv(file.bytes);
  if (result.type === 'error') {
    const place = dataErrorPlace(result, t);
    return {
      type: 'error',
      problem: { title: place ? t('notices:file.importFailedAt', { name: file.name, place }) : t('notices:file.importFailed', { name: file.name }), details: [dataIssueText(t, result)] },
    };
  }
  return { type: 'ok', table: result.table, report: result.report, warnings: result.warnings };
}

/** A file name for saving a project that has none yet: its name, made safe for file systems. */
export function suggestedFileName(projectName: string): string {
  const base = projectName.replace(/\(.*?\)/g, '').trim().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').toLowerCase();
  return `${base.slice(0, 60) || 'untitled'}.layerboard`;
}
