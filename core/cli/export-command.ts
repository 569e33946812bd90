/**
 * `layerboard export <project> --format F -o FILE`: the project as a PyTorch script (single
 * process or torchrun), an ONNX model, its weights as JSON or its predictions as CSV. The
 * Node side only: files in and out; core/export makes the content.
 */
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, EXPORT_FORMAT_INFO, SCRIPT_WEIGHTS, exportProject, type ExportFormat, type ScriptWeights } from '../export/index.ts';
import type { CsvTable } from '../data/index.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { dataPathOf, readCsv, readProject } from './session.ts';
import { modelText } from '../i18n/index.ts';
import { cliT, say } from './words.ts';

export const EXPORT_USAGE = `export <project> --format ${EXPORT_FORMATS.join('|')} -o FILE [--weights ${SCRIPT_WEIGHTS.join('|')}] [--data CSV]`;

/** A problem the user can fix: one line on stderr, exit code 1 (the CLI's convention). */
class ExportUserError extends Error {}

const err = (line: string): void => void process.stderr.write(`${line}\n`);

/** The CSV's path as seen from the folder the script is written to, with forward slashes. */
function scriptDataPath(outPath: string, csvPath: string): string {
  return relative(dirname(resolve(outPath)), csvPath).split(sep).join('/') || basename(csvPath);
}

async function save(path: string, content: string | Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(path, content);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    if (code === 'ENOENT') throw new ExportUserError(say('save.noFolder', { path, folder: dirname(resolve(path)) }));
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new ExportUserError(say('save.denied', { path }));
    if (code === 'EISDIR') throw new ExportUserError(say('save.isFolder', { path }));
    if (code === 'ENOSPC') throw new ExportUserError(say('save.diskFull', { path }));
    throw error;
  }
}

async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: { format: { type: 'string', short: 'f' }, out: { type: 'string', short: 'o' }, weights: { type: 'string' }, data: { type: 'string' } },
  });
  if (positionals.length !== 1 || !values.format || !values.out) throw new ExportUserError(say('export.usage', { exportUsage: EXPORT_USAGE }));
  const format = values.format as ExportFormat;
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new ExportUserError(say('export.badFormat', { formats: [...EXPORT_FORMATS], value: values.format }));
  const script = format === 'pytorch' || format === 'pytorch-ddp';
  if (values.weights !== undefined && !script) throw new ExportUserError(say('export.weightsNeedScript'));
  if (values.weights !== undefined && !(SCRIPT_WEIGHTS as readonly string[]).includes(values.weights)) throw new ExportUserError(say('export.badWeights', { choices: [...SCRIPT_WEIGHTS], value: values.weights }));
  if (values.data !== undefined && format !== 'predictions') throw new ExportUserError(say('export.dataNeedsPredictions'));

  const loaded = readProject(positionals[0]);
  if (loaded.type === 'error') throw new ExportUserError(loaded.message);
  const project = loaded.project;
  for (const w of loaded.warnings) err(say('warning', { text: w }));

  // The project's own CSV: its rows, split and delimiter. Only the ONNX model and the weights can
  // do without it, and only when the project stores its fitted preprocessing.
  const csvPath = dataPathOf(loaded);
  let table: CsvTable | undefined;
  const own = await readCsv(csvPath, { embedded: project.data.embedded });
  if (own.type === 'ok') {
    table = own.table;
    for (const w of own.warnings) err(say('warning', { text: w }));
  } else if (!project.data.fitted || script || (format === 'predictions' && !values.data)) {
    throw new ExportUserError(own.message);
  }
  let predictTable: CsvTable | undefined;
  if (values.data) {
    const other = await readCsv(values.data);
    if (other.type === 'error') throw new ExportUserError(other.message);
    for (const w of other.warnings) err(say('warning', { text: w }));
    predictTable = other.table;
  }

  const result = exportProject({
    format,
    project,
    table,
    predictTable,
    weights: values.weights as ScriptWeights | undefined,
    csvPath: scriptDataPath(values.out, csvPath),
    fileName: basename(values.out),
  });
  if (result.type === 'error') throw new ExportUserError(`${positionals[0]}: ${modelText(cliT(), result)}`);
  for (const w of result.warnings) err(say('warning', { text: modelText(cliT(), w) }));
  if (script && project.data.embedded) err(say('warning', { text: say('export.embeddedCsv', { file: scriptDataPath(values.out, csvPath) }) }));
  await save(values.out, result.content);
  err(say('export.wrote', { file: values.out, summary: modelText(cliT(), result.summary) }));
  if (!EXPORT_FORMAT_INFO[format].binary && format !== 'predictions' && format !== 'weights') {
    err(say('export.runIt', { command: format === 'pytorch-ddp' ? `torchrun --standalone --nproc_per_node=2 ${values.out}` : `python3 ${values.out}` }));
  }
  return 0;
}

/** The `export` command: 0 on success, 1 with one line on stderr for a problem the user can fix. */
export async function exportCommand(args: string[]): Promise<number> {
  try {
    return await run(args);
  } catch (error) {
    if (error instanceof ExportUserError) {
      err(error.message);
      return 1;
    }
    throw error;
  }
}
