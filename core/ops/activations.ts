/**
 * Element-wise activations: each one's function and derivative sit next to each other, with
 * PyTorch's definitions (including its choices at the kinks: ReLU'(0) = 0, LeakyReLU'(0) = slope,
 * Softplus switching to the identity above `threshold`).
 */
import type { ActivationType, GraphNode } from '../graph/types.ts';
import type { OpSpec, Step, StepBinding } from './op.ts';
import { checkNumberParam, expected, same } from './errors.ts';
import { erf } from './erf.ts';

interface Elementwise {
  title: string;
  /** y = f(x). */
  f(x: number, a: number, b: number): number;
  /** dy/dx, given the input x and the output y (whichever is cheaper). */
  df(x: number, y: number, a: number, b: number): number;
  /** The op's numeric parameters (a, b), with PyTorch's defaults. */
  params(node: GraphNode): [number, number];
  validate?: OpSpec['validateParams'];
}

const SQRT1_2 = Math.SQRT1_2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

export const ELEMENTWISE: Record<ActivationType, Elementwise> = {
  relu: {
    title: 'ReLU',
    f: (x) => (x > 0 ? x : 0),
    df: (x) => (x > 0 ? 1 : 0),
    params: () => [0, 0],
  },
  leakyRelu: {
    title: 'LeakyReLU',
    f: (x, s) => (x > 0 ? x : x * s),
    df: (x, _y, s) => (x > 0 ? 1 : s),
    params: (n) => [(n as { slope?: number }).slope ?? 0.01, 0],
    validate: (n) => checkNumberParam(n, 'slope', (n as { slope?: number }).slope, { min: 0, optional: true, fallback: 0.01 }, expected('slope')),
  },
  sigmoid: {
    title: 'Sigmoid',
    f: (x) => sigmoid(x),
    df: (_x, y) => y * (1 - y),
    params: () => [0, 0],
  },
  tanh: {
    title: 'Tanh',
    f: (x) => Math.tanh(x),
    df: (_x, y) => 1 - y * y,
    params: () => [0, 0],
  },
  elu: {
    title: 'ELU',
    f: (x, alpha) => (x > 0 ? x : alpha * Math.expm1(x)),
    df: (x, _y, alpha) => (x > 0 ? 1 : alpha * Math.exp(x)),
    params: (n) => [(n as { alpha?: number }).alpha ?? 1, 0],
    validate: (n) => checkNumberParam(n, 'alpha', (n as { alpha?: number }).alpha, { min: 0, optional: true, fallback: 1 }, expected('nonNegative')),
  },
  gelu: {
    title: 'GELU',
    f: (x) => 0.5 * x * (1 + erf(x * SQRT1_2)),
    df: (x) => 0.5 * (1 + erf(x * SQRT1_2)) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x),
    params: () => [0, 0],
  },
  softplus: {
    title: 'Softplus',
    f: (x, beta, threshold) => (x * beta > threshold ? x : Math.log1p(Math.exp(beta * x)) / beta),
    df: (x, _y, beta, threshold) => (x * beta > threshold ? 1 : sigmoid(beta * x)),
    params: (n) => {
      const p = n as { beta?: number; threshold?: number };
      return [p.beta ?? 1, p.threshold ?? 20];
    },
    validate: (n) => {
      const p = n as { beta?: number; threshold?: number };
      return [
        ...checkNumberParam(n, 'beta', p.beta, { min: 0, minExclusive: true, optional: true, fallback: 1 }, expected('positive')),
        ...checkNumberParam(n, 'threshold', p.threshold, { min: 0, minExclusive: true, optional: true, fallback: 20 }, expected('positive')),
      ];
    },
  },
  silu: {
    title: 'SiLU',
    f: (x) => x * sigmoid(x),
    df: (x) => {
      const s = sigmoid(x);
      return s * (1 + x * (1 - s));
    },
    params: () => [0, 0],
  },
};

/**
 * Hot activations get hand-specialised loops; the rest share one generic loop that calls
 * the table's f/df (V8 inlines them while a plan uses few activation types).
 */
function forwardStep(type: ActivationType, b: StepBinding): Step {
  const x = b.inputs[0];
  const y = b.output;
  const w = b.outWidth;
  const e = ELEMENTWISE[type];
  const [pa, pb] = e.params(b.node);
  if (type === 'relu') {
    return (rows) => {
      for (let i = 0, n = rows * w; i < n; i++) { const v = x[i]; y[i] = v > 0 ? v : 0; }
    };
  }
  if (type === 'leakyRelu') {
    return (rows) => {
      for (let i = 0, n = rows * w; i < n; i++) { const v = x[i]; y[i] = v > 0 ? v : v * pa; }
    };
  }
  const f = e.f;
  return (rows) => {
    for (let i = 0, n = rows * w; i < n; i++) y[i] = f(x[i], pa, pb);
  };
}

function backwardStep(type: ActivationType, b: StepBinding): Step | null {
  const dx = b.dInputs[0];
  const dy = b.dOutput;
  if (dx === null || dy === null) return null;
  const x = b.inputs[0];
  const y = b.output;
  const w = b.outWidth;
  const acc = b.accumulate[0];
  const e = ELEMENTWISE[type];
  const [pa, pb] = e.params(b.node);
  if (type === 'relu' || type === 'leakyRelu') {
    const slope = type === 'relu' ? 0 : pa;
    return (rows) => {
      const n = rows * w;
      if (acc) for (let i = 0; i < n; i++) dx[i] += x[i] > 0 ? dy[i] : dy[i] * slope;
      else for (let i = 0; i < n; i++) dx[i] = x[i] > 0 ? dy[i] : dy[i] * slope;
    };
  }
  const df = e.df;
  return (rows) => {
    const n = rows * w;
    if (acc) for (let i = 0; i < n; i++) dx[i] += dy[i] * df(x[i], y[i], pa, pb);
    else for (let i = 0; i < n; i++) dx[i] = dy[i] * df(x[i], y[i], pa, pb);
  };
}

export function activationOp(type: ActivationType): OpSpec {
  const e = ELEMENTWISE[type];
  return {
    type,
    title: e.title,
    minInputs: 1,
    maxInputs: 1,
    validateParams: (node) => e.validate?.(node) ?? [],
    inferWidth: (_node, inWidths) => same(inWidths[0]),
    forward: (b) => forwardStep(type, b),
    backward: (b) => backwardStep(type, b),
  };
}
