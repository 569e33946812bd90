/**
 * Which connections can be made from the keyboard: the inspector's "Connect output to" and
 * "Take input from" lists. A connection is offered when the `connect` command would make an edge
 * that keeps the graph a network: not a self-loop, not an edge that is already there, not into
 * an Input or out of an Output, and not one that closes a loop. For a node that takes one input
 * and already has it, the option says which input it replaces (as `connect` does).
 */
import { OPS, type Graph, type GraphNode, type NodeType } from '../../core/index.ts';

export interface ConnectOption {
  /** The node at the other end. */
  id: string;
  type: NodeType;
  label?: string;
  /** The input the new edge takes the place of, for a single-input target that has one. */
  replaces?: string;
}

function acceptsInput(node: GraphNode): boolean {
  return (OPS[node.type]?.maxInputs ?? 1) > 0;
}

function producesOutput(node: GraphNode): boolean {
  return node.type !== 'output';
}

/** True when `to` can already reach `from` along edges (so from -> to would close a loop). */
function reaches(graph: Graph, start: string, goal: string): boolean {
  const next = new Map<string, string[]>();
  for (const e of graph.edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const seen = new Set<string>([start]);
  const stack = [start];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === goal) return true;
    for (const n of next.get(id) ?? []) {
      if (!seen.has(n)) {
        seen.add(n);
        stack.push(n);
      }
    }
  }
  return false;
}

function canConnect(graph: Graph, from: GraphNode, to: GraphNode): boolean {
  if (from.id === to.id || !producesOutput(from) || !acceptsInput(to)) return false;
  if (graph.edges.some((e) => e.from === from.id && e.to === to.id)) return false;
  return !reaches(graph, to.id, from.id);
}

function option(graph: Graph, node: GraphNode, target: GraphNode): ConnectOption {
  const replaced = OPS[target.type]?.maxInputs === 1 ? graph.edges.find((e) => e.to === target.id)?.from : undefined;
  return { id: node.id, type: node.type, ...(node.label ? { label: node.label } : {}), ...(replaced !== undefined ? { replaces: replaced } : {}) };
}

/** The nodes `fromId`'s output can be connected to, in document order. */
export function connectTargets(graph: Graph, fromId: string): ConnectOption[] {
  const from = graph.nodes.find((n) => n.id === fromId);
  if (!from) return [];
  return graph.nodes.filter((to) => canConnect(graph, from, to)).map((to) => option(graph, to, to));
}

/** The nodes that can feed `toId`, in document order. */
export function connectSources(graph: Graph, toId: string): ConnectOption[] {
  const to = graph.nodes.find((n) => n.id === toId);
  if (!to) return [];
  return graph.nodes.filter((from) => canConnect(graph, from, to)).map((from) => option(graph, from, to));
}
