import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../core/index.ts';
import { addNode, connect, createNode, moveNodes, setNodeParam } from '../document/commands.ts';
import { deriveDataStatus } from '../document/data-context.ts';
import { EMPTY_SELECTION } from '../document/editor.ts';
import { createRendererI18n } from '../i18n/i18n.ts';
import { sampleProject, sampleTable } from '../testing/sample.ts';
import { createEdgeMapper, createNodeMapper, edgeWidthElementId, parameterCount, PROBLEM_CLASS, PROBLEM_Z, toFlowEdges, widthText, withDragPositions } from './flow-elements.ts';

const doc = sampleProject();
const en = { t: createRendererI18n('en').t, locale: 'en' };
const ko = { t: createRendererI18n('ko').t, locale: 'ko' };
const context = deriveDataStatus(sampleTable(), doc.data).context;

describe('flow elements', () => {
  it('every edge shows its width; unknown widths read N × ?', () => {
    const { edges, views } = toFlowEdges(doc.graph, analyzeGraph(doc.graph, context), EMPTY_SELECTION, en);
    expect(edges.map((e) => widthText(views.get(e.id)!.width))).toEqual(['N × 13', 'N × 3', 'N × 3', 'N × 3', 'N × 3', 'N × 3', 'N × 3', 'N × 1']);
    const withoutData = toFlowEdges(doc.graph, analyzeGraph(doc.graph, {}), EMPTY_SELECTION, en);
    expect(widthText(withoutData.views.get(withoutData.edges[0].id)!.width)).toBe('N × ?');
    expect(widthText(withoutData.views.get(withoutData.edges[1].id)!.width)).toBe('N × 3');
  });

  it('an edge is spoken by its ends and described by its width label, then by React Flow\'s instructions', () => {
    const { edges } = toFlowEdges(doc.graph, analyzeGraph(doc.graph, context), EMPTY_SELECTION, en, 'react-flow__edge-desc-1');
    expect(edges[0].ariaLabel).toBe('Edge from input to linear1');
    expect(edges[0].domAttributes).toEqual({ 'aria-describedby': `${edgeWidthElementId('input->linear1')} react-flow__edge-desc-1` });
    expect(edgeWidthElementId('a b->c#1')).toBe('lb-edge-width-a%20b-%3Ec%231');
    expect(toFlowEdges(doc.graph, analyzeGraph(doc.graph, context), EMPTY_SELECTION, ko).edges[0].ariaLabel).toBe('input에서 linear1(으)로 가는 연결');
  });

  it('inputs of a Concat are numbered in edge order; duplicate edges get their own ids', () => {
    let d = addNode(doc, { node: createNode('concat', 'concat1', { x: 0, y: 0 }) });
    d = connect(d, { from: 'act2', to: 'concat1' });
    d = connect(d, { from: 'input', to: 'concat1' });
    d = { ...d, graph: { ...d.graph, edges: [...d.graph.edges, { from: 'input', to: 'concat1' }] } };
    const { edges, views } = toFlowEdges(d.graph, analyzeGraph(d.graph, context), { nodes: [], edges: ['act2->concat1'] }, en);
    const intoConcat = edges.filter((e) => e.target === 'concat1');
    expect(intoConcat.map((e) => [e.id, views.get(e.id)!.inputIndex])).toEqual([['act2->concat1', 1], ['input->concat1', 2], ['input->concat1#1', 3]]);
    expect(intoConcat[0].selected).toBe(true);
    expect(views.get(edges.find((e) => e.target === 'linear1')!.id)!.inputIndex).toBeNull();
  });

  it('a node with an error shows it, with its fix; only changed views are new, and React Flow nodes only when their severity changed', () => {
    const toFlowNodes = createNodeMapper();
    const first = toFlowNodes(doc.graph, analyzeGraph(doc.graph, context), EMPTY_SELECTION, new Map(), en);
    const broken = setNodeParam(doc, { nodeId: 'linear4', param: 'outFeatures', value: 13 });
    const second = toFlowNodes(broken.graph, analyzeGraph(broken.graph, context), EMPTY_SELECTION, new Map(), en);
    const linear4 = second.views.get('linear4')!;
    expect(linear4.severity).toBe('error');
    expect(linear4.issues[0].fix?.label).toBe('Set linear4.outFeatures to 1');
    expect(linear4.ariaLabel).toBe('Linear linear4, has an error');
    // linear4 changed, and the output's width with it; the other seven views are the same objects.
    expect([...second.views].filter(([id, v]) => v !== first.views.get(id)).map(([id]) => id)).toEqual(['linear4', 'output']);
    // React Flow hears of linear4 only (its severity, spoken label and z-index changed), not of the output's width.
    expect(second.nodes.filter((n, i) => n !== first.nodes[i]).map((n) => [n.id, n.data.severity, n.zIndex, n.className])).toEqual([['linear4', 'error', PROBLEM_Z, PROBLEM_CLASS]]);
    expect(first.nodes.every((n) => n.className === undefined && n.zIndex === undefined)).toBe(true);
    expect(second.nodes.find((n) => n.id === 'linear4')!.ariaLabel).toBe('Linear linear4, has an error');
    // A width alone changes a view, not React Flow's nodes: the same array comes back.
    const wider = setNodeParam(broken, { nodeId: 'linear1', param: 'outFeatures', value: 5 });
    const third = toFlowNodes(wider.graph, analyzeGraph(wider.graph, context), EMPTY_SELECTION, new Map(), en);
    expect(third.nodes).toBe(second.nodes);
    expect(third.views.get('linear1')!.summary).toBe('out 5');
    expect(third.views.get('act1')!.outWidth).toBe(5);
    // Another language makes every view anew, with its words.
    const korean = toFlowNodes(wider.graph, analyzeGraph(wider.graph, context), EMPTY_SELECTION, new Map(), ko);
    expect([...korean.views].every(([id, v]) => v !== third.views.get(id))).toBe(true);
    expect(korean.views.get('linear4')!.ariaLabel).toBe('Linear linear4, 오류 있음');
    expect(korean.nodes.find((n) => n.id === 'linear4')!.ariaLabel).toBe('Linear linear4, 오류 있음');
    expect(korean.views.get('output')!.title).toBe('출력');
    expect(korean.views.get('linear4')!.summary).toBe('출력 13');
  });

  it('a move renews only the moved node, and a change that renews nothing gives back the same array and views', () => {
    const toFlowNodes = createNodeMapper();
    const analysis = analyzeGraph(doc.graph, context);
    const first = toFlowNodes(doc.graph, analysis, EMPTY_SELECTION, new Map(), en);
    const moved = moveNodes(doc, { positions: { act2: { x: 999, y: 5 } } });
    const second = toFlowNodes(moved.graph, analysis, EMPTY_SELECTION, new Map(), en);
    expect(second.nodes.filter((n, i) => n !== first.nodes[i]).map((n) => n.id)).toEqual(['act2']);
    expect(second.nodes.find((n) => n.id === 'act2')!.position).toEqual({ x: 999, y: 5 });
    const again = toFlowNodes(moved.graph, analysis, { nodes: [], edges: [] }, new Map(), en);
    expect(again.nodes).toBe(second.nodes);
    expect(again.views).toBe(second.views);
    const selected = toFlowNodes(moved.graph, analysis, { nodes: ['linear3'], edges: [] }, new Map(), en);
    expect(selected.nodes.filter((n, i) => n !== second.nodes[i]).map((n) => n.id)).toEqual(['linear3']);
    const measured = toFlowNodes(moved.graph, analysis, { nodes: ['linear3'], edges: [] }, new Map([['input', { width: 120, height: 40 }]]), en);
    expect(measured.nodes.filter((n, i) => n !== selected.nodes[i]).map((n) => [n.id, n.measured])).toEqual([['input', { width: 120, height: 40 }]]);
  });

  it('edges keep their objects, and the array, unless their ends or selection change; a width changes only the view', () => {
    const toEdges = createEdgeMapper();
    const first = toEdges(doc.graph, analyzeGraph(doc.graph, context), EMPTY_SELECTION, en);
    const moved = moveNodes(doc, { positions: { linear1: { x: 10, y: 10 } } });
    const same = toEdges(moved.graph, analyzeGraph(moved.graph, context), EMPTY_SELECTION, en);
    expect(same.edges).toBe(first.edges);
    expect(same.views).toBe(first.views);
    const wider = setNodeParam(moved, { nodeId: 'linear1', param: 'outFeatures', value: 5 });
    const second = toEdges(wider.graph, analyzeGraph(wider.graph, context), EMPTY_SELECTION, en);
    // linear1's output feeds act1, and act1's feeds linear2: those two views show 5 now; React Flow's edges are as they were.
    expect(second.edges).toBe(first.edges);
    expect([...second.views].filter(([id, v]) => v !== first.views.get(id)).map(([id, v]) => [id, v.width])).toEqual([['linear1->act1', 5], ['act1->linear2', 5]]);
    const selected = toEdges(wider.graph, analyzeGraph(wider.graph, context), { nodes: [], edges: ['input->linear1'] }, en);
    expect(selected.edges.filter((e, i) => e !== second.edges[i]).map((e) => e.id)).toEqual(['input->linear1']);
    expect(selected.views).toBe(second.views);
    expect(toEdges(wider.graph, analyzeGraph(wider.graph, context), { nodes: [], edges: ['input->linear1'] }, en).edges).toBe(selected.edges);
  });

  it('translates the label only of a new edge, and every label again in another language', () => {
    const toEdges = createEdgeMapper();
    let calls = 0;
    const counted = { t: ((...args: Parameters<typeof en.t>) => (calls++, en.t(...args))) as typeof en.t, locale: 'en' };
    const first = toEdges(doc.graph, analyzeGraph(doc.graph, context), EMPTY_SELECTION, counted);
    expect(calls).toBe(doc.graph.edges.length);
    calls = 0;
    const wider = setNodeParam(doc, { nodeId: 'linear1', param: 'outFeatures', value: 5 });
    toEdges(wider.graph, analyzeGraph(wider.graph, context), EMPTY_SELECTION, counted);
    expect(calls).toBe(0);
    const linked = connect(wider, { from: 'input', to: 'output' });
    const third = toEdges(linked.graph, analyzeGraph(linked.graph, context), EMPTY_SELECTION, counted);
    expect(calls).toBe(1);
    expect(third.edges.find((e) => e.id === 'input->linear1')).toBe(first.edges.find((e) => e.id === 'input->linear1'));
    const korean = toEdges(linked.graph, analyzeGraph(linked.graph, context), EMPTY_SELECTION, ko);
    expect(korean.edges.map((e) => e.ariaLabel)).toEqual(toFlowEdges(linked.graph, analyzeGraph(linked.graph, context), EMPTY_SELECTION, ko).edges.map((e) => e.ariaLabel));
    expect(korean.edges.every((e, i) => e !== third.edges[i])).toBe(true);
    expect([...korean.views].every(([id, v]) => v.locale === 'ko' && v !== third.views.get(id))).toBe(true);
  });

  it('a drag in progress moves only the dragged nodes, over the document\'s', () => {
    const { nodes } = createNodeMapper()(doc.graph, analyzeGraph(doc.graph, context), EMPTY_SELECTION, new Map(), en);
    expect(withDragPositions(nodes, new Map())).toBe(nodes);
    const dragged = withDragPositions(nodes, new Map([['linear2', { x: 1, y: 2 }], ['gone', { x: 0, y: 0 }]]));
    expect(dragged.filter((n, i) => n !== nodes[i]).map((n) => [n.id, n.position])).toEqual([['linear2', { x: 1, y: 2 }]]);
    expect(dragged.find((n) => n.id === 'linear2')!.data).toBe(nodes.find((n) => n.id === 'linear2')!.data);
  });

  it('counts parameters once every width is known', () => {
    expect(parameterCount(doc.graph, analyzeGraph(doc.graph, context))).toBe(13 * 3 + 3 + 3 * 3 + 3 + 3 * 3 + 3 + 3 * 1 + 1);
    expect(parameterCount(doc.graph, analyzeGraph(doc.graph, {}))).toBeNull();
  });
});
