/**
 * Every diagnostic the compiler can produce, said in both languages: a graph per wording, each
 * rendered through `diagnosticText` as the renderer and the CLI do. English must equal the stored
 * `message` (one source of truth); Korean must be a real translation with every value in place.
 */
import { describe, expect, it } from 'vitest';
import { analyzeGraph, type DataContext } from '../compile/analyze.ts';
import { assessHealth } from '../train/health.ts';
import type { DataError, DataWarning } from '../data/data-result.ts';
import { inspectCsv } from '../data/inspect-csv.ts';
import { prepareDataset, type PrepareDatasetOptions } from '../data/prepare-dataset.ts';
import { applyPreprocessing } from '../data/preprocessing.ts';
import { loadProject, parseProject } from '../project/project-file.ts';
import type { ProjectIssue } from '../project/issues.ts';
import { DiagnosticCode, type Diagnostic } from '../graph/diagnostics.ts';
import { ACTIVATION_TYPES, type Graph } from '../graph/types.ts';
import { makeGraph, chainGraph, type NodeSpec } from '../testing/graphs.ts';
import en from './locales/en/diagnostics.ts';
import enTraining from './locales/en/training.ts';
import enProject from './locales/en/project.ts';
import type { ProjectLimits } from '../project/limits.ts';
import { createProject, type ProjectInit } from '../project/project-file.ts';
import type { Project } from '../project/schema.ts';
import type { StoredWeights } from '../train/settings.ts';
import type { CsvTable } from '../data/table.ts';
import { exportProject, loadExportModel, type ExportRequest } from '../export/index.ts';
import type { ExportFormat } from '../export/formats.ts';
import type { ScriptWeights } from '../export/pytorch-script.ts';
import { defaultTrainingSettings } from '../project/schema.ts';
import { validateTrainingSettings } from '../train/run.ts';
import type { SgdSettings, TrainingSettings } from '../train/settings.ts';
import { createTranslator, dataIssueText, diagnosticText, flattenCatalog, healthText, modelText, projectIssueText, trainingText, isMessageRef, type MessageParam, type MessageParams, type TFunction } from './index.ts';

const regression: DataContext = { inputWidth: 13, target: { task: 'regression', width: 1, names: ['MEDV'] } };
const iris: DataContext = { inputWidth: 4, target: { task: 'classification', numClasses: 3, names: ['species'], classes: ['a', 'b', 'c'] } };
const binary: DataContext = { inputWidth: 4, target: { task: 'classification', numClasses: 2, names: ['survived'], classes: ['0', '1'] } };
const numericNotBinary: DataContext = { inputWidth: 13, target: { task: 'regression', width: 1, binary: false, names: ['price'] } };

const input: NodeSpec = { id: 'input', type: 'input' };
const mse: NodeSpec = { id: 'output', type: 'output', loss: 'mse' };
const linear = (id: string, outFeatures: number, extra: Record<string, unknown> = {}): NodeSpec => ({ id, type: 'linear', outFeatures, ...extra }) as NodeSpec;
const node = (id: string, type: string, extra: Record<string, unknown> = {}): NodeSpec => ({ id, type, ...extra }) as unknown as NodeSpec;

/** One graph per wording (graph, data); together they produce every code and every message variant. */
const cases: [string, Graph, DataContext][] = [
  ['cycle', makeGraph([input, linear('a', 2), node('b', 'relu'), linear('c', 2), mse], [['input', 'a'], ['a', 'b'], ['b', 'c'], ['c', 'b'], ['c', 'output']]), regression],
  ['no input, no output', chainGraph([linear('l', 1)]), regression],
  ['two inputs, two outputs', makeGraph([input, node('input2', 'input'), node('add', 'add'), mse, node('output2', 'output', { loss: 'mse' })],
    [['input', 'add'], ['input2', 'add'], ['add', 'output'], ['add', 'output2']]), regression],
  ['unreachable and dead end', makeGraph([input, linear('l', 1), mse, node('input2', 'input'), linear('stray', 1), linear('side', 4)],
    [['input', 'l'], ['l', 'output'], ['input2', 'stray'], ['stray', 'output'], ['input', 'side']]), regression],
  ['missing inputs', makeGraph([input, node('add', 'add'), linear('l', 1), mse, linear('orphan', 1)], [['input', 'add'], ['add', 'l'], ['l', 'output']]), regression],
  ['too many inputs', makeGraph([input, linear('a', 1), linear('b', 1), linear('l', 1), mse, linear('back', 1)],
    [['input', 'a'], ['input', 'b'], ['a', 'l'], ['b', 'l'], ['l', 'output'], ['a', 'input']]), regression],
  ['edges: dangling, duplicate, self, after the output', {
    nodes: [...chainGraph([input, linear('l', 1), node('r', 'relu'), mse]).nodes, { id: 'l', type: 'relu', position: { x: 0, y: 0 } }, { id: 'after', type: 'relu', position: { x: 0, y: 0 } }],
    edges: [{ from: 'input', to: 'l' }, { from: 'l', to: 'r' }, { from: 'l', to: 'r' }, { from: 'r', to: 'r' }, { from: 'r', to: 'output' }, { from: 'l', to: 'ghost' }, { from: 'output', to: 'after' }],
  }, regression],
  ['bad parameters', chainGraph([input, linear('l1', 0, { bias: 'yes' }), node('d', 'dropout', { p: 1 }), node('lk', 'leakyRelu', { slope: -1 }), node('e', 'elu', { alpha: -1 }),
    node('sp', 'softplus', { beta: 0 }), linear('l2', 1, { inFeatures: 2.5 }), node('output', 'output', { loss: 'huber', delta: 0 })]), regression],
  ['missing width, unknown loss', chainGraph([input, node('l', 'linear'), node('output', 'output', { loss: 'hinge' })]), regression],
  ['unknown type', chainGraph([input, node('x', 'conv2d'), mse]), regression],
  ['inFeatures', chainGraph([input, linear('l1', 5), linear('l2', 1, { inFeatures: 4 }), mse]), regression],
  ['add widths', makeGraph([input, linear('a', 4), linear('b', 5), node('add', 'add'), linear('l', 1), mse],
    [['input', 'a'], ['input', 'b'], ['a', 'add'], ['b', 'add'], ['add', 'l'], ['l', 'output']]), regression],
  ['output width', chainGraph([input, linear('l1', 4), node('r', 'relu'), linear('l2', 2), mse]), regression],
  ['output width, one', chainGraph([input, linear('l1', 4), node('r', 'relu'), linear('l2', 1), mse]), { inputWidth: 13, target: { task: 'regression', width: 2 } }],
  ['class count', chainGraph([input, linear('l1', 4), node('r', 'relu'), linear('l2', 2), node('output', 'output', { loss: 'crossEntropy' })]), iris],
  ['bce width', chainGraph([input, linear('l1', 4), node('r', 'relu'), linear('l2', 2), node('output', 'output', { loss: 'bce' })]), binary],
  ['no data', chainGraph([input, linear('l', 1), mse]), {}],
  ['crossEntropy on regression', chainGraph([input, linear('l', 1), node('output', 'output', { loss: 'crossEntropy' })]), regression],
  ['bce on classes', chainGraph([input, linear('l', 1), node('output', 'output', { loss: 'bce' })]), iris],
  ['mse on classes', chainGraph([input, linear('l', 3), mse]), iris],
  ['linear collapse', chainGraph([input, linear('l1', 8), linear('l2', 1), mse]), regression],
  ...ACTIVATION_TYPES.map((a): [string, Graph, DataContext] => [`${a} before a regression output`, chainGraph([input, linear('l1', 1), node('act', a), mse]), regression]),
  ['sigmoid stack', chainGraph([input, ...[1, 2, 3, 4].flatMap((i) => [linear(`l${i}`, 8), node(`s${i}`, 'sigmoid')]), linear('out', 1), mse]), regression],
  ['sigmoid on classes', chainGraph([input, linear('l', 3), node('s', 'sigmoid'), node('output', 'output', { loss: 'crossEntropy' })]), iris],
  ['sigmoid on classes, bce', chainGraph([input, linear('l', 1), node('s', 'sigmoid'), node('output', 'output', { loss: 'bce' })]), { inputWidth: 4, target: { task: 'classification', numClasses: 3 } }],
  ['bce on a numeric target', chainGraph([input, linear('l', 1), node('output', 'output', { loss: 'bce' })]), numericNotBinary],
];

const all: Diagnostic[] = cases.flatMap(([, g, ctx]) => analyzeGraph(g, ctx).diagnostics);
const ko = createTranslator('ko').t;
const english = createTranslator('en').t;

/** The literal values a message shows (ids, names, numbers), nested ones included. */
function literals(params: MessageParams | undefined, t: TFunction): string[] {
  const out: string[] = [];
  const visit = (value: MessageParam): void => {
    if (Array.isArray(value)) (value as readonly MessageParam[]).forEach(visit);
    else if (isMessageRef(value)) out.push(...literals(value.params, t));
    else if (typeof value !== 'object') out.push(String(value));
  };
  Object.values(params ?? {}).forEach(visit);
  return out;
}

describe('diagnostics in both languages', () => {
  it('the cases produce every code and every message variant of the catalog', () => {
    expect(Object.values(DiagnosticCode).filter((code) => !all.some((d) => d.code === code))).toEqual([]);
    const used = new Set(all.map((d) => (d.messageKey ?? `${d.code}.message`).replace(/_(one|other)$/, '')));
    const variants = [...flattenCatalog(en).keys()].filter((k) => /^LB\d+\.message/.test(k)).map((k) => k.replace(/_(one|other)$/, ''));
    expect([...new Set(variants)].filter((k) => !used.has(k))).toEqual([]);
  });

  it('every code has a message in the catalog', () => {
    const keys = [...flattenCatalog(en).keys()];
    expect(Object.values(DiagnosticCode).filter((code) => !keys.some((k) => k.startsWith(`${code}.message`)))).toEqual([]);
  });

  it.each(all.map((d) => [`${d.code} ${d.messageKey ?? ''} on ${d.nodeId ?? d.edgeId ?? 'the graph'}`, d] as const))('%s', (_name, d) => {
    const inEnglish = diagnosticText(english, d);
    expect(inEnglish.message).toBe(d.message);
    expect(inEnglish.fix).toBe(d.fix?.label);

    const inKorean = diagnosticText(ko, d);
    for (const text of [inKorean.message, inKorean.fix].filter((x) => x !== undefined)) {
      expect(text).not.toMatch(/\{\{|\}\}|diagnostics:|undefined/);
      expect(text).toMatch(/[가-힣]/);
    }
    expect(inKorean.message).not.toBe(d.message);
    for (const value of literals(d.params, ko)) expect(inKorean.message).toContain(value);
    if (d.fix) {
      expect(inKorean.fix).not.toBe(d.fix.label);
      for (const value of literals(d.fix.params, ko)) expect(inKorean.fix).toContain(value);
    }
  });

  it('counts take the plural in English and a counter in Korean', () => {
    const classes = all.find((d) => d.code === 'LB304' && !d.messageKey)!;
    expect(classes.message).toContain('species has 3 classes, but l2 gives 2');
    expect(diagnosticText(ko, classes).message).toContain('species에는 클래스 3개가 있지만 l2의 출력은 2개입니다');
    const one = analyzeGraph(cases.find(([n]) => n === 'output width, one')![1], { inputWidth: 13, target: { task: 'regression', width: 2 } }).diagnostics[0];
    expect(one.message).toMatch(/^l2 predicts 1 number per row, but the target the target has 2 columns\./);
    expect(diagnosticText(ko, one).message).toMatch(/^l2은\(는\) 행마다 값 1개를 예측하지만, 타깃 타깃은\(는\) 열 2개입니다\./);
  });

  it('a diagnostic whose key the catalog lacks shows its stored English text', () => {
    const stranger: Diagnostic = { code: 'LB999', severity: 'error', message: 'From a newer core.', params: {}, fix: { label: 'Do it', patch: { kind: 'removeNode', nodeId: 'x' } } };
    expect(diagnosticText(ko, stranger)).toEqual({ message: 'From a newer core.', fix: 'Do it' });
  });
});

describe('health signals and training stops in both languages', () => {
  const layers = (grads: number[]) => grads.map((g, i) => ({ nodeId: `l${i + 1}`, gradNorm: g, weightNorm: 1 }));

  it('every health code has a message, and each signal renders with its numbers in place', () => {
    const flat = Array.from({ length: 60 }, () => 1);
    const signals = [
      ...assessHealth({ layers: layers([1e-6, 1e-4, 1e-2]), deadReluFraction: 0.75, trainLoss: flat, lr: 0.01 }),
      ...assessHealth({ layers: layers([1, 1, 5000]), deadReluFraction: null, trainLoss: [], lr: 10 }),
    ];
    expect([...new Set(signals.map((s) => s.code))].sort()).toEqual(['dead-relu', 'exploding-gradient', 'plateau', 'vanishing-gradient']);
    for (const s of signals) {
      expect(healthText(english, s)).toBe(s.message);
      const text = healthText(ko, s);
      expect(text).toMatch(/[가-힣]/);
      expect(text).not.toMatch(/\{\{|undefined/);
      for (const value of literals(s.params, ko)) expect(text).toContain(value);
    }
    expect(healthText(ko, signals.find((s) => s.code === 'dead-relu')!)).toContain('ReLU 유닛의 75%가');
  });

  it('early stopping and divergence', () => {
    const stopped = { message: 'x', messageKey: 'earlyStopped', params: { count: 1, bestEpoch: '7' } };
    expect(trainingText(english, stopped)).toBe('Validation loss has not improved for 1 epoch; stopped and restored the best weights (epoch 7).');
    expect(trainingText(ko, { ...stopped, params: { count: 5, bestEpoch: '7' } })).toBe('검증 손실이 5 에포크 동안 나아지지 않아 학습을 멈추고 가장 좋았던 가중치(에포크 7)로 되돌렸습니다.');
    const diverged = { message: 'x', messageKey: 'divergedNaN', params: { epoch: 3, step: 2, globalStep: 12, lr: 10, suggestedLr: 1 } };
    expect(trainingText(ko, diverged)).toMatch(/^에포크 3의 스텝 2\(이번 학습의 12번째 스텝\)에서 손실이 NaN이 되어 학습이 발산했습니다\..*학습률\(10\).*1 이하로/);
    expect(trainingText(ko, { message: null })).toBeNull();
  });
});

describe('data errors and warnings in both languages', () => {
  const issues: (DataError | DataWarning)[] = [];
  const collect = (result: { type: 'ok'; warnings: DataWarning[] } | DataError): void => {
    if (result.type === 'error') issues.push(result);
    else issues.push(...result.warnings);
  };
  const tableOf = (text: string) => {
    const r = inspectCsv(text);
    if (r.type === 'error') throw new Error(r.message);
    issues.push(...r.warnings);
    return r.table;
  };
  for (const text of ['', 'a,b\n', 'a,b\n1,2\n3\n', 'a,b\n"1,2\n', 'a,b\n"1"x,2\n', 'name,kind\nx,y\nz,w\n', ',a,a,\n1,2,3,4\n5,6,7,8\n']) collect(inspectCsv(text));
  collect(inspectCsv('a,b\n1,2\n3\n4,5\n', { skipRaggedRows: true }));
  collect(inspectCsv(`a,b\n${Array.from({ length: 30 }, (_, i) => `${i},${i}`).join('\n')}\nx,31\n`));
  const t = tableOf('x,y,c,id,k\n1,1.5,a,r1,1\n2,,b,r2,2\n3,2.5,a,r3,1\n,3.5,b,r4,2\n5,4.5,a,r5,1\n6,5.5,b,r6,2\n7,7,a,r7,1\n8,1e999,b,r8,2\n');
  const cases: PrepareDatasetOptions[] = [
    { targets: [] }, { targets: ['nope'] }, { targets: ['y', 'y'] }, { targets: ['y'], features: ['y'] }, { targets: ['y'], features: ['x', 'x'] },
    { targets: ['y'], features: [] }, { targets: ['y'], features: ['x'], categorical: ['c'] }, { targets: ['c'], features: ['x'], task: 'regression' },
    { targets: ['y', 'k'], features: ['x'], task: 'classification' }, { targets: ['x'], features: ['c'], validation: { fraction: 1, seed: 1 } },
    { targets: ['k'], features: ['x'] }, { targets: ['x'], features: ['y'] }, { targets: ['x'], features: ['id'] }, { targets: ['id'], features: ['x'], task: 'classification' },
  ];
  for (const options of cases) collect(prepareDataset(t, options));
  const fitted = prepareDataset(tableOf('x,c,y\n1,a,1\n2,b,2\n3,a,3\n4,b,4\n'), { targets: ['y'], missing: 'mean' });
  if (fitted.type === 'ok') {
    collect(applyPreprocessing(tableOf('x,c,y\n1,z,1\n,a,2\n3,b,\n'), fitted.preprocessing));
    collect(applyPreprocessing(tableOf('x,c\n1,a\n'), fitted.preprocessing, { targets: 'require' }));
    collect(applyPreprocessing(tableOf('x,c,y\nq,a,1\n2,a,2\n'), fitted.preprocessing));
  }

  it('produces a good share of the catalog', () => {
    const used = new Set(issues.map((i) => i.messageKey));
    expect(used.size).toBeGreaterThan(25);
  });

  it.each(issues.map((i) => [`${i.code} ${i.messageKey}`, i] as const))('%s', (_name, issue) => {
    expect(issue.messageKey).toBeDefined();
    expect(dataIssueText(english, issue)).toBe(issue.message);
    const text = dataIssueText(ko, issue);
    expect(text).toMatch(/[가-힣]/);
    expect(text).not.toMatch(/\{\{|\}\}|undefined|data:/);
    for (const value of literals(issue.params, ko)) expect(text).toContain(Number.isFinite(Number(value)) ? Number(value).toLocaleString('ko') : value);
  });
});

describe('project load problems in both languages', () => {
  const minimal = { format: 'layerboard', version: 2, graph: { nodes: [], edges: [] }, data: { path: 'x.csv', features: [], targets: [] } };
  const issues: ProjectIssue[] = [];
  const collect = (r: ReturnType<typeof parseProject>): void => {
    if (r.type === 'error') issues.push(...r.errors);
    else issues.push(...r.warnings);
  };
  collect(parseProject('{"format": "layerboard",\n "version": ', { fileName: 'a.layerboard' }));
  collect(parseProject('[1, 2]'));
  collect(parseProject('{"format": "excalidraw"}', { fileName: 'notes.json' }));
  collect(parseProject('{"format": "layerboard"}'));
  collect(parseProject('{"format": "layerboard", "version": 99}'));
  collect(parseProject(JSON.stringify({ format: 'layerboard', version: 1, data: { standardize: 1 } })));
  collect(loadProject({ ...minimal, theme: 'dark', graph: { nodes: [{ id: 'r', type: 'relu', slope: 0.2 }, { id: 'q', type: 'conv' }, { type: 'linear' }], edges: [] } }));
  collect(loadProject({ ...minimal, data: { path: '', features: ['a', 'a'], targets: ['a'] }, training: { epochs: 2.5, batchSize: 'NaN' } }));
  collect(loadProject({ ...minimal, graph: { nodes: [{ id: 'l', type: 'linear', outFeatures: 2 }], edges: [] }, weights: { l: { weight: { shape: [3, 1], data: [1, 2, 3] } }, gone: { weight: { shape: [1, 1], data: [1, 2] } } }, history: { epoch: [1, 2], trainLoss: [1], valLoss: [null, null] } }));

  it('covers the common problems', () => {
    expect(new Set(issues.map((i) => i.messageKey)).size).toBeGreaterThan(10);
  });

  it.each(issues.map((i) => [`${i.path} ${i.messageKey ?? '(English only)'}`, i] as const))('%s', (_name, issue) => {
    expect(projectIssueText(english, issue)).toBe(issue.message);
    if (issue.messageKey === undefined) return;
    const text = projectIssueText(ko, issue);
    expect(text).toMatch(/[가-힣]/);
    expect(text).not.toMatch(/\{\{|\}\}|undefined|project:/);
    if (issue.message.startsWith(`${issue.path}: `) && issue.path !== '') expect(text.startsWith(`${issue.path}: `)).toBe(true);
    for (const value of literals(issue.params, ko)) expect(text).toContain(value);
  });
});

describe('trainer failures in both languages', () => {
  it('a data failure names the file and line and says the data problem in Korean', async () => {
    const { createTrainerSession } = await import('../train/session.ts');
    const sent: unknown[] = [];
    let listener: ((m: unknown) => void) | undefined;
    createTrainerSession({
      postMessage: (m) => sent.push(m),
      onMessage: (l) => {
        listener = l;
        return () => {};
      },
    });
    const project = { format: 'layerboard', version: 2, graph: { nodes: [], edges: [] }, data: { path: 'x.csv', features: ['a'], targets: ['b'] } };
    listener!({ type: 'start', runId: 'r', project, csv: 'a,b\n1,2\n3\n', resume: false });
    await new Promise((r) => setTimeout(r, 50));
    const failed = sent.find((m) => (m as { type: string }).type === 'failed') as { message: string; messageKey?: string; params?: MessageParams };
    expect(failed.message).toBe('x.csv, line 3: Line 3 has 1 field but the header has 2. Fix the line, or import with "skip ragged rows" to leave such lines out.');
    expect(trainingText(english, failed)).toBe(failed.message);
    expect(trainingText(ko, failed)).toBe('x.csv, 3행: 3행에는 필드 1개가 있지만 헤더에는 2개가 있습니다. 그 행을 고치거나, "필드 수가 다른 행 건너뛰기"로 가져와 그런 행을 빼세요.');
  });
});

describe('training settings problems in both languages', () => {
  const base: TrainingSettings = { ...defaultTrainingSettings(), epochs: 10, batchSize: 32 };
  const sgd = (extra: Partial<SgdSettings>): TrainingSettings => ({ ...base, optimizer: { type: 'sgd', lr: 0.01, ...extra } });
  const cases: [string, TrainingSettings, string][] = [
    ['learning rate', sgd({ lr: 0 }), '학습률은 0보다 큰 수여야 합니다(지금은 0).'],
    ['weight decay', sgd({ weightDecay: -1 }), '가중치 감쇠(weightDecay)은(는) 0 이상이어야 합니다(지금은 -1).'],
    ['momentum', sgd({ momentum: -0.5 }), '모멘텀(momentum)은(는) 0 이상이어야 합니다(지금은 -0.5).'],
    ['nesterov', sgd({ nesterov: true }), 'Nesterov 모멘텀을 쓰려면 모멘텀(momentum)이 0보다 크고 dampening이 0이어야 합니다.'],
    ['betas', { ...base, optimizer: { type: 'adam', lr: 0.01, betas: [0.9, 1] } }, 'betas(β₁, β₂)는 둘 다 0 이상 1 미만이어야 합니다(지금은 0.9, 1).'],
    ['eps', { ...base, optimizer: { type: 'adamw', lr: 0.01, eps: -1e-8 } }, 'ε(eps)은(는) 0 이상이어야 합니다(지금은 -1e-8).'],
    ['alpha', { ...base, optimizer: { type: 'rmsprop', lr: 0.01, alpha: -0.1 } }, 'α(alpha)은(는) 0 이상이어야 합니다(지금은 -0.1).'],
    ['rmsprop momentum', { ...base, optimizer: { type: 'rmsprop', lr: 0.01, momentum: -2 } }, '모멘텀(momentum)은(는) 0 이상이어야 합니다(지금은 -2).'],
    ['epochs', { ...base, epochs: 2.5 }, '에포크 수(epochs)는 1 이상의 정수여야 합니다(지금은 2.5).'],
    ['batch size', { ...base, batchSize: 0 }, '배치 크기(batchSize)는 1 이상의 정수여야 합니다. 전체 배치를 쓰려면 비워 두세요(지금은 0).'],
    ['gradient clipping', { ...base, gradClipNorm: 0 }, '그레디언트 클리핑 최댓값(gradClipNorm)은 0보다 커야 합니다(지금은 0).'],
    ['patience', { ...base, earlyStopping: { patience: 0 } }, '조기 종료의 인내 에포크(earlyStopping.patience)는 1 이상의 정수여야 합니다.'],
  ];

  it('the cases use every settings message', () => {
    const used = new Set(cases.map(([, s]) => validateTrainingSettings(s)?.messageKey));
    const keys = [...flattenCatalog(enTraining).keys()].filter((k) => k.startsWith('settings.') && !k.startsWith('settings.names.'));
    expect(keys.filter((k) => !used.has(k))).toEqual([]);
    expect(validateTrainingSettings(base)).toBeNull();
  });

  it.each(cases)('%s', (_name, settings, korean) => {
    const problem = validateTrainingSettings(settings)!;
    expect(trainingText(english, problem)).toBe(problem.message);
    expect(trainingText(ko, problem)).toBe(korean);
    for (const value of literals(problem.params, ko)) expect(problem.message).toContain(value);
  });

  it('the trainer refuses a setting in the same words, keyed for the reader', async () => {
    const { createTrainerSession } = await import('../train/session.ts');
    const sent: unknown[] = [];
    let listener: ((m: unknown) => void) | undefined;
    createTrainerSession({ postMessage: (m) => sent.push(m), onMessage: (l) => { listener = l; return () => {}; } });
    const project = {
      format: 'layerboard', version: 2, graph: { nodes: [], edges: [] }, data: { path: 'x.csv', features: ['a'], targets: ['b'] },
      training: { optimizer: { type: 'sgd', lr: 0.01, nesterov: true } },
    };
    listener!({ type: 'start', runId: 'r', project, csv: 'a,b\n1,2\n', resume: false });
    await new Promise((r) => setTimeout(r, 50));
    const failed = sent.find((m) => (m as { type: string }).type === 'failed') as { reason: string; message: string; messageKey?: string; params?: MessageParams };
    expect(failed.reason).toBe('settings');
    expect(failed.message).toBe('Nesterov momentum needs momentum > 0 and dampening 0.');
    expect(trainingText(ko, failed)).toBe('Nesterov 모멘텀을 쓰려면 모멘텀(momentum)이 0보다 크고 dampening이 0이어야 합니다.');
  });
});

describe('project size limits in both languages', () => {
  const linearNode = (id: string, outFeatures: number, inFeatures?: number) => ({ id, type: 'linear', outFeatures, ...(inFeatures ? { inFeatures } : {}), position: { x: 0, y: 0 } });
  const doc = (extra: Record<string, unknown> = {}, graph: Record<string, unknown> = {}) => JSON.stringify({
    format: 'layerboard', version: 2, data: { path: 'x.csv', features: ['a'], targets: ['b'] },
    graph: { nodes: [{ id: 'input', type: 'input', position: { x: 0, y: 0 } }], edges: [], ...graph }, ...extra,
  });
  const errorsOf = (text: string, limits: Partial<ProjectLimits>): ProjectIssue[] => {
    const r = parseProject(text, { limits });
    if (r.type !== 'error') throw new Error('expected the limit to refuse the file');
    return r.errors;
  };
  const cases: [string, ProjectIssue, string][] = [
    ['file too big', errorsOf(`{}${' '.repeat(1998)}`, { maxFileBytes: 1000 })[0], '파일이 너무 큽니다. 크기가 2,000바이트로, 한도인 1,000바이트보다 큽니다'],
    ['file too big, in MiB', errorsOf(`{}${' '.repeat(3 * 1024 * 1024)}`, { maxFileBytes: 2 * 1024 * 1024 })[0], '파일이 너무 큽니다. 크기가 3 MiB(3,145,730바이트)로, 한도인 2 MiB(2,097,152바이트)보다 큽니다'],
    ['too deep', errorsOf(doc({ ui: JSON.parse('{"a":'.repeat(10) + '1' + '}'.repeat(10)) }), { maxDepth: 8 })[0], '파일 안의 목록과 객체가 한도인 8단계보다 깊게 중첩되어 있습니다'],
    ['too many nodes', errorsOf(doc({}, { nodes: [linearNode('a', 1), linearNode('b', 1), linearNode('c', 1)] }), { maxNodes: 2 })[0], 'graph.nodes: 노드가 3개로, 한도인 2개보다 많습니다'],
    ['too many edges', errorsOf(doc({}, { edges: Array.from({ length: 1001 }, () => ({ from: 'input', to: 'input' })) }), { maxEdges: 1000 })[0], 'graph.edges: 연결이 1,001개로, 한도인 1,000개보다 많습니다'],
    ['embedded CSV too big', errorsOf(doc({ data: { path: 'x.csv', features: ['a'], targets: ['b'], embedded: 'a,b\n'.repeat(300) } }), { maxEmbeddedCsvBytes: 1000 })[0], 'data.embedded: 포함된 CSV가 너무 큽니다. 크기가 1,200바이트로, 한도인 1,000바이트보다 큽니다'],
    ['too many stored parameters', errorsOf(doc({ weights: { l: { weight: { shape: [2, 6], data: new Array(12).fill(0) } } } }), { maxParameters: 10 })[0], 'weights: 저장된 파라미터가 12개로, 한도인 10개보다 많습니다'],
    ['layer too wide', errorsOf(doc({}, { nodes: [linearNode('l', 70_000)] }), {})[0], 'graph.nodes[0].outFeatures: 값 70,000이(가) 한도인 65,536보다 큽니다'],
    ['too many feature columns', errorsOf(doc({ data: { path: 'x.csv', features: ['a', 'b', 'c'], targets: ['d'] } }), { maxLayerWidth: 2 })[0], 'data.features: 특성 열이 3개로, 한도인 2개보다 많습니다'],
    ['model too large', errorsOf(doc({}, { nodes: [{ id: 'input', type: 'input', position: { x: 0, y: 0 } }, linearNode('l', 60_000, 60_000)] }), {})[0], 'graph: 모델의 파라미터가 적어도 3,600,060,000개가 되어, 한도인 10,000,000개보다 많습니다'],
  ];

  it('the cases use every limits message', () => {
    const used = new Set(cases.flatMap(([, issue]) => [issue.messageKey, ...literalKeys(issue.params)]));
    const keys = [...flattenCatalog(enProject).keys()].filter((k) => k.startsWith('limits.'));
    expect(keys.filter((k) => !used.has(k))).toEqual([]);
  });

  it.each(cases)('%s', (_name, issue, korean) => {
    expect(issue.messageKey).toMatch(/^limits\./);
    expect(projectIssueText(english, issue)).toBe(issue.message);
    expect(projectIssueText(ko, issue)).toBe(korean);
  });
});

/** The catalog keys (namespace dropped) of the messages nested in `params`. */
function literalKeys(params: MessageParams | undefined): string[] {
  const out: string[] = [];
  for (const value of Object.values(params ?? {})) {
    if (isMessageRef(value)) out.push(value.key.slice(value.key.indexOf(':') + 1), ...literalKeys(value.params));
  }
  return out;
}

describe('model messages (stored weights, export) in both languages', () => {
  const toyCsv = `a,b,y\n${Array.from({ length: 20 }, (_, i) => `${i},${(i * 7) % 5},${i * 0.5 + 0.25}`).join('\n')}\n`;
  const toyTable = (() => {
    const r = inspectCsv(toyCsv);
    if (r.type !== 'ok') throw new Error(r.message);
    return r.table;
  })();
  const toy = (graphNodes: ({ id: string } & Record<string, unknown>)[], extra: Record<string, unknown> = {}): Project => {
    const nodes = graphNodes.map((n) => ({ position: { x: 0, y: 0 }, ...n }));
    const edges = nodes.slice(1).map((n, i) => ({ from: nodes[i].id, to: n.id }));
    const r = createProject({ name: 'toy', graph: { nodes, edges }, data: { path: 'toy.csv', features: ['a', 'b'], targets: ['y'] }, ...extra } as ProjectInit);
    if (r.type !== 'ok') throw new Error(JSON.stringify(r.errors));
    return r.project;
  };
  const plain = toy([{ id: 'input', type: 'input' }, { id: 'l1', type: 'linear', outFeatures: 3 }, { id: 'r', type: 'relu' }, { id: 'l2', type: 'linear', outFeatures: 1 }, { id: 'output', type: 'output', loss: 'mse' }]);
  const withDropout = toy([{ id: 'input', type: 'input' }, { id: 'l1', type: 'linear', outFeatures: 3 }, { id: 'r', type: 'relu' }, { id: 'd', type: 'dropout', p: 0.5 }, { id: 'l2', type: 'linear', outFeatures: 1 }, { id: 'output', type: 'output', loss: 'mse' }]);
  const trainedOf = (p: Project): Project => {
    const model = loadExportModel(p, toyTable);
    if (model.type !== 'ok') throw new Error(model.message);
    return { ...p, weights: model.plan.exportWeights(), data: { ...p.data, fitted: model.preprocessing } };
  };
  const trained = trainedOf(plain);
  const weights = trained.weights!;
  const noBias = toy([{ id: 'input', type: 'input' }, { id: 'l1', type: 'linear', outFeatures: 3, bias: false }, { id: 'r', type: 'relu' }, { id: 'l2', type: 'linear', outFeatures: 1 }, { id: 'output', type: 'output', loss: 'mse' }]);
  const planOf = (p: Project) => {
    const model = loadExportModel({ ...p, weights: undefined }, toyTable);
    if (model.type !== 'ok') throw new Error(model.message);
    return model.plan;
  };
  const loadError = (p: Project, stored: StoredWeights) => {
    const r = planOf(p).loadWeights(stored);
    if (r.type !== 'error') throw new Error('expected the weights not to fit');
    return r;
  };
  const { l1: _dropped, ...withoutL1 } = weights;
  const weightCases: [string, ReturnType<typeof loadError>, string][] = [
    ['no entry', loadError(plain, withoutL1), '저장된 가중치에 l1의 항목이 없습니다.'],
    ['weight shape', loadError(plain, { ...weights, l1: { ...weights.l1, weight: { shape: [3, 3], data: new Array(9).fill(0) } } }), '저장된 l1의 가중치는 3 × 3인데, 이 계층에는 3 × 2(out × in)이 필요합니다.'],
    ['bias size', loadError(plain, { ...weights, l1: { ...weights.l1, bias: { shape: [2], data: [0, 0] } } }), '저장된 l1의 편향이 계층과 맞지 않습니다(값 3개가 필요합니다).'],
    ['no bias', loadError(noBias, weights), '저장된 l1의 편향이 계층과 맞지 않습니다(이 계층에는 편향이 없습니다).'],
  ];

  it.each(weightCases)('stored weights: %s', (_name, r, korean) => {
    expect(r.messageKey).toMatch(/^weights\./);
    expect(modelText(english, r)).toBe(r.message);
    expect(modelText(ko, r)).toBe(korean);
  });

  const exported = (request: Omit<ExportRequest, 'table'> & { table?: CsvTable | null }) => exportProject({ ...request, table: request.table === null ? undefined : request.table ?? toyTable } as ExportRequest);
  const errorOf = (request: Parameters<typeof exported>[0]) => {
    const r = exported(request);
    if (r.type !== 'error') throw new Error('expected the export to be refused');
    return r;
  };
  const badData = toy([{ id: 'input', type: 'input' }, { id: 'l', type: 'linear', outFeatures: 1 }, { id: 'output', type: 'output', loss: 'mse' }], { data: { path: 'toy.csv', features: ['a', 'zzz'], targets: ['y'] } });
  const broken = toy([{ id: 'input', type: 'input' }, { id: 'l', type: 'linear', outFeatures: 4 }, { id: 'output', type: 'output', loss: 'mse' }]);
  const errorCases: [string, ReturnType<typeof errorOf>, RegExp][] = [
    ['unknown format', errorOf({ format: 'keras' as ExportFormat, project: plain }), /^알 수 없는 내보내기 형식 "keras"입니다\. pytorch, pytorch-ddp, onnx, weights, predictions 중에서 고르세요\.$/],
    ['untrained script', errorOf({ format: 'pytorch', project: plain, weights: 'trained' }), /^학습된 가중치로 만드는 스크립트에는 학습된 가중치가 필요한데, "toy"에는 아직 없습니다\./],
    ['untrained onnx', errorOf({ format: 'onnx', project: plain }), /^ONNX 모델에는 학습된 가중치가 필요한데/],
    ['untrained weights', errorOf({ format: 'weights', project: plain }), /^가중치 내보내기에는 학습된 가중치가 필요한데/],
    ['untrained predictions', errorOf({ format: 'predictions', project: plain }), /^예측에는 학습된 가중치가 필요한데/],
    ['bad weights choice', errorOf({ format: 'pytorch', project: plain, weights: 'best' as ScriptWeights }), /^weights는 initial, trained, fresh 중 하나여야 합니다\("best"이\(가\) 주어졌습니다\)\.$/],
    ['no CSV to predict', errorOf({ format: 'predictions', project: trained, table: null }), /^예측하려면 예측할 CSV가 필요합니다\.$/],
    ['data not prepared', errorOf({ format: 'onnx', project: badData }), /^프로젝트의 데이터를 준비하지 못했습니다: .*zzz/],
    ['no fitted preprocessing', errorOf({ format: 'onnx', project: plain, table: null }), /^프로젝트에 학습으로 맞춘 전처리 값이 없습니다/],
    ['graph errors', errorOf({ format: 'pytorch', project: broken }), /^신경망에 오류가 있습니다: LB303 l: [^]*[가-힣]/],
    ['weights do not fit', errorOf({ format: 'onnx', project: { ...trained, weights: withoutL1 } }), /^프로젝트에 저장된 가중치가 그래프와 맞지 않습니다: 저장된 가중치에 l1의 항목이 없습니다\.$/],
    ['predictions on data without a feature', errorOf({ format: 'predictions', project: trained, predictTable: inspectCsvTable('a,y\n1,2\n') }), /[가-힣].*"b"|"b".*[가-힣]/],
  ];

  it('the cases use every export error', () => {
    const used = new Set(errorCases.flatMap(([, r]) => [r.messageKey, ...literalKeys(r.params)]));
    const keys = ['unknownFormat', 'untrained', 'badWeights', 'noPredictCsv', 'dataNotPrepared', 'noFitted', 'graphErrors', 'weightsDoNotFit', 'other'].map((k) => `export.${k}`);
    expect(keys.filter((k) => !used.has(k))).toEqual([]);
  });

  it.each(errorCases)('export error: %s', (_name, r, korean) => {
    expect(modelText(english, r)).toBe(r.message);
    const text = modelText(ko, r);
    expect(text).toMatch(korean);
    expect(text).not.toMatch(/\{\{|\}\}|undefined|model:|export\./);
  });

  it('every format says its summary, and a warning, in Korean', () => {
    const trainedDropout = trainedOf(withDropout);
    const results = [
      exported({ format: 'pytorch', project: trainedDropout }),
      exported({ format: 'pytorch-ddp', project: plain, weights: 'fresh' }),
      exported({ format: 'onnx', project: trained }),
      exported({ format: 'weights', project: trained }),
      exported({ format: 'predictions', project: trained }),
    ];
    const korean = results.map((r) => {
      if (r.type !== 'ok') throw new Error(r.message);
      expect(modelText(english, r.summary)).toBe(r.summary.message);
      for (const w of r.warnings) expect(modelText(english, w)).toBe(w.message);
      return [modelText(ko, r.summary), ...r.warnings.map((w) => modelText(ko, w))];
    });
    expect(korean).toEqual([
      ['PyTorch 스크립트, 학습된 가중치', '신경망에 드롭아웃이 있습니다. PyTorch는 드롭아웃 마스크를 따로 뽑으므로, 스크립트의 손실은 Layerboard와 다르게 나옵니다.'],
      ['torchrun용 PyTorch 스크립트(DistributedDataParallel), 새로 초기화한 가중치'],
      ['ONNX 모델(추론용): 입력 "input" [batch, 2], 출력 "prediction" [batch, 1]'],
      ['가중치(JSON, PyTorch 배치): 선형 계층 2개'],
      ['예측값 20개'],
    ]);
    expect((results[0] as { summary: { message: string } }).summary.message).toBe('PyTorch script with trained weights');
  });

  it('a compiler warning and a data warning come with the export, in Korean', () => {
    const collapsing = toy([{ id: 'input', type: 'input' }, { id: 'l1', type: 'linear', outFeatures: 3 }, { id: 'l2', type: 'linear', outFeatures: 1 }, { id: 'output', type: 'output', loss: 'mse' }]);
    const table = inspectCsvTable(`a,b,y\n${Array.from({ length: 20 }, (_, i) => `${i},1,${i * 0.5 + 0.25}`).join('\n')}\n`);
    const r = exportProject({ format: 'pytorch', project: collapsing, table });
    if (r.type !== 'ok') throw new Error(r.message);
    const keys = r.warnings.map((w) => w.messageKey);
    expect(keys).toContain('export.diagnostic');
    expect(keys).toContain('export.other');
    for (const w of r.warnings) {
      expect(modelText(english, w)).toBe(w.message);
      const text = modelText(ko, w);
      expect(text).toMatch(/[가-힣]/);
      expect(text).not.toMatch(/\{\{|\}\}|undefined|model:|data:|diagnostics:/);
    }
    expect(modelText(ko, r.warnings.find((w) => w.messageKey === 'export.diagnostic')!)).toMatch(/^LB\d+ l2: /);
  });
});

function inspectCsvTable(text: string): CsvTable {
  const r = inspectCsv(text);
  if (r.type !== 'ok') throw new Error(r.message);
  return r.table;
}

describe('project files that are not valid JSON, in both languages', () => {
  const cases: [string, string, string][] = [
    ['', 'empty', '파일이 비어 있습니다'],
    ['{"a": [1, 2', 'endsEarly', '파일이 너무 일찍 끝납니다(닫는 "}"나 "]"가 빠졌습니다)'],
    ['{"a": "x\ny"}', 'lineBreakInText', '텍스트 안에 줄바꿈이 있습니다(\\n으로 쓰거나 따옴표를 닫으세요)'],
    ['{"a": "x\u0001"}', 'controlInText', '텍스트 안에 제어 문자가 있습니다'],
    ['{"a": "\\u12"}', 'badUnicodeEscape', '\\u 뒤에는 16진수 네 자리가 와야 합니다'],
    ['{"a": "\\q"}', 'badEscape', '텍스트 안에 잘못된 이스케이프 \\q이(가) 있습니다'],
    ['{"a": "x', 'textNotClosed', '텍스트가 닫히지 않았습니다(" 하나가 빠졌습니다)'],
    ['{"a": -}', 'badNumber', '올바른 수가 아닙니다'],
    ['{"a": NaN}', 'nanInfinity', 'NaN과 Infinity는 JSON에서 쓸 수 있는 수가 아닙니다'],
    ['{"a": [1, ]}', 'valueMissing', '"]" 앞에 값이 빠졌습니다(끝에 쉼표가 남았나요?)'],
    ["{\"a\": 'x'}", 'singleQuotes', '텍스트는 큰따옴표로 감싸야 합니다'],
    ['{"a": @}', 'unexpectedChar', '값이 와야 할 자리에 뜻밖의 문자 "@"이(가) 있습니다'],
    ['{"a": 1, }', 'propertyMissing', '"}" 앞에 속성이 빠졌습니다(끝에 쉼표가 남았나요?)'],
    ['{a: 1}', 'expectedName', '큰따옴표로 감싼 속성 이름이 와야 합니다'],
    ['{"a" 1}', 'expectedColon', '속성 이름 뒤에는 ":"가 와야 합니다'],
    ['{"a": 1} x', 'trailingText', 'JSON 값이 끝난 뒤에 뜻밖의 텍스트가 있습니다'],
    ['{"a": 1 "b": 2}', 'expectedCommaOr', '","나 "}"가 와야 합니다'],
  ];

  it('the cases use every reason', () => {
    const keys = [...flattenCatalog(enProject).keys()].filter((k) => k.startsWith('json.')).map((k) => k.slice('json.'.length));
    expect(keys.filter((k) => !cases.some(([, key]) => key === k))).toEqual([]);
  });

  it.each(cases)('%j: %s', (text, key, expected) => {
    const r = parseProject(text, { fileName: 'a.layerboard' });
    if (r.type !== 'error') throw new Error('expected a syntax error');
    const [issue] = r.errors;
    const why = (issue.params?.reason as { key?: string } | undefined)?.key;
    expect(why).toBe(`project:json.${key}`);
    expect(projectIssueText(english, issue)).toBe(issue.message);
    const korean = projectIssueText(ko, issue);
    expect(korean).toMatch(/^"a\.layerboard"은\(는\) 올바른 JSON이 아닙니다: \d+행 \d+열: /);
    expect(korean).not.toMatch(/\{\{|\}\}|project:/);
    expect(korean.endsWith(expected)).toBe(true);
  });
});
