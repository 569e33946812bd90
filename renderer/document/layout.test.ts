import { describe, expect, it } from 'vitest';
import type { Graph, GraphNode } from '../../core/index.ts';
import { LAYER_SPACING, layeredLayout } from './layout.ts';

function graph(nodeIds: string[], edges: [string, string][]): Graph {
  return {
    nodes: nodeIds.map((id, i) => ({ id, type: 'relu', position: { x: i * 7, y: (i * 37) % 100 } }) as GraphNode),
    edges: edges.map(([from, to]) => ({ from, to })),
  };
}

describe('layered layout', () => {
  it('puts every node right of its inputs', () => {
    const g = graph(['a', 'b', 'c', 'd', 'e'], [['a', 'b'], ['b', 'c'], ['a', 'd'], ['c', 'e'], ['d', 'e']]);
    const p = layeredLayout(g);
    for (const e of g.edges) expect(p[e.to].x).toBeGreaterThan(p[e.from].x);
    expect(p.e.x - p.a.x).toBe(3 * LAYER_SPACING);
  });

  it('nodes of one layer do not overlap', () => {
    const g = graph(['in', 'x', 'y', 'z', 'cat'], [['in', 'x'], ['in', 'y'], ['in', 'z'], ['x', 'cat'], ['y', 'cat'], ['z', 'cat']]);
    const p = layeredLayout(g);
    const ys = ['x', 'y', 'z'].map((id) => p[id].y);
    expect(new Set(ys).size).toBe(3);
    expect(p.x.x).toBe(p.y.x);
  });

  it('survives cycles, self-loops, dangling edges and an empty graph', () => {
    const g = graph(['a', 'b', 'c'], [['a', 'b'], ['b', 'c'], ['c', 'a'], ['b', 'b'], ['a', 'ghost']]);
    const p = layeredLayout(g);
    expect(Object.keys(p).sort()).toEqual(['a', 'b', 'c']);
    for (const v of Object.values(p)) expect(Number.isFinite(v.x) && Number.isFinite(v.y)).toBe(true);
    expect(layeredLayout({ nodes: [], edges: [] })).toEqual({});
  });

  it('starts at the top-left corner of the graph it lays out', () => {
    const g = graph(['a', 'b'], [['a', 'b']]);
    g.nodes[0].position = { x: 300, y: 500 };
    g.nodes[1].position = { x: 100, y: 400 };
    const p = layeredLayout(g);
    expect(p.a).toEqual({ x: 100, y: 400 });
  });
});
