/**
 * The first start's project, read before the window's first render when the host has the
 * bundled sample at hand (the browser host starts fetching it as it is created). The first frame
 * then shows the sample, instead of an empty window that is rendered again, whole, when the
 * sample arrives (one React pass over every panel fewer before the sample shows;
 * docs/performance.md). When the sample is not there in time, or does not read, the editor
 * loads it as before, with its messages.
 */
import type { CsvTable, Project, TableReport } from '../../core/index.ts';
import type { TFunction } from '../../core/i18n/index.ts';
import type { ProjectFile } from '../document/editor.ts';
import type { Host, OpenedFile } from '../host/host.ts';
import { readCsvFile, readProjectFile } from './file-reading.ts';

export interface StartupProject {
  project: Project;
  file: ProjectFile;
  /** The CSV, read: `project.data.path` is its name. */
  table: CsvTable;
  report: TableReport;
  bytes: Uint8Array;
}

/** The host's sample if it arrives within `waitMs`, else null (the editor then loads it itself). */
export async function sampleWithin(host: Host, waitMs: number): Promise<{ project: OpenedFile; csv: OpenedFile } | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), waitMs);
  });
  try {
    return await Promise.race([host.loadSample(), late]);
  } catch {
    return null; // the editor's own load reports it
  } finally {
    clearTimeout(timer);
  }
}

/** The sample as the editor's first state, or null when it does not read (the editor then says why). */
export function readStartupSample(sample: { project: OpenedFile; csv: OpenedFile }, t: TFunction): StartupProject | null {
  const read = readProjectFile(sample.project, t);
  if (read.type === 'error') return null;
  const csv = readCsvFile({ name: read.project.data.path, bytes: sample.csv.bytes }, t);
  if (csv.type === 'error') return null;
  // ref null: Save asks where, so the bundled sample itself is never overwritten.
  return { project: read.project, file: { name: sample.project.name, ref: null }, table: csv.table, report: csv.report, bytes: sample.csv.bytes };
}
