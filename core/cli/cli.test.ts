import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliWithEnv, CLI_MAIN, expectUserError, REPO_ROOT, SHARED } from '../testing/cli.ts';
import { parseProject } from '../project/index.ts';

const root = REPO_ROOT;
const shared = SHARED;
const tmp = mkdtempSync(join(tmpdir(), 'layerboard-cli-'));



describe('check', () => {
  it('fails on the lecture bug, naming 13, 1 and the node', () => {
    const r = cli('check', join(shared, 'examples/seed-output-width-bug.layerboard'));
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/error LB303 linear4: linear4 predicts 13 numbers per row, but the target MEDV has 1 column/);
    expect(r.stdout).toMatch(/fix: Set linear4.outFeatures to 1/);
  });

  it('passes the correct example, and --json gives the diagnostics and edge widths', () => {
    expect(cli('check', join(shared, 'examples/seed-regression.layerboard')).status).toBe(0);
    const r = cli('check', join(shared, 'examples/seed-output-width-bug.layerboard'), '--json');
    const report = JSON.parse(r.stdout);
    expect(report.ok).toBe(false);
    expect(report.diagnostics.map((d: { code: string; nodeId: string }) => [d.code, d.nodeId])).toEqual([['LB303', 'linear4']]);
    expect(report.edgeWidths['input->linear1']).toBe(13);
    expect(report.edgeWidths['linear4->output']).toBe(13);
  });

  it('says which file is wrong and where', () => {
    expectUserError(cli('check', join(tmp, 'missing.layerboard')), /missing.layerboard: no such file/);
    const bad = join(tmp, 'bad.layerboard');
    writeFileSync(bad, '{"format": "layerboard", "version": 2,\n  "graph": ');
    expectUserError(cli('check', bad), /bad.layerboard: .*line 2/);
  });

  it('names a field once, in both languages, and a refused setting in Korean', () => {
    const sample = JSON.parse(readFileSync(join(root, 'assets/samples/deep-regression.layerboard'), 'utf8'));
    const wide = join(tmp, 'wide.layerboard');
    writeFileSync(wide, JSON.stringify({ ...sample, weights: undefined, graph: { ...sample.graph, nodes: sample.graph.nodes.map((n: { id: string }) => (n.id === 'linear1' ? { ...n, outFeatures: 70_000 } : n)) } }));
    const where = sample.graph.nodes.findIndex((n: { id: string }) => n.id === 'linear1');
    expectUserError(cli('check', wide), new RegExp(`wide\\.layerboard: graph\\.nodes\\[${where}\\]\\.outFeatures: is 70,000, wider than the limit of 65,536$`, 'm'));
    expectUserError(cliWithEnv({ LANG: 'ko_KR.UTF-8' }, 'check', wide), new RegExp(`wide\\.layerboard: graph\\.nodes\\[${where}\\]\\.outFeatures: 값 70,000이\\(가\\) 한도인 65,536보다 큽니다$`, 'm'));
    const nesterov = join(tmp, 'nesterov.layerboard');
    writeFileSync(nesterov, JSON.stringify({ ...sample, training: { ...sample.training, optimizer: { type: 'sgd', lr: 0.01, nesterov: true } } }));
    expectUserError(cliWithEnv({ LANG: 'ko_KR.UTF-8' }, 'train', nesterov, '--epochs', '1'), /nesterov\.layerboard: 학습 설정: Nesterov 모멘텀을 쓰려면 모멘텀\(momentum\)이 0보다 크고 dampening이 0이어야 합니다\./);
  });
});

describe('language', () => {
  const bug = join(shared, 'examples/seed-output-width-bug.layerboard');

  it('speaks Korean when the locale is Korean, and still exits 1 on the LB303 problem', () => {
    const r = cliWithEnv({ LANG: 'ko_KR.UTF-8' }, 'check', bug);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('seed-output-width-bug.layerboard: 오류 1개, 경고 0개');
    expect(r.stdout).toMatch(/오류 LB303 linear4: linear4은\(는\) 행마다 값 13개를 예측하지만, 타깃 MEDV은\(는\) 열 1개입니다\./);
    expect(r.stdout).toMatch(/고치기: linear4\.outFeatures 값을 1\(으\)로 설정/);
    expect(r.stdout).not.toMatch(/predicts|Set linear4/);
  });

  it('--lang en overrides the locale, and LC_ALL beats LANG', () => {
    const en = cliWithEnv({ LANG: 'ko_KR.UTF-8' }, 'check', bug, '--lang', 'en');
    expect(en.status).toBe(1);
    expect(en.stdout).toMatch(/error LB303 linear4: linear4 predicts 13 numbers per row/);
    expect(cliWithEnv({ LANG: 'en_US.UTF-8' }, '--lang=ko', 'check', bug).stdout).toContain('오류 LB303');
    expect(cliWithEnv({ LANG: 'ko_KR.UTF-8', LC_ALL: 'C' }, 'check', bug).stdout).toContain('error LB303');
    expect(cliWithEnv({ LC_MESSAGES: 'ko_KR.UTF-8' }, 'check', bug).stdout).toContain('오류 LB303');
  });

  it('says its own errors in Korean, and rejects an unknown --lang', () => {
    expectUserError(cliWithEnv({ LANG: 'ko_KR.UTF-8' }, 'check', join(tmp, 'missing.layerboard')), /missing\.layerboard: 파일이 없습니다\./);
    expectUserError(cli('check', bug, '--lang', 'fr'), /--lang must be en or ko \(got "fr"\)/);
    const inspect = cliWithEnv({ LANG: 'ko_KR.UTF-8' }, 'inspect', join(root, 'assets/samples/boston-housing.csv'));
    expect(inspect.status).toBe(0);
    expect(inspect.stdout).toMatch(/boston-housing\.csv: 506행, 14열/);
    expect(inspect.stdout).toMatch(/열 +타입 +결측 +평균/);
  });
});

describe('train and predict', () => {
  const trained = join(tmp, 'trained', 'lecture.layerboard');

  it('says so plainly when the output folder does not exist', () => {
    expectUserError(cli('train', join(root, 'assets/samples/deep-regression.layerboard'), '--epochs', '1', '--out', join(tmp, 'nope', 'x.layerboard')), /Could not save .*x.layerboard: the folder .*nope does not exist/);
  });

  it('trains the lecture sample, saves weights and history, and reopens to continue', () => {
    mkdirSync(dirname(trained), { recursive: true });
    const first = cli('train', join(root, 'assets/samples/deep-regression.layerboard'), '--epochs', '300', '--out', trained);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Trained 300 epochs/);
    expect(first.stdout).toMatch(/train MEDV: MSE [\d.]+ +RMSE [\d.]+ +MAE [\d.]+ +R² -?[\d.]+/);
    const project = parseProject(readFileSync(trained, 'utf8'));
    expect(project.type).toBe('ok');
    if (project.type !== 'ok') return;
    expect(project.project.history?.epoch).toHaveLength(300);
    expect(project.project.weights?.linear1.weight.shape).toEqual([3, 13]);
    // Saved elsewhere, the data path is rebased so that it still points at the sample's CSV.
    expect(resolve(dirname(trained), project.project.data.path)).toBe(join(root, 'assets/samples/boston-housing.csv'));
    expect(project.project.data.hash?.value).toMatch(/^[0-9a-f]{64}$/);

    // Continuing starts from the stored weights: the first new epoch's loss is the last saved one's neighbour, not a fresh start.
    const lines = cli('train', trained, '--epochs', '5', '--json').stdout.trim().split('\n').map((l) => JSON.parse(l));
    const summary = lines.at(-1);
    expect(summary.event).toBe('summary');
    expect(summary.epochs).toBe(5);
    expect(summary.trainLoss).toBeLessThan(project.project.history!.trainLoss[0]);
    expect(Math.abs(summary.trainLoss - project.project.history!.trainLoss.at(-1)!) / summary.trainLoss).toBeLessThan(0.01);
    expect(lines.filter((l) => l.event === 'progress').every((l) => typeof l.trainLoss === 'number' && Array.isArray(l.layers))).toBe(true);
  });

  it('predicts in the target’s original units', () => {
    const outCsv = join(tmp, 'pred.csv');
    const r = cli('predict', trained, '--data', join(shared, 'datasets/boston-housing.csv'), '--out', outCsv);
    expect(r.status, r.stderr).toBe(0);
    const rows = readFileSync(outCsv, 'utf8').trim().split('\n');
    expect(rows[0]).toBe('CRIM,ZN,INDUS,CHAS,NOX,RM,AGE,DIS,RAD,TAX,PTRATIO,B,LSTAT,MEDV,MEDV_predicted');
    expect(rows).toHaveLength(507);
    expect(rows[1].startsWith('0.00632,18,2.31,0,0.538,6.575,65.2,4.09,1,296,15.3,396.9,4.98,24,')).toBe(true);
    const predicted = rows.slice(1).map((l) => Number(l.split(',').at(-1)));
    // Predictions are in $1000s (MEDV's range is 5..50), not standardized units.
    const mean = predicted.reduce((a, b) => a + b, 0) / predicted.length;
    expect(mean).toBeGreaterThan(1);
    expect(predicted.every(Number.isFinite)).toBe(true);
  });

  it('--embed writes a self-contained project that trains with its CSV gone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerboard-embed-'));
    const csv = join(dir, 'data.csv');
    writeFileSync(csv, readFileSync(join(root, 'assets/samples/boston-housing.csv')));
    const project = JSON.parse(readFileSync(join(root, 'assets/samples/deep-regression.layerboard'), 'utf8'));
    project.data.path = 'data.csv';
    writeFileSync(join(dir, 'p.layerboard'), JSON.stringify(project));
    const out = join(dir, 'self-contained.layerboard');
    expect(cli('train', join(dir, 'p.layerboard'), '--epochs', '2', '--out', out, '--embed').status).toBe(0);
    rmSync(csv);
    const again = cli('train', out, '--epochs', '2');
    expect(again.status, again.stderr).toBe(0);
    const saved = parseProject(readFileSync(out, 'utf8'));
    expect(saved.type === 'ok' && saved.project.data.embedded?.startsWith('CRIM,ZN,INDUS')).toBe(true);
    expectUserError(cli('train', join(dir, 'p.layerboard'), '--embed'), /--embed .* needs --out FILE/);
  });

  it('refuses to predict without trained weights', () => {
    expectUserError(cli('predict', join(shared, 'examples/seed-regression.layerboard'), '--data', join(shared, 'datasets/boston-housing.csv')), /has no trained weights yet/);
  });

  it('reports a diverging run with exit 1 and a lower learning rate to try', () => {
    const project = JSON.parse(readFileSync(join(root, 'assets/samples/deep-regression.layerboard'), 'utf8'));
    project.training.optimizer.lr = 10;
    project.data.path = join(root, 'assets/samples/boston-housing.csv');
    const path = join(tmp, 'diverge.layerboard');
    writeFileSync(path, JSON.stringify(project));
    const r = cli('train', path, '--epochs', '200');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/The loss became (NaN|infinite) at epoch \d+, step 1 .* The learning rate \(10\) is probably too high; try 1 or lower/);
  });

  it('classifies iris end to end', () => {
    const path = join(tmp, 'iris.layerboard');
    writeFileSync(path, JSON.stringify({
      format: 'layerboard', version: 2, name: 'iris',
      data: { path: join(shared, 'datasets/iris.csv'), features: ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'], targets: ['species'], validationSplit: 0.2 },
      graph: {
        nodes: [{ id: 'input', type: 'input' }, { id: 'l1', type: 'linear', outFeatures: 16 }, { id: 'r', type: 'relu' }, { id: 'l2', type: 'linear', outFeatures: 3 }, { id: 'output', type: 'output', loss: 'crossEntropy' }],
        edges: [{ from: 'input', to: 'l1' }, { from: 'l1', to: 'r' }, { from: 'r', to: 'l2' }, { from: 'l2', to: 'output' }],
      },
      training: { optimizer: { type: 'adam', lr: 0.01 }, epochs: 100, batchSize: 16, shuffle: true, seed: 3 },
    }));
    const r = cli('train', path, '--json');
    expect(r.status, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
    expect(summary.metrics.train.accuracy).toBeGreaterThan(0.9);
    expect(summary.metrics.validation.classes).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(summary.metrics.validation.confusion.flat().reduce((a: number, b: number) => a + b, 0)).toBe(30);
  });
});

describe('inspect', () => {
  it('reports column types and statistics', () => {
    const r = cli('inspect', join(shared, 'datasets/iris.csv'), '--json');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    const byName = Object.fromEntries(report.columns.map((c: { name: string }) => [c.name, c]));
    expect(byName.species.kind).toBe('categorical');
    expect(byName.sepal_length.kind).toBe('numeric');
    expect(byName.sepal_length.numeric.mean).toBeCloseTo(5.8433, 3);
    expect(byName.sepal_length.numeric.min).toBe(4.3);
  });

  it('names the line of a ragged row and offers to skip it', () => {
    const path = join(tmp, 'ragged.csv');
    writeFileSync(path, 'a,b,c\n1,2,3\n4,5\n6,7,8\n');
    expectUserError(cli('inspect', path), /line 3.*--skip-ragged-rows/);
    expect(cli('inspect', path, '--skip-ragged-rows').status).toBe(0);
  });

  it('rejects bytes that are not UTF-8 and an empty file', () => {
    const bin = join(tmp, 'latin1.csv');
    writeFileSync(bin, Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0x31, 0x2c, 0xe9, 0x0a]));
    expectUserError(cli('inspect', bin), /UTF-8/);
    const empty = join(tmp, 'empty.csv');
    writeFileSync(empty, '');
    expectUserError(cli('inspect', empty), /empty/i);
  });
});

describe('interrupts and usage', () => {
  it('Ctrl-C stops cleanly and saves what was trained', async () => {
    const out = join(tmp, 'interrupted.layerboard');
    const child = spawn(process.execPath, ['--import', 'tsx', CLI_MAIN, 'train', join(root, 'assets/samples/deep-regression.layerboard'), '--epochs', '100000000', '--out', out, '--json'], { cwd: root });
    let stdout = '';
    child.stdout.on('data', (d) => {
      stdout += d;
      if (stdout.includes('"event":"progress"') && !child.killed) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    const summary = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(summary.reason).toBe('stopped');
    const saved = parseProject(readFileSync(out, 'utf8'));
    expect(saved.type === 'ok' && saved.project.history!.epoch.length).toBe(summary.epochs);
  });

  it('unknown commands and options exit 1 with the usage', () => {
    expectUserError(cli('frobnicate'), /Unknown command "frobnicate"[\s\S]*Usage: layerboard/);
    expectUserError(cli('check', '--bogus', 'x'), /Unknown option '--bogus'/);
  });
});
