import { describe, expect, it } from 'vitest';
import { createTrainerSession, parseProject, type Project, type TrainerMessage } from '../../core/index.ts';
import { applyTrainingResult } from '../document/commands.ts';
import irisCsv from '../../assets/samples/iris.csv?raw';
import { csvText, sampleProject } from '../testing/sample.ts';
import { evaluateProject } from './evaluate-project.ts';


/** Trains through core's trainer session (as the worker does) and returns its `finished` message. */
function train(project: Project, csv: string, epochs: number): Promise<Extract<TrainerMessage, { type: 'finished' }>> {
  return new Promise((resolve, reject) => {
    let listener: ((m: unknown) => void) | null = null;
    createTrainerSession({
      postMessage(message) {
        if (message.type === 'finished') resolve(message);
        if (message.type === 'failed') reject(new Error(message.message));
      },
      onMessage(l) {
        listener = l;
        return () => {};
      },
    });
    listener!({ type: 'start', runId: 'r', project, csv, resume: false, epochs });
  });
}

describe('evaluating saved weights', () => {
  it('gives the metrics the run finished with, in original units, and a snapshot of the same rows', async () => {
    const doc = { ...sampleProject(), data: { ...sampleProject().data, validationSplit: 0.2 } };
    const done = await train(doc, csvText, 200);
    const trained = applyTrainingResult(doc, { weights: done.weights, history: done.result.history, continuedFrom: null, fitted: done.fitted });
    const result = evaluateProject({ id: 3, project: trained, csv: csvText });
    expect(result.type).toBe('ok');
    if (result.type !== 'ok' || result.metrics.train.task !== 'regression' || done.metrics.train.task !== 'regression') return;
    expect(result.id).toBe(3);
    expect(result.metrics.train.targets[0].rmse).toBeCloseTo(done.metrics.train.targets[0].rmse, 3);
    expect(result.metrics.validation?.task === 'regression' && result.metrics.validation.targets[0].r2).toBeCloseTo(
      done.metrics.validation?.task === 'regression' ? done.metrics.validation.targets[0].r2 : NaN, 3);
    expect(result.snapshot).toMatchObject({ task: 'regression', set: 'validation', targets: ['MEDV'], epoch: 200 });
    // Original units: MEDV is in $1000s, from 5 to 50.
    if (result.snapshot.task === 'regression') {
      expect(Math.min(...result.snapshot.actual)).toBeGreaterThanOrEqual(5);
      expect(Math.max(...result.snapshot.actual)).toBeLessThanOrEqual(50);
      expect(result.snapshot.rows).toBe(101);
    }
  });

  it('classification: the confusion matrix of the saved weights', async () => {
    const created = parseProject(JSON.stringify({
      format: 'layerboard', version: 2, name: 'iris',
      data: { path: 'iris.csv', features: ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'], targets: ['species'], validationSplit: 0.2 },
      graph: {
        nodes: [
          { id: 'input', type: 'input', position: { x: 0, y: 0 } },
          { id: 'linear1', type: 'linear', outFeatures: 16, position: { x: 0, y: 0 } },
          { id: 'relu1', type: 'relu', position: { x: 0, y: 0 } },
          { id: 'linear2', type: 'linear', outFeatures: 3, position: { x: 0, y: 0 } },
          { id: 'output', type: 'output', loss: 'crossEntropy', position: { x: 0, y: 0 } },
        ],
        edges: [{ from: 'input', to: 'linear1' }, { from: 'linear1', to: 'relu1' }, { from: 'relu1', to: 'linear2' }, { from: 'linear2', to: 'output' }],
      },
      training: { optimizer: { type: 'adam', lr: 0.01 }, epochs: 100, batchSize: 16, seed: 3 },
    }));
    if (created.type !== 'ok') throw new Error(JSON.stringify(created.errors));
    const done = await train(created.project, irisCsv, 100);
    const trained = applyTrainingResult(created.project, { weights: done.weights, history: done.result.history, continuedFrom: null });
    const result = evaluateProject({ id: 1, project: trained, csv: irisCsv });
    if (result.type !== 'ok') throw new Error(result.message);
    expect(result.metrics.validation).toEqual(done.metrics.validation);
    expect(result.snapshot.task).toBe('classification');
    if (result.snapshot.task === 'classification') {
      expect(result.snapshot.classes).toEqual(['setosa', 'versicolor', 'virginica']);
      expect(result.snapshot.rows).toBe(30);
    }
  });

  it('says why it cannot: no weights, a CSV that does not read', () => {
    expect(evaluateProject({ id: 1, project: sampleProject(), csv: csvText })).toEqual({ type: 'error', id: 1, message: 'The project has no trained weights.' });
    const trained = { ...sampleProject(), weights: { linear1: { weight: { shape: [3, 13], data: [] } } } };
    expect(evaluateProject({ id: 2, project: trained, csv: 'a,b\n1\n' }).type).toBe('error');
  });
});
