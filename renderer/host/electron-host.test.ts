import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IpcResult, LayerboardApi, TrainerExitPayload } from '../../core/protocol.ts';
import type { TrainerMessage, TrainerRequest } from '../../core/train/protocol.ts';
import { createTrainerSession } from '../../core/train/session.ts';
import { csvText, sampleText } from '../testing/sample.ts';
import { createElectronHost, createElectronTrainer } from './electron-host.ts';

function fakeApi(overrides: Partial<LayerboardApi> = {}): LayerboardApi {
  return {
    openProject: vi.fn(async () => ({ type: 'cancelled' as const })),
    saveProject: vi.fn(async () => ({ type: 'ok' as const, value: { name: 'a.layerboard', ref: 'r' } })),
    openCsv: vi.fn(async () => ({ type: 'cancelled' as const })),
    readRelative: vi.fn(async () => ({ type: 'error' as const, message: 'no' })),
    loadSample: vi.fn(async () => ({ type: 'ok' as const, value: { project: { name: 'p', ref: null, bytes: new Uint8Array() }, csv: { name: 'c', ref: null, bytes: new Uint8Array() } } })),
    setTitle: vi.fn(),
    onMenuCommand: vi.fn(() => () => undefined),
    onOpenFile: vi.fn(() => () => undefined),
    startTrainer: vi.fn(async () => ({ type: 'ok' as const, value: null })),
    stopTrainer: vi.fn(),
    setTrainingActive: vi.fn(),
    setLocale: vi.fn(),
    onTrainerExit: vi.fn(() => () => undefined),
    listRecovery: vi.fn(async () => ({ type: 'ok' as const, value: [] })),
    writeRecovery: vi.fn(async () => ({ type: 'ok' as const, value: null })),
    removeRecovery: vi.fn(async () => ({ type: 'ok' as const, value: null })),
    restoreRecovery: vi.fn(async () => ({ type: 'ok' as const, value: { ref: 'r2', fileName: 'a.layerboard' } })),
    saveExport: vi.fn(async () => ({ type: 'ok' as const, value: { name: 'model.onnx', location: '/home/u/Documents' } })),
    ...overrides,
  };
}

describe('createElectronHost', () => {
  it('is null in a plain browser (no preload API)', () => {
    expect(createElectronHost({})).toBeNull();
    expect(createElectronHost({ layerboard: 'x' })).toBeNull();
    expect(createElectronHost(undefined)).toBeNull();
  });

  it('maps recovery copies and exports onto the preload API', async () => {
    const api = fakeApi();
    const host = createElectronHost({ layerboard: api })!;
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    await host.recovery!.write({ id, text: '{}', projectName: 'P', ref: 'r', fileName: 'p.layerboard' });
    expect(api.writeRecovery).toHaveBeenCalledWith({ id, text: '{}', projectName: 'P', ref: 'r' });
    expect(await host.recovery!.restore(id)).toEqual({ type: 'ok', value: { ref: 'r2', fileName: 'a.layerboard' } });
    await host.recovery!.remove(id);
    expect(api.removeRecovery).toHaveBeenCalledWith(id);
    expect(await host.recovery!.list()).toEqual([]);
    const bytes = new Uint8Array([1, 2, 3]);
    expect(await host.saveExport!({ bytes, suggestedName: 'model.onnx', extension: 'onnx', description: 'ONNX model', mimeType: 'application/octet-stream' }))
      .toEqual({ type: 'ok', value: { name: 'model.onnx', location: '/home/u/Documents', downloaded: false } });
    expect(api.saveExport).toHaveBeenCalledWith({ bytes, suggestedName: 'model.onnx', extension: 'onnx', filterName: 'ONNX model' });
  });

  it('maps every Host call onto the preload API', async () => {
    const api = fakeApi();
    const host = createElectronHost({ layerboard: api })!;
    expect(host.kind).toBe('electron');
    await host.saveProject('{}', { ref: 'r', suggestedName: 'n', saveAs: true });
    expect(api.saveProject).toHaveBeenCalledWith({ text: '{}', ref: 'r', suggestedName: 'n', saveAs: true });
    await host.readRelative('ref', 'data.csv');
    expect(api.readRelative).toHaveBeenCalledWith({ projectRef: 'ref', relativePath: 'data.csv' });
    host.setTitle('T', true);
    expect(api.setTitle).toHaveBeenCalledWith('T', true);
    expect((await host.loadSample()).project.name).toBe('p');
    const listener = () => undefined;
    host.onMenuCommand(listener);
    expect(api.onMenuCommand).toHaveBeenCalledWith(listener);
  });

  it('turns a failed sample load into an exception, as the Host contract says', async () => {
    const host = createElectronHost({ layerboard: fakeApi({ loadSample: async () => ({ type: 'error', message: 'gone' }) }) })!;
    await expect(host.loadSample()).rejects.toThrow('Could not load the sample project: gone');
  });
});

// --- Training over the preload's MessagePort ---------------------------------------------------

const start = (runId: string, epochs: number): TrainerRequest => ({ type: 'start', runId, project: JSON.parse(sampleText), csv: csvText, resume: false, epochs });

/** The page's window as far as the trainer cares: 'message' listeners, and what the preload posts. */
interface FakeWindow {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  listeners: Set<(event: MessageEvent) => void>;
  post(data: unknown, ports: MessagePort[], source?: unknown): void;
}

function fakeWindow(): FakeWindow {
  const listeners = new Set<(event: MessageEvent) => void>();
  const scope: FakeWindow = {
    addEventListener: (_type: 'message', listener: (event: MessageEvent) => void) => { listeners.add(listener); },
    removeEventListener: (_type: 'message', listener: (event: MessageEvent) => void) => { listeners.delete(listener); },
    listeners,
    /** What window.postMessage(message, '*', ports) from the preload looks like to the page. */
    post(data: unknown, ports: MessagePort[], source: unknown = scope) {
      for (const listener of [...listeners]) listener({ data, ports, source } as unknown as MessageEvent);
    },
  };
  return scope;
}

/** A trainer API whose main answers when told, and whose exits the test fires. */
function trainerApi() {
  const exitListeners = new Set<(exit: TrainerExitPayload) => void>();
  let answer!: (result: IpcResult<null>) => void;
  const api = fakeApi({
    startTrainer: vi.fn(() => new Promise<IpcResult<null>>((resolve) => { answer = resolve; })),
    onTrainerExit: vi.fn((listener: (exit: TrainerExitPayload) => void) => { exitListeners.add(listener); return () => { exitListeners.delete(listener); }; }),
  });
  return { api, answer: (result: IpcResult<null>) => answer(result), exit: (e: TrainerExitPayload) => { for (const l of [...exitListeners]) l(e); }, exitListeners };
}

/** The utility process's end: core's real trainer session on a Node MessagePort. */
function workerOn(port: MessagePort): () => void {
  const detach = createTrainerSession({
    postMessage: (message) => port.postMessage(message),
    onMessage(listener) {
      const handler = (event: MessageEvent) => listener(event.data);
      port.addEventListener('message', handler);
      return () => port.removeEventListener('message', handler);
    },
  });
  port.start();
  return detach;
}

const channels: MessageChannel[] = [];
function channel(): MessageChannel {
  const c = new MessageChannel();
  channels.push(c);
  return c;
}
afterEach(() => {
  for (const c of channels.splice(0)) { c.port1.close(); c.port2.close(); }
});

function waitFor(trainer: ReturnType<typeof createElectronTrainer>, pred: (m: TrainerMessage) => boolean): Promise<TrainerMessage> {
  return new Promise((resolve) => {
    const off = trainer.onMessage((m) => { if (pred(m)) { off(); resolve(m); } });
  });
}

describe('createTrainer (Electron)', () => {
  it('is part of the Host', () => {
    const host = createElectronHost({ layerboard: fakeApi(), addEventListener: () => undefined, removeEventListener: () => undefined })!;
    expect(typeof host.createTrainer).toBe('function');
  });

  it('asks main for a trainer with its id after listening for the port, queues requests until the port arrives, then trains over it', async () => {
    const window = fakeWindow();
    const { api, answer } = trainerApi();
    const trainer = createElectronTrainer(api, window, 't1');
    expect(window.listeners.size).toBe(1);
    expect(api.startTrainer).toHaveBeenCalledWith('t1');
    const messages: TrainerMessage[] = [];
    trainer.onMessage((m) => messages.push(m));
    trainer.send(start('r1', 20));
    expect(api.setTrainingActive).toHaveBeenLastCalledWith(true);

    const { port1, port2 } = channel();
    workerOn(port2);
    // The port may come before main's answer.
    window.post({ type: 'layerboard.trainer-port', trainerId: 't1' }, [port1]);
    expect(window.listeners.size).toBe(0);
    answer({ type: 'ok', value: null });
    const done = await waitFor(trainer, (m) => m.type === 'finished' || m.type === 'failed');
    expect(done.type).toBe('finished');
    expect(messages[0].type).toBe('ready');
    expect(done.type === 'finished' && done.result.history.epoch.length).toBe(20);
    // The run is over: main no longer needs to ask before closing.
    expect(api.setTrainingActive).toHaveBeenLastCalledWith(false);
    expect(vi.mocked(api.setTrainingActive).mock.calls).toEqual([[true], [false]]);
    trainer.dispose();
  });

  // One row per window message that is not this trainer's port.
  const strangers: [string, unknown, number, 'self' | 'other'][] = [
    ['another trainer’s port', { type: 'layerboard.trainer-port', trainerId: 't2' }, 1, 'self'],
    ['an untagged message', { trainerId: 't1' }, 1, 'self'],
    ['a string', 'layerboard.trainer-port', 1, 'self'],
    ['no port', { type: 'layerboard.trainer-port', trainerId: 't1' }, 0, 'self'],
    ['two ports', { type: 'layerboard.trainer-port', trainerId: 't1' }, 2, 'self'],
    ['a message from another window or frame', { type: 'layerboard.trainer-port', trainerId: 't1' }, 1, 'other'],
  ];
  it.each(strangers)('ignores %s', (_name, data, portCount, source) => {
    const window = fakeWindow();
    const { api } = trainerApi();
    const trainer = createElectronTrainer(api, window, 't1');
    const ports = Array.from({ length: portCount }, () => channel().port1);
    const postSpy = ports.map((p) => vi.spyOn(p, 'postMessage'));
    trainer.send({ type: 'pause', runId: 'r1' });
    window.post(data, ports, source === 'self' ? window : {});
    expect(window.listeners.size).toBe(1);
    expect(postSpy.every((spy) => spy.mock.calls.length === 0)).toBe(true);
    trainer.dispose();
  });

  it('reports a crash main tells it about, once, with main’s sentence, and is finished after it', async () => {
    const window = fakeWindow();
    const { api, exit, exitListeners } = trainerApi();
    const trainer = createElectronTrainer(api, window, 't1');
    const { port1 } = channel();
    window.post({ type: 'layerboard.trainer-port', trainerId: 't1' }, [port1]);
    trainer.send(start('r1', 1000));
    const crashes: string[] = [];
    trainer.onCrash((reason) => crashes.push(reason));
    exit({ trainerId: 'other', reason: 'not ours', exitCode: 1 });
    exit({ trainerId: 't1', reason: 'The training process ran out of memory.', exitCode: 137 });
    exit({ trainerId: 't1', reason: 'again', exitCode: 137 });
    expect(crashes).toEqual(['The training process ran out of memory.']);
    expect(exitListeners.size).toBe(0);
    expect(vi.mocked(api.setTrainingActive).mock.calls).toEqual([[true], [false]]);
    const post = vi.spyOn(port1, 'postMessage');
    trainer.send({ type: 'stop', runId: 'r1' });
    expect(post).not.toHaveBeenCalled();
  });

  it('reports a start main refused as a crash', async () => {
    const window = fakeWindow();
    const { api, answer } = trainerApi();
    const trainer = createElectronTrainer(api, window, 't1');
    const crashes: string[] = [];
    trainer.onCrash((reason) => crashes.push(reason));
    answer({ type: 'error', message: 'The training process could not be started: spawn ENOENT' });
    await Promise.resolve();
    await Promise.resolve();
    expect(crashes).toEqual(['The training process could not be started: spawn ENOENT']);
    expect(window.listeners.size).toBe(0);
    expect(api.stopTrainer).toHaveBeenCalledWith('t1');
  });

  it('dispose closes the port, asks main to end the process, and clears the run in progress', () => {
    const window = fakeWindow();
    const { api } = trainerApi();
    const trainer = createElectronTrainer(api, window, 't1');
    const { port1 } = channel();
    const close = vi.spyOn(port1, 'close');
    window.post({ type: 'layerboard.trainer-port', trainerId: 't1' }, [port1]);
    trainer.send(start('r1', 1000));
    trainer.dispose();
    trainer.dispose();
    expect(close).toHaveBeenCalledTimes(1);
    expect(api.stopTrainer).toHaveBeenCalledTimes(1);
    expect(api.stopTrainer).toHaveBeenCalledWith('t1');
    expect(vi.mocked(api.setTrainingActive).mock.calls).toEqual([[true], [false]]);
  });

  it('keeps reporting a run as active while another start is refused as busy', async () => {
    const window = fakeWindow();
    const { api } = trainerApi();
    const trainer = createElectronTrainer(api, window, 't1');
    const { port1, port2 } = channel();
    workerOn(port2);
    window.post({ type: 'layerboard.trainer-port', trainerId: 't1' }, [port1]);
    trainer.send(start('r1', 100_000));
    await waitFor(trainer, (m) => m.type === 'event' && m.runId === 'r1');
    trainer.send(start('r2', 10));
    const busy = await waitFor(trainer, (m) => m.type === 'failed' && m.runId === 'r2');
    expect(busy.type === 'failed' && busy.reason).toBe('busy');
    expect(vi.mocked(api.setTrainingActive).mock.calls).toEqual([[true]]);
    trainer.send({ type: 'stop', runId: 'r1' });
    await waitFor(trainer, (m) => m.type === 'finished' && m.runId === 'r1');
    expect(vi.mocked(api.setTrainingActive).mock.calls).toEqual([[true], [false]]);
    trainer.dispose();
  });
});
