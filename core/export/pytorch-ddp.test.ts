/**
 * The torchrun variant of the exported script, run with two processes on this machine (gloo on
 * CPU, loopback only), against Layerboard's own full-batch run. With the full batch each process
 * gets half of the 506 rows (DistributedSampler, no padding since 506 is even), computes the mean
 * loss over its half, and DistributedDataParallel averages the two gradients: the mean of two
 * equal-sized halves' mean gradients is the gradient of the mean over all rows, so every step is
 * the single-process step and the per-epoch losses must agree within 1e-4 relative. Skipped
 * without torch (failed under CI).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import { createProject, inspectCsv, runTraining, TrainingController } from '../index.ts';
import { describeWithTorch, PYTHON } from '../testing/torch-oracle.ts';
import { exportProject, loadExportModel } from './index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'layerboard-ddp-'));
const csvPath = join(root, 'assets/samples/boston-housing.csv');
const EPOCHS = 8;

/** torchrun beside the interpreter (Debian's /usr/bin/torchrun), else the same launcher as a module. */
const TORCHRUN = existsSync(join(dirname(PYTHON), 'torchrun')) ? [join(dirname(PYTHON), 'torchrun')] : [PYTHON, '-m', 'torch.distributed.run'];

/** A port that was free a moment ago on the loopback interface. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const lecture = JSON.parse(readFileSync(join(root, 'assets/samples/deep-regression.layerboard'), 'utf8'));
const created = createProject({
  name: 'lecture, distributed',
  data: { path: csvPath, features: lecture.data.features, targets: lecture.data.targets, validationSplit: 0 },
  graph: lecture.graph,
  training: { optimizer: { type: 'adam', lr: 0.01 }, epochs: 100, batchSize: null, shuffle: false, seed: 4 },
});
if (created.type !== 'ok') throw new Error(JSON.stringify(created.errors));
const project = created.project;
const imported = inspectCsv(readFileSync(csvPath, 'utf8'));
if (imported.type !== 'ok') throw new Error(imported.message);
const table = imported.table;

describeWithTorch('the exported torchrun script (DistributedDataParallel, 2 processes)', () => {
  let run: { code: number | null; stdout: string; stderr: string };
  let expected: number[] = [];

  beforeAll(async () => {
    const r = exportProject({ format: 'pytorch-ddp', project, table, weights: 'initial', csvPath, fileName: 'ddp.py' });
    if (r.type !== 'ok') throw new Error(r.message);
    const script = join(tmp, 'ddp.py');
    writeFileSync(script, r.content);
    const port = await freePort();
    // --redirects/--tee name a rank that does not exist (9) so that nothing is redirected: Debian's
    // torch 1.13 under Python 3.11 cannot parse their default "0" (its Std flag enum lost NONE).
    const args = [...TORCHRUN.slice(1), '--nnodes=1', '--nproc_per_node=2', '--master_addr=127.0.0.1', `--master_port=${port}`, '--monitor_interval=0.2',
      '--redirects', '9:1', '--tee', '9:1', script, '--epochs', String(EPOCHS), '--json'];
    const torchrun = new Promise<typeof run>((resolve) => {
      const child = spawn(TORCHRUN[0], args, { cwd: tmp, env: { ...process.env, GLOO_SOCKET_IFNAME: 'lo', OMP_NUM_THREADS: '1' } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    const model = loadExportModel(project, table);
    if (model.type !== 'ok') throw new Error(model.message);
    const result = await runTraining(model.plan, { train: model.dataset! }, { settings: { ...project.training, epochs: EPOCHS }, yieldToHost: () => Promise.resolve() }, new TrainingController(), () => {});
    expected = result.history.trainLoss;
    run = await torchrun;
  }, 90_000);

  it('trains, and its per-epoch losses are the single-process full-batch losses', () => {
    expect(run.code, run.stderr.slice(-3000)).toBe(0);
    const lines = run.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    const epochs = lines.filter((l) => 'epoch' in l);
    // Only rank 0 reports.
    expect(epochs.map((l) => l.epoch)).toEqual(Array.from({ length: EPOCHS }, (_, i) => i + 1));
    expect(lines.filter((l) => 'metrics' in l)).toHaveLength(1);
    epochs.forEach((l, e) => {
      const rel = Math.abs(l.train_loss - expected[e]) / expected[e];
      expect(rel, `epoch ${e + 1}: torchrun ${l.train_loss}, Layerboard ${expected[e]}`).toBeLessThan(1e-4);
    });
    expect(epochs[EPOCHS - 1].train_loss).toBeLessThan(epochs[0].train_loss);
  });
});
