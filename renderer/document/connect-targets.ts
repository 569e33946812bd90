/**
 * Which connections can be made from the keyboard: the inspector's "Connect output to" and
 * "Take input from" lists. A connection is offered when the `connect` command would make an edge
 * that keeps the graph a network: not a self-loop, not an edge that is already there, not into
 * an Input or out of an Output, and not one that closes a loop. For a node that takes one input
 * and already has it, the option says which input it replaces (as `connect` does).
 */
import { OPS, reach, type Graph, type GraphNode, type NodeType } from '../../core/index.ts';

export interface ConnectOption {
  /** The node at the other end. */
  id: string;
  type: NodeType;
  label?: string;
  /** The input the new edge takes the place of, for a single-input target that has one. */
  replaces?: string;
}

/** Whether a node has an input handle at all (Input has none). The canvas and the inspector ask the same. */
export function acceptsInput(node: GraphNode): boolean {
  return (OPS[node.type]?.maxInputs ?? 1) > 0;
}

/** Whether a node has an output handle (Output has none). */
export function producesOutput(node: GraphNode): boolean {
  return node.type !== 'output';
}

/**
 * `start` and every node it reaches along edges (`forward`), or every node that reaches it
 * (`backward`). One walk per list, not one per candidate: on a 200-node graph a walk per
 * candidate took tens of milliseconds on every keystroke in the inspector.
 */
function reachable(graph: Graph, start: string, direction: 'forward' | 'backward'): Set<string> {
  const next = new Map<string, string[]>();
  for (const e of graph.edges) {
    const [a, b] = direction === 'forward' ? [e.from, e.to] : [e.to, e.from];
    const list = next.get(a);
    if (list) list.push(b);
    else next.set(a, [b]);
  }
  return reach(start, next);
}

/** `closesLoop`: whether `to` already reaches `from` (so from -> to would close a loop). */
function canConnect(edges: ReadonlySet<string>, from: GraphNode, to: GraphNode, closesLoop: boolean): boolean {
  if (from.id === to.id || !producesOutput(from) || !acceptsInput(to)) return false;
  if (edges.has(`${from.id}\u0000${to.id}`)) return false;
  return !closesLoop;
}

function edgeKeys(graph: Graph): Set<string> {
  return new Set(graph.edges.map((e) => `${e.from}\u0000${e.to}`));
}

/** Each node's first input, in edge order: the one a new edge into a single-input node replaces. */
function firstInputs(graph: Graph): Map<string, string> {
  const first = new Map<string, string>();
  for (const e of graph.edges) if (!first.has(e.to)) first.set(e.to, e.from);
  return first;
}

// One map of first inputs per list, not a search of the edges per option (200 × 199 steps per
// list on a 200-node graph, on every keystroke in the inspector).
function option(firstInput: ReadonlyMap<string, string>, node: GraphNode, target: GraphNode): ConnectOption {
  const replaced = OPS[target.type]?.maxInputs === 1 ? firstInput.get(target.id) : undefined;
  return { id: node.id, type: node.type, ...(node.label ? { label: node.label } : {}), ...(replaced !== undefined ? { replaces: replaced } : {}) };
}

/** The nodes `fromId`'s output can be connected to, in document order. */
export function connectTargets(graph: Graph, fromId: string): ConnectOption[] {
  const from = graph.nodes.find((n) => n.id === fromId);
  if (!from) return [];
  const edges = edgeKeys(graph);
  const reachesFrom = reachable(graph, fromId, 'backward');
  const firstInput = firstInputs(graph);
  return graph.nodes.filter((to) => canConnect(edges, from, to, reachesFrom.has(to.id))).map((to) => option(firstInput, to, to));
}

/** The nodes that can feed `toId`, in document order. */
export function connectSources(graph: Graph, toId: string): ConnectOption[] {
  const to = graph.nodes.find((n) => n.id === toId);
  if (!to) return [];
  const edges = edgeKeys(graph);
  const reachedFromTo = reachable(graph, toId, 'forward');
  const firstInput = firstInputs(graph);
  return graph.nodes.filter((from) => canConnect(edges, from, to, reachedFromTo.has(from.id))).map((from) => option(firstInput, from, to));
}
