import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, expectUserError, REPO_ROOT, SHARED } from '../testing/cli.ts';
import { parseProject } from '../project/index.ts';
import { decodeOnnxModel } from '../export/onnx-schema.ts';
import { PYTHON } from '../testing/torch-oracle.ts';

const root = REPO_ROOT;
const shared = SHARED;
const tmp = mkdtempSync(join(tmpdir(), 'layerboard-export-cli-'));
const sample = join(root, 'assets/samples/deep-regression.layerboard');
const trained = join(tmp, 'lecture.layerboard');



describe('export', () => {
  beforeAll(() => {
    const r = cli('train', sample, '--epochs', '20', '--out', trained);
    if (r.status !== 0) throw new Error(r.stderr);
  });

  it('writes the weights in the project file’s own layout', () => {
    const out = join(tmp, 'weights.json');
    const r = cli('export', trained, '--format', 'weights', '-o', out);
    expect(r.status, r.stderr).toBe(0);
    const project = parseProject(readFileSync(trained, 'utf8'));
    expect(project.type === 'ok' && JSON.parse(readFileSync(out, 'utf8'))).toEqual(project.type === 'ok' ? project.project.weights : null);
  });

  it('writes the same predictions CSV as predict', () => {
    const out = join(tmp, 'predictions.csv');
    expect(cli('export', trained, '--format', 'predictions', '-o', out).status).toBe(0);
    const viaPredict = join(tmp, 'predict.csv');
    expect(cli('predict', trained, '--data', join(root, 'assets/samples/boston-housing.csv'), '--out', viaPredict).status).toBe(0);
    const text = readFileSync(out, 'utf8');
    // The same writer; only the prediction's last bits may differ, since predict may run the
    // WebAssembly kernels (float32 sums) and export the TypeScript ones (float64 sums).
    const split = (t: string) => t.trim().split('\n').map((line) => line.split(','));
    const [ours, theirs] = [split(text), split(readFileSync(viaPredict, 'utf8'))];
    expect(ours.map((cells) => cells.slice(0, -1))).toEqual(theirs.map((cells) => cells.slice(0, -1)));
    ours.slice(1).forEach((cells, r) => expect(Math.abs(Number(cells.at(-1)) - Number(theirs[r + 1].at(-1)))).toBeLessThan(1e-5));
    expect(text.split('\n')[0]).toBe('CRIM,ZN,INDUS,CHAS,NOX,RM,AGE,DIS,RAD,TAX,PTRATIO,B,LSTAT,MEDV,MEDV_predicted');
    expect(text.trim().split('\n')).toHaveLength(507);

    // --data predicts on another file: iris has no housing columns, so it is refused by name.
    expectUserError(cli('export', trained, '--format', 'predictions', '--data', join(shared, 'datasets/iris.csv'), '-o', out), /The feature column "CRIM" is not in this file/);
  });

  it('writes an ONNX model with the input and output named', () => {
    const out = join(tmp, 'model.onnx');
    const r = cli('export', trained, '--format', 'onnx', '-o', out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/input "input" \[batch, 13\], output "prediction" \[batch, 1\]/);
    const model = decodeOnnxModel(readFileSync(out)) as { graph: { input: { name: string }[]; output: { name: string }[] } };
    expect(model.graph.input[0].name).toBe('input');
    expect(model.graph.output[0].name).toBe('prediction');
  });

  it('writes PyTorch scripts with trained, initial or fresh weights, reading the CSV relative to the script', () => {
    for (const [format, weights] of [['pytorch', 'trained'], ['pytorch', 'initial'], ['pytorch-ddp', 'fresh']]) {
      const out = join(tmp, `${format}-${weights}.py`);
      const r = cli('export', trained, '--format', format, '--weights', weights, '-o', out);
      expect(r.status, r.stderr).toBe(0);
      const text = readFileSync(out, 'utf8');
      expect(text).toContain(`parser.add_argument('--csv', default='${relative(tmp, join(root, 'assets/samples/boston-housing.csv'))}'`);
      expect(text.includes('weights = {')).toBe(weights !== 'fresh');
      expect(text.includes('DistributedDataParallel(model)')).toBe(format === 'pytorch-ddp');
      if (existsSync(PYTHON)) {
        const compiled = spawnSync(PYTHON, ['-m', 'py_compile', out], { encoding: 'utf8' });
        expect(compiled.status, compiled.stderr).toBe(0);
      }
    }
    // Without --weights a trained project exports its trained weights.
    const out = join(tmp, 'default.py');
    expect(cli('export', trained, '--format', 'pytorch', '-o', out).stderr).toMatch(/with trained weights/);
    expect(readFileSync(out, 'utf8')).toMatch(/--csv', default='[^']*boston-housing\.csv'/);
  });

  it('says plainly what is wrong, with exit 1', () => {
    const out = join(tmp, 'x.out');
    expectUserError(cli('export', trained, '--format', 'keras', '-o', out), /--format must be one of pytorch, pytorch-ddp, onnx, weights, predictions \(got "keras"\)/);
    expectUserError(cli('export', trained, '--format', 'onnx'), /export needs a project, a format and an output file/);
    expectUserError(cli('export', trained, '--format', 'onnx', '--weights', 'fresh', '-o', out), /--weights chooses the starting weights of a PyTorch script/);
    expectUserError(cli('export', trained, '--format', 'pytorch', '--weights', 'best', '-o', out), /--weights must be one of initial, trained, fresh/);
    expectUserError(cli('export', sample, '--format', 'onnx', '-o', out), /needs trained weights, and "Deep regression on Boston housing \(the lecture example\)" has none yet/);
    expectUserError(cli('export', trained, '--format', 'weights', '-o', join(tmp, 'nope', 'w.json')), /Could not save .*w\.json: the folder .*nope does not exist/);
    const moved = join(tmp, 'moved.layerboard');
    const project = JSON.parse(readFileSync(trained, 'utf8'));
    project.data.path = 'gone.csv';
    writeFileSync(moved, JSON.stringify(project));
    expectUserError(cli('export', moved, '--format', 'pytorch', '-o', out), /gone\.csv: the data file was not found/);
    // The fitted preprocessing is stored, so the model itself needs no CSV.
    expect(cli('export', moved, '--format', 'onnx', '-o', join(tmp, 'no-csv.onnx')).status).toBe(0);
  });
});
