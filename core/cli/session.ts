/**
 * The Node side of a project: read a `.layerboard` file, stream its CSV from disk into core's
 * importer, prepare the dataset with the project's roles and preprocessing, and compile the
 * graph. Every failure is a `{type: 'error', message}` naming the file, line, column or node.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { analyzeGraph, compileGraph, dataContextOf, type DataContext, type Diagnostic, type GraphAnalysis, type Plan } from '../index.ts';
import { createCsvImporter, type CsvTable, type DataError, type DatasetSplit, type StoredPreprocessing, type TableReport } from '../data/index.ts';
import { parseProject, type Project } from '../project/index.ts';
import { prepareProjectDataset } from '../project/prepare-data.ts';
import type { Dataset } from '../data/dataset.ts';
import { dataIssueText, diagnosticText, modelText, projectIssueText } from '../i18n/index.ts';
import { cliT, say } from './words.ts';

export type Result<T> = ({ type: 'ok' } & T) | { type: 'error'; message: string };

export interface LoadedProject {
  project: Project;
  path: string;
  warnings: string[];
}

/** Reads and validates a project file. */
export function readProject(path: string): Result<LoadedProject> {
  if (!existsSync(path)) return { type: 'error', message: say('files.noSuchFile', { file: path }) };
  if (statSync(path).isDirectory()) return { type: 'error', message: say('files.isFolder', { file: path }) };
  const text = readFileSync(path, 'utf8');
  const parsed = parseProject(text, { fileName: path });
  if (parsed.type === 'error') {
    // projectIssueText puts the field path first itself.
    const first = parsed.errors.slice(0, 5).map((e) => projectIssueText(cliT(), e));
    const more = parsed.errors.length > 5 ? say('files.moreErrors', { count: parsed.errors.length - 5 }) : '';
    return { type: 'error', message: `${path}: ${first.join('; ')}${more}` };
  }
  return { type: 'ok', project: parsed.project, path, warnings: parsed.warnings.map((w) => `${path}: ${projectIssueText(cliT(), w)}`) };
}

export interface CsvFile {
  table: CsvTable;
  report: TableReport;
  path: string;
  sha256: string;
  warnings: string[];
}

function describeDataError(file: string, e: DataError): string {
  const where = [e.line !== undefined ? say('files.line', { line: e.line }) : null, e.column !== undefined ? say('files.column', { column: e.column }) : null].filter(Boolean).join(', ');
  const hint = e.code === 'ragged-row' ? say('files.raggedHint') : '';
  return `${file}${where ? ` (${where})` : ''}: ${dataIssueText(cliT(), e)}${hint}`;
}

/**
 * Streams a CSV file (or embedded text) through the importer without holding per-row objects;
 * `onProgress` gets (bytes, totalBytes) as it goes.
 */
export async function readCsv(path: string, options: { embedded?: string; skipRaggedRows?: boolean; onProgress?: (bytes: number, total: number) => void } = {}): Promise<Result<CsvFile>> {
  const hash = createHash('sha256');
  let importer;
  if (options.embedded !== undefined) {
    importer = createCsvImporter({ skipRaggedRows: options.skipRaggedRows });
    hash.update(options.embedded);
    importer.push(options.embedded);
  } else {
    if (!existsSync(path)) return { type: 'error', message: say('files.dataNotFound', { file: path }) };
    const total = statSync(path).size;
    importer = createCsvImporter({ skipRaggedRows: options.skipRaggedRows, totalBytes: total, onProgress: (p) => options.onProgress?.(p.bytes, total) });
    const stream = createReadStream(path, { highWaterMark: 1 << 20 });
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      hash.update(chunk);
      if (!importer.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))) {
        stream.destroy();
        break;
      }
    }
  }
  const result = importer.finish();
  if (result.type === 'error') return { type: 'error', message: describeDataError(path, result) };
  return { type: 'ok', table: result.table, report: result.report, path, sha256: hash.digest('hex'), warnings: result.warnings.map((w) => `${path}: ${dataIssueText(cliT(), w)}`) };
}

export interface PreparedData {
  dataset: Dataset;
  split: DatasetSplit | null;
  preprocessing: StoredPreprocessing;
  sourceRows: Int32Array;
  warnings: string[];
}

/** Prepares the project's dataset (roles, encoding, scaling) and its seeded train/validation split. */
export function prepareProjectData(project: Project, csv: CsvFile): Result<PreparedData> {
  const prepared = prepareProjectDataset(project, csv.table);
  if (prepared.type === 'error') return { type: 'error', message: describeDataError(csv.path, prepared) };
  const split = prepared.split ?? null;
  return {
    type: 'ok',
    dataset: prepared.dataset,
    split,
    preprocessing: prepared.preprocessing,
    sourceRows: prepared.sourceRows,
    warnings: prepared.warnings.map((w) => `${csv.path}: ${dataIssueText(cliT(), w)}`),
  };
}

/** The project's CSV path, resolved against the project file's folder (or the override). */
export function dataPathOf(loaded: LoadedProject, override?: string): string {
  return override ? resolve(override) : resolve(dirname(loaded.path), loaded.project.data.path);
}

export function analyze(project: Project, context: DataContext): GraphAnalysis {
  return analyzeGraph(project.graph, context);
}

/** Compiles the project's graph for its data and loads its stored weights, if any. */
export function compileProject(project: Project, dataset: Dataset): Result<{ plan: Plan; diagnostics: Diagnostic[]; resumed: boolean }> {
  const compiled = compileGraph(project.graph, dataContextOf(dataset), { seed: project.training.seed, capacity: Math.min(dataset.n, project.training.batchSize ?? dataset.n) });
  if (compiled.type === 'error') {
    return { type: 'error', message: compiled.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic).join('\n') };
  }
  let resumed = false;
  if (project.weights && Object.keys(project.weights).length > 0) {
    const loaded = compiled.plan.loadWeights(project.weights);
    if (loaded.type === 'error') return { type: 'error', message: say('files.weightsDoNotFit', { reason: modelText(cliT(), loaded) }) };
    resumed = true;
  }
  return { type: 'ok', plan: compiled.plan, diagnostics: compiled.diagnostics, resumed };
}

/** `error LB303 linear4: …` with its fix on the next line, in the CLI's language. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.nodeId ?? d.edgeId ?? say('graph');
  const text = diagnosticText(cliT(), d);
  return `${say(`severity.${d.severity}`)} ${d.code} ${where}: ${text.message}${text.fix !== undefined ? `\n    ${say('fix', { label: text.fix })}` : ''}`;
}
