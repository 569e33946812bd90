/**
 * A small layered (Sugiyama-style) layout, left to right, written for the graphs people draw
 * here: tens of nodes, mostly chains with a few skip connections. Layers come from the longest
 * path from a source, the order inside a layer from a few barycenter sweeps. No dependency: a
 * general layout engine (dagre, elk) would be most of the bundle for a chain of ten layers.
 */
import type { Graph, Position } from '../../core/index.ts';

/** Horizontal distance between layers: a node (~190 px) plus room for an edge's width label. */
export const LAYER_SPACING = 250;
/** Vertical distance between nodes of one layer. */
export const ROW_SPACING = 150;

/** Node positions for `graph`, laid out left to right; the top-left stays where the graph was. */
export function layeredLayout(graph: Graph): Record<string, Position> {
  const ids = graph.nodes.map((n) => n.id);
  if (ids.length === 0) return {};
  const index = new Map(ids.map((id, i) => [id, i]));
  const succ: number[][] = ids.map(() => []);
  for (const e of graph.edges) {
    const a = index.get(e.from);
    const b = index.get(e.to);
    if (a === undefined || b === undefined || a === b) continue;
    succ[a].push(b);
  }

  // Break cycles: drop the edges a depth-first walk finds pointing back into its own stack.
  const state = new Uint8Array(ids.length); // 0 new, 1 on stack, 2 done
  const forward: number[][] = ids.map(() => []);
  for (let root = 0; root < ids.length; root++) {
    if (state[root] !== 0) continue;
    const stack: { v: number; next: number }[] = [{ v: root, next: 0 }];
    state[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top.next < succ[top.v].length) {
        const w = succ[top.v][top.next++];
        if (state[w] === 1) continue;
        forward[top.v].push(w);
        if (state[w] === 0) {
          state[w] = 1;
          stack.push({ v: w, next: 0 });
        }
      } else {
        state[top.v] = 2;
        stack.pop();
      }
    }
  }

  // Longest-path layering over the acyclic edges (Kahn's order).
  const indegree = new Array<number>(ids.length).fill(0);
  for (const ws of forward) for (const w of ws) indegree[w]++;
  const layer = new Array<number>(ids.length).fill(0);
  const queue = ids.map((_, i) => i).filter((i) => indegree[i] === 0);
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q];
    for (const w of forward[v]) {
      layer[w] = Math.max(layer[w], layer[v] + 1);
      if (--indegree[w] === 0) queue.push(w);
    }
  }
  const pred: number[][] = ids.map(() => []);
  forward.forEach((ws, v) => ws.forEach((w) => pred[w].push(v)));

  // Order within layers: start from the current vertical order, then barycenter sweeps.
  const layerCount = Math.max(...layer) + 1;
  const layers: number[][] = Array.from({ length: layerCount }, () => []);
  const byY = ids.map((_, i) => i).sort((a, b) => graph.nodes[a].position.y - graph.nodes[b].position.y || a - b);
  for (const v of byY) layers[layer[v]].push(v);
  const rank = new Array<number>(ids.length).fill(0);
  const setRanks = (vs: number[]) => vs.forEach((v, i) => { rank[v] = i; });
  layers.forEach(setRanks);
  const sweep = (l: number, neighbours: number[][]) => {
    const key = new Map<number, number>();
    for (const v of layers[l]) {
      const ns = neighbours[v];
      key.set(v, ns.length > 0 ? ns.reduce((s, n) => s + rank[n], 0) / ns.length : rank[v]);
    }
    layers[l].sort((a, b) => key.get(a)! - key.get(b)! || rank[a] - rank[b]);
    setRanks(layers[l]);
  };
  for (let iteration = 0; iteration < 2; iteration++) {
    for (let l = 1; l < layerCount; l++) sweep(l, pred);
    for (let l = layerCount - 2; l >= 0; l--) sweep(l, forward);
  }

  const minX = Math.min(...graph.nodes.map((n) => n.position.x));
  const minY = Math.min(...graph.nodes.map((n) => n.position.y));
  const tallest = Math.max(...layers.map((vs) => vs.length));
  const positions: Record<string, Position> = {};
  layers.forEach((vs, l) => {
    vs.forEach((v, i) => {
      // Centre each layer on the tallest one so a chain stays on one line.
      const offset = (tallest - vs.length) / 2;
      positions[ids[v]] = { x: minX + l * LAYER_SPACING, y: minY + Math.round((i + offset) * ROW_SPACING) };
    });
  });
  return positions;
}
