import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeGraph, compileGraph, type DataContext } from './index.ts';
import { applyFix } from '../graph/apply-fix.ts';
import { lectureGraph } from '../testing/graphs.ts';
import type { Diagnostic } from '../graph/diagnostics.ts';
import { createTranslator, diagnosticText } from '../i18n/index.ts';
import { NODE_TYPES, type Graph, type GraphNode } from '../graph/types.ts';

const at = { x: 0, y: 0 };
type NodeSpec = Omit<GraphNode, 'position'> & Record<string, unknown>;

/** A graph from node specs; `chain` wires them in order unless edges are given. */
function graph(nodes: NodeSpec[], edges?: [string, string][]): Graph {
  const ns = nodes.map((n) => ({ ...n, position: at }) as GraphNode);
  const es = edges ?? ns.slice(1).map((n, i) => [ns[i].id, n.id] as [string, string]);
  return { nodes: ns, edges: es.map(([from, to]) => ({ from, to })) };
}

const regression1: DataContext = { inputWidth: 13, target: { task: 'regression', width: 1, names: ['MEDV'] } };
const iris: DataContext = { inputWidth: 4, target: { task: 'classification', numClasses: 3, names: ['species'], classes: ['setosa', 'versicolor', 'virginica'] } };

const lecture = (last = 1): Graph => lectureGraph(last);

const errors = (d: Diagnostic[]) => d.filter((x) => x.severity === 'error');
const warnings = (d: Diagnostic[]) => d.filter((x) => x.severity === 'warning');

describe('the lecture network', () => {
  it('infers every edge width and has no problems', () => {
    const a = analyzeGraph(lecture(), regression1);
    expect(a.diagnostics).toEqual([]);
    expect(a.edgeWidths).toEqual({
      'input->linear1': 13, 'linear1->act1': 3, 'act1->linear2': 3, 'linear2->act2': 3, 'act2->linear3': 3,
      'linear3->act3': 3, 'act3->linear4': 3, 'linear4->output': 1,
    });
  });

  it('rejects the 13-output bug on linear4, naming 13, 1 and the node, with a one-click fix', () => {
    const a = analyzeGraph(lecture(13), regression1);
    const errs = errors(a.diagnostics);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ code: 'LB303', nodeId: 'linear4' });
    expect(errs[0].message).toMatch(/linear4 predicts 13 numbers per row/);
    expect(errs[0].message).toMatch(/MEDV has 1 column/);
    expect(errs[0].fix?.patch).toEqual({ kind: 'setParam', nodeId: 'linear4', param: 'outFeatures', value: 1 });
    const fixed = applyFix(lecture(13), errs[0].fix!.patch);
    expect(analyzeGraph(fixed, regression1).diagnostics).toEqual([]);
  });

  it('loads the shared example with the bug and reports it', () => {
    const project = JSON.parse(readFileSync(new URL('../../../shared/examples/seed-output-width-bug.layerboard', import.meta.url), 'utf8'));
    const result = compileGraph(project.graph, { inputWidth: 13, target: { task: 'regression', width: 1, names: ['MEDV'] } });
    expect(result.type).toBe('error');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['LB303']);
  });
});

// One row per mistake: the graph, the data, and what must be said where.
const errorTable: { name: string; g: Graph; ctx?: DataContext; code: string; nodeId?: string; edgeId?: string; message: RegExp }[] = [
  {
    name: 'a cycle',
    g: graph([{ id: 'input', type: 'input' }, { id: 'a', type: 'linear', outFeatures: 2 }, { id: 'b', type: 'relu' }, { id: 'c', type: 'linear', outFeatures: 2 }, { id: 'output', type: 'output', loss: 'mse' }],
      [['input', 'a'], ['a', 'b'], ['b', 'c'], ['c', 'b'], ['c', 'output']]),
    code: 'LB101', message: /form a loop: .*b → c → b|c → b → c/,
  },
  { name: 'no input', g: graph([{ id: 'l', type: 'linear', outFeatures: 1 }, { id: 'output', type: 'output', loss: 'mse' }]), code: 'LB102', message: /no Input node/ },
  {
    name: 'two inputs',
    g: graph([{ id: 'input', type: 'input' }, { id: 'input2', type: 'input' }, { id: 'add', type: 'add' }, { id: 'output', type: 'output', loss: 'mse' }], [['input', 'add'], ['input2', 'add'], ['add', 'output']]),
    code: 'LB103', nodeId: 'input2', message: /more than one Input \(input, input2\)/,
  },
  { name: 'no output', g: graph([{ id: 'input', type: 'input' }, { id: 'l', type: 'linear', outFeatures: 1 }]), code: 'LB104', message: /no Output node/ },
  {
    name: 'a node the input does not reach',
    g: graph([{ id: 'input', type: 'input' }, { id: 'l', type: 'linear', outFeatures: 1 }, { id: 'output', type: 'output', loss: 'mse' }, { id: 'stray', type: 'relu' }, { id: 'stray2', type: 'relu' }],
      [['input', 'l'], ['l', 'output'], ['stray', 'stray2'], ['stray2', 'stray']]),
    code: 'LB101', message: /loop/,
  },
  {
    name: 'a node that does not lead to the output',
    g: graph([{ id: 'input', type: 'input' }, { id: 'l', type: 'linear', outFeatures: 1 }, { id: 'output', type: 'output', loss: 'mse' }, { id: 'side', type: 'linear', outFeatures: 4 }],
      [['input', 'l'], ['l', 'output'], ['input', 'side']]),
    code: 'LB107', nodeId: 'side', message: /side does not lead to the output output/,
  },
  {
    name: 'a node missing its input',
    g: graph([{ id: 'input', type: 'input' }, { id: 'l', type: 'linear', outFeatures: 1 }, { id: 'orphan', type: 'linear', outFeatures: 1 }, { id: 'output', type: 'output', loss: 'mse' }],
      [['input', 'l'], ['l', 'output'], ['orphan', 'output']]),
    code: 'LB108', nodeId: 'orphan', message: /orphan has no input/,
  },
  {
    name: 'an add with one input',
    g: graph([{ id: 'input', type: 'input' }, { id: 'add', type: 'add' }, { id: 'l', type: 'linear', outFeatures: 1 }, { id: 'output', type: 'output', loss: 'mse' }]),
    code: 'LB108', nodeId: 'add', message: /add needs at least 2 inputs but has 1/,
  },
  {
    name: 'a linear whose inFeatures does not match',
    g: graph([{ id: 'input', type: 'input' }, { id: 'l1', type: 'linear', outFeatures: 5 }, { id: 'l2', type: 'linear', outFeatures: 1, inFeatures: 4 }, { id: 'output', type: 'output', loss: 'mse' }]),
    code: 'LB301', nodeId: 'l2', edgeId: 'l1->l2', message: /l2 expects 4 input features \(inFeatures\), but l1 gives it 5/,
  },
  {
    name: 'an add with unequal widths',
    g: graph([{ id: 'input', type: 'input' }, { id: 'a', type: 'linear', outFeatures: 4 }, { id: 'b', type: 'linear', outFeatures: 5 }, { id: 'add', type: 'add' }, { id: 'l', type: 'linear', outFeatures: 1 }, { id: 'output', type: 'output', loss: 'mse' }],
      [['input', 'a'], ['input', 'b'], ['a', 'add'], ['b', 'add'], ['add', 'l'], ['l', 'output']]),
    code: 'LB302', nodeId: 'add', message: /a gives 4, b gives 5/,
  },
  { name: 'a zero width', g: graph([{ id: 'input', type: 'input' }, { id: 'l', type: 'linear', outFeatures: 0 }, { id: 'output', type: 'output', loss: 'mse' }]), code: 'LB201', nodeId: 'l', message: /outFeatures is 0, but it must be a whole number from 1/ },
  { name: 'a fractional width', g: graph([{ id: 'input', type: 'input' }, { id: 'l', type: 'linear', outFeatures: 2.5 }, { id: 'output', type: 'output', loss: 'mse' }]), code: 'LB201', nodeId: 'l', message: /outFeatures is 2.5/ },
  {
    name: 'dropout p of 1',
    g: graph([{ id: 'input', type: 'input' }, { id: 'd', type: 'dropout', p: 1 }, { id: 'l', type: 'linear', outFeatures: 1 }, { id: 'output', type: 'output', loss: 'mse' }]),
    code: 'LB201', nodeId: 'd', message: /p is 1, but it must be a probability in \[0, 1\)/,
  },
  {
    name: 'a negative LeakyReLU slope',
    g: graph([{ id: 'input', type: 'input' }, { id: 'l1', type: 'linear', outFeatures: 3 }, { id: 'a', type: 'leakyRelu', slope: -0.5 }, { id: 'l', type: 'linear', outFeatures: 1 }, { id: 'output', type: 'output', loss: 'mse' }]),
    code: 'LB201', nodeId: 'a', message: /slope is -0.5/,
  },
  {
    name: 'crossEntropy with the wrong class count',
    g: graph([{ id: 'input', type: 'input' }, { id: 'l1', type: 'linear', outFeatures: 16 }, { id: 'r', type: 'relu' }, { id: 'l2', type: 'linear', outFeatures: 2 }, { id: 'output', type: 'output', loss: 'crossEntropy' }]),
    ctx: iris, code: 'LB304', nodeId: 'l2', message: /species has 3 classes, but l2 gives 2/,
  },
  {
    name: 'mse on a class target',
    g: graph([{ id: 'input', type: 'input' }, { id: 'l', type: 'linear', outFeatures: 3 }, { id: 'output', type: 'output', loss: 'mse' }]),
    ctx: iris, code: 'LB306', nodeId: 'output', message: /uses mse, which compares numbers, but species is a class label/,
  },
  {
    name: 'an unknown node type',
    g: graph([{ id: 'input', type: 'input' }, { id: 'x', type: 'conv2d' as never }, { id: 'output', type: 'output', loss: 'mse' }]),
    code: 'LB202', nodeId: 'x', message: /unknown type "conv2d"/,
  },
  {
    name: 'an edge to a missing node',
    g: { nodes: graph([{ id: 'input', type: 'input' }, { id: 'l', type: 'linear', outFeatures: 1 }, { id: 'output', type: 'output', loss: 'mse' }]).nodes, edges: [{ from: 'input', to: 'l' }, { from: 'l', to: 'output' }, { from: 'l', to: 'ghost' }] },
    code: 'LB110', edgeId: 'l->ghost', message: /points to "ghost"/,
  },
];

describe('errors', () => {
  it.each(errorTable)('$name', ({ g, ctx, code, nodeId, edgeId, message }) => {
    const a = analyzeGraph(g, ctx ?? regression1);
    const found = errors(a.diagnostics).find((d) => d.code === code);
    expect(found, JSON.stringify(a.diagnostics, null, 1)).toBeDefined();
    expect(found!.message).toMatch(message);
    if (nodeId) expect(found!.nodeId).toBe(nodeId);
    if (edgeId) expect(found!.edgeId).toBe(edgeId);
    expect(a.ok).toBe(false);
    expect(compileGraph(g, { inputWidth: 13, target: { task: 'regression', width: 1 }, ...ctx } as Required<DataContext>).type).toBe('error');
  });

  it('reports every problem at once', () => {
    const g = graph([{ id: 'input', type: 'input' }, { id: 'l1', type: 'linear', outFeatures: 0 }, { id: 'd', type: 'dropout', p: 2 }, { id: 'l2', type: 'linear', outFeatures: 1 }, { id: 'output', type: 'output', loss: 'mse' }]);
    const codes = errors(analyzeGraph(g, regression1).diagnostics).map((d) => [d.code, d.nodeId]);
    expect(codes).toEqual([['LB201', 'l1'], ['LB201', 'd']]);
  });

  it('says every problem of the table in Korean, with the node names and numbers in place', () => {
    const ko = createTranslator('ko').t;
    for (const row of errorTable) {
      for (const d of analyzeGraph(row.g, row.ctx ?? regression1).diagnostics) {
        const { message, fix } = diagnosticText(ko, d);
        for (const text of [message, fix ?? '가']) {
          expect(text, `${row.name}: ${d.code}`).toMatch(/[가-힣]/);
          expect(text, `${row.name}: ${d.code}`).not.toMatch(/\{\{|\}\}|undefined/);
        }
        if (d.nodeId && d.message.includes(`${d.nodeId} `)) expect(message, `${row.name}: ${d.code}`).toContain(d.nodeId);
        for (const n of d.message.match(/\d+/g) ?? []) expect(message, `${row.name}: ${d.code}: ${n}`).toContain(n);
      }
    }
  });

  it('applying the offered fix removes the error', () => {
    for (const row of errorTable) {
      const a = analyzeGraph(row.g, row.ctx ?? regression1);
      const d = errors(a.diagnostics).find((x) => x.code === row.code)!;
      if (!d.fix) continue;
      const after = analyzeGraph(applyFix(row.g, d.fix.patch), row.ctx ?? regression1);
      const same = after.diagnostics.filter((x) => x.code === d.code && x.nodeId === d.nodeId && x.message === d.message);
      expect(same, `${row.name}: ${d.fix.label}`).toEqual([]);
    }
  });
});

describe('lecture warnings', () => {
  it('two linear layers with nothing between them collapse into one', () => {
    const g = graph([{ id: 'input', type: 'input' }, { id: 'l1', type: 'linear', outFeatures: 8 }, { id: 'l2', type: 'linear', outFeatures: 1 }, { id: 'output', type: 'output', loss: 'mse' }]);
    const w = warnings(analyzeGraph(g, regression1).diagnostics);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ code: 'LB401', nodeId: 'l2' });
    expect(w[0].message).toMatch(/l1 feeds l2 with no activation between them, so together they are one linear layer/);
    const fixed = applyFix(g, w[0].fix!.patch);
    expect(fixed.nodes.map((n) => n.type)).toContain('relu');
    expect(analyzeGraph(fixed, regression1).diagnostics).toEqual([]);
  });

  it('a dropout between two linears does not hide the collapse', () => {
    const g = graph([{ id: 'input', type: 'input' }, { id: 'l1', type: 'linear', outFeatures: 8 }, { id: 'd', type: 'dropout', p: 0.2 }, { id: 'l2', type: 'linear', outFeatures: 1 }, { id: 'output', type: 'output', loss: 'mse' }]);
    expect(warnings(analyzeGraph(g, regression1).diagnostics).map((d) => d.code)).toEqual(['LB401']);
  });

  it('an activation after the last linear of a regression', () => {
    const g = graph([{ id: 'input', type: 'input' }, { id: 'l1', type: 'linear', outFeatures: 8 }, { id: 'r1', type: 'relu' }, { id: 'l2', type: 'linear', outFeatures: 1 }, { id: 'r2', type: 'relu' }, { id: 'output', type: 'output', loss: 'mse' }]);
    const w = warnings(analyzeGraph(g, regression1).diagnostics);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ code: 'LB402', nodeId: 'r2' });
    expect(w[0].message).toMatch(/cannot predict a negative value/);
    expect(analyzeGraph(applyFix(g, w[0].fix!.patch), regression1).diagnostics).toEqual([]);
  });

  it('four stacked sigmoid layers risk vanishing gradients; three do not warn', () => {
    const stack = (k: number, act: 'sigmoid' | 'tanh') => {
      const nodes: NodeSpec[] = [{ id: 'input', type: 'input' }];
      for (let i = 1; i <= k; i++) nodes.push({ id: `l${i}`, type: 'linear', outFeatures: 8 }, { id: `a${i}`, type: act });
      nodes.push({ id: 'out', type: 'linear', outFeatures: 1 }, { id: 'output', type: 'output', loss: 'mse' });
      return graph(nodes);
    };
    const four = warnings(analyzeGraph(stack(4, 'sigmoid'), regression1).diagnostics);
    expect(four.map((d) => [d.code, d.nodeId])).toEqual([['LB403', 'a1']]);
    expect(four[0].message).toMatch(/4 sigmoid\/tanh layers.*chain rule.*Use ReLU or LeakyReLU/);
    expect(warnings(analyzeGraph(stack(5, 'tanh'), regression1).diagnostics).map((d) => d.code)).toEqual(['LB403']);
    expect(warnings(analyzeGraph(stack(3, 'sigmoid'), regression1).diagnostics)).toEqual([]);
  });

  it('sigmoid or bce with a non-binary target', () => {
    const sig = graph([{ id: 'input', type: 'input' }, { id: 'l', type: 'linear', outFeatures: 3 }, { id: 's', type: 'sigmoid' }, { id: 'output', type: 'output', loss: 'crossEntropy' }]);
    expect(warnings(analyzeGraph(sig, iris).diagnostics).map((d) => [d.code, d.nodeId])).toEqual([['LB404', 's']]);
    const bce = graph([{ id: 'input', type: 'input' }, { id: 'l', type: 'linear', outFeatures: 1 }, { id: 'output', type: 'output', loss: 'bce' }]);
    expect(warnings(analyzeGraph(bce, { inputWidth: 13, target: { task: 'regression', width: 1, binary: false } }).diagnostics).map((d) => d.code)).toEqual(['LB404']);
    expect(analyzeGraph(bce, { inputWidth: 13, target: { task: 'regression', width: 1, binary: true } }).diagnostics).toEqual([]);
    expect(errors(analyzeGraph(bce, iris).diagnostics).map((d) => d.code)).toEqual(['LB306']);
  });
});

describe('widths', () => {
  it('concat sums widths and add keeps them', () => {
    const g = graph(
      [{ id: 'input', type: 'input' }, { id: 'a', type: 'linear', outFeatures: 4 }, { id: 'b', type: 'linear', outFeatures: 4 }, { id: 'add', type: 'add' },
        { id: 'cat', type: 'concat' }, { id: 'l', type: 'linear', outFeatures: 1 }, { id: 'output', type: 'output', loss: 'mse' }],
      [['input', 'a'], ['input', 'b'], ['a', 'add'], ['b', 'add'], ['add', 'cat'], ['input', 'cat'], ['cat', 'l'], ['l', 'output']],
    );
    const a = analyzeGraph(g, regression1);
    expect(a.ok).toBe(true);
    expect(a.nodeWidths).toMatchObject({ add: 4, cat: 17, l: 1 });
    expect(a.edgeWidths['cat->l']).toBe(17);
  });

  it('an unconnected Linear still carries its own width onward', () => {
    const g = graph([{ id: 'l', type: 'linear', outFeatures: 7 }, { id: 'r', type: 'relu' }, { id: 'input', type: 'input' }, { id: 'output', type: 'output', loss: 'mse' }], [['l', 'r']]);
    const a = analyzeGraph(g, regression1);
    expect(a.edgeWidths['l->r']).toBe(7);
    expect(a.nodeWidths.r).toBe(7);
  });

  it('without data the widths downstream of the input are unknown, and an info says why', () => {
    const a = analyzeGraph(lecture(), {});
    expect(a.edgeWidths['linear1->act1']).toBe(3);
    expect(a.edgeWidths['input->linear1']).toBeUndefined();
    expect(a.diagnostics.map((d) => [d.code, d.severity])).toEqual([['LB305', 'info']]);
  });
});

describe('robustness', () => {
  const nodeArb = fc.record({
    id: fc.constantFrom('input', 'a', 'b', 'c', 'd', 'output'),
    type: fc.oneof(fc.constantFrom(...NODE_TYPES), fc.string()),
    outFeatures: fc.oneof(fc.integer({ min: -2, max: 20 }), fc.double(), fc.constant(undefined)),
    p: fc.oneof(fc.double(), fc.constant(undefined)),
    slope: fc.oneof(fc.double(), fc.constant(undefined)),
    loss: fc.constantFrom('mse', 'mae', 'huber', 'crossEntropy', 'bce', 'nope'),
    position: fc.constant(at),
  });
  const edgeArb = fc.record({ from: fc.constantFrom('input', 'a', 'b', 'c', 'd', 'output', 'zz'), to: fc.constantFrom('input', 'a', 'b', 'c', 'd', 'output') });

  it('never throws, whatever the graph', () => {
    fc.assert(
      fc.property(fc.array(nodeArb, { maxLength: 8 }), fc.array(edgeArb, { maxLength: 12 }), fc.integer({ min: 1, max: 5 }), (nodes, edges, w) => {
        const g = { nodes, edges } as unknown as Graph;
        const a = analyzeGraph(g, { inputWidth: w, target: { task: 'regression', width: 1 } });
        for (const d of a.diagnostics) expect(typeof d.message).toBe('string');
        const c = compileGraph(g, { inputWidth: w, target: { task: 'classification', numClasses: 3 } });
        if (c.type === 'ok') {
          c.plan.forward(1, false, false);
          expect(c.plan.prediction.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });
});
