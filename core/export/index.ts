/**
 * Exports: the project taken elsewhere. `exportProject` is pure (text or bytes out, no files),
 * so the command line, Electron main or the app's worker can all call it and write the result
 * where they like. See docs/export.md.
 */
import type { CsvTable } from '../data/table.ts';
import type { Project } from '../project/schema.ts';
import type { StoredWeights } from '../train/settings.ts';
import { onnxModel } from './onnx.ts';
import { predictionsForTable } from './predictions.ts';
import { pytorchScript, type ScriptWeights } from './pytorch-script.ts';
import { dataExportText, exportText, loadExportModel, type ExportModel, type ExportText } from './source.ts';
import { EXPORT_FORMAT_INFO, type ExportFormat } from './formats.ts';

export { EXPORT_FORMATS, EXPORT_FORMAT_INFO, SCRIPT_WEIGHTS, type ExportFormat } from './formats.ts';
export type { ScriptWeights };

export interface ExportRequest {
  format: ExportFormat;
  project: Project;
  /**
   * The project's CSV, imported. Needed for predictions (unless `predictTable` is given and the
   * project has fitted preprocessing), for a project without fitted preprocessing, and to write
   * the CSV's delimiter into a script. Optional otherwise.
   */
  table?: CsvTable;
  /** Predictions: the table to predict on, when it is not the project's own CSV. */
  predictTable?: CsvTable;
  /** Scripts: which weights to start from. Default: 'trained' when the project has weights, else 'initial'. */
  weights?: ScriptWeights;
  /** Scripts: the CSV path written as the script's default --csv. Default: the project's data.path. */
  csvPath?: string;
  /** Scripts: the file name shown in the script's usage lines. Default: model.py. */
  fileName?: string;
}

export type ExportResult =
  | { type: 'ok'; content: string | Uint8Array; extension: string; mimeType: string; warnings: ExportText[]; summary: ExportText }
  | ({ type: 'error' } & ExportText);

/**
 * Exports a project as a PyTorch script (single process or torchrun), an ONNX model, its weights
 * as JSON, or its predictions as CSV. Pure: returns the file's content (text, or bytes for ONNX)
 * and never touches a file system. Problems (no trained weights for ONNX, a graph with errors,
 * data that does not fit) are `{type: 'error', message}` in plain words. Every sentence (the error,
 * the warnings, the summary) carries its `model` key and values too: `modelText(t, x)` says it.
 */
export function exportProject(request: ExportRequest): ExportResult {
  const { format, project } = request;
  const info = EXPORT_FORMAT_INFO[format];
  if (!info) return { type: 'error', ...exportText('unknownFormat', { format: String(format), formats: Object.keys(EXPORT_FORMAT_INFO).join(', ') }) };
  const loaded = loadExportModel(project, request.table);
  if (loaded.type === 'error') return loaded;
  const model: ExportModel = loaded;
  const ok = (content: string | Uint8Array, summary: ExportText, warnings: ExportText[] = []): ExportResult => ({
    type: 'ok', content, extension: info.extension, mimeType: info.mimeType, warnings: [...model.warnings, ...warnings], summary,
  });
  /** `what`: a subject of `model:export.needsTrained`. */
  const untrained = (what: string): ExportResult => ({
    type: 'error', ...exportText('untrained', { what: { key: `model:export.needsTrained.${what}` }, name: project.name }),
  });
  const title = { key: `model:export.title.${format}` };

  switch (format) {
    case 'pytorch':
    case 'pytorch-ddp': {
      const choice = request.weights ?? (model.trained ? 'trained' : 'initial');
      let weights: { kind: 'initial' | 'trained'; values: StoredWeights } | null = null;
      if (choice === 'trained') {
        if (!model.trained) return untrained('script');
        weights = { kind: 'trained', values: model.plan.exportWeights() };
      } else if (choice === 'initial') {
        weights = { kind: 'initial', values: initialWeights(model) };
      } else if (choice !== 'fresh') {
        return { type: 'error', ...exportText('badWeights', { choice: String(choice) }) };
      }
      const text = pytorchScript(model, {
        distributed: format === 'pytorch-ddp',
        weights,
        csvPath: request.csvPath ?? project.data.path,
        fileName: request.fileName ?? 'model.py',
        ...(request.table ? { dialect: request.table.dialect } : {}),
      });
      const warnings = hasDropout(model) ? [exportText('dropout')] : [];
      return ok(text, exportText('summary.script', { title, weights: { key: `model:export.weightsKind.${choice}` } }), warnings);
    }
    case 'onnx': {
      if (!model.trained) return untrained('onnx');
      const bytes = onnxModel(model);
      return ok(bytes, exportText('summary.onnx', { title, inputs: model.plan.inputWidth, outputs: model.plan.outputWidth }));
    }
    case 'weights': {
      if (!model.trained) return untrained('weights');
      return ok(`${JSON.stringify(model.plan.exportWeights(), null, 2)}\n`, exportText('summary.weights', { title, layers: model.plan.layers.length }));
    }
    case 'predictions': {
      if (!model.trained) return untrained('predictions');
      const table = request.predictTable ?? request.table;
      if (!table) return { type: 'error', ...exportText('noPredictCsv') };
      const result = predictionsForTable(model.plan, table, model.preprocessing);
      if (result.type === 'error') return { type: 'error', ...dataExportText(result) };
      return ok(result.text, exportText('summary.predictions', { rows: result.rows }), result.warnings.map(dataExportText));
    }
  }
}

/** The weights training starts from: the engine's seeded initialisation, as a fresh compile gives it. */
function initialWeights(model: ExportModel): StoredWeights {
  const plan = model.plan;
  const current = plan.exportWeights();
  plan.initialize(model.project.training.seed);
  const initial = plan.exportWeights();
  plan.loadWeights(current);
  return initial;
}

function hasDropout(model: ExportModel): boolean {
  return model.project.graph.nodes.some((n) => n.type === 'dropout' && (n.p ?? 0.5) > 0);
}

export { loadExportModel, type ExportModel, type ExportText } from './source.ts';
export { prepareProjectDataset } from '../project/prepare-data.ts';
export { pytorchScript, type PytorchScriptOptions } from './pytorch-script.ts';
export { onnxModel, ONNX_OPSET } from './onnx.ts';
export { predictionsCsv, predictionsForTable, csvField, cellText } from './predictions.ts';
