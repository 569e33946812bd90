/**
 * `npm run bench`: Layerboard against PyTorch (Debian's python3-torch, 1 thread and all threads)
 * on the three workloads of the core engine issue, measured in the same run, from the same data
 * and initial weights. Prints one table of ratios and checks that every peer's final loss agrees
 * with ours within 1%, so that no one is timed doing less work. Then CSV import against
 * pandas.read_csv (core/bench/csv-import.ts). `--quick` runs a tenth of each; `W1`/`W2`/`W3`
 * pick workloads; `--no-tfjs` and `--no-csv` skip those parts; `--backend=js|wasm|auto` picks our
 * kernels (default auto, as in the app; the kernels column shows what each layer ran on).
 */
import { spawnSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate, runTraining, TrainingController } from '../index.ts';
import type { BackendChoice } from '../compile/plan.ts';
import { compileWorkload, workloads, type Workload } from './workloads.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const PYTHON = '/usr/bin/python3';
const require = createRequire(import.meta.url);

interface Timing { seconds: number; finalLoss: number }

async function runOurs(w: Workload, backend: BackendChoice): Promise<Timing> {
  const plan = compileWorkload(w, 1, backend);
  const start = performance.now();
  // Progress is throttled to 20 events a second, as in the app; the handler does nothing here.
  await runTraining(plan, { train: w.data }, { settings: w.settings }, new TrainingController(), () => {});
  const seconds = (performance.now() - start) / 1000;
  return { seconds, finalLoss: evaluate(plan, w.data, false).loss };
}

function runTorch(w: Workload, threads: number, dir: string): Timing | { error: string } {
  const spec = { ...peerSpec(w, dir), threads };
  const r = spawnSync(PYTHON, [join(here, 'torch_bench.py')], { input: JSON.stringify(spec), encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) return { error: (r.stderr || r.error?.message || 'failed').trim().split('\n').pop()! };
  return JSON.parse(r.stdout) as Timing;
}

function writeData(w: Workload, dir: string): { x: string; y: string } {
  const x = join(dir, `${w.id}-x.f32`);
  const y = join(dir, `${w.id}-y.f32`);
  writeFileSync(x, Buffer.from(w.data.x.buffer, w.data.x.byteOffset, w.data.x.byteLength));
  writeFileSync(y, Buffer.from(w.data.y.buffer, w.data.y.byteOffset, w.data.y.byteLength));
  return { x, y };
}

function peerSpec(w: Workload, dir: string): Record<string, unknown> {
  const plan = compileWorkload(w);
  const weights = plan.exportWeights();
  return {
    ...writeData(w, dir), n: w.data.n, loss: w.loss, activation: w.activation, slope: w.slope,
    optimizer: w.settings.optimizer, epochs: w.settings.epochs, batch: w.settings.batchSize ?? w.data.n,
    layers: plan.layers.map((l) => ({ in: l.inFeatures, out: l.outFeatures, weight: weights[l.nodeId].weight.data, bias: weights[l.nodeId].bias!.data })),
  };
}

/** Bundles the tfjs peer once (see tfjs-peer.ts for why) and returns the script's path. */
function bundleTfjsPeer(dir: string): string {
  const out = join(dir, 'tfjs-peer.cjs');
  buildSync({ entryPoints: [join(here, 'tfjs-peer.ts')], bundle: true, platform: 'node', format: 'cjs', logLevel: 'error', outfile: out });
  return out;
}

function runTfjs(w: Workload, backend: 'cpu' | 'wasm', dir: string, script: string): Timing | { error: string } {
  const wasmDir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')) + '/';
  const r = spawnSync(process.execPath, [script], {
    input: JSON.stringify({ ...peerSpec(w, dir), backend, wasmDir }), encoding: 'utf8', maxBuffer: 1 << 26,
  });
  if (r.status !== 0) return { error: (r.stderr || r.error?.message || 'failed').trim().split('\n').pop()! };
  return JSON.parse(r.stdout) as Timing;
}

function canResolve(name: string): boolean {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
}

function rate(w: Workload, seconds: number): number {
  const epochs = w.settings.epochs;
  return w.unit === 'epochs/s' ? epochs / seconds : (epochs * w.data.n) / seconds;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const only = args.filter((a) => /^W[123]$/.test(a));
  const backend = (args.find((a) => a.startsWith('--backend='))?.slice('--backend='.length) ?? 'auto') as BackendChoice;
  const dir = mkdtempSync(join(tmpdir(), 'layerboard-bench-'));
  const boston = fileURLToPath(new URL('../../../shared/datasets/boston-housing.csv', import.meta.url));
  const all = workloads(boston, quick ? 0.1 : 1).filter((w) => only.length === 0 || only.includes(w.id));
  const torchOk = spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' }).status === 0;
  const tfjsOk = !args.includes('--no-tfjs') && canResolve('@tensorflow/tfjs-backend-wasm') && canResolve('@tensorflow/tfjs-backend-cpu');
  const cores = cpus().length;
  console.log(`Layerboard bench${quick ? ' (quick: a tenth of each workload)' : ''}: node ${process.version}, ${cores} cores; ` +
    `PyTorch ${torchOk ? 'found' : 'not found (apt-get install python3-torch)'}; TensorFlow.js ${tfjsOk ? 'found' : 'skipped'}\n`);

  const peers: { name: string; run: (w: Workload) => Timing | { error: string } }[] = [];
  if (torchOk) {
    peers.push({ name: 'torch 1 thread', run: (w) => runTorch(w, 1, dir) });
    peers.push({ name: `torch ${cores} threads`, run: (w) => runTorch(w, cores, dir) });
  }
  if (tfjsOk) {
    const script = bundleTfjsPeer(dir);
    peers.push({ name: 'tfjs-wasm', run: (w) => runTfjs(w, 'wasm', dir, script) });
    peers.push({ name: 'tfjs-cpu', run: (w) => runTfjs(w, 'cpu', dir, script) });
  }

  const header = ['workload', 'unit', 'Layerboard', ...peers.flatMap((p) => [p.name, 'ratio']), 'final loss (ours / peers)', 'kernels'];
  const rows: string[][] = [header];
  let lossMismatch = false;
  for (const w of all) {
    const ours = await runOurs(w, backend);
    const cells = [`${w.id} ${w.title}`, w.unit, rate(w, ours.seconds).toFixed(0)];
    const losses = [ours.finalLoss.toPrecision(5)];
    for (const peer of peers) {
      const t = peer.run(w);
      if ('error' in t) {
        cells.push(`error: ${t.error.slice(0, 40)}`, '-');
        continue;
      }
      cells.push(rate(w, t.seconds).toFixed(0), `${(t.seconds / ours.seconds).toFixed(2)}×`);
      const agrees = Math.abs(t.finalLoss - ours.finalLoss) <= 0.01 * Math.abs(t.finalLoss);
      if (!agrees) lossMismatch = true;
      losses.push(`${t.finalLoss.toPrecision(5)}${agrees ? '' : ' (>1% off)'}`);
    }
    const plan = compileWorkload(w, 1, backend);
    cells.push(losses.join(' / '), plan.layers.map((l, i) => `${l.inFeatures}→${l.outFeatures} ${plan.kernels[i].backend}:${plan.kernels[i].tile}`).join(', '));
    rows.push(cells);
  }
  const widths = header.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c])).join('  '));
  console.log('\nratio = peer time / Layerboard time for the same work (above 1: Layerboard is faster).');
  if (lossMismatch) {
    console.error('A peer’s final loss differs from ours by more than 1%: those timings are not comparable.');
    process.exitCode = 1;
  }

  if (!args.includes('--no-csv') && only.length === 0) {
    // In its own process, so that its peak-memory figure is the importer's alone.
    console.log('');
    const csv = spawnSync(process.execPath, ['--import', 'tsx', join(here, 'csv-import.ts'), ...(quick ? ['--rows=100000'] : [])], { stdio: 'inherit' });
    if (csv.status !== 0) process.exitCode = 1;
  }
}

await main();
