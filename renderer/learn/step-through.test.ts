import { describe, expect, it } from 'vitest';
import { compileGraph, dataContextOf, evaluate, inverseTransformTargets, modelText, type Project } from '../../core/index.ts';
import { createRendererI18n } from '../i18n/i18n.ts';
import { prepareProjectDataset } from '../../core/project/prepare-data.ts';
import { sampleProject, sampleTable } from '../testing/sample.ts';
import { prepareStepThrough, stepsOf, traceDatasetRow, truncated } from './step-through.ts';

/** The batch path the Training tab's predictions take (evaluate-project.ts): all rows at once. */
function batchPredictions(project: Project) {
  const prepared = prepareProjectDataset(project, sampleTable());
  if (prepared.type !== 'ok') throw new Error(prepared.message);
  const compiled = compileGraph(project.graph, dataContextOf(prepared.dataset), { seed: project.training.seed, capacity: prepared.dataset.n });
  if (compiled.type !== 'ok') throw new Error('compile');
  if (project.weights) expect(compiled.plan.loadWeights(project.weights).type).toBe('ok');
  const { predictions } = evaluate(compiled.plan, prepared.dataset, true);
  return { predictions: predictions!, units: inverseTransformTargets(predictions!, prepared.preprocessing), n: prepared.dataset.n };
}

describe('step through one row of the sample', () => {
  it('predicts each row as the batch evaluation does, before training (initial weights from the seed)', () => {
    const project = sampleProject();
    const prepared = prepareStepThrough(project, sampleTable());
    if (prepared.type !== 'ok') throw new Error(prepared.message);
    const { session } = prepared;
    expect(session.weights).toBe('initial');
    const batch = batchPredictions(project);
    expect(session.dataset.n).toBe(batch.n);
    for (const row of [0, 1, 250, batch.n - 1]) {
      const traced = traceDatasetRow(session, row);
      expect(traced.trace.prediction[0]).toBeCloseTo(batch.predictions[row], 5);
      expect(traced.predictionInUnits![0]).toBeCloseTo(batch.units[row], 4);
      // The loss of one row under MSE: (ŷ − y)² in the scaled units the network trains in.
      expect(traced.trace.loss).toBeCloseTo((traced.trace.prediction[0] - traced.target[0]) ** 2, 5);
    }
    // The Boston CSV's first MEDV is 24.0: the target is shown in its own units.
    expect(traceDatasetRow(session, 0).targetInUnits![0]).toBeCloseTo(24, 4);
  });

  it('uses the saved weights when the project has some', () => {
    const project = sampleProject();
    const other = compileGraph(project.graph, { inputWidth: 13, target: { task: 'regression', width: 1 } }, { seed: 1234 });
    if (other.type !== 'ok') throw new Error('compile');
    const trained: Project = { ...project, weights: other.plan.exportWeights() };
    const prepared = prepareStepThrough(trained, sampleTable());
    if (prepared.type !== 'ok') throw new Error(prepared.message);
    expect(prepared.session.weights).toBe('saved');
    const batch = batchPredictions(trained);
    const initial = batchPredictions(project);
    const traced = traceDatasetRow(prepared.session, 3);
    expect(traced.trace.prediction[0]).toBeCloseTo(batch.predictions[3], 5);
    expect(Math.abs(batch.predictions[3] - initial.predictions[3])).toBeGreaterThan(1e-3);
  });

  it('orders the steps forward to the output, then backward from the loss to the first layer', () => {
    const prepared = prepareStepThrough(sampleProject(), sampleTable());
    if (prepared.type !== 'ok') throw new Error(prepared.message);
    const steps = stepsOf(traceDatasetRow(prepared.session, 0).trace);
    expect(steps.map((s) => `${s.phase[0]}:${s.nodeId}`)).toEqual([
      'f:input', 'f:linear1', 'f:act1', 'f:linear2', 'f:act2', 'f:linear3', 'f:act3', 'f:linear4', 'f:output',
      'b:output', 'b:linear4', 'b:act3', 'b:linear3', 'b:act2', 'b:linear2', 'b:act1', 'b:linear1',
    ]);
  });

  it('says why it cannot step when the data does not make a dataset', () => {
    const project = sampleProject();
    const result = prepareStepThrough({ ...project, data: { ...project.data, targets: [] } }, sampleTable());
    expect(result.type).toBe('error');
    if (result.type === 'error') expect(result.message).toMatch(/target/i);
  });

  it('says why in the window language: a data problem, no rows, a network with errors', () => {
    const ko = createRendererI18n('ko').t;
    const en = createRendererI18n('en').t;
    const project = sampleProject();
    const noTargets = prepareStepThrough({ ...project, data: { ...project.data, targets: [] } }, sampleTable());
    const broken = prepareStepThrough({ ...project, graph: { ...project.graph, nodes: project.graph.nodes.map((n) => (n.id === 'linear4' ? { ...n, outFeatures: 13 } : n)) } }, sampleTable());
    const results = [noTargets, broken].map((r) => {
      if (r.type !== 'error') throw new Error('expected a refusal');
      expect(modelText(en, r)).toBe(r.message);
      return modelText(ko, r);
    });
    expect(results[0]).toMatch(/[가-힣]/);
    expect(results[0]).not.toMatch(/\{\{|data:|model:/);
    expect(results[1]).toBe('신경망에 오류가 있습니다. 먼저 문제 목록에서 고치세요.');
    // A dataset that prepares to no rows at all is refused with its own words.
    expect(modelText(ko, { message: 'The data has no rows to step through.', messageKey: 'stepThrough.noRows' })).toBe('따라가 볼 데이터 행이 없습니다.');
  });

  it('truncates long vectors to the first k values', () => {
    expect(truncated([1, 2, 3], 6)).toEqual({ shown: [1, 2, 3], hidden: 0 });
    expect(truncated([1, 2, 3, 4, 5, 6, 7, 8], 6)).toEqual({ shown: [1, 2, 3, 4, 5, 6], hidden: 2 });
  });
});
