import { describe, expect, it } from 'vitest';
import { serializeProject, parseProject, type Project, type StoredWeights } from '../../core/index.ts';
import { createRendererI18n } from '../i18n/i18n.ts';
import { sampleProject } from '../testing/sample.ts';
import {
  applyTrainingResult, linkData, resetWeights, runCommand, setDataHash, setEarlyStopping, setGradClipNorm, setMissing, setOptimizerParam,
  setOptimizerType, setScaleTarget, setSeed, setShuffle, weightsFitGraph, commandTitleKey,
} from './commands.ts';
import { createEditorState, editorReducer, isDirty, undoLabel } from './editor.ts';

const doc = sampleProject();
const hashA = { algorithm: 'sha256' as const, value: 'a'.repeat(64) };
const hashB = { algorithm: 'sha256' as const, value: 'b'.repeat(64) };

/** Weights of the right shapes for the lecture network (13-3-3-3-1). */
function lectureWeights(fill = 0.5): StoredWeights {
  const layer = (out: number, inF: number) => ({ weight: { shape: [out, inF], data: new Array(out * inF).fill(fill) }, bias: { shape: [out], data: new Array(out).fill(0) } });
  return { linear1: layer(3, 13), linear2: layer(3, 3), linear3: layer(3, 3), linear4: layer(1, 3) };
}

const fitted = { version: 1 } as unknown as Project['data']['fitted'] & object;

describe('training results in the project', () => {
  it('a run puts its weights, history, fitted preprocessing and the CSV digest into the project in one step', () => {
    const history = { epoch: [1, 2, 3], trainLoss: [30, 20, 10], valLoss: [null, null, null] };
    const next = applyTrainingResult(doc, { weights: lectureWeights(), history, continuedFrom: null, fitted, hash: hashA });
    expect(next.weights).toEqual(lectureWeights());
    expect(next.history).toEqual(history);
    expect(next.data.fitted).toBe(fitted);
    expect(next.data.hash).toEqual(hashA);
    expect(doc.weights).toBeUndefined();

    // One undo takes all of it back.
    let state = createEditorState(doc);
    state = editorReducer(state, { type: 'run', command: { name: 'applyTrainingResult', args: { weights: lectureWeights(), history, continuedFrom: null, hash: hashA } } });
    expect(undoLabel(state)).toBe('applyTrainingResult');
    expect(createRendererI18n('en').t(commandTitleKey('applyTrainingResult'))).toBe('Training run');
    expect(createRendererI18n('ko').t(commandTitleKey('applyTrainingResult'))).toBe('학습 실행');
    expect(isDirty(state)).toBe(true);
    state = editorReducer(state, { type: 'undo' });
    expect(state.history.present).toBe(doc);
  });

  it('a resumed run continues the saved history (numbered on by the engine)', () => {
    const first = applyTrainingResult(doc, { weights: lectureWeights(), history: { epoch: [1, 2], trainLoss: [5, 4], valLoss: [null, null] }, continuedFrom: null });
    const second = applyTrainingResult(first, { weights: lectureWeights(0.25), history: { epoch: [3, 4], trainLoss: [3, 2], valLoss: [null, null] }, continuedFrom: first.history! });
    expect(second.history).toEqual({ epoch: [1, 2, 3, 4], trainLoss: [5, 4, 3, 2], valLoss: [null, null, null, null] });
    // The saved file holds every epoch and reads back the same.
    const reread = parseProject(serializeProject(second));
    expect(reread.type === 'ok' && reread.project.history).toEqual(second.history);
  });

  it('non-finite losses never reach the file: a NaN train loss drops its epoch, a NaN validation loss is a gap', () => {
    const next = applyTrainingResult(doc, { weights: lectureWeights(), history: { epoch: [1, 2, 3], trainLoss: [2, NaN, 1], valLoss: [Infinity, 1, 0.5] }, continuedFrom: null });
    expect(next.history).toEqual({ epoch: [1, 3], trainLoss: [2, 1], valLoss: [null, 0.5] });
    expect(() => serializeProject(next)).not.toThrow();
  });

  it('weights that no longer fit the network (edited during the run) change nothing', () => {
    const edited = { ...doc, graph: { ...doc.graph, nodes: doc.graph.nodes.map((n) => (n.id === 'linear2' && n.type === 'linear' ? { ...n, outFeatures: 5 } : n)) } };
    expect(weightsFitGraph(edited.graph, lectureWeights())).toBe(false);
    expect(applyTrainingResult(edited, { weights: lectureWeights(), history: { epoch: [1], trainLoss: [1], valLoss: [null] }, continuedFrom: null })).toBe(edited);
    expect(weightsFitGraph(doc.graph, lectureWeights())).toBe(true);
    // With the analysis's input widths, an input width that changed (a feature dropped) is caught too.
    expect(weightsFitGraph(doc.graph, lectureWeights(), { linear1: 12 })).toBe(false);
    const noBias = lectureWeights();
    delete noBias.linear4.bias;
    expect(weightsFitGraph(doc.graph, noBias)).toBe(false);
  });

  it('reset weights forgets weights and history, keeps the data digest; twice is no change', () => {
    const trained = applyTrainingResult(doc, { weights: lectureWeights(), history: { epoch: [1], trainLoss: [1], valLoss: [null] }, continuedFrom: null, hash: hashA });
    const reset = resetWeights(trained);
    expect(reset.weights).toBeUndefined();
    expect(reset.history).toBeUndefined();
    expect(reset.data.hash).toEqual(hashA);
    expect(resetWeights(reset)).toBe(reset);
  });
});

describe('data digests', () => {
  const roles = { path: doc.data.path, features: doc.data.features, targets: doc.data.targets };
  it('linking records the digest; relinking the same file name changes nothing; accepting a changed file records its digest', () => {
    expect(linkData(doc, roles)).toBe(doc);
    const withHash = setDataHash(doc, { hash: hashA });
    expect(withHash.data.hash).toEqual(hashA);
    expect(setDataHash(withHash, { hash: { ...hashA } })).toBe(withHash);
    expect(linkData(withHash, { ...roles, hash: hashA })).toBe(withHash);
    // A relinked file whose bytes differ is not silently accepted: the app asks, setDataHash records.
    expect(linkData(withHash, { ...roles, hash: hashB })).toBe(withHash);
    expect(setDataHash(withHash, { hash: hashB }).data.hash).toEqual(hashB);
    // A project without a digest (as the sample) stays as it was when its CSV is relinked.
    expect(linkData(doc, { ...roles, hash: hashB })).toBe(doc);
    const other = linkData(withHash, { path: 'iris.csv', features: ['a'], targets: ['species'], hash: hashB });
    expect(other.data).toMatchObject({ path: 'iris.csv', hash: hashB });
  });
});

describe('training settings', () => {
  it('optimizer parameters: set, default again, and only those the optimizer has', () => {
    const sgd = setOptimizerParam(doc, { param: 'momentum', value: 0.9 });
    expect(sgd.training.optimizer).toEqual({ type: 'sgd', lr: 0.0001, momentum: 0.9 });
    expect(setOptimizerParam(sgd, { param: 'momentum', value: 0.9 })).toBe(sgd);
    expect(setOptimizerParam(sgd, { param: 'nesterov', value: true }).training.optimizer).toMatchObject({ nesterov: true });
    expect(setOptimizerParam(sgd, { param: 'momentum', value: undefined }).training.optimizer).toEqual({ type: 'sgd', lr: 0.0001 });
    expect(setOptimizerParam(sgd, { param: 'beta1', value: 0.5 })).toBe(sgd);

    const adam = setOptimizerType(doc, { type: 'adam' });
    const b1 = setOptimizerParam(adam, { param: 'beta1', value: 0.8 });
    expect(b1.training.optimizer).toMatchObject({ betas: [0.8, 0.999] });
    expect(setOptimizerParam(b1, { param: 'beta2', value: 0.99 }).training.optimizer).toMatchObject({ betas: [0.8, 0.99] });
    expect(setOptimizerParam(b1, { param: 'beta1', value: undefined }).training.optimizer).not.toHaveProperty('betas');
    expect(setOptimizerParam(adam, { param: 'beta2', value: 0.999 })).toBe(adam);
    const rms = setOptimizerParam(setOptimizerType(doc, { type: 'rmsprop' }), { param: 'centered', value: true });
    expect(rms.training.optimizer).toMatchObject({ type: 'rmsprop', centered: true });
  });

  it('seed, shuffle, early stopping, clipping, target scaling and missing values; each saved and read back', () => {
    let next = setSeed(doc, { seed: 42 });
    next = setShuffle(next, { shuffle: true });
    next = setEarlyStopping(next, { earlyStopping: { patience: 10, minDelta: 0.001 } });
    next = setGradClipNorm(next, { gradClipNorm: 1 });
    next = setScaleTarget(next, { scaleTarget: true });
    next = setMissing(next, { missing: 'mean' });
    expect(next.training).toMatchObject({ seed: 42, shuffle: true, earlyStopping: { patience: 10, minDelta: 0.001 }, gradClipNorm: 1 });
    expect(next.data.preprocessing).toEqual({ scaling: 'standard', scaleTarget: true, missing: 'mean' });
    const reread = parseProject(serializeProject(next));
    expect(reread.type === 'ok' && reread.project.training).toEqual(next.training);
    expect(reread.type === 'ok' && reread.project.data.preprocessing).toEqual(next.data.preprocessing);

    expect(setEarlyStopping(next, { earlyStopping: { patience: 10, minDelta: 0.001 } })).toBe(next);
    const off = setGradClipNorm(setEarlyStopping(next, { earlyStopping: null }), { gradClipNorm: null });
    expect(off.training).not.toHaveProperty('earlyStopping');
    expect(off.training).not.toHaveProperty('gradClipNorm');
    expect(runCommand(off, { name: 'setSeed', args: { seed: 42 } })).toBe(off);
  });
});
