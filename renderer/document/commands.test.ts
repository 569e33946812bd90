import { describe, expect, it } from 'vitest';
import { analyzeGraph, edgeId, type Project } from '../../core/index.ts';
import { sampleProject, sampleTable } from '../testing/sample.ts';
import {
  addNode, applyFix, autoLayout, connect, createNode, deleteElements, insertSubgraph, linkData, moveNodes, renameProject,
  runCommand, setBatchSize, setColumnRole, setEpochs, setLearningRate, setNodeLabel, setNodeParam, setOptimizerType,
} from './commands.ts';
import { deriveDataStatus } from './data-context.ts';

const doc = sampleProject();
const columns = sampleTable().columns.map((c) => c.name);

function node(d: Project, id: string) {
  return d.graph.nodes.find((n) => n.id === id);
}

describe('graph commands', () => {
  it('add a node, optionally connected from another', () => {
    const n = createNode('relu', 'relu1', { x: 10.4, y: 20.6 });
    const next = addNode(doc, { node: n, connectFrom: 'linear4' });
    expect(node(next, 'relu1')).toEqual({ id: 'relu1', type: 'relu', position: { x: 10, y: 21 } });
    expect(next.graph.edges.at(-1)).toEqual({ from: 'linear4', to: 'relu1' });
    expect(addNode(next, { node: n })).toBe(next);
    expect(doc.graph.nodes).toHaveLength(9);
  });

  it('insert a node after another: it takes over what that node fed, in place', () => {
    const next = addNode(doc, { node: createNode('dropout', 'dropout1', { x: 0, y: 0 }), connectFrom: 'linear1', insert: true });
    expect(next.graph.edges.filter((e) => e.from === 'linear1' || e.to === 'dropout1' || e.from === 'dropout1')).toEqual([
      { from: 'dropout1', to: 'act1' },
      { from: 'linear1', to: 'dropout1' },
    ]);
  });

  it('new Linear and Output nodes get the parameters they need', () => {
    expect(createNode('linear', 'l', { x: 0, y: 0 })).toMatchObject({ outFeatures: 16 });
    expect(createNode('output', 'o', { x: 0, y: 0 }, { loss: 'crossEntropy' })).toMatchObject({ loss: 'crossEntropy' });
  });

  it('move nodes; no change is no new document', () => {
    const next = moveNodes(doc, { positions: { input: { x: 5, y: 6 }, missing: { x: 0, y: 0 } } });
    expect(node(next, 'input')!.position).toEqual({ x: 5, y: 6 });
    expect(moveNodes(next, { positions: { input: { x: 5, y: 6 } } })).toBe(next);
  });

  it('connect appends in input order for concat and replaces the input of a single-input node', () => {
    let d = addNode(doc, { node: createNode('concat', 'concat1', { x: 0, y: 0 }) });
    d = connect(d, { from: 'act2', to: 'concat1' });
    d = connect(d, { from: 'act1', to: 'concat1' });
    expect(d.graph.edges.filter((e) => e.to === 'concat1').map((e) => e.from)).toEqual(['act2', 'act1']);
    expect(connect(d, { from: 'act1', to: 'concat1' })).toBe(d);
    expect(connect(d, { from: 'act1', to: 'act1' })).toBe(d);
    const replaced = connect(d, { from: 'concat1', to: 'linear3' });
    expect(replaced.graph.edges.filter((e) => e.to === 'linear3')).toEqual([{ from: 'concat1', to: 'linear3' }]);
    expect(replaced.graph.edges.length).toBe(d.graph.edges.length);
  });

  it('delete nodes with their edges, and edges by id; drops weights of deleted nodes', () => {
    const withWeights: Project = { ...doc, weights: { linear4: { weight: { shape: [1, 3], data: [1, 2, 3] }, bias: { shape: [1], data: [0] } } } };
    const next = deleteElements(withWeights, { nodeIds: ['linear4'], edgeIds: [edgeId({ from: 'input', to: 'linear1' })] });
    expect(node(next, 'linear4')).toBeUndefined();
    expect(next.graph.edges.some((e) => e.from === 'linear4' || e.to === 'linear4')).toBe(false);
    expect(next.graph.edges.some((e) => e.from === 'input')).toBe(false);
    expect(next.weights).toEqual({});
    expect(deleteElements(doc, { nodeIds: ['nope'] })).toBe(doc);
  });

  it('insert a subgraph only with fresh ids', () => {
    const n = createNode('relu', 'relu1', { x: 0, y: 0 });
    expect(insertSubgraph(doc, { nodes: [n], edges: [] }).graph.nodes).toHaveLength(10);
    expect(insertSubgraph(doc, { nodes: [{ ...n, id: 'act1' }], edges: [] })).toBe(doc);
  });

  it('set and clear a parameter; never the id, type or position', () => {
    const next = setNodeParam(doc, { nodeId: 'linear4', param: 'outFeatures', value: 13 });
    expect(node(next, 'linear4')).toMatchObject({ outFeatures: 13 });
    expect(setNodeParam(next, { nodeId: 'linear4', param: 'outFeatures', value: 13 })).toBe(next);
    const cleared = setNodeParam(doc, { nodeId: 'act1', param: 'slope', value: undefined });
    expect('slope' in node(cleared, 'act1')!).toBe(false);
    expect(setNodeParam(doc, { nodeId: 'act1', param: 'id', value: 'x' })).toBe(doc);
  });

  it('labels: empty or equal to the id removes the label', () => {
    const named = setNodeLabel(doc, { nodeId: 'linear1', label: ' hidden ' });
    expect(node(named, 'linear1')!.label).toBe('hidden');
    expect('label' in node(setNodeLabel(named, { nodeId: 'linear1', label: '' }), 'linear1')!).toBe(false);
    expect(setNodeLabel(doc, { nodeId: 'linear1', label: 'linear1' })).toBe(doc);
  });

  it("the lecture's bug: 13 outputs for a 1-column target is an error on linear4, and its fix removes it", () => {
    const context = deriveDataStatus(sampleTable(), doc.data).context;
    const broken = setNodeParam(doc, { nodeId: 'linear4', param: 'outFeatures', value: 13 });
    const error = analyzeGraph(broken.graph, context).diagnostics.find((d) => d.severity === 'error');
    expect(error).toMatchObject({ nodeId: 'linear4', fix: { patch: { kind: 'setParam', param: 'outFeatures', value: 1 } } });
    expect(error!.message).toMatch(/13/);
    const fixed = applyFix(broken, { fix: error!.fix!.patch });
    expect(analyzeGraph(fixed.graph, context).ok).toBe(true);
    expect(node(fixed, 'linear4')).toMatchObject({ outFeatures: 1 });
  });

  it('auto-layout keeps a laid-out chain as it is apart from spacing, and runs as a command by name', () => {
    const next = runCommand(doc, { name: 'autoLayout', args: {} });
    const ys = new Set(next.graph.nodes.map((n) => n.position.y));
    expect(ys.size).toBe(1);
    const xs = next.graph.nodes.map((n) => n.position.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(autoLayout(next)).toBe(next);
  });
});

describe('data and training commands', () => {
  it('a column changes role; features stay in table order', () => {
    const noB = setColumnRole(doc, { column: 'B', role: 'ignored', columns });
    expect(noB.data.features).not.toContain('B');
    expect(noB.data.ignored).toEqual(['B']);
    const back = setColumnRole(noB, { column: 'B', role: 'feature', columns });
    expect(back.data.features).toEqual(doc.data.features);
    expect(back.data.ignored).toBeUndefined();
    expect(setColumnRole(doc, { column: 'CRIM', role: 'feature', columns })).toBe(doc);
  });

  it('a new target replaces the old one, which becomes ignored rather than an input', () => {
    const next = setColumnRole(doc, { column: 'LSTAT', role: 'target', columns });
    expect(next.data.targets).toEqual(['LSTAT']);
    expect(next.data.features).not.toContain('LSTAT');
    expect(next.data.features).not.toContain('MEDV');
    expect(next.data.ignored).toEqual(['MEDV']);
  });

  it('linking a CSV sets path and roles and forgets what was fitted to the old file', () => {
    const fitted: Project = { ...doc, data: { ...doc.data, fitted: { version: 1 } as unknown as Project['data']['fitted'], hash: { algorithm: 'sha256', value: '0'.repeat(64) } } };
    const next = linkData(fitted, { path: 'iris.csv', features: ['a', 'b'], targets: ['species'], ignored: [] });
    expect(next.data).toMatchObject({ path: 'iris.csv', features: ['a', 'b'], targets: ['species'] });
    expect(next.data.fitted).toBeUndefined();
    expect(next.data.hash).toBeUndefined();
    expect(next.data.ignored).toBeUndefined();
    expect(linkData(doc, { path: doc.data.path, features: doc.data.features, targets: doc.data.targets, ignored: [] })).toBe(doc);
  });

  it('optimizer, learning rate, epochs, batch size, name', () => {
    const adam = setOptimizerType(doc, { type: 'adam' });
    expect(adam.training.optimizer).toEqual({ type: 'adam', lr: 0.0001 });
    expect(setLearningRate(adam, { lr: 0.01 }).training.optimizer.lr).toBe(0.01);
    expect(setEpochs(doc, { epochs: 10 }).training.epochs).toBe(10);
    expect(setBatchSize(doc, { batchSize: 64 }).training.batchSize).toBe(64);
    expect(setBatchSize(doc, { batchSize: null })).toBe(doc);
    expect(renameProject(doc, { name: 'Mine' }).name).toBe('Mine');
    expect(renameProject(doc, { name: doc.name })).toBe(doc);
  });
});
