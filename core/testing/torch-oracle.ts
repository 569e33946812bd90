/**
 * The PyTorch oracle, TypeScript side. A test file collects its cases in a `TorchBatch`, sends
 * them all to one `/usr/bin/python3 core/testing/torch_oracle.py` process (JSON on stdin, JSON on
 * stdout) and reads each case's result back, so the file pays for one torch start-up.
 *
 * PyTorch comes from Debian (python3-torch), hence the system interpreter rather than whatever
 * `python3` is first on PATH. When it is missing the suites skip with one message, except under
 * CI (`process.env.CI`), where a missing oracle must fail: .ci/run installs it.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import type { Graph, GraphNode, OptimizerSettings, Plan, StoredWeights } from '../index.ts';

/** Debian's interpreter; LAYERBOARD_PYTHON points elsewhere (a venv with torch, or a missing one to try the skip path). */
export const PYTHON = process.env.LAYERBOARD_PYTHON ?? '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./torch_oracle.py', import.meta.url));

/** A tensor on the wire: row-major values and a shape. */
export interface WireTensor {
  data: number[];
  shape: number[];
}

/** One op on given inputs; see torch_oracle.py. */
export interface OpCase {
  kind: 'op';
  /** An activation type, 'dropout', 'add', 'concat', 'linear', or a loss type. */
  op: string;
  params?: Record<string, number>;
  inputs: WireTensor[];
  /** ∂L/∂output for a non-loss op (rows × width, row-major). */
  upstream?: number[];
  /** linear: PyTorch layout [out, in]. */
  weight?: WireTensor;
  bias?: WireTensor | null;
  /** losses: values (rows × width) or, for crossEntropy, one class index per row. */
  target?: number[];
  /** dropout: the engine's keep-mask (1 keep, 0 drop), since the two random streams differ. */
  mask?: number[];
  training?: boolean;
  dtype?: 'float32' | 'float64';
}

export interface OpResult {
  /** The op's output (for a loss: [loss]); null stands for a non-finite value. */
  output: (number | null)[];
  /** ∂L/∂input for each input, flat. */
  inputGrads: (number | null)[][];
  /** linear: ∂L/∂weight in PyTorch layout [out, in], and ∂L/∂bias. */
  weightGrad?: (number | null)[];
  biasGrad?: (number | null)[] | null;
}

/** A graph node as the oracle builds it: its parameters, its producers in order, and a linear's inFeatures. */
export type SpecNode = Omit<GraphNode, 'position' | 'label'> & { inputs: string[]; inFeatures?: number };

export interface TrainCase {
  kind: 'train';
  /** Topological order, input first, output (with the loss) last. */
  nodes: SpecNode[];
  /** Initial weights in PyTorch layout (Plan.exportWeights()). */
  weights: StoredWeights;
  rows: number;
  x: number[];
  /** rows × target width, or one class index per row for crossEntropy. */
  y: number[];
  optimizer: OptimizerSettings;
  epochs: number;
  /** null: full batch. Batches are taken in row order (no shuffle). */
  batchSize: number | null;
  gradClipNorm?: number | null;
  dtype?: 'float32' | 'float64';
}

export interface TrainResult {
  weights: StoredWeights;
  /** The loss of every optimizer step (computed before the step, as the engine reports it). */
  stepLosses: (number | null)[];
  /** Row-weighted mean step loss per epoch: the engine's history.trainLoss. */
  epochLosses: (number | null)[];
}

export type OracleCase = OpCase | TrainCase;

let probed: { ok: true } | { ok: false; message: string } | null = null;

/** Whether the oracle can run here. Asks Python to find torch without importing it (fast). */
export function probeTorch(): { ok: true } | { ok: false; message: string } {
  if (probed) return probed;
  const r = spawnSync(PYTHON, ['-c', 'import importlib.util, sys; sys.exit(0 if importlib.util.find_spec("torch") else 3)'], { encoding: 'utf8' });
  if (r.status === 0) probed = { ok: true };
  else {
    const why = r.error ? `${PYTHON} could not be started (${r.error.message})` : `${PYTHON} has no torch module`;
    probed = { ok: false, message: `The PyTorch oracle is unavailable: ${why}.` };
  }
  return probed;
}

let warned = false;

/**
 * `describe` for a suite that needs the oracle. Without torch: skipped with one message, or,
 * under CI, replaced by one failing test that says why.
 */
export function describeWithTorch(title: string, body: () => void): void {
  const probe = probeTorch();
  if (probe.ok) {
    describe(title, body);
    return;
  }
  if (process.env.CI) {
    describe(title, () => {
      it('needs the PyTorch oracle', () => {
        throw new Error(`${probe.message} CI must run the PyTorch comparisons: .ci/run installs python3-torch.`);
      });
    });
    return;
  }
  if (!warned) {
    warned = true;
    console.warn(`${probe.message} Skipping the PyTorch comparison suites; install Debian's python3-torch (as .ci/run does) to run them.`);
  }
  describe.skip(title, body);
}

/** Runs cases in one oracle process. Throws if the process fails as a whole. */
export function runTorch(cases: OracleCase[]): ({ error: string } | OpResult | TrainResult)[] {
  const r = spawnSync(PYTHON, [SCRIPT], {
    input: JSON.stringify({ cases }),
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    // Below vitest's hookTimeout (120 s), so a hung oracle reports itself rather than the hook.
    timeout: 100_000,
  });
  if (r.error) throw new Error(`The torch oracle could not run: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`The torch oracle exited with ${r.status}:\n${r.stderr}`);
  const parsed = JSON.parse(r.stdout) as { results: ({ error: string } | OpResult | TrainResult)[] };
  if (parsed.results.length !== cases.length) throw new Error(`The torch oracle answered ${parsed.results.length} of ${cases.length} cases.`);
  return parsed.results;
}

/**
 * Collects a test file's cases; `run()` (in `beforeAll`) sends them at once, and the accessor
 * returned by `op` or `train` gives that case's result, or throws that case's own error.
 */
export class TorchBatch {
  private readonly cases: OracleCase[] = [];
  private results: ({ error: string } | OpResult | TrainResult)[] | null = null;

  op(c: Omit<OpCase, 'kind'>): () => OpResult {
    return this.add({ kind: 'op', ...c }) as () => OpResult;
  }

  train(c: Omit<TrainCase, 'kind'>): () => TrainResult {
    return this.add({ kind: 'train', ...c }) as () => TrainResult;
  }

  run(): void {
    if (this.results === null) this.results = runTorch(this.cases);
  }

  private add(c: OracleCase): () => OpResult | TrainResult {
    const index = this.cases.push(c) - 1;
    return () => {
      if (this.results === null) throw new Error('TorchBatch.run() has not been called (call it in beforeAll).');
      const result = this.results[index];
      if ('error' in result) throw new Error(`The torch oracle failed on this case: ${result.error}`);
      return result;
    };
  }
}

/** The graph as the oracle builds it: the plan's topological order, each node's producers in edge order, and linear widths. */
export function graphSpec(graph: Graph, plan: Plan): SpecNode[] {
  return plan.order.map((node) => {
    const { position: _position, label: _label, ...rest } = node;
    const inputs = graph.edges.filter((e) => e.to === node.id).map((e) => e.from);
    const layer = plan.layers.find((l) => l.nodeId === node.id);
    return layer ? { ...rest, inputs, inFeatures: layer.inFeatures } : { ...rest, inputs };
  });
}

export const wire = (data: ArrayLike<number>, shape: number[]): WireTensor => ({ data: Array.from(data), shape });
