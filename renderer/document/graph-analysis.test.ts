import { describe, expect, it } from 'vitest';
import { analyzeGraph, type DataContext, type Graph } from '../../core/index.ts';
import { sampleProject, sampleTable } from '../testing/sample.ts';
import { autoLayout, connect, moveNodes, setNodeLabel, setNodeParam } from './commands.ts';
import { deriveDataStatus } from './data-context.ts';
import { createGraphAnalyzer, sameAnalysisInput } from './graph-analysis.ts';

const doc = sampleProject();
const context = deriveDataStatus(sampleTable(), doc.data).context;

/** An analyzer over core's analyzeGraph that counts how often the analysis really ran. */
function counted() {
  let runs = 0;
  const analyze = createGraphAnalyzer((graph: Graph, ctx?: DataContext) => {
    runs += 1;
    return analyzeGraph(graph, ctx);
  });
  return { analyze, runs: () => runs };
}

describe('graph analysis with memory', () => {
  it('a drag (every frame a moveNodes) and an auto-layout reuse the analysis', () => {
    const { analyze, runs } = counted();
    const first = analyze(doc.graph, context);
    let moved = doc;
    for (let step = 1; step <= 40; step++) moved = moveNodes(moved, { positions: { linear2: { x: 100 + step * 6, y: 50 + step * 3 } } });
    expect(moved.graph).not.toBe(doc.graph);
    expect(analyze(moved.graph, context)).toBe(first);
    expect(analyze(autoLayout(moved).graph, context)).toBe(first);
    expect(runs()).toBe(1);
  });

  it('a parameter, a label, an edge or the data context runs it again, with the new result', () => {
    const { analyze, runs } = counted();
    const first = analyze(doc.graph, context);
    const wider = setNodeParam(doc, { nodeId: 'linear1', param: 'outFeatures', value: 7 });
    const second = analyze(wider.graph, context);
    expect(second).not.toBe(first);
    expect(second.nodeWidths.linear1).toBe(7);
    expect(second).toEqual(analyzeGraph(wider.graph, context));
    const labelled = setNodeLabel(wider, { nodeId: 'linear1', label: 'hidden' });
    analyze(labelled.graph, context);
    const rewired = connect(labelled, { from: 'input', to: 'act2' });
    expect(rewired.graph.edges).not.toEqual(labelled.graph.edges);
    analyze(rewired.graph, context);
    const noData = analyze(rewired.graph, {});
    expect(noData.edgeWidths['input->linear1']).toBeUndefined();
    expect(runs()).toBe(5);
  });

  it('positions are the only thing ignored', () => {
    const g = doc.graph;
    const moved = moveNodes(doc, { positions: { input: { x: -500, y: 900 } } }).graph;
    expect(sameAnalysisInput(g, moved)).toBe(true);
    expect(sameAnalysisInput(g, { ...g, nodes: [...g.nodes].reverse() })).toBe(false);
    expect(sameAnalysisInput(g, { ...g, edges: g.edges.slice(1) })).toBe(false);
    expect(sameAnalysisInput(g, { ...g, edges: [{ from: 'act1', to: 'linear1' }, ...g.edges.slice(1)] })).toBe(false);
    const nodes = g.nodes.map((n) => (n.id === 'linear1' ? { ...n, bias: false } : n));
    expect(sameAnalysisInput(g, { ...g, nodes })).toBe(false);
  });
});
