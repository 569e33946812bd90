/**
 * `npm run bench`: Layerboard against PyTorch (Debian's python3-torch, 1 thread and all threads)
 * on the three workloads of the core engine issue, measured in the same run, from the same data
 * and initial weights. Prints one table of ratios and checks that every peer's final loss agrees
 * with ours within 1%, so that no one is timed doing less work. Then CSV import against
 * pandas.read_csv (core/bench/csv-import.ts). `--quick` runs a tenth of each; `W1`/`W2`/`W3`
 * pick workloads; `--no-tfjs` and `--no-csv` skip those parts; `--backend=js|wasm|auto` picks our
 * kernels (default auto, as in the app; the kernels column shows what each layer ran on);
 * `--threads=N` sets the thread count of the threaded runs (default: the machine's cores).
 *
 * Threads: PyTorch on one thread is compared with Layerboard on one thread, PyTorch on N threads
 * with Layerboard on N threads (kernel worker_threads; only W3's products are large enough to
 * be split). Then the cost of progress reporting: W1 with progress events at the app's throttle
 * (each event structured-cloned, as posting it to the window does) against none, in CPU time,
 * alternating runs; it prints PASS when the difference is under 2%.
 */
import { spawnSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate, runTraining, TrainingController } from '../index.ts';
import type { BackendChoice } from '../compile/plan.ts';
import type { KernelThreadHost } from '../kernels/threads.ts';
import { wasmRelaxedSimd } from '../kernels/wasm.ts';
import { nodeKernelThreads } from '../cli/kernel-threads.ts';
import { compileWorkload, workloads, type Workload } from './workloads.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const PYTHON = '/usr/bin/python3';
const require = createRequire(import.meta.url);

interface Timing { seconds: number; finalLoss: number }

async function runOurs(w: Workload, backend: BackendChoice, threads: KernelThreadHost | null): Promise<Timing> {
  const plan = compileWorkload(w, 1, backend, threads);
  const start = performance.now();
  // Progress is throttled to 20 events a second, as in the app; the handler does nothing here.
  await runTraining(plan, { train: w.data }, { settings: w.settings }, new TrainingController(), () => {});
  const seconds = (performance.now() - start) / 1000;
  const finalLoss = evaluate(plan, w.data, false).loss;
  plan.dispose();
  return { seconds, finalLoss };
}

/** CPU seconds (user + system, every thread of this process) of one W1 run, with or without progress events. */
async function cpuSecondsOfRun(w: Workload, backend: BackendChoice, progress: boolean): Promise<number> {
  const plan = compileWorkload(w, 1, backend, null);
  let events = 0;
  const before = process.cpuUsage();
  await runTraining(plan, { train: w.data }, { settings: w.settings, progressIntervalMs: progress ? undefined : Infinity }, new TrainingController(), (event) => {
    if (event.type !== 'progress') return;
    // What posting it to the window costs in the app: a structured clone.
    structuredClone(event);
    events++;
  });
  const used = process.cpuUsage(before);
  if (progress && events < 2) throw new Error('the progress run emitted fewer than 2 events: too short to measure');
  return (used.user + used.system) / 1e6;
}

/**
 * The cost of progress reporting on W1 (the workload with the most steps per second, so the
 * most events per unit of work): `reps` pairs of runs, without and with events at the default
 * throttle, back to back, in CPU time; the median of the pairs' ratios (the load moves between
 * pairs more than within one).
 */
async function progressCost(w: Workload, backend: BackendChoice, reps: number): Promise<{ share: number; with: number; without: number }> {
  const ratios: number[] = [];
  let withSum = 0, withoutSum = 0;
  await cpuSecondsOfRun(w, backend, true); // warm-up
  for (let r = 0; r < reps; r++) {
    const without = await cpuSecondsOfRun(w, backend, false);
    const withEvents = await cpuSecondsOfRun(w, backend, true);
    ratios.push(withEvents / without);
    withSum += withEvents;
    withoutSum += without;
  }
  ratios.sort((a, b) => a - b);
  return { share: ratios[Math.floor(reps / 2)] - 1, with: withSum / reps, without: withoutSum / reps };
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

/**
 * Our single-threaded runs in a child process without --experimental-wasm-relaxed-simd, so that
 * the table can show the plain f32x4 mul + add kernels (what Node 20 runs by default) next to
 * the fused ones (what Electron runs). Null where the child fails.
 */
function runOursPlain(ids: string[], quick: boolean, backend: BackendChoice): Map<string, Timing> | null {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, ['--import', 'tsx', self, '--ours-json', `--backend=${backend}`, ...(quick ? ['--quick'] : []), ...ids], { encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(`The plain-kernel runs failed: ${r.stderr.trim().split('\n').slice(-3).join(' ')}`);
    return null;
  }
  return new Map(Object.entries(JSON.parse(r.stdout) as Record<string, Timing>));
}

/** Issue 7's targets against PyTorch at equal thread counts, and ahead of tfjs: one line per workload, measured, never asserted. */
function printTargets(ratios: Map<string, Map<string, number>>, peerNames: string[]): void {
  const targets: Record<string, number> = { W1: 5, W2: 1.5, W3: 0.5 };
  const lines: string[] = [];
  for (const [id, ratioOf] of ratios) {
    const checks: string[] = [];
    for (const name of ['torch 1 thread', 'torch 1 thread (mul + add)', ...peerNames.filter((n) => /^torch \d+ threads$/.test(n))]) {
      const r = ratioOf.get(name);
      if (r !== undefined) checks.push(`${name} ${r.toFixed(2)}× ${r >= targets[id] ? 'met' : 'NOT met'}`);
    }
    for (const name of peerNames.filter((n) => n.startsWith('tfjs'))) {
      const r = ratioOf.get(name);
      if (r !== undefined) checks.push(`${name} ${r.toFixed(1)}× ${r > 1 ? 'ahead' : 'NOT ahead'}`);
    }
    if (checks.length > 0) lines.push(`  ${id} (≥ ${targets[id]}× PyTorch at the same thread count): ${checks.join('; ')}`);
  }
  if (lines.length > 0) console.log(`Issue 7's targets in this run (timings on a busy machine are noise; compare runs on a quiet one):\n${lines.join('\n')}`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const only = args.filter((a) => /^W[123]$/.test(a));
  const backend = (args.find((a) => a.startsWith('--backend='))?.slice('--backend='.length) ?? 'auto') as BackendChoice;
  if (args.includes('--ours-json')) {
    const boston = fileURLToPath(new URL('../../../shared/datasets/boston-housing.csv', import.meta.url));
    const out: Record<string, Timing> = {};
    for (const w of workloads(boston, quick ? 0.1 : 1).filter((w) => only.length === 0 || only.includes(w.id))) out[w.id] = await runOurs(w, backend, null);
    process.stdout.write(JSON.stringify(out));
    return;
  }
  const cores = Number(args.find((a) => a.startsWith('--threads='))?.slice('--threads='.length) ?? availableParallelism());
  const host = cores > 1 ? nodeKernelThreads(cores) : null;
  const dir = mkdtempSync(join(tmpdir(), 'layerboard-bench-'));
  const boston = fileURLToPath(new URL('../../../shared/datasets/boston-housing.csv', import.meta.url));
  const all = workloads(boston, quick ? 0.1 : 1).filter((w) => only.length === 0 || only.includes(w.id));
  const torchOk = spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' }).status === 0;
  const tfjsOk = !args.includes('--no-tfjs') && canResolve('@tensorflow/tfjs-backend-wasm') && canResolve('@tensorflow/tfjs-backend-cpu');
  const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
  const fused = wasmRelaxedSimd() && backend !== 'js';
  console.log(`Layerboard bench${quick ? ' (quick: a tenth of each workload)' : ''}: node ${process.version}, ${availableParallelism()} cores, ` +
    `threaded runs on ${cores}; WebAssembly products ${fused
      ? 'with fused multiply-add (Relaxed SIMD: as Electron runs them; Node 20 needs --experimental-wasm-relaxed-simd, which `npm run bench` passes), and on one thread also with f32x4 mul + add (Node\'s default) in a child process'
      : 'with f32x4 mul + add (no Relaxed SIMD in this runtime; `npm run bench` enables it as in Electron)'}; ` +
    `PyTorch ${torchOk ? 'found' : 'not found (apt-get install python3-torch)'}; TensorFlow.js ${tfjsOk ? 'found' : 'skipped'}; load average ${load()}\n`);

  // `threads`: which of our runs the peer is compared with (1 or `cores`).
  const peers: { name: string; threads: number; run: (w: Workload) => Timing | { error: string } }[] = [];
  if (torchOk) {
    peers.push({ name: 'torch 1 thread', threads: 1, run: (w) => runTorch(w, 1, dir) });
    if (cores > 1) peers.push({ name: `torch ${cores} threads`, threads: cores, run: (w) => runTorch(w, cores, dir) });
  }
  if (tfjsOk) {
    const script = bundleTfjsPeer(dir);
    // tfjs-backend-wasm runs one thread in Node (its threaded build needs a cross-origin isolated page).
    peers.push({ name: 'tfjs-wasm', threads: 1, run: (w) => runTfjs(w, 'wasm', dir, script) });
    peers.push({ name: 'tfjs-cpu', threads: 1, run: (w) => runTfjs(w, 'cpu', dir, script) });
  }

  const plain = fused ? runOursPlain(all.map((w) => w.id), quick, backend) : null;
  const torch1 = peers.find((p) => p.name === 'torch 1 thread');
  const header = ['workload', 'unit', `Layerboard 1 thread${fused ? ' (fused)' : ''}`, ...(host ? [`Layerboard ${cores} threads`] : []),
    ...(plain ? ['Layerboard 1 thread (mul + add)', ...(torch1 ? ['ratio (torch 1 thread, mul + add)'] : [])] : []),
    ...peers.flatMap((p) => [p.name, p.threads > 1 ? `ratio (vs ours ${p.threads})` : 'ratio']), 'final loss (ours / peers)', 'kernels'];
  const rows: string[][] = [header];
  // Peer time ÷ ours per workload and peer (and torch 1 thread against the mul + add kernels), for the targets line.
  const ratios = new Map<string, Map<string, number>>();
  let lossMismatch = false;
  for (const w of all) {
    const ours = await runOurs(w, backend, null);
    // Only products of a million multiply-adds or more are split: W1 and W2 would run the same code.
    const batch = w.settings.batchSize ?? w.data.n;
    const splits = host !== null && compileWorkload(w, 1, backend, host).kernels.some((k) => k.threadsFromRows !== undefined && batch >= k.threadsFromRows);
    const oursThreaded = splits ? await runOurs(w, backend, host) : ours;
    const cells = [`${w.id} ${w.title}`, w.unit, rate(w, ours.seconds).toFixed(0), ...(host ? [splits ? rate(w, oursThreaded.seconds).toFixed(0) : '(same)'] : [])];
    const losses = [ours.finalLoss.toPrecision(5)];
    const ratioOf = new Map<string, number>();
    ratios.set(w.id, ratioOf);
    const mulAdd = plain?.get(w.id);
    // PyTorch's 1-thread time for the plain column's ratio, measured below; filled in after it.
    let plainRatioAt = -1;
    if (plain) {
      cells.push(mulAdd ? rate(w, mulAdd.seconds).toFixed(0) : '-');
      if (torch1) plainRatioAt = cells.push('-') - 1;
      if (mulAdd) losses.push(`${mulAdd.finalLoss.toPrecision(5)} (mul + add)`);
    }
    if (oursThreaded.finalLoss !== ours.finalLoss) {
      console.error(`${w.id}: the threaded run's final loss ${oursThreaded.finalLoss} is not the single-threaded ${ours.finalLoss}: threads must not change the bits.`);
      process.exitCode = 1;
    }
    for (const peer of peers) {
      const t = peer.run(w);
      if ('error' in t) {
        cells.push(`error: ${t.error.slice(0, 40)}`, '-');
        continue;
      }
      const mine = peer.threads > 1 ? oursThreaded : ours;
      cells.push(rate(w, t.seconds).toFixed(0), `${(t.seconds / mine.seconds).toFixed(2)}×`);
      ratioOf.set(peer.name, t.seconds / mine.seconds);
      if (peer === torch1 && mulAdd && plainRatioAt >= 0) {
        cells[plainRatioAt] = `${(t.seconds / mulAdd.seconds).toFixed(2)}×`;
        ratioOf.set('torch 1 thread (mul + add)', t.seconds / mulAdd.seconds);
      }
      const agrees = Math.abs(t.finalLoss - ours.finalLoss) <= 0.01 * Math.abs(t.finalLoss);
      if (!agrees) lossMismatch = true;
      losses.push(`${t.finalLoss.toPrecision(5)}${agrees ? '' : ' (>1% off)'}`);
    }
    const plan = compileWorkload(w, 1, backend, host);
    cells.push(losses.join(' / '), plan.layers.map((l, i) => `${l.inFeatures}→${l.outFeatures} ${plan.kernels[i].backend}:${plan.kernels[i].tile}${plan.kernels[i].fusedActivation ? ` + ${plan.kernels[i].fusedActivation} in the epilogue` : ''}`).join(', '));
    plan.dispose();
    rows.push(cells);
  }
  const widths = header.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c])).join('  '));
  console.log('\nratio = peer time / Layerboard time for the same work (above 1: Layerboard is faster).');
  console.log(`load average after the workloads: ${load()}`);
  printTargets(ratios, peers.map((p) => p.name));
  if (lossMismatch) {
    console.error('A peer’s final loss differs from ours by more than 1%: those timings are not comparable.');
    process.exitCode = 1;
  }

  if (!args.includes('--no-progress') && (only.length === 0 || only.includes('W1'))) {
    // Always the full W1 (20,000 epochs, ~1 s): a tenth would see two events.
    const w1 = workloads(boston, 1).find((w) => w.id === 'W1')!;
    const reps = quick ? 5 : 9;
    const cost = await progressCost(w1, backend, reps);
    const pass = cost.share < 0.02;
    console.log(`\nProgress reporting on W1 (${w1.settings.epochs} epochs, events every 50 ms, structured-cloned): ` +
      `${cost.with.toFixed(3)} s CPU with, ${cost.without.toFixed(3)} s without (means of ${reps} pairs); median of the pairs: ` +
      `${(cost.share * 100).toFixed(2)}% of training time. ${pass ? 'PASS' : 'FAIL'} (< 2%)`);
    if (!pass) process.exitCode = 1;
  }

  if (!args.includes('--no-csv') && only.length === 0) {
    // In its own process, so that its peak-memory figure is the importer's alone.
    console.log('');
    const csv = spawnSync(process.execPath, ['--import', 'tsx', join(here, 'csv-import.ts'), ...(quick ? ['--rows=100000'] : [])], { stdio: 'inherit' });
    if (csv.status !== 0) process.exitCode = 1;
  }
}

await main();
