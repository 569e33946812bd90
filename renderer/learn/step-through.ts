/**
 * The data behind "Step through one row": the project's network compiled for one row, with its
 * saved weights (or, before any training, the initial weights its seed gives, which are the ones
 * a run would start from), and the data prepared exactly as the trainer prepares it. Every
 * number shown comes from core's `traceRow` on that plan; this module only picks the row and
 * turns the trace into an ordered list of steps. Pure (no DOM), so unit tests call it directly.
 */
import {
  compileGraph,
  dataContextOf,
  inverseTransformTargets,
  traceRow,
  type BackwardStepTrace,
  type CsvTable,
  type Dataset,
  type ForwardStepTrace,
  type Graph,
  type Plan,
  type Project,
  type RowTrace,
  type StoredPreprocessing,
} from '../../core/index.ts';
import { prepareProjectDataset } from '../../core/project/prepare-data.ts';
import { english, type MessageParams } from '../../core/i18n/message.ts';

export interface StepThroughSession {
  plan: Plan;
  graph: Graph;
  /** Every kept row, encoded and scaled as the network sees it (the trainer's dataset, before any split). */
  dataset: Dataset;
  preprocessing: StoredPreprocessing;
  /** For each dataset row, its row in the CSV table (0-based, header excluded). */
  sourceRows: Int32Array;
  weights: 'saved' | 'initial';
}

/** A refusal carries its English text and its `model` key and values (see `modelText`). */
export type StepThroughPrepared = { type: 'ok'; session: StepThroughSession } | { type: 'error'; message: string; messageKey?: string; params?: MessageParams };

/** `model:<key>` as a refusal. */
function refuse(key: string, params: MessageParams = {}): StepThroughPrepared {
  return { type: 'error', message: english(`model:${key}`, params), messageKey: key, params };
}

export function prepareStepThrough(project: Project, table: CsvTable): StepThroughPrepared {
  const prepared = prepareProjectDataset(project, table);
  if (prepared.type === 'error') {
    return prepared.messageKey === undefined ? { type: 'error', message: prepared.message } : refuse('evaluate.other', { text: { key: `data:${prepared.messageKey}`, params: prepared.params ?? {} } });
  }
  if (prepared.dataset.n === 0) return refuse('stepThrough.noRows');
  const compiled = compileGraph(project.graph, dataContextOf(prepared.dataset), { seed: project.training.seed, capacity: 1 });
  if (compiled.type === 'error') return refuse('stepThrough.graphErrors');
  const plan = compiled.plan;
  let weights: StepThroughSession['weights'] = 'initial';
  if (project.weights && Object.keys(project.weights).length > 0) {
    const loaded = plan.loadWeights(project.weights);
    // Weights saved for another shape of network (edited since) are not these layers': start fresh, as Train would.
    if (loaded.type === 'ok') weights = 'saved';
    else plan.initialize(project.training.seed);
  }
  return { type: 'ok', session: { plan, graph: project.graph, dataset: prepared.dataset, preprocessing: prepared.preprocessing, sourceRows: prepared.sourceRows, weights } };
}

export interface TracedRow {
  /** 0-based dataset row. */
  row: number;
  trace: RowTrace;
  /** The row's features and target as the network sees them (scaled). */
  features: number[];
  target: number[];
  /** Regression: prediction and target in the target's own units (scaling undone); null for classes. */
  predictionInUnits: number[] | null;
  targetInUnits: number[] | null;
}

export function traceDatasetRow(session: StepThroughSession, row: number): TracedRow {
  const { plan, dataset } = session;
  const r = Math.max(0, Math.min(dataset.n - 1, Math.floor(row)));
  const fw = dataset.featureWidth;
  const tw = plan.targetWidth;
  const features = Array.from(dataset.x.subarray(r * fw, r * fw + fw));
  const target = Array.from(dataset.y.subarray(r * tw, r * tw + tw));
  const trace = traceRow(plan, session.graph, features, target);
  const regression = dataset.task === 'regression';
  return {
    row: r,
    trace,
    features,
    target,
    predictionInUnits: regression ? Array.from(inverseTransformTargets(trace.prediction, session.preprocessing)) : null,
    targetInUnits: regression ? Array.from(inverseTransformTargets(target, session.preprocessing)) : null,
  };
}

export type Step =
  | { phase: 'forward'; nodeId: string; forward: ForwardStepTrace }
  | { phase: 'backward'; nodeId: string; backward: BackwardStepTrace };

/** Forward from the input to the output (prediction and loss), then backward from the loss to the first layer. */
export function stepsOf(trace: RowTrace): Step[] {
  return [
    ...trace.forward.map((forward): Step => ({ phase: 'forward', nodeId: forward.nodeId, forward })),
    ...trace.backward.map((backward): Step => ({ phase: 'backward', nodeId: backward.nodeId, backward })),
  ];
}

/** The first `k` values and how many are left out; the view offers the rest on request. */
export function truncated(values: readonly number[], k: number): { shown: readonly number[]; hidden: number } {
  return values.length <= k ? { shown: values, hidden: 0 } : { shown: values.slice(0, k), hidden: values.length - k };
}
