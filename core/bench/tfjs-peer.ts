/**
 * TensorFlow.js side of `npm run bench`: trains one workload with the cpu or wasm backend from
 * the same data and initial weights as Layerboard. Reads a JSON spec on stdin, prints JSON.
 * The runner bundles it with esbuild first (tfjs-core's ESM build uses extensionless imports
 * that Node's loader refuses, and its CommonJS build registers no gradients), and runs it in
 * its own process so that the backends do not share state.
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import type * as TF from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { version_cpu } from '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

// The cpu package registers its backend on load; naming an export keeps the bundler from
// dropping it (its package.json declares no side effects).
export const cpuBackendVersion = version_cpu;

interface Spec {
  backend: 'cpu' | 'wasm';
  /** Folder holding tfjs-backend-wasm's .wasm files, with a trailing slash. */
  wasmDir: string;
  x: string; y: string; n: number; loss: 'mse' | 'crossEntropy'; activation: 'leakyRelu' | 'relu'; slope: number;
  optimizer: { type: 'sgd' | 'adam'; lr: number; momentum?: number }; epochs: number; batch: number;
  layers: { in: number; out: number; weight: number[]; bias: number[] }[];
}

async function main(): Promise<void> {
  const spec = JSON.parse(readFileSync(0, 'utf8')) as Spec;
  if (spec.backend === 'wasm') {
    setWasmPaths(spec.wasmDir);
  }
  await tf.setBackend(spec.backend);
  await tf.ready();
  const xs = new Float32Array(readFileSync(spec.x).buffer.slice(0));
  const ys = new Float32Array(readFileSync(spec.y).buffer.slice(0));
  const f = xs.length / spec.n;
  const classification = spec.loss === 'crossEntropy';
  const classes = spec.layers[spec.layers.length - 1].out;
  // Weights in our [in, out] layout so that x·W needs no transpose, as a tfjs Dense layer stores them.
  const params = spec.layers.map((l) => {
    const w = new Float32Array(l.in * l.out);
    for (let o = 0; o < l.out; o++) for (let k = 0; k < l.in; k++) w[k * l.out + o] = l.weight[o * l.in + k];
    return { w: tf.variable(tf.tensor2d(w, [l.in, l.out])), b: tf.variable(tf.tensor1d(l.bias)) };
  });
  const vars = params.flatMap((p) => [p.w, p.b]);
  const batches: { x: TF.Tensor2D; y: TF.Tensor }[] = [];
  for (let s = 0; s < spec.n; s += spec.batch) {
    const rows = Math.min(spec.batch, spec.n - s);
    const x = tf.tensor2d(xs.subarray(s * f, (s + rows) * f), [rows, f]);
    const y = classification
      ? tf.oneHot(tf.tensor1d(Array.from(ys.subarray(s, s + rows)), 'int32'), classes)
      : tf.tensor2d(ys.subarray(s, s + rows), [rows, 1]);
    batches.push({ x, y });
  }
  const model = (x: TF.Tensor2D): TF.Tensor2D => {
    let h = x;
    params.forEach((p, i) => {
      h = tf.add(tf.matMul(h, p.w), p.b);
      if (i < params.length - 1) h = spec.activation === 'leakyRelu' ? tf.leakyRelu(h, spec.slope) : tf.relu(h);
    });
    return h;
  };
  const lossOf = (x: TF.Tensor2D, y: TF.Tensor): TF.Scalar => {
    const out = model(x);
    if (!classification) return tf.mean(tf.square(tf.sub(out, y))) as TF.Scalar;
    return tf.neg(tf.mean(tf.sum(tf.mul(y, tf.logSoftmax(out)), 1))) as TF.Scalar;
  };
  const optimizer = spec.optimizer.type === 'sgd'
    ? spec.optimizer.momentum ? tf.train.momentum(spec.optimizer.lr, spec.optimizer.momentum) : tf.train.sgd(spec.optimizer.lr)
    : tf.train.adam(spec.optimizer.lr);
  const start = performance.now();
  for (let e = 0; e < spec.epochs; e++) {
    for (const { x, y } of batches) {
      const loss = optimizer.minimize(() => lossOf(x, y), true, vars);
      loss?.dataSync();
      loss?.dispose();
    }
  }
  // The final loss over all the data is inside the timing, as in Layerboard's runTraining.
  let total = 0;
  for (const { x, y } of batches) total += tf.tidy(() => lossOf(x, y).dataSync()[0] * x.shape[0]);
  const seconds = (performance.now() - start) / 1000;
  process.stdout.write(JSON.stringify({ seconds, finalLoss: total / spec.n }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
