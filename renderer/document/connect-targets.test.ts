import { describe, expect, it } from 'vitest';
import { analyzeGraph, type Project } from '../../core/index.ts';
import { sampleProject } from '../testing/sample.ts';
import { addNode, connect, createNode } from './commands.ts';
import { connectSources, connectTargets } from './connect-targets.ts';

const doc = sampleProject();

function withConcat(d: Project): Project {
  return addNode(d, { node: createNode('concat', 'concat1', { x: 0, y: 0 }) });
}

function loops(d: Project): number {
  return analyzeGraph(d.graph).diagnostics.filter((x) => x.code === 'LB101').length;
}

describe('connections offered from the keyboard', () => {
  it('from a layer in the chain: only nodes downstream it does not feed yet, with the input each replaces', () => {
    expect(connectTargets(doc.graph, 'act2')).toEqual([
      { id: 'act3', type: 'leakyRelu', replaces: 'linear3' },
      { id: 'linear4', type: 'linear', replaces: 'act3' },
      { id: 'output', type: 'output', replaces: 'linear4' },
    ]);
  });

  it('into a layer: producers that would not close a loop; never an Output, never itself', () => {
    expect(connectSources(doc.graph, 'linear2')).toEqual([
      { id: 'input', type: 'input', replaces: 'act1' },
      { id: 'linear1', type: 'linear', replaces: 'act1' },
    ]);
    expect(connectSources(doc.graph, 'input')).toEqual([]);
    expect(connectTargets(doc.graph, 'output')).toEqual([]);
    expect(connectTargets(doc.graph, 'missing')).toEqual([]);
  });

  it('a Concat takes several inputs: nothing is replaced, and an input it has is not offered again', () => {
    let d = withConcat(doc);
    expect(connectTargets(d.graph, 'linear4').find((o) => o.id === 'concat1')).toEqual({ id: 'concat1', type: 'concat' });
    d = connect(d, { from: 'act1', to: 'concat1' });
    expect(connectSources(d.graph, 'concat1').map((o) => o.id)).toEqual(['input', 'linear1', 'linear2', 'act2', 'linear3', 'act3', 'linear4']);
    // concat1 now sits after act1; feeding it into linear1 would make a loop through act1.
    expect(connectTargets(d.graph, 'concat1').map((o) => o.id)).toEqual(['linear2', 'act2', 'linear3', 'act3', 'linear4', 'output']);
  });

  it('a label travels with the option', () => {
    const d: Project = { ...doc, graph: { ...doc.graph, nodes: doc.graph.nodes.map((n) => (n.id === 'output' ? { ...n, label: 'MEDV' } : n)) } };
    expect(connectTargets(d.graph, 'linear4')).toEqual([]);
    expect(connectTargets(d.graph, 'linear3').at(-1)).toEqual({ id: 'output', type: 'output', label: 'MEDV', replaces: 'linear4' });
  });

  it('every pair: offered exactly when connect makes a new edge and no loop', () => {
    const d = withConcat(doc);
    const ids = d.graph.nodes.map((n) => n.id);
    for (const from of ids) {
      const offered = new Set(connectTargets(d.graph, from).map((o) => o.id));
      for (const to of ids) {
        const next = connect(d, { from, to });
        const makesEdge = next !== d && next.graph.edges.some((e) => e.from === from && e.to === to);
        const fine = makesEdge && loops(next) === 0 && d.graph.nodes.find((n) => n.id === from)!.type !== 'output' && to !== 'input';
        expect(offered.has(to), `${from} -> ${to}`).toBe(fine);
        expect(connectSources(d.graph, to).some((o) => o.id === from), `${from} -> ${to} (sources)`).toBe(fine);
      }
    }
  });

  it('agrees, node by node, with asking "would this edge close a loop?" one candidate at a time', () => {
    // A branch into a Concat, and a loop already in the document (act3 -> linear3), which
    // a file can hold: every answer must match the definition walked per candidate.
    let d = withConcat(doc);
    d = connect(d, { from: 'act1', to: 'concat1' });
    d = connect(d, { from: 'act2', to: 'concat1' });
    d = { ...d, graph: { ...d.graph, edges: [...d.graph.edges, { from: 'act3', to: 'linear3' }] } };
    const g = d.graph;
    const reaches = (start: string, goal: string): boolean => {
      const seen = new Set([start]);
      const stack = [start];
      while (stack.length > 0) {
        const id = stack.pop()!;
        if (id === goal) return true;
        for (const e of g.edges) {
          if (e.from !== id || seen.has(e.to)) continue;
          seen.add(e.to);
          stack.push(e.to);
        }
      }
      return false;
    };
    const ok = (from: string, to: string) => {
      const a = g.nodes.find((n) => n.id === from)!;
      const b = g.nodes.find((n) => n.id === to)!;
      return from !== to && a.type !== 'output' && b.type !== 'input' && !g.edges.some((e) => e.from === from && e.to === to) && !reaches(to, from);
    };
    for (const node of g.nodes) {
      expect(connectTargets(g, node.id).map((o) => o.id)).toEqual(g.nodes.filter((n) => ok(node.id, n.id)).map((n) => n.id));
      expect(connectSources(g, node.id).map((o) => o.id)).toEqual(g.nodes.filter((n) => ok(n.id, node.id)).map((n) => n.id));
    }
  });
});
