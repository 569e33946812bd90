/**
 * The graph document: plain JSON, exactly as it is stored in a `.layerboard` file.
 * Nodes carry their parameters inline (`{id, type, outFeatures, position}`), edges are
 * `{from, to}` pairs; the order of edges into a node is the order of its inputs
 * (it matters for `concat`).
 */

export const ACTIVATION_TYPES = ['relu', 'leakyRelu', 'sigmoid', 'tanh', 'elu', 'gelu', 'softplus', 'silu'] as const;
export type ActivationType = (typeof ACTIVATION_TYPES)[number];

export const NODE_TYPES = ['input', 'linear', ...ACTIVATION_TYPES, 'dropout', 'add', 'concat', 'output'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export const LOSS_TYPES = ['mse', 'mae', 'huber', 'crossEntropy', 'bce'] as const;
export type LossType = (typeof LOSS_TYPES)[number];

export const INIT_TYPES = ['pytorch', 'xavier', 'he'] as const;
export type InitType = (typeof INIT_TYPES)[number];

export interface Position {
  x: number;
  y: number;
}

interface NodeBase {
  id: string;
  position: Position;
  /** Optional display name; the id is used when absent. */
  label?: string;
}

export interface InputNode extends NodeBase { type: 'input' }
export interface LinearNode extends NodeBase {
  type: 'linear';
  outFeatures: number;
  /** Optional; inferred from the incoming edge. When given it must match. */
  inFeatures?: number;
  /** Default true. */
  bias?: boolean;
  /** Weight initialisation; default 'pytorch' (nn.Linear's kaiming-uniform, a = sqrt(5)). */
  init?: InitType;
}
export interface ReluNode extends NodeBase { type: 'relu' }
export interface LeakyReluNode extends NodeBase { type: 'leakyRelu'; /** Default 0.01, as nn.LeakyReLU. */ slope?: number }
export interface SigmoidNode extends NodeBase { type: 'sigmoid' }
export interface TanhNode extends NodeBase { type: 'tanh' }
export interface EluNode extends NodeBase { type: 'elu'; /** Default 1. */ alpha?: number }
export interface GeluNode extends NodeBase { type: 'gelu' }
export interface SoftplusNode extends NodeBase { type: 'softplus'; /** Default 1. */ beta?: number; /** Default 20. */ threshold?: number }
export interface SiluNode extends NodeBase { type: 'silu' }
export interface DropoutNode extends NodeBase { type: 'dropout'; /** Default 0.5, as nn.Dropout. */ p?: number }
export interface AddNode extends NodeBase { type: 'add' }
export interface ConcatNode extends NodeBase { type: 'concat' }
export interface OutputNode extends NodeBase {
  type: 'output';
  loss: LossType;
  /** Huber's delta; default 1. */
  delta?: number;
}

export type GraphNode =
  | InputNode | LinearNode | ReluNode | LeakyReluNode | SigmoidNode | TanhNode | EluNode | GeluNode
  | SoftplusNode | SiluNode | DropoutNode | AddNode | ConcatNode | OutputNode;

export interface GraphEdge {
  from: string;
  to: string;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** The stable id of an edge, used by diagnostics and the UI: `from->to`. */
export function edgeId(edge: GraphEdge): string {
  return `${edge.from}->${edge.to}`;
}

export function isActivation(type: NodeType): type is ActivationType {
  return (ACTIVATION_TYPES as readonly string[]).includes(type);
}
