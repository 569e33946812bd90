/**
 * What every op in the table provides, side by side: how many inputs it takes, how it checks
 * its parameters, how wide its output is (the shape rule), how many parameters it owns, and
 * its forward and backward steps. The compiler looks ops up here and never special-cases one.
 */
import type { Floats } from '../kernels/backend.ts';
import type { Diagnostic } from '../graph/diagnostics.ts';
import type { GraphNode, NodeType } from '../graph/types.ts';
import type { KernelBackend } from '../kernels/backend.ts';
import type { Rng } from '../kernels/random.ts';

/** Mutable state shared by all steps of one plan. */
export interface PlanState {
  /** Dropout is active only while training. */
  training: boolean;
  rng: Rng;
  /** Targets for the current batch (regression: rows × width; classification: rows class indices). */
  target: Floats;
  /** Set by the output op's forward when `computeLoss` is on. */
  loss: number;
  computeLoss: boolean;
}

/** A step runs over the first `rows` rows of its preallocated buffers. */
export type Step = (rows: number) => void;

export interface StepBinding<N extends GraphNode = GraphNode> {
  node: N;
  inputs: Floats[];
  inWidths: number[];
  output: Floats;
  outWidth: number;
  /** Gradient of the loss with respect to this node's output (null when nothing upstream needs it). */
  dOutput: Floats | null;
  /** Where each input's gradient goes; null where that input needs none. */
  dInputs: (Floats | null)[];
  /** Per input: add into dInputs[i] (another consumer already wrote it) instead of overwriting. */
  accumulate: boolean[];
  /** This op's parameters and their gradients (views into the plan's flat arrays). */
  weight: Floats | null;
  bias: Floats | null;
  dWeight: Floats | null;
  dBias: Floats | null;
  capacity: number;
  /** Per-node scratch shared by this node's forward and backward (e.g. a dropout mask). */
  scratch: Record<string, Uint8Array | Floats>;
  kernels: KernelBackend;
  state: PlanState;
}

export type WidthResult = { ok: true; width: number } | { ok: false; diagnostics: Diagnostic[] };

export interface ParamShape {
  /** Stored as [in, out] row-major (the transpose of PyTorch's [out, in]) so all three matmuls stream. */
  weight: [number, number];
  bias: number;
}

export interface OpSpec<N extends GraphNode = GraphNode> {
  type: NodeType;
  /** Human name for messages and the palette. */
  title: string;
  minInputs: number;
  maxInputs: number;
  validateParams(node: N): Diagnostic[];
  /** The shape rule. `inputNames` are the producers' names, for messages. */
  inferWidth(node: N, inWidths: number[], inputNames: string[]): WidthResult;
  /** The output width when it does not depend on the inputs (a Linear's outFeatures), so it shows before data is linked. */
  fixedWidth?(node: N): number;
  paramShape?(node: N, inWidth: number, outWidth: number): ParamShape;
  forward(binding: StepBinding<N>): Step;
  /** null when the op has nothing to propagate (the input). */
  backward(binding: StepBinding<N>): Step | null;
  /** The output buffer is the first input's buffer (no copy). */
  aliasesInput?: boolean;
}
