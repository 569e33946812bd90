/**
 * Trains a project as the app's trainer does (core/train/session.ts): the project's roles and
 * preprocessing, its seeded split, its compile seed and settings. For suites that check what a
 * shipped project does when trained, through core alone.
 */
import { compileGraph, dataContextOf, evaluate, inspectCsv, parseProject, runTraining, TrainingController } from '../index.ts';
import { prepareProjectDataset } from '../project/prepare-data.ts';
import type { Dataset, Diagnostic, Plan, Project, TrainerEvent, TrainingResult, TrainingSettings } from '../index.ts';

export type ProgressEvent = Extract<TrainerEvent, { type: 'progress' }>;

export interface TrainedProject {
  project: Project;
  plan: Plan;
  train: Dataset;
  validation: Dataset | null;
  /** Every progress event, one per optimizer step (progressIntervalMs 0). */
  progress: ProgressEvent[];
  result: TrainingResult;
}

/** Parses a project or throws with its errors. */
export function parseProjectOk(text: string): Project {
  const parsed = parseProject(text);
  if (parsed.type !== 'ok') throw new Error(`the project does not load: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return parsed.project;
}

/** The prepared data and the compile result, as the trainer gets them. */
export function prepareProject(project: Project, csvText: string) {
  const csv = inspectCsv(csvText);
  if (csv.type === 'error') throw new Error(`${project.data.path}: ${csv.message}`);
  const prepared = prepareProjectDataset(project, csv.table);
  if (prepared.type === 'error') throw new Error(`${project.data.path}: ${prepared.message}`);
  const train = prepared.split ? prepared.split.train : prepared.dataset;
  const validation = prepared.split ? prepared.split.validation : null;
  const settings = project.training;
  const compiled = compileGraph(project.graph, dataContextOf(prepared.dataset), { seed: settings.seed, capacity: Math.min(train.n, settings.batchSize ?? train.n) });
  return { prepared, train, validation, compiled };
}

/** Compile errors of a project against its data (empty when it compiles). */
export function compileErrors(project: Project, csvText: string): Diagnostic[] {
  const { compiled } = prepareProject(project, csvText);
  return compiled.type === 'ok' ? [] : compiled.diagnostics.filter((d) => d.severity === 'error');
}

/** Trains the project (its own settings, with `overrides`) and records every progress event. */
export async function trainProject(project: Project, csvText: string, overrides: Partial<TrainingSettings> = {}): Promise<TrainedProject> {
  const settings = { ...project.training, ...overrides };
  const withSettings = { ...project, training: settings };
  const { train, validation, compiled } = prepareProject(withSettings, csvText);
  if (compiled.type !== 'ok') throw new Error(`the project does not compile: ${compiled.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  const progress: ProgressEvent[] = [];
  const result = await runTraining(compiled.plan, { train, validation }, { settings, progressIntervalMs: 0, yieldIntervalMs: 1e9 }, new TrainingController(), (e) => {
    if (e.type === 'progress') progress.push(e);
  });
  return { project: withSettings, plan: compiled.plan, train, validation, progress, result };
}

/** Classification accuracy of the plan on a dataset (targets are class indices). */
export function accuracyOf(plan: Plan, data: Dataset): number {
  const predictions = evaluate(plan, data, true).predictions!;
  const k = plan.outputWidth;
  let right = 0;
  for (let r = 0; r < data.n; r++) {
    let best = 0;
    for (let j = 1; j < k; j++) if (predictions[r * k + j] > predictions[r * k + best]) best = j;
    if (best === data.y[r]) right++;
  }
  return right / data.n;
}
