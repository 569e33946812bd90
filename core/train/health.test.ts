import { describe, expect, it } from 'vitest';
import { chainGraph, compileOk } from '../testing/graphs.ts';
import { Rng, runTraining, TrainingController, type Dataset, type TrainerEvent } from '../index.ts';
import { assessHealth, HEALTH_LIMITS, steeperGradientSnapshot } from './health.ts';

const layer = (nodeId: string, gradNorm: number, weightNorm = 1) => ({ nodeId, gradNorm, weightNorm });

describe('assessHealth', () => {
  it('is quiet for a healthy run', () => {
    expect(assessHealth({ layers: [layer('l1', 0.5), layer('l2', 0.8)], deadReluFraction: 0.1, trainLoss: [3, 2, 1], lr: 0.01 })).toEqual([]);
  });

  it('flags dead ReLUs above half the units', () => {
    const s = assessHealth({ layers: [], deadReluFraction: 0.75, trainLoss: [], lr: 0.1 });
    expect(s.map((x) => x.code)).toEqual(['dead-relu']);
    expect(s[0].message).toMatch(/75% of the ReLU units .* LeakyReLU/);
    expect(assessHealth({ layers: [], deadReluFraction: HEALTH_LIMITS.deadRelu, trainLoss: [], lr: 0.1 })).toEqual([]);
  });

  it('flags a vanishing gradient on the first layer, and an exploding one', () => {
    const v = assessHealth({ layers: [layer('l1', 1e-5), layer('l2', 1e-3), layer('l3', 0.1)], deadReluFraction: null, trainLoss: [], lr: 0.1 });
    expect(v.map((x) => [x.code, x.nodeId])).toEqual([['vanishing-gradient', 'l1']]);
    expect(v[0].message).toMatch(/10000× smaller than at l3 \(about 100\.0× per layer\).*chain rule/);
    // A deep stack that loses a little per layer is not flagged: 3× per layer over 9 layers.
    const gentle = Array.from({ length: 9 }, (_, i) => layer(`l${i + 1}`, 1e-4 * 3 ** i));
    expect(assessHealth({ layers: gentle, deadReluFraction: null, trainLoss: [], lr: 0.1 })).toEqual([]);
    const e = assessHealth({ layers: [layer('l1', 5e3, 1), layer('l2', 1, 1)], deadReluFraction: null, trainLoss: [], lr: 10 });
    expect(e.map((x) => [x.code, x.nodeId])).toEqual([['exploding-gradient', 'l1']]);
    expect(e[0].message).toMatch(/learning rate \(now 10\)/);
  });

  it('judges vanishing gradients on the run’s steepest snapshot, which the last one can hide', () => {
    const start = [layer('l1', 1e-7), layer('l2', 1e-4), layer('l3', 1)];
    const end = [layer('l1', 2e-7), layer('l2', 3e-7), layer('l3', 3e-7)];
    expect(assessHealth({ layers: end, deadReluFraction: null, trainLoss: [], lr: 0.1 })).toEqual([]);
    const kept = steeperGradientSnapshot(steeperGradientSnapshot(null, start), end);
    expect(kept).toBe(start);
    expect(assessHealth({ layers: end, vanishingLayers: kept, deadReluFraction: null, trainLoss: [], lr: 0.1 }).map((s) => s.code)).toEqual(['vanishing-gradient']);
  });

  it('flags a plateau only when the loss has stopped improving over the window', () => {
    const flat = Array.from({ length: 60 }, (_, i) => 5 - i * 1e-6);
    expect(assessHealth({ layers: [], deadReluFraction: null, trainLoss: flat, lr: 1e-6 }).map((x) => x.code)).toEqual(['plateau']);
    const falling = Array.from({ length: 60 }, (_, i) => 5 / (1 + i));
    expect(assessHealth({ layers: [], deadReluFraction: null, trainLoss: falling, lr: 0.1 })).toEqual([]);
  });

  it('sees the lecture’s vanishing gradient in a real 8-layer sigmoid stack, and not with ReLU', async () => {
    const rng = new Rng(1);
    const n = 64;
    const x = Float32Array.from({ length: n * 4 }, () => rng.uniform(-1, 1));
    const y = Float32Array.from({ length: n }, (_, i) => Math.sin(3 * x[i * 4]));
    const data: Dataset = { x, y, n, featureWidth: 4, targetWidth: 1, task: 'regression', featureNames: [], targetNames: ['y'] };
    const stack = (act: 'sigmoid' | 'relu') => {
      const nodes: Parameters<typeof chainGraph>[0] = [{ id: 'input', type: 'input' }];
      for (let i = 1; i <= 8; i++) nodes.push({ id: `l${i}`, type: 'linear', outFeatures: 16 }, { id: `a${i}`, type: act });
      nodes.push({ id: 'out', type: 'linear', outFeatures: 1 }, { id: 'output', type: 'output', loss: 'mse' });
      return compileOk(chainGraph(nodes), { inputWidth: 4, target: { task: 'regression', width: 1 } }, { seed: 2 });
    };
    const signalsOf = async (act: 'sigmoid' | 'relu') => {
      let last: Extract<TrainerEvent, { type: 'progress' }> | null = null;
      await runTraining(stack(act), { train: data }, { settings: { optimizer: { type: 'sgd', lr: 0.1 }, epochs: 5, batchSize: null, shuffle: false, seed: 1 }, progressIntervalMs: 0 }, new TrainingController(), (e) => {
        // The first step shows the initialisation's gradients, before the output layer adapts.
        if (e.type === 'progress' && !last) last = e;
      });
      const p = last as unknown as Extract<TrainerEvent, { type: 'progress' }>;
      return { first: p.layers[0].gradNorm, signals: assessHealth({ layers: p.layers, deadReluFraction: p.deadReluFraction, trainLoss: [], lr: 0.1 }) };
    };
    const sigmoid = await signalsOf('sigmoid');
    const relu = await signalsOf('relu');
    // Issue 9's sample 4: the first layer's gradient in the sigmoid stack is at least 100× smaller than with ReLU.
    expect(relu.first).toBeGreaterThan(100 * sigmoid.first);
    expect(sigmoid.signals.map((s) => s.code)).toContain('vanishing-gradient');
    expect(relu.signals.map((s) => s.code)).not.toContain('vanishing-gradient');
  });
});
