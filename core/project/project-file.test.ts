import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GraphNode } from '../graph/types.ts';
import { NODE_TYPES } from '../graph/types.ts';
import type { StoredWeights } from '../train/settings.ts';
import type { Project, ProjectResult } from './index.ts';
import {
  createProject, CURRENT_VERSION, defaultPreprocessing, defaultTrainingSettings, loadProject, parseProject, PROJECT_LIMITS, serializeProject,
} from './index.ts';

const examplesDir = new URL('../../../shared/examples/', import.meta.url);
const fixturesDir = new URL('./fixtures/', import.meta.url);
const readFixture = (name: string) => readFileSync(new URL(name, fixturesDir), 'utf8');

function expectOk(result: ProjectResult): Extract<ProjectResult, { type: 'ok' }> {
  if (result.type !== 'ok') throw new Error(`expected the project to load, got ${JSON.stringify(result.errors, null, 2)}`);
  return result;
}

describe('the shared examples (version 1)', () => {
  const files = readdirSync(examplesDir).filter((f) => f.endsWith('.layerboard'));

  it('are there to test', () => {
    expect(files).toEqual(expect.arrayContaining(['seed-regression.layerboard', 'seed-output-width-bug.layerboard']));
  });

  it.each(files)('%s loads unchanged, migrated to version 2', (file) => {
    const text = readFileSync(new URL(file, examplesDir), 'utf8');
    const raw = JSON.parse(text);
    const result = expectOk(parseProject(text, { fileName: file }));
    expect(result.warnings).toEqual([]);
    expect(result.migratedFrom).toBe(1);
    const { project } = result;
    expect(project.format).toBe('layerboard');
    expect(project.version).toBe(2);
    expect(project.name).toBe(raw.name);
    expect(project.description).toBe(raw.description);
    expect(project.data).toEqual({
      path: '../datasets/boston-housing.csv',
      features: raw.data.features,
      targets: ['MEDV'],
      task: 'auto',
      preprocessing: { scaling: 'standard', scaleTarget: false, missing: 'drop' },
      validationSplit: 0,
    });
    expect(project.graph).toEqual(raw.graph);
    expect(project.training).toEqual({ optimizer: { type: 'sgd', lr: 0.0001 }, epochs: 200000, batchSize: null, shuffle: false, seed: 1 });
    expect(project.weights).toBeUndefined();
    expect(project.history).toBeUndefined();
  });

  it('keep the lecture mistake as data: the width bug example differs only in linear4 and its texts', () => {
    const load = (f: string) => expectOk(parseProject(readFileSync(new URL(f, examplesDir), 'utf8'))).project;
    const good = load('seed-regression.layerboard');
    const bug = load('seed-output-width-bug.layerboard');
    const width = (p: Project) => p.graph.nodes.find((n) => n.id === 'linear4');
    expect(width(good)).toMatchObject({ type: 'linear', outFeatures: 1 });
    expect(width(bug)).toMatchObject({ type: 'linear', outFeatures: 13 });
  });
});

describe('fixtures', () => {
  it('v1.layerboard migrates to exactly the text of v2.layerboard', () => {
    const migrated = expectOk(parseProject(readFixture('v1.layerboard')));
    expect(migrated.migratedFrom).toBe(1);
    expect(serializeProject(migrated.project)).toBe(readFixture('v2.layerboard'));
    const current = expectOk(parseProject(readFixture('v2.layerboard')));
    expect(current.migratedFrom).toBeNull();
    expect(current.project).toEqual(migrated.project);
  });

  it('v1 standardize: false becomes scaling "none"', () => {
    const { project } = expectOk(parseProject(readFixture('v1.layerboard')));
    expect(project.data.preprocessing).toEqual({ scaling: 'none', scaleTarget: false, missing: 'drop' });
  });

  it('v2-full.layerboard (every optional field) loads without warnings and is written back byte for byte', () => {
    const text = readFixture('v2-full.layerboard');
    const result = expectOk(parseProject(text));
    expect(result.warnings).toEqual([]);
    expect(serializeProject(result.project)).toBe(text);
    const { weights, history, data } = result.project;
    expect(weights?.l1.weight).toEqual({ shape: [2, 2], data: [0.5, -0.25, 0.125, -0] });
    expect(Object.is(weights?.l1.weight.data[3], -0)).toBe(true);
    expect(weights?.l2.bias).toBeUndefined();
    expect(history?.valLoss).toEqual([null, null, null]);
    expect(data.hash?.algorithm).toBe('sha256');
    expect(data.embedded?.split('\n')[0]).toBe('x1,x2,note,y');
  });
});

// ---------------------------------------------------------------------------------------------
// Corrupt files: one row per way a file can be wrong, each with the path and the words the
// user sees. A bug fixed in loading becomes a row here.

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const validDoc = (): Doc => JSON.parse(readFixture('v2-full.layerboard'));
const edit = (change: (doc: Doc) => void) => {
  const doc = validDoc();
  change(doc);
  return JSON.stringify(doc, null, 2);
};
const chain = (n: number) => ({
  nodes: Array.from({ length: n }, (_, i) => ({ id: `n${i}`, type: 'relu', position: { x: i, y: 0 } })),
  edges: [],
});

const corruptFiles: { name: string; text: string; path: string; message: string; limits?: Partial<typeof PROJECT_LIMITS> }[] = [
  { name: 'bad JSON: trailing comma', text: '{\n  "format": "layerboard",\n}\n', path: '', message: 'is not valid JSON: line 3, column 1: a property is missing before "}" (a trailing comma?)' },
  { name: 'bad JSON: unclosed', text: '{\n  "format": "layerboard",\n  "name": "x"', path: '', message: 'line 3, column 14: the file ends too early' },
  { name: 'bad JSON: NaN literal', text: '{"a": [1, NaN]}', path: '', message: 'line 1, column 11: NaN and Infinity are not valid JSON numbers' },
  { name: 'empty file', text: '', path: '', message: 'line 1, column 1: the file is empty' },
  { name: 'not an object', text: '[1, 2]', path: '', message: 'is not a Layerboard project: expected a JSON object at the top level, got a list of 2 items' },
  { name: 'wrong format', text: edit((d) => { d.format = 'excalidraw'; }), path: 'format', message: 'is not a Layerboard project: its format is the text "excalidraw", expected "layerboard"' },
  { name: 'no format', text: edit((d) => { delete d.format; }), path: 'format', message: 'it has no "format": "layerboard" field' },
  { name: 'newer version', text: edit((d) => { d.version = 7; }), path: 'version', message: 'made by a newer Layerboard (version 7); this one reads up to 2' },
  { name: 'no version', text: edit((d) => { delete d.version; }), path: 'version', message: 'version: is required (the format version, a whole number such as 2)' },
  { name: 'version 0', text: edit((d) => { d.version = 0; }), path: 'version', message: 'version: expected a whole number of at least 1, got 0' },
  { name: 'version as text', text: edit((d) => { d.version = '2'; }), path: 'version', message: 'version: expected a whole number of at least 1, got the text "2"' },
  { name: 'missing graph', text: edit((d) => { delete d.graph; }), path: 'graph', message: 'graph: is required (an object)' },
  { name: 'missing data', text: edit((d) => { delete d.data; }), path: 'data', message: 'data: is required (an object)' },
  { name: 'bad node type', text: edit((d) => { d.graph.nodes[2].type = 'conv2d'; }), path: 'graph.nodes[2].type', message: `graph.nodes[2].type: node "act" has unknown type "conv2d"; valid types are ${NODE_TYPES.join(', ')}` },
  { name: 'node without type', text: edit((d) => { delete d.graph.nodes[2].type; }), path: 'graph.nodes[2].type', message: 'node "act" has no type; valid types are input, linear' },
  { name: 'negative outFeatures', text: edit((d) => { d.graph.nodes[1].outFeatures = -3; }), path: 'graph.nodes[1].outFeatures', message: 'graph.nodes[1].outFeatures: expected a number of at least 1, got -3' },
  { name: 'fractional outFeatures', text: edit((d) => { d.graph.nodes[1].outFeatures = 2.5; }), path: 'graph.nodes[1].outFeatures', message: 'expected a whole number, got 2.5' },
  { name: 'output without loss', text: edit((d) => { delete d.graph.nodes[4].loss; }), path: 'graph.nodes[4].loss', message: 'graph.nodes[4].loss: is required (one of "mse", "mae", "huber", "crossEntropy", "bce")' },
  { name: 'unknown loss', text: edit((d) => { d.graph.nodes[4].loss = 'nll'; }), path: 'graph.nodes[4].loss', message: 'expected one of "mse", "mae", "huber", "crossEntropy", "bce", got the text "nll"' },
  { name: 'dropout p above 1', text: edit((d) => { d.graph.nodes.push({ id: 'd', type: 'dropout', p: 1.5, position: { x: 0, y: 0 } }); }), path: 'graph.nodes[5].p', message: 'expected a number of at most 1, got 1.5' },
  { name: 'unknown optimizer', text: edit((d) => { d.training.optimizer = { type: 'lbfgs', lr: 1 }; }), path: 'training.optimizer.type', message: 'expected one of "sgd", "adam", "adamw", "rmsprop", got the text "lbfgs"' },
  { name: 'zero learning rate', text: edit((d) => { d.training.optimizer.lr = 0; }), path: 'training.optimizer.lr', message: 'expected a number greater than 0, got 0' },
  { name: 'epochs 0', text: edit((d) => { d.training.epochs = 0; }), path: 'training.epochs', message: 'expected a number of at least 1, got 0' },
  { name: 'betas out of range', text: edit((d) => { d.training.optimizer = { type: 'adam', lr: 0.1, betas: [0.9, 1] }; }), path: 'training.optimizer.betas[1]', message: 'expected a number less than 1, got 1' },
  { name: 'validationSplit 1', text: edit((d) => { d.data.validationSplit = 1; }), path: 'data.validationSplit', message: 'expected a number less than 1, got 1' },
  { name: 'unknown scaling', text: edit((d) => { d.data.preprocessing.scaling = 'robust'; }), path: 'data.preprocessing.scaling', message: 'expected one of "standard", "minmax", "none", got the text "robust"' },
  { name: 'column with two roles', text: edit((d) => { d.data.targets = ['x2']; }), path: 'data.targets[0]', message: 'column "x2" is already listed in data.features; a column has one role' },
  { name: 'bad hash', text: edit((d) => { d.data.hash.value = 'abc'; }), path: 'data.hash.value', message: 'expected 64 lowercase hexadecimal digits' },
  { name: 'weights with wrong length', text: edit((d) => { d.weights.l1.weight.data.pop(); }), path: 'weights.l1.weight.data', message: 'weights.l1.weight.data: holds 3 numbers, but shape [2, 2] needs 4' },
  { name: 'weight of rank 1', text: edit((d) => { d.weights.l1.weight = { shape: [4], data: [1, 2, 3, 4] }; }), path: 'weights.l1.weight.shape', message: 'expected [out, in] (2 numbers), got [4]' },
  { name: 'bias shape against weight', text: edit((d) => { d.weights.l1.bias = { shape: [3], data: [1, 2, 3] }; }), path: 'weights.l1.bias.shape', message: 'expected [2] to match weight [2, 2], got [3]' },
  { name: 'NaN written as string', text: edit((d) => { d.weights.l1.bias.data[1] = 'NaN'; }), path: 'weights.l1.bias.data[1]', message: 'weights.l1.bias.data[1]: expected a number, got the text "NaN" (JSON has no NaN or Infinity' },
  { name: 'Infinity from 1e999', text: readFixture('v2-full.layerboard').replace('"trainLoss": [1.25,', '"trainLoss": [1e999,'), path: 'history.trainLoss[0]', message: 'history.trainLoss[0]: expected a number, got Infinity' },
  { name: 'history of unequal lengths', text: edit((d) => { d.history.trainLoss.push(0.25); }), path: 'history.trainLoss', message: 'has 4 entries but history.epoch has 3; they must be equally long' },
  { name: 'valLoss with text', text: edit((d) => { d.history.valLoss[0] = 'n/a'; }), path: 'history.valLoss[0]', message: 'expected a number or null, got the text "n/a"' },
  { name: 'v1 standardize not a boolean', text: readFixture('v1.layerboard').replace('"standardize": false', '"standardize": "yes"'), path: 'data.standardize', message: 'data.standardize: expected true or false, got the text "yes" (while upgrading the file from version 1 to 2)' },
  { name: 'too many nodes', text: edit((d) => { d.graph = chain(PROJECT_LIMITS.maxNodes + 1); delete d.weights; }), path: 'graph.nodes', message: 'graph.nodes: has 1,001 nodes, more than the limit of 1,000' },
  { name: 'too many edges', text: edit((d) => { d.graph.edges = Array.from({ length: 10_001 }, () => ({ from: 'l1', to: 'act' })); }), path: 'graph.edges', message: 'has 10,001 edges, more than the limit of 10,000' },
  { name: 'too big', text: `{}${' '.repeat(1998)}`, limits: { maxFileBytes: 1000 }, path: '', message: 'the file is too big: 2,000 bytes, more than the limit of 1,000 bytes' },
  { name: 'too big, counted in UTF-8 bytes', text: `"${'é'.repeat(400)}"`, limits: { maxFileBytes: 801 }, path: '', message: 'the file is too big: 802 bytes' },
  { name: 'embedded CSV too big', text: edit((d) => { d.data.embedded = 'x,y\n'.repeat(300); }), limits: { maxEmbeddedCsvBytes: 1000 }, path: 'data.embedded', message: 'the embedded CSV is too big: 1,200 bytes, more than the limit of 1,000 bytes' },
  { name: 'layer too wide', text: edit((d) => { d.graph.nodes[1].outFeatures = 70_000; delete d.weights; }), path: 'graph.nodes[1].outFeatures', message: 'is 70,000, wider than the limit of 65,536' },
  { name: 'model too large', text: edit((d) => { d.graph.nodes[1].outFeatures = 60_000; d.graph.nodes[1].inFeatures = 60_000; delete d.weights; }), path: 'graph', message: 'the model would have at least 3,600,120,000 parameters, more than the limit of 10,000,000' },
  { name: 'too many stored parameters', text: edit((d) => { d.weights.l1.weight = { shape: [2, 6], data: new Array(12).fill(0) }; }), limits: { maxParameters: 10 }, path: 'weights', message: 'has 16 stored parameters, more than the limit of 10' },
  { name: 'nested too deep', text: edit((d) => { d.ui = JSON.parse('{"a":'.repeat(70) + '1' + '}'.repeat(70)); }), path: '', message: 'more than 64 levels deep' },
];

describe('corrupt files are refused with the field and the reason', () => {
  it.each(corruptFiles)('$name', ({ text, path, message, limits }) => {
    const result = parseProject(text, { fileName: 'broken.layerboard', limits });
    expect(result.type).toBe('error');
    if (result.type !== 'error') return;
    const [first] = result.errors;
    expect(first.path).toBe(path);
    expect(first.message).toContain(message);
  });

  it('names the file when told its name', () => {
    const result = parseProject('{"format": "excalidraw"}', { fileName: 'notes.json' });
    expect(result).toEqual({ type: 'error', errors: [expect.objectContaining({ path: 'format', message: '"notes.json" is not a Layerboard project: its format is the text "excalidraw", expected "layerboard"' })] });
  });

  it('reports every schema problem at once, capped with a summary line', () => {
    const result = parseProject(edit((d) => {
      d.graph.nodes = Array.from({ length: 60 }, (_, i) => ({ id: `l${i}`, type: 'linear', outFeatures: 0 }));
      d.graph.edges = [];
      delete d.weights;
    }));
    expect(result.type).toBe('error');
    if (result.type !== 'error') return;
    expect(result.errors).toHaveLength(51);
    expect(result.errors[0].path).toBe('graph.nodes[0].outFeatures');
    expect(result.errors[50].message).toBe('...and 10 more problems');
  });

  it('never throws, whatever the text', () => {
    const fixture = readFixture('v2-full.layerboard');
    fc.assert(fc.property(
      fc.oneof(
        fc.string(),
        fc.json(),
        // Cut the fixture short, or splice junk into it.
        fc.nat(fixture.length).map((n) => fixture.slice(0, n)),
        fc.tuple(fc.nat(fixture.length), fc.string({ maxLength: 5 })).map(([n, s]) => fixture.slice(0, n) + s + fixture.slice(n + s.length)),
      ),
      (text) => {
        const result = parseProject(text);
        expect(['ok', 'error']).toContain(result.type);
        if (result.type === 'error') for (const e of result.errors) expect(e.message).not.toBe('');
      },
    ), { numRuns: 500 });
  });
});

describe('restore with defaults', () => {
  const minimal = {
    format: 'layerboard',
    version: 2,
    data: { path: 'iris.csv', features: ['a', 'b'], targets: ['species'] },
    graph: { nodes: [{ id: 'input', type: 'input' }, { id: 'act', type: 'leakyRelu' }] },
  };

  it('fills in everything left out, and leaves optional node parameters absent', () => {
    const { project, warnings } = expectOk(loadProject(minimal));
    expect(warnings).toEqual([]);
    expect(project.name).toBe('Untitled');
    expect(project.data).toEqual({
      path: 'iris.csv', features: ['a', 'b'], targets: ['species'], task: 'auto', preprocessing: defaultPreprocessing(), validationSplit: 0.2,
    });
    expect(project.training).toEqual(defaultTrainingSettings());
    expect(project.graph.edges).toEqual([]);
    expect(project.graph.nodes[0].position).toEqual({ x: 0, y: 0 });
    expect(project.graph.nodes[1]).toEqual({ id: 'act', type: 'leakyRelu', position: { x: 0, y: 0 } });
  });

  it('fills in single missing fields inside given objects, lr by optimizer', () => {
    const { project } = expectOk(loadProject({
      ...minimal,
      data: { ...minimal.data, preprocessing: { scaling: 'minmax' } },
      training: { optimizer: { type: 'rmsprop' }, epochs: 5 },
    }));
    expect(project.data.preprocessing).toEqual({ scaling: 'minmax', scaleTarget: false, missing: 'drop' });
    expect(project.training).toEqual({ ...defaultTrainingSettings(), optimizer: { type: 'rmsprop', lr: 0.01 }, epochs: 5 });
  });

  it('keeps batchSize null (full batch) distinct from a missing batchSize', () => {
    const full = expectOk(loadProject({ ...minimal, training: { batchSize: null } })).project;
    expect(full.training.batchSize).toBeNull();
  });

  it('drops unknown fields with a warning per field', () => {
    const result = expectOk(loadProject({
      ...minimal,
      theme: 'dark',
      graph: { nodes: [{ id: 'r', type: 'relu', slope: 0.2 }], edges: [] },
    }));
    expect(result.warnings).toHaveLength(2);
    expect(result.warnings).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: 'theme', message: 'theme: unknown field, ignored' }),
      expect.objectContaining({ path: 'graph.nodes[0].slope', message: 'graph.nodes[0].slope: unknown field, ignored' }),
    ]));
    expect(result.project).not.toHaveProperty('theme');
    expect(result.project.graph.nodes[0]).toEqual({ id: 'r', type: 'relu', position: { x: 0, y: 0 } });
  });

  it('does not modify the value it is given', () => {
    const value = JSON.parse(JSON.stringify({ ...minimal, extra: 1 }));
    const before = JSON.stringify(value);
    expectOk(loadProject(value));
    expect(JSON.stringify(value)).toBe(before);
  });

  it.each([
    ['a node that no longer exists', (d: Doc) => { d.graph.nodes.splice(3, 1); d.graph.edges = []; }, 'weights.l2', 'there is no linear node "l2" in the graph'],
    ['a width that changed', (d: Doc) => { d.graph.nodes[1].outFeatures = 3; }, 'weights.l1', 'weight shape [2, 2] does not fit outFeatures 3 of node "l1"'],
    ['inFeatures that changed', (d: Doc) => { d.graph.nodes[1].inFeatures = 5; }, 'weights.l1', 'does not fit inFeatures 5'],
    ['a bias switched on', (d: Doc) => { delete d.graph.nodes[3].bias; }, 'weights.l2', 'node "l2" has a bias, but none is stored'],
    ['a bias switched off', (d: Doc) => { d.graph.nodes[1].bias = false; }, 'weights.l1', 'node "l1" has no bias, but a bias is stored'],
  ])('drops stale weights with a warning: %s', (_name, change, path, message) => {
    const result = expectOk(parseProject(edit(change)));
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0].path).toBe(path);
    expect(result.warnings[0].message).toContain(message);
    expect(result.project.weights).not.toHaveProperty(path.split('.')[1]);
    expect(Object.keys(result.project.weights ?? {})).toHaveLength(1);
  });
});

describe('createProject', () => {
  it('gives a project with defaults, an empty graph, and the current version', () => {
    const { project } = expectOk(createProject({ name: 'New', data: { path: 'iris.csv', features: ['a'], targets: ['b'] } }));
    expect(project).toEqual({
      format: 'layerboard',
      version: CURRENT_VERSION,
      name: 'New',
      data: { path: 'iris.csv', features: ['a'], targets: ['b'], task: 'auto', preprocessing: defaultPreprocessing(), validationSplit: 0.2 },
      graph: { nodes: [], edges: [] },
      training: defaultTrainingSettings(),
    });
  });

  it('reports invalid fields like a file would', () => {
    const result = createProject({ data: { path: '', features: [], targets: [] } });
    expect(result).toEqual({ type: 'error', errors: [expect.objectContaining({ path: 'data.path', message: 'data.path: expected non-empty text, got the text ""' })] });
  });

  it('hands out fresh default objects', () => {
    const a = defaultTrainingSettings();
    (a.optimizer as { lr: number }).lr = 5;
    expect(defaultTrainingSettings().optimizer.lr).toBe(0.001);
  });
});

// ---------------------------------------------------------------------------------------------
// Round trips over random valid projects

const finite = (min = -1e6, max = 1e6) => fc.double({ min, max, noNaN: true });
const text = fc.string({ maxLength: 12 });
const id = fc.string({ minLength: 1, maxLength: 8 });
const position = fc.record({ x: finite(), y: finite() });
const plainKey = text.filter((k) => k !== '__proto__');
const freeForm = fc.dictionary(plainKey, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4, noNullPrototype: true });

function nodeArbitrary(): fc.Arbitrary<GraphNode> {
  const base = { id, position };
  const opt = <T extends object>(fields: { [K in keyof T]: fc.Arbitrary<T[K]> }, required: (keyof T)[]) =>
    fc.record(fields, { requiredKeys: required as never });
  const plain = (type: GraphNode['type']) => opt({ ...base, type: fc.constant(type), label: text }, ['id', 'type', 'position']);
  return fc.oneof(
    plain('input'), plain('relu'), plain('sigmoid'), plain('tanh'), plain('gelu'), plain('silu'), plain('add'), plain('concat'),
    opt({ ...base, type: fc.constant('linear' as const), label: text, outFeatures: fc.integer({ min: 1, max: 4 }), inFeatures: fc.integer({ min: 1, max: 4 }), bias: fc.boolean(), init: fc.constantFrom('pytorch' as const, 'xavier' as const, 'he' as const) }, ['id', 'type', 'position', 'outFeatures']),
    opt({ ...base, type: fc.constant('leakyRelu' as const), slope: finite(-1, 1) }, ['id', 'type', 'position']),
    opt({ ...base, type: fc.constant('elu' as const), alpha: finite(0, 5) }, ['id', 'type', 'position']),
    opt({ ...base, type: fc.constant('softplus' as const), beta: finite(0.1, 10), threshold: finite(0, 50) }, ['id', 'type', 'position']),
    opt({ ...base, type: fc.constant('dropout' as const), p: finite(0, 1) }, ['id', 'type', 'position']),
    opt({ ...base, type: fc.constant('output' as const), loss: fc.constantFrom('mse' as const, 'mae' as const, 'huber' as const, 'crossEntropy' as const, 'bce' as const), delta: finite(0.01, 10) }, ['id', 'type', 'position', 'loss']),
  ) as fc.Arbitrary<GraphNode>;
}

const tensor = (shape: number[]) => fc.array(finite(), { minLength: shape.reduce((a, b) => a * b, 1), maxLength: shape.reduce((a, b) => a * b, 1) }).map((data) => ({ shape, data }));

function weightsFor(nodes: GraphNode[]): fc.Arbitrary<StoredWeights> {
  const linear = nodes.filter((n) => n.type === 'linear');
  return fc.tuple(...linear.map((node) => fc.option(fc.integer({ min: 1, max: 4 }).chain((k) => {
    const inWidth = node.inFeatures ?? k;
    return fc.record({
      weight: tensor([node.outFeatures, inWidth]),
      bias: node.bias === false ? fc.constant(undefined) : tensor([node.outFeatures]),
    }).map((w) => (w.bias === undefined ? { weight: w.weight } : w));
  }), { nil: undefined }))).map((entries) => {
    const weights: StoredWeights = {};
    entries.forEach((w, i) => { if (w) weights[linear[i].id] = w; });
    return weights;
  });
}

const columns = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 8 });

const optimizer = fc.oneof(
  fc.record({ type: fc.constant('sgd' as const), lr: finite(1e-6, 1), momentum: finite(0, 1), dampening: finite(0, 1), nesterov: fc.boolean(), weightDecay: finite(0, 1) }, { requiredKeys: ['type', 'lr'] }),
  fc.record({ type: fc.constantFrom('adam' as const, 'adamw' as const), lr: finite(1e-6, 1), betas: fc.tuple(finite(0, 0.999), finite(0, 0.999)), eps: finite(0, 1e-3), weightDecay: finite(0, 1) }, { requiredKeys: ['type', 'lr'] }),
  fc.record({ type: fc.constant('rmsprop' as const), lr: finite(1e-6, 1), alpha: finite(0, 1), eps: finite(0, 1e-3), weightDecay: finite(0, 1), momentum: finite(0, 1), centered: fc.boolean() }, { requiredKeys: ['type', 'lr'] }),
);

const projectArbitrary: fc.Arbitrary<Project> = fc.record({
  nodes: fc.uniqueArray(nodeArbitrary(), { selector: (n) => n.id, maxLength: 8 }),
  roles: columns,
  split: fc.tuple(fc.nat(8), fc.nat(8)),
}).chain(({ nodes, roles, split: [a, b] }) => {
  const cut1 = Math.min(a, roles.length);
  const cut2 = Math.min(cut1 + b, roles.length);
  const edges = fc.array(fc.record({ from: fc.constantFrom(...nodes.map((n) => n.id), 'dangling'), to: fc.constantFrom(...nodes.map((n) => n.id), 'x') }), { maxLength: 10 });
  const historyLength = fc.nat(5);
  return fc.record({
    format: fc.constant('layerboard' as const),
    version: fc.constant(2 as const),
    name: text,
    description: text,
    createdWith: text,
    data: fc.record({
      path: fc.string({ minLength: 1, maxLength: 20 }),
      hash: fc.record({ algorithm: fc.constant('sha256' as const), value: fc.stringMatching(/^[0-9a-f]{64}$/) }),
      embedded: fc.string({ maxLength: 50 }),
      features: fc.constant(roles.slice(0, cut1)),
      targets: fc.constant(roles.slice(cut1, cut2)),
      ignored: fc.constant(roles.slice(cut2)),
      task: fc.constantFrom('auto' as const, 'regression' as const, 'classification' as const),
      preprocessing: fc.record({ scaling: fc.constantFrom('standard' as const, 'minmax' as const, 'none' as const), scaleTarget: fc.boolean(), missing: fc.constantFrom('drop' as const, 'mean' as const) }),
      validationSplit: fc.double({ min: 0, max: 0.99, noNaN: true }),
      // A real fitted preprocessing (the fixture's); its shape is core/data's StoredPreprocessing.
      fitted: fc.constant(JSON.parse(readFixture('v2-full.layerboard')).data.fitted),
    }, { requiredKeys: ['path', 'features', 'targets', 'task', 'preprocessing', 'validationSplit'] }),
    graph: fc.record({ nodes: fc.constant(nodes), edges: nodes.length === 0 ? fc.constant([]) : edges }),
    training: fc.record({
      optimizer,
      epochs: fc.integer({ min: 1, max: 1e6 }),
      batchSize: fc.option(fc.integer({ min: 1, max: 4096 }), { nil: null }),
      shuffle: fc.boolean(),
      seed: fc.integer({ min: 0, max: 0xffff_ffff }),
      earlyStopping: fc.option(fc.record({ patience: fc.integer({ min: 1, max: 100 }), minDelta: finite(0, 1) }, { requiredKeys: ['patience'] }), { nil: null }),
      gradClipNorm: fc.option(finite(1e-3, 100), { nil: null }),
    }, { requiredKeys: ['optimizer', 'epochs', 'batchSize', 'shuffle', 'seed'] }),
    weights: weightsFor(nodes),
    history: historyLength.chain((n) => fc.record({
      epoch: fc.array(fc.nat(1000), { minLength: n, maxLength: n }),
      trainLoss: fc.array(finite(0, 1e3), { minLength: n, maxLength: n }),
      valLoss: fc.array(fc.option(finite(0, 1e3), { nil: null }), { minLength: n, maxLength: n }),
    })),
    ui: freeForm,
  }, { requiredKeys: ['format', 'version', 'name', 'data', 'graph', 'training'] });
});

describe('round trip', () => {
  it('parseProject(serializeProject(p)) gives back p, with no warnings', () => {
    fc.assert(fc.property(projectArbitrary, (project) => {
      const result = expectOk(parseProject(serializeProject(project)));
      expect(result.warnings).toEqual([]);
      expect(result.project).toEqual(project);
    }), { numRuns: 300 });
  });

  it('the text does not depend on the order keys were set in', () => {
    const reversed = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(reversed);
      if (value === null || typeof value !== 'object') return value;
      return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversed(v)]));
    };
    fc.assert(fc.property(projectArbitrary, (project) => {
      expect(serializeProject(reversed(project) as Project)).toBe(serializeProject(project));
    }), { numRuns: 100 });
  });

  it('writes 2-space JSON with a trailing newline, format and version first', () => {
    const text = serializeProject(expectOk(parseProject(readFixture('v1.layerboard'))).project);
    expect(text.startsWith('{\n  "format": "layerboard",\n  "version": 2,\n  "name"')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('refuses to write NaN, naming where it is', () => {
    const { project } = expectOk(parseProject(readFixture('v2-full.layerboard')));
    project.weights!.l1.weight.data[2] = NaN;
    expect(() => serializeProject(project)).toThrow('cannot write NaN at weights.l1.weight.data[2]: JSON has no NaN or Infinity');
  });
});
