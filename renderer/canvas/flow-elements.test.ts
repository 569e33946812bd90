import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../core/index.ts';
import { addNode, connect, createNode, setNodeParam } from '../document/commands.ts';
import { deriveDataStatus } from '../document/data-context.ts';
import { EMPTY_SELECTION } from '../document/editor.ts';
import { sampleProject, sampleTable } from '../testing/sample.ts';
import { createNodeMapper, parameterCount, toFlowEdges, widthText } from './flow-elements.ts';

const doc = sampleProject();
const context = deriveDataStatus(sampleTable(), doc.data).context;

describe('flow elements', () => {
  it('every edge carries its width; unknown widths read N × ?', () => {
    const edges = toFlowEdges(doc.graph, analyzeGraph(doc.graph, context), EMPTY_SELECTION);
    expect(edges.map((e) => widthText(e.data!.width))).toEqual(['N × 13', 'N × 3', 'N × 3', 'N × 3', 'N × 3', 'N × 3', 'N × 3', 'N × 1']);
    const withoutData = toFlowEdges(doc.graph, analyzeGraph(doc.graph, {}), EMPTY_SELECTION);
    expect(widthText(withoutData[0].data!.width)).toBe('N × ?');
    expect(widthText(withoutData[1].data!.width)).toBe('N × 3');
  });

  it('inputs of a Concat are numbered in edge order; duplicate edges get their own ids', () => {
    let d = addNode(doc, { node: createNode('concat', 'concat1', { x: 0, y: 0 }) });
    d = connect(d, { from: 'act2', to: 'concat1' });
    d = connect(d, { from: 'input', to: 'concat1' });
    d = { ...d, graph: { ...d.graph, edges: [...d.graph.edges, { from: 'input', to: 'concat1' }] } };
    const edges = toFlowEdges(d.graph, analyzeGraph(d.graph, context), { nodes: [], edges: ['act2->concat1'] });
    const intoConcat = edges.filter((e) => e.target === 'concat1');
    expect(intoConcat.map((e) => [e.id, e.data!.inputIndex])).toEqual([['act2->concat1', 1], ['input->concat1', 2], ['input->concat1#1', 3]]);
    expect(intoConcat[0].selected).toBe(true);
    expect(edges.find((e) => e.target === 'linear1')!.data!.inputIndex).toBeNull();
  });

  it('a node with an error carries it, with its fix, and only changed nodes are new objects', () => {
    const toFlowNodes = createNodeMapper();
    const first = toFlowNodes(doc.graph, analyzeGraph(doc.graph, context), EMPTY_SELECTION, new Map());
    const broken = setNodeParam(doc, { nodeId: 'linear4', param: 'outFeatures', value: 13 });
    const second = toFlowNodes(broken.graph, analyzeGraph(broken.graph, context), EMPTY_SELECTION, new Map());
    const linear4 = second.find((n) => n.id === 'linear4')!;
    expect(linear4.data.severity).toBe('error');
    expect(linear4.data.issues[0].fix?.label).toBe('Set linear4.outFeatures to 1');
    expect(linear4.ariaLabel).toBe('Linear linear4, has an error');
    // linear4 changed, and the output's width with it; the other seven are the same objects.
    expect(second.filter((n, i) => n !== first[i]).map((n) => n.id)).toEqual(['linear4', 'output']);
  });

  it('counts parameters once every width is known', () => {
    expect(parameterCount(doc.graph, analyzeGraph(doc.graph, context))).toBe(13 * 3 + 3 + 3 * 3 + 3 + 3 * 3 + 3 + 3 * 1 + 1);
    expect(parameterCount(doc.graph, analyzeGraph(doc.graph, {}))).toBeNull();
  });
});
