import { describe, expect, it } from 'vitest';
import { createTrainerSession, modelText, parseProject, type Project, type TrainerMessage } from '../../core/index.ts';
import { createRendererI18n } from '../i18n/i18n.ts';
import { applyTrainingResult } from '../document/commands.ts';
import irisCsv from '../../assets/samples/iris.csv?raw';
import { csvText, sampleProject } from '../testing/sample.ts';
import { evaluateProject, evaluationError } from './evaluate-project.ts';


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

  it('says why it cannot: no weights, a CSV that does not read, weights that do not fit; in the window language', () => {
    const ko = createRendererI18n('ko').t;
    const en = createRendererI18n('en').t;
    const noWeights = evaluateProject({ id: 1, project: sampleProject(), csv: csvText });
    expect(noWeights).toMatchObject({ type: 'error', id: 1, message: 'The project has no trained weights.' });
    if (noWeights.type !== 'error') return;
    expect(modelText(en, noWeights)).toBe(noWeights.message);
    expect(modelText(ko, noWeights)).toBe('프로젝트에 학습된 가중치가 없습니다.');
    expect(ko('charts:view.evaluationFailed', { message: modelText(ko, noWeights) })).toBe('저장된 가중치를 평가하지 못했습니다: 프로젝트에 학습된 가중치가 없습니다.');

    const trained = { ...sampleProject(), weights: { linear1: { weight: { shape: [3, 13], data: [] } } } };
    const ragged = evaluateProject({ id: 2, project: trained, csv: 'a,b\n1\n' });
    if (ragged.type !== 'error') throw new Error('expected an error');
    expect(ragged.message).toMatch(/^Line 2 has 1 field but the header has 2\./);
    expect(modelText(en, ragged)).toBe(ragged.message);
    expect(modelText(ko, ragged)).toMatch(/^2행에는 필드 1개가 있지만 헤더에는 2개가 있습니다\./);

    const misfit = evaluateProject({ id: 3, project: trained, csv: csvText });
    if (misfit.type !== 'error') throw new Error('expected an error');
    expect(misfit.messageKey).toMatch(/^weights\./);
    expect(modelText(en, misfit)).toBe(misfit.message);
    expect(modelText(ko, misfit)).toMatch(/^저장된 linear1의 가중치는 3 × 13인데, 이 계층에는 \d+ × 13\(out × in\)이 필요합니다\.$/);
  });

  it('the page-side failures (no worker, a worker that stopped, a network with errors) are said in Korean too', () => {
    const ko = createRendererI18n('ko').t;
    const en = createRendererI18n('en').t;
    const cases: [string, string, string][] = [
      ['noWorker', 'This window cannot start a worker to evaluate the saved weights.', '이 창에서는 저장된 가중치를 평가할 워커를 시작할 수 없습니다.'],
      ['workerStopped', 'the evaluation worker stopped', '평가 워커가 멈췄습니다'],
      ['graphErrors', 'The network has errors.', '신경망에 오류가 있습니다.'],
    ];
    for (const [key, english, korean] of cases) {
      const e = evaluationError(5, key);
      expect(e.message).toBe(english);
      expect(modelText(en, e)).toBe(english);
      expect(modelText(ko, e)).toBe(korean);
    }
  });
});
