import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TrainerMessage, TrainerRequest } from '../../core/train/protocol.ts';
import { createFakeElectron, settle } from '../testing/fake-electron.ts';
import { createFakeChannel, FakeParentPort, type FakeMessagePortMain } from '../testing/fake-message-ports.ts';
import { createMain } from '../main/app.ts';
import { serveTrainer } from './serve-trainer.ts';

const sample = JSON.parse(readFileSync(new URL('../../assets/samples/deep-regression.layerboard', import.meta.url), 'utf8'));
const bostonCsv = readFileSync(new URL('../../assets/samples/boston-housing.csv', import.meta.url));

const start = (runId: string, epochs: number): TrainerRequest => ({
  type: 'start', runId, project: sample, csv: new Uint8Array(bostonCsv), resume: false, epochs,
});

type Finished = Extract<TrainerMessage, { type: 'finished' }>;

/** The page's side of a trainer port: what arrived, and a way to wait for a message. */
function pageSide(port: FakeMessagePortMain) {
  const messages: TrainerMessage[] = [];
  const waiters: { pred: (m: TrainerMessage) => boolean; resolve: (m: TrainerMessage) => void }[] = [];
  port.on('message', (event: { data: TrainerMessage }) => {
    messages.push(event.data);
    for (const w of [...waiters]) if (w.pred(event.data)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(event.data); }
  });
  port.start();
  return {
    messages,
    send: (request: TrainerRequest) => port.postMessage(request),
    next: (pred: (m: TrainerMessage) => boolean) => {
      const found = messages.find(pred);
      return found ? Promise.resolve(found) : new Promise<TrainerMessage>((resolve) => waiters.push({ pred, resolve }));
    },
  };
}

const ended = (runId: string) => (m: TrainerMessage) => (m.type === 'finished' || m.type === 'failed') && m.runId === runId;

describe('the utility-process entry (electron/worker/trainer.ts)', () => {
  afterEach(() => {
    delete (process as { parentPort?: unknown }).parentPort;
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it('takes main’s port from process.parentPort and trains the sample for 20 epochs through core’s session', async () => {
    const parentPort = new FakeParentPort();
    Object.defineProperty(process, 'parentPort', { value: parentPort, configurable: true });
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    await import('./trainer.ts');

    const { port1, port2 } = createFakeChannel();
    parentPort.emit('message', { data: null, ports: [port1] });
    const page = pageSide(port2);
    page.send(start('r1', 20));
    const done = (await page.next(ended('r1'))) as Finished;

    expect(page.messages[0].type).toBe('ready');
    expect(done.type).toBe('finished');
    expect(done.result.reason).toBe('completed');
    expect(done.result.history.epoch).toHaveLength(20);
    expect(Number.isFinite(done.result.trainLoss)).toBe(true);
    expect(done.weights.linear1.weight.shape).toEqual([3, 13]);
    expect(page.messages.some((m) => m.type === 'event' && m.event.type === 'progress')).toBe(true);

    // The page lets go of its end: the process ends itself.
    port2.close();
    await settle();
    expect(exit).toHaveBeenCalledWith(0);
  });
});

describe('serveTrainer', () => {
  it('ignores messages without a port, serves the first port only, and pauses, resumes and stops over it', async () => {
    const parentPort = new FakeParentPort();
    const exits: number[] = [];
    const stop = serveTrainer(parentPort, { exit: (code) => exits.push(code) });
    parentPort.emit('message', { data: 'hello', ports: [] });
    const first = createFakeChannel();
    const second = createFakeChannel();
    parentPort.emit('message', { data: null, ports: [first.port1] });
    parentPort.emit('message', { data: null, ports: [second.port1] });
    expect(first.port1.started).toBe(true);
    expect(second.port1.started).toBe(false);

    const page = pageSide(first.port2);
    page.send(start('r1', 100_000));
    await page.next((m) => m.type === 'event' && m.event.type === 'progress');
    page.send({ type: 'pause', runId: 'r1' });
    await page.next((m) => m.type === 'event' && m.event.type === 'paused');
    page.send({ type: 'resume', runId: 'r1' });
    await page.next((m) => m.type === 'event' && m.event.type === 'resumed');
    page.send({ type: 'stop', runId: 'r1' });
    const done = (await page.next(ended('r1'))) as Finished;
    expect(done.result.reason).toBe('stopped');
    expect(done.result.history.epoch.length).toBeLessThan(100_000);
    expect(exits).toEqual([]);
    stop();
  });

  it('stops a run and ends the process when the page closes its end mid-run', async () => {
    const parentPort = new FakeParentPort();
    const exits: number[] = [];
    serveTrainer(parentPort, { exit: (code) => exits.push(code) });
    const { port1, port2 } = createFakeChannel();
    parentPort.emit('message', { data: null, ports: [port1] });
    const page = pageSide(port2);
    page.send(start('r1', 100_000));
    await page.next((m) => m.type === 'event' && m.event.type === 'progress');
    const before = page.messages.length;
    port2.close();
    await settle();
    expect(exits).toEqual([0]);
    // The run stopped: the worker posts nothing more (its posts would be dropped, so count them at its end).
    await new Promise((resolve) => setTimeout(resolve, 100));
    const posted = port1.postedCount;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(port1.postedCount).toBe(posted);
    expect(page.messages.length).toBe(before);
  });
});

describe('training end to end: page -> main -> utility process, progress over the port', () => {
  it('starts a trainer from the page, trains over the port main handed out, and reports a later crash', async () => {
    const fake = createFakeElectron();
    // Run the real worker code in each fake utility process; it stops when the process ends.
    fake.onFork = (child) => {
      const stop = serveTrainer(child.parentPort, { exit: (code) => child.exit(code) });
      child.once('exit', stop);
    };
    const main = createMain(fake.ports, fake.config);
    fake.app.becomeReady();
    await main.ready;
    await settle();
    const [window] = fake.windows;
    const exits: string[] = [];
    window.api.onTrainerExit((exit) => exits.push(exit.reason));

    expect(await window.api.startTrainer('t1')).toEqual({ type: 'ok', value: null });
    const [{ message, ports }] = window.page.messages;
    expect(message).toEqual({ type: 'layerboard.trainer-port', trainerId: 't1' });
    const page = pageSide(ports[0] as FakeMessagePortMain);
    page.send(start('r1', 20));
    const done = (await page.next(ended('r1'))) as Finished;
    expect(done.type).toBe('finished');
    expect(done.result.history.epoch).toHaveLength(20);
    expect(page.messages.filter((m) => m.type === 'event').length).toBeGreaterThan(1);
    // Main relayed none of it: nothing went over IPC to the window but the port itself.
    expect(window.renderer.received.map((r) => r.channel)).toEqual(['layerboard:trainer-port']);

    // The process dies mid-run: the page hears why and can start again.
    page.send(start('r2', 100_000));
    await page.next((m) => m.type === 'event' && m.event.type === 'progress' && m.runId === 'r2');
    fake.utilityProcesses[0].exit(134);
    expect(exits).toEqual(['The training process stopped unexpectedly (exit code 134).']);
    expect((await window.api.startTrainer('t2')).type).toBe('ok');
    expect(fake.utilityProcesses).toHaveLength(2);

    // Disposing: main ends the process, the worker's port closes, no crash is reported.
    window.api.stopTrainer('t2');
    await settle();
    expect(fake.utilityProcesses[1].exitCode).toBe(15);
    expect(exits).toHaveLength(1);
  });
});
