/**
 * The three benchmark workloads from the core engine issue, built identically for Layerboard
 * and its peers: the same data (seeded), the same initial weights, the same batches (no shuffle).
 */
import { readFileSync } from 'node:fs';
import { compileGraph, Rng, type Dataset, type Graph, type Plan, type TrainingSettings } from '../index.ts';
import type { BackendChoice } from '../compile/plan.ts';
import type { KernelThreadHost } from '../kernels/threads.ts';

export interface Workload {
  id: 'W1' | 'W2' | 'W3';
  title: string;
  data: Dataset;
  widths: number[];
  activation: 'leakyRelu' | 'relu';
  slope: number;
  loss: 'mse' | 'crossEntropy';
  settings: TrainingSettings;
  /** What the headline figure counts. */
  unit: 'epochs/s' | 'examples/s';
}

function mlp(widths: number[], activation: 'leakyRelu' | 'relu', loss: 'mse' | 'crossEntropy'): Graph {
  const nodes: Graph['nodes'] = [{ id: 'input', type: 'input', position: { x: 0, y: 0 } }];
  for (let i = 1; i < widths.length; i++) {
    nodes.push({ id: `linear${i}`, type: 'linear', outFeatures: widths[i], position: { x: i * 2, y: 0 } });
    if (i < widths.length - 1) {
      nodes.push(activation === 'leakyRelu'
        ? { id: `act${i}`, type: 'leakyRelu', slope: 0.01, position: { x: i * 2 + 1, y: 0 } }
        : { id: `act${i}`, type: 'relu', position: { x: i * 2 + 1, y: 0 } });
    }
  }
  nodes.push({ id: 'output', type: 'output', loss, position: { x: 99, y: 0 } });
  return { nodes, edges: nodes.slice(1).map((n, i) => ({ from: nodes[i].id, to: n.id })) };
}

/** `threads`: the kernel thread host (null: one thread; default: the process default). */
export function compileWorkload(w: Workload, seed = 1, backend: BackendChoice = 'auto', threads?: KernelThreadHost | null): Plan {
  const result = compileGraph(mlp(w.widths, w.activation, w.loss), {
    inputWidth: w.data.featureWidth,
    target: w.loss === 'crossEntropy' ? { task: 'classification', numClasses: w.widths[w.widths.length - 1] } : { task: 'regression', width: 1 },
  }, { seed, backend, threads });
  if (result.type !== 'ok') throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  return result.plan;
}

/** Boston housing with standardized features (population std), as in the lecture. */
export function bostonDataset(path: string): Dataset {
  const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const rows = lines.slice(1).map((l) => l.split(',').map(Number));
  const n = rows.length;
  const f = rows[0].length - 1;
  const x = new Float32Array(n * f);
  const y = new Float32Array(n);
  for (let c = 0; c < f; c++) {
    let mean = 0;
    for (const r of rows) mean += r[c];
    mean /= n;
    let v = 0;
    for (const r of rows) v += (r[c] - mean) ** 2;
    const sd = Math.sqrt(v / n) || 1;
    rows.forEach((r, i) => (x[i * f + c] = (r[c] - mean) / sd));
  }
  rows.forEach((r, i) => (y[i] = r[f]));
  return { x, y, n, featureWidth: f, targetWidth: 1, task: 'regression', featureNames: lines[0].split(',').slice(0, f), targetNames: ['MEDV'] };
}

/** n rows of U(-1, 1) features with a smooth nonlinear target (regression) or its argmax bucket (classification). */
export function syntheticDataset(n: number, f: number, classes: number | null, seed: number): Dataset {
  const rng = new Rng(seed);
  const x = new Float32Array(n * f);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let c = 0; c < f; c++) {
      const v = rng.uniform(-1, 1);
      x[i * f + c] = v;
      s += Math.sin(3 * v + c) * (c % 3 === 0 ? 1 : 0.5);
    }
    y[i] = classes === null ? s : Math.min(classes - 1, Math.floor(((Math.tanh(s / 2) + 1) / 2) * classes));
  }
  return classes === null
    ? { x, y, n, featureWidth: f, targetWidth: 1, task: 'regression', featureNames: [], targetNames: ['y'] }
    : { x, y, n, featureWidth: f, targetWidth: 1, task: 'classification', classes: Array.from({ length: classes }, (_, i) => `c${i}`), featureNames: [], targetNames: ['class'] };
}

export function workloads(bostonPath: string, scale = 1): Workload[] {
  return [
    {
      id: 'W1', title: 'lecture net 13-3-3-3-1, 506 rows, full batch, SGD', data: bostonDataset(bostonPath), widths: [13, 3, 3, 3, 1],
      activation: 'leakyRelu', slope: 0.01, loss: 'mse', unit: 'epochs/s',
      settings: { optimizer: { type: 'sgd', lr: 1e-4 }, epochs: Math.max(1, Math.round(20000 * scale)), batchSize: null, shuffle: false, seed: 1 },
    },
    {
      id: 'W2', title: '8-64-64-1 ReLU, 20,000 rows, Adam, batch 64', data: syntheticDataset(20000, 8, null, 2), widths: [8, 64, 64, 1],
      activation: 'relu', slope: 0, loss: 'mse', unit: 'examples/s',
      settings: { optimizer: { type: 'adam', lr: 1e-3 }, epochs: Math.max(1, Math.round(5 * scale)), batchSize: 64, shuffle: false, seed: 1 },
    },
    {
      id: 'W3', title: '784-256-256-10 ReLU, 10,000 rows, CE, SGD+momentum, batch 128', data: syntheticDataset(10000, 784, 10, 3), widths: [784, 256, 256, 10],
      activation: 'relu', slope: 0, loss: 'crossEntropy', unit: 'examples/s',
      settings: { optimizer: { type: 'sgd', lr: 0.01, momentum: 0.9 }, epochs: Math.max(1, Math.round(2 * scale)), batchSize: 128, shuffle: false, seed: 1 },
    },
  ];
}
