/**
 * Small builders for the numeric suites: graphs without positions, a compile that throws with
 * its diagnostics, weights set by node id, and seeded float32 samples.
 */
import { compileGraph, Rng } from '../index.ts';
import type { DataContext, Graph, GraphNode, Plan, PlanOptions } from '../index.ts';

/** A graph node as tests write it: no position. */
export type NodeSpec = GraphNode extends infer N ? (N extends GraphNode ? Omit<N, 'position'> : never) : never;

/** A graph from nodes and `[from, to]` edges; the edge order into a node is its input order. */
export function makeGraph(nodes: NodeSpec[], edges: [string, string][]): Graph {
  return {
    nodes: nodes.map((n, i) => ({ ...n, position: { x: 200 * i, y: 0 } }) as GraphNode),
    edges: edges.map(([from, to]) => ({ from, to })),
  };
}

/** A straight chain: each node feeds the next. */
export function chainGraph(nodes: NodeSpec[]): Graph {
  return makeGraph(nodes, nodes.slice(1).map((n, i) => [nodes[i].id, n.id]));
}

/** Compiles or throws with every error diagnostic (warnings are expected in op-level graphs). */
export function compileOk(graph: Graph, context: Required<DataContext>, options: PlanOptions = {}): Plan {
  const r = compileGraph(graph, context, options);
  if (r.type !== 'ok') throw new Error(`the test graph does not compile:\n${r.diagnostics.map((d) => `  ${d.code} ${d.message}`).join('\n')}`);
  return r.plan;
}

/** Overwrites one linear's weight ([out, in], PyTorch layout) and bias through the public load path. */
export function setLinear(plan: Plan, nodeId: string, weight: ArrayLike<number>, bias: ArrayLike<number> | null): void {
  const stored = plan.exportWeights();
  const layer = stored[nodeId];
  if (!layer) throw new Error(`no linear layer ${nodeId}`);
  layer.weight.data = Array.from(weight);
  if (bias) layer.bias = { shape: [bias.length], data: Array.from(bias) };
  else delete layer.bias;
  const r = plan.loadWeights(stored);
  if (r.type !== 'ok') throw new Error(r.message);
}

/** The n × n identity, row-major. */
export function identity(n: number): number[] {
  const out = new Array<number>(n * n).fill(0);
  for (let i = 0; i < n; i++) out[i * n + i] = 1;
  return out;
}

/** A linear layer's weight gradient in PyTorch layout [out, in] (the plan stores [in, out]). */
export function weightGradOf(plan: Plan, nodeId: string): number[] {
  const layer = plan.layers.find((l) => l.nodeId === nodeId);
  if (!layer) throw new Error(`no linear layer ${nodeId}`);
  const { inFeatures: inF, outFeatures: outF } = layer;
  const out = new Array<number>(inF * outF);
  for (let o = 0; o < outF; o++) for (let k = 0; k < inF; k++) out[o * inF + k] = layer.dWeight[k * outF + o];
  return out;
}

/** Seeded normal samples N(0, scale²) (Box–Muller over the engine's Rng), rounded to float32 so they are exact in either dtype. */
export function normals(seed: number, n: number, scale = 1): number[] {
  const rng = new Rng(seed);
  const out: number[] = [];
  while (out.length < n) {
    const u = 1 - rng.nextFloat();
    const v = rng.nextFloat();
    const r = Math.sqrt(-2 * Math.log(u)) * scale;
    out.push(Math.fround(r * Math.cos(2 * Math.PI * v)), Math.fround(r * Math.sin(2 * Math.PI * v)));
  }
  return out.slice(0, n);
}

/** Seeded integers in [0, k). */
export function classIndices(seed: number, n: number, k: number): number[] {
  const rng = new Rng(seed);
  return Array.from({ length: n }, () => rng.nextInt(k));
}

/**
 * The lecture's network: 13-3-3-3-`outFeatures`, LeakyReLU(0.01) after each hidden Linear, none
 * at the end, MSE. `outFeatures` 13 is the lecture's own bug.
 */
export function lectureGraph(outFeatures = 1): Graph {
  return chainGraph([
    { id: 'input', type: 'input' },
    { id: 'linear1', type: 'linear', outFeatures: 3 },
    { id: 'act1', type: 'leakyRelu', slope: 0.01 },
    { id: 'linear2', type: 'linear', outFeatures: 3 },
    { id: 'act2', type: 'leakyRelu', slope: 0.01 },
    { id: 'linear3', type: 'linear', outFeatures: 3 },
    { id: 'act3', type: 'leakyRelu', slope: 0.01 },
    { id: 'linear4', type: 'linear', outFeatures },
    { id: 'output', type: 'output', loss: 'mse' },
  ]);
}
