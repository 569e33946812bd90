/**
 * Applies a diagnostic's one-click fix to a graph document: a pure transition
 * `(graph, fix) -> graph`, so the editor can offer it, undo it, and tests can check that it
 * really removes the problem.
 */
import type { Fix } from './diagnostics.ts';
import type { Graph, GraphEdge, GraphNode } from './types.ts';

export function applyFix(graph: Graph, fix: Fix): Graph {
  switch (fix.kind) {
    case 'setParam':
      return {
        ...graph,
        nodes: graph.nodes.map((n) => {
          if (n.id !== fix.nodeId) return n;
          const next = { ...n } as Record<string, unknown>;
          if (fix.value === null) delete next[fix.param];
          else next[fix.param] = fix.value;
          return next as unknown as GraphNode;
        }),
      };
    case 'removeNode': {
      // Reconnect a single-input, single-output node's neighbours so removing an activation keeps the chain.
      const ins = graph.edges.filter((e) => e.to === fix.nodeId).map((e) => e.from);
      const outs = graph.edges.filter((e) => e.from === fix.nodeId).map((e) => e.to);
      const bridged: GraphEdge[] = ins.length === 1 ? outs.map((to) => ({ from: ins[0], to })) : [];
      return {
        nodes: graph.nodes.filter((n) => n.id !== fix.nodeId),
        edges: [...graph.edges.filter((e) => e.from !== fix.nodeId && e.to !== fix.nodeId), ...bridged],
      };
    }
    case 'replaceNodeType':
      return {
        ...graph,
        nodes: graph.nodes.map((n) =>
          n.id === fix.nodeId ? ({ id: n.id, position: n.position, ...(n.label ? { label: n.label } : {}), type: fix.nodeType, ...(fix.params ?? {}) } as GraphNode) : n,
        ),
      };
    case 'insertNode': {
      const from = graph.nodes.find((n) => n.id === fix.from);
      const to = graph.nodes.find((n) => n.id === fix.to);
      const id = uniqueId(graph, fix.node.type);
      const position = from && to ? { x: (from.position.x + to.position.x) / 2, y: (from.position.y + to.position.y) / 2 } : { x: 0, y: 0 };
      const node = { ...fix.node, id, position } as GraphNode;
      return {
        nodes: [...graph.nodes, node],
        edges: graph.edges.flatMap((e) => (e.from === fix.from && e.to === fix.to ? [{ from: fix.from, to: id }, { from: id, to: fix.to }] : [e])),
      };
    }
    case 'removeEdge':
      return { ...graph, edges: graph.edges.filter((e) => !(e.from === fix.from && e.to === fix.to)) };
  }
}

/** `relu`, `relu2`, … : the first id of that stem not yet in the graph. */
export function uniqueId(graph: Graph, stem: string): string {
  const taken = new Set(graph.nodes.map((n) => n.id));
  if (!taken.has(stem)) return stem;
  for (let i = 2; ; i++) if (!taken.has(`${stem}${i}`)) return `${stem}${i}`;
}
