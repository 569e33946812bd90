/**
 * Step through one row: the plan itself runs the row (forward in evaluation mode, then
 * backward), and the trace reads the numbers off its buffers, so what a learner sees is exactly
 * what training computes. Each backward entry carries the chain-rule factors that produced it:
 * for an activation dL/dx = dL/dy ⊙ f′(x); for a Linear dL/dx = dL/dy · Wᵀ, dL/dW = xᵀ · dL/dy,
 * dL/db = dL/dy. It uses the plan's buffers and gradients: call it between runs, not during one.
 */
import type { Plan } from '../compile/plan.ts';
import { isActivation, type ActivationType, type Graph, type GraphNode } from '../graph/types.ts';
import { ELEMENTWISE } from '../ops/activations.ts';

export interface ForwardStepTrace {
  nodeId: string;
  type: GraphNode['type'];
  /** The node's inputs for this row, one array per input edge (in edge order). */
  inputs: number[][];
  /** The node's output for this row. */
  output: number[];
}

export type BackwardStepTrace =
  | { nodeId: string; kind: 'output'; loss: number; dPrediction: number[] }
  | { nodeId: string; kind: 'activation'; upstream: number[]; localDerivative: number[]; dInput: number[] }
  | { nodeId: string; kind: 'linear'; upstream: number[]; dWeight: number[][]; dBias: number[] | null; dInput: number[] | null }
  | { nodeId: string; kind: 'other'; upstream: number[] };

export interface RowTrace {
  loss: number;
  prediction: number[];
  forward: ForwardStepTrace[];
  /** In backward order: from the loss back to the first layer. */
  backward: BackwardStepTrace[];
}

const row = (buffer: ArrayLike<number> | undefined, width: number): number[] => Array.from({ length: width }, (_, j) => (buffer ? buffer[j] : NaN));

/**
 * Traces one row of `plan` (compiled from `graph`): `features` are the encoded, scaled features (featureWidth numbers) and `target`
 * its target (the target width, or one class index).
 */
export function traceRow(plan: Plan, graph: Graph, features: ArrayLike<number>, target: ArrayLike<number>): RowTrace {
  plan.ensureCapacity(1);
  for (let j = 0; j < plan.inputWidth; j++) plan.input[j] = features[j];
  for (let j = 0; j < plan.targetWidth; j++) plan.target[j] = target[j];
  // Evaluation mode (dropout off) for the values; the backward pass reuses the same activations.
  const loss = plan.forward(1, false, true);
  plan.backward(1);

  // A node's inputs in edge order, as the compiler reads them.
  const producersOf = (id: string): string[] => graph.edges.filter((e) => e.to === id).map((e) => e.from);
  const forward: ForwardStepTrace[] = plan.order.map((node) => ({
    nodeId: node.id,
    type: node.type,
    inputs: producersOf(node.id).map((p) => row(plan.activation(p), plan.widthOf(p))),
    output: row(plan.activation(node.id), plan.widthOf(node.id)),
  }));

  const backward: BackwardStepTrace[] = [];
  for (const node of [...plan.order].reverse()) {
    if (node.type === 'input') continue;
    const width = plan.widthOf(node.id);
    const producers = producersOf(node.id);
    if (node.type === 'output') {
      backward.push({ nodeId: node.id, kind: 'output', loss, dPrediction: row(plan.gradient(producers[0]), width) });
      continue;
    }
    const upstream = row(plan.gradient(node.id), width);
    if (isActivation(node.type)) {
      const x = plan.activation(producers[0])!;
      const y = plan.activation(node.id)!;
      const e = ELEMENTWISE[node.type as ActivationType];
      const [a, b] = e.params(node);
      const local = Array.from({ length: width }, (_, j) => e.df(x[j], y[j], a, b));
      backward.push({ nodeId: node.id, kind: 'activation', upstream, localDerivative: local, dInput: upstream.map((u, j) => u * local[j]) });
      continue;
    }
    const layer = plan.layers.find((l) => l.nodeId === node.id);
    if (layer) {
      const { inFeatures: inF, outFeatures: outF } = layer;
      // Stored [in, out]; shown in PyTorch's [out, in].
      const dWeight = Array.from({ length: outF }, (_, o) => Array.from({ length: inF }, (_, k) => layer.dWeight[k * outF + o]));
      const dInput = plan.gradient(producers[0]) ? row(plan.gradient(producers[0]), inF) : null;
      backward.push({ nodeId: node.id, kind: 'linear', upstream, dWeight, dBias: layer.dBias ? Array.from(layer.dBias) : null, dInput });
      continue;
    }
    backward.push({ nodeId: node.id, kind: 'other', upstream });
  }
  return { loss, prediction: row(plan.prediction, plan.outputWidth), forward, backward };
}
