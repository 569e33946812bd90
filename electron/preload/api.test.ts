// Lives beside the preload, so it follows the preload's lint rule: nothing but types from outside this folder.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IpcChannel, TrainerExitPayload, TrainerPortMessage } from '../../core/protocol.ts';
import { createLayerboardApi, type IpcRendererLike, type PageWindowLike } from './api.ts';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpc() {
  const calls: { method: string; channel: string; args: unknown[] }[] = [];
  const listeners = new Map<string, Set<Listener>>();
  const ipc: IpcRendererLike = {
    invoke: async (channel, ...args) => { calls.push({ method: 'invoke', channel, args }); return { type: 'cancelled' }; },
    send: (channel, ...args) => { calls.push({ method: 'send', channel, args }); },
    on: (channel, listener) => { calls.push({ method: 'on', channel, args: [] }); (listeners.get(channel) ?? listeners.set(channel, new Set()).get(channel)!).add(listener); },
    removeListener: (channel, listener) => { calls.push({ method: 'removeListener', channel, args: [] }); listeners.get(channel)?.delete(listener); },
  };
  const emit = (channel: string, ...args: unknown[]) => { for (const l of listeners.get(channel) ?? []) l({ sender: 'the ipcRenderer itself' }, ...args); };
  /** What webContents.postMessage delivers: the ports ride on the event. */
  const emitWithPorts = (channel: string, message: unknown, ports: unknown[]) => { for (const l of listeners.get(channel) ?? []) l({ sender: 'the ipcRenderer itself', ports }, message); };
  return { ipc, calls, emit, emitWithPorts, listeners };
}

function fakePage() {
  const posted: { message: TrainerPortMessage; targetOrigin: string; transfer: unknown[] }[] = [];
  const page: PageWindowLike = { postMessage: (message, targetOrigin, transfer) => { posted.push({ message, targetOrigin, transfer }); } };
  return { page, posted };
}

const CHANNELS: (typeof IpcChannel)[keyof typeof IpcChannel][] = [
  'layerboard:open-project', 'layerboard:save-project', 'layerboard:open-csv', 'layerboard:read-relative', 'layerboard:load-sample',
  'layerboard:set-title', 'layerboard:open-file-ready', 'layerboard:menu-command', 'layerboard:open-file',
  'layerboard:start-trainer', 'layerboard:stop-trainer', 'layerboard:set-training-active', 'layerboard:trainer-port', 'layerboard:trainer-exit', 'layerboard:set-locale',
];

describe('window.layerboard', () => {
  it('is a handful of named functions and nothing else', () => {
    const api = createLayerboardApi(fakeIpc().ipc);
    expect(Object.keys(api).sort()).toEqual([
      'listRecovery', 'loadSample', 'onMenuCommand', 'onOpenFile', 'onTrainerExit', 'openCsv', 'openProject', 'readRelative', 'removeRecovery',
      'restoreRecovery', 'saveExport', 'saveProject', 'setLocale', 'setTitle', 'setTrainingActive', 'startTrainer', 'stopTrainer', 'writeRecovery',
    ]);
    expect(Object.values(api).every((v) => typeof v === 'function')).toBe(true);
  });

  it('uses only the protocol’s channels, each in its direction', async () => {
    const { ipc, calls } = fakeIpc();
    const api = createLayerboardApi(ipc);
    await api.openProject();
    await api.openCsv();
    await api.loadSample();
    await api.saveProject({ text: 't', ref: null, suggestedName: 's', saveAs: false });
    await api.readRelative({ projectRef: null, relativePath: 'a.csv' });
    api.setTitle('T', true);
    api.onMenuCommand(() => undefined)();
    api.onOpenFile(() => undefined)();
    await api.startTrainer('t1');
    api.stopTrainer('t1');
    api.setTrainingActive(true);
    api.setLocale('ko');
    api.onTrainerExit(() => undefined)();
    for (const call of calls) expect(CHANNELS).toContain(call.channel);
    expect(calls.filter((c) => c.method === 'invoke').map((c) => c.channel)).toEqual([
      'layerboard:open-project', 'layerboard:open-csv', 'layerboard:load-sample', 'layerboard:save-project', 'layerboard:read-relative', 'layerboard:start-trainer',
    ]);
    expect(calls.filter((c) => c.method === 'send').map((c) => c.channel)).toEqual([
      'layerboard:set-title', 'layerboard:open-file-ready', 'layerboard:stop-trainer', 'layerboard:set-training-active', 'layerboard:set-locale',
    ]);
    expect(calls.filter((c) => c.method === 'on').map((c) => c.channel)).toEqual([
      'layerboard:menu-command', 'layerboard:open-file', 'layerboard:trainer-port', 'layerboard:trainer-exit',
    ]);
  });

  it('forwards only the documented request fields', async () => {
    const { ipc, calls } = fakeIpc();
    const api = createLayerboardApi(ipc);
    await api.saveProject({ text: 't', ref: null, suggestedName: 's', saveAs: true, path: '/etc/passwd' } as never);
    expect(calls[0].args).toEqual([{ text: 't', ref: null, suggestedName: 's', saveAs: true }]);
  });

  it('gives listeners the payload, never the IPC event, and drops malformed payloads', () => {
    const { ipc, emit } = fakeIpc();
    const api = createLayerboardApi(ipc);
    const seen: unknown[][] = [];
    api.onMenuCommand((...args: unknown[]) => seen.push(args));
    api.onOpenFile((...args: unknown[]) => seen.push(args));
    emit('layerboard:menu-command', 'save');
    emit('layerboard:menu-command', 'openSample');
    emit('layerboard:menu-command', 'rm -rf');
    emit('layerboard:menu-command', { command: 'save' });
    const file = { name: 'a.layerboard', ref: null, bytes: new Uint8Array([1]) };
    emit('layerboard:open-file', file);
    emit('layerboard:open-file', { name: 'a', ref: 5, bytes: [] });
    expect(seen).toEqual([['save'], ['openSample'], [file]]);
  });

  it('tells main once that files may be delivered, and unsubscribes cleanly', () => {
    const { ipc, calls, emit, listeners } = fakeIpc();
    const api = createLayerboardApi(ipc);
    const got: string[] = [];
    const off1 = api.onOpenFile((f) => got.push(`1:${f.name}`));
    const off2 = api.onOpenFile((f) => got.push(`2:${f.name}`));
    expect(calls.filter((c) => c.channel === 'layerboard:open-file-ready')).toHaveLength(1);
    off1();
    emit('layerboard:open-file', { name: 'x', ref: null, bytes: new Uint8Array() });
    expect(got).toEqual(['2:x']);
    off2();
    expect(listeners.get('layerboard:open-file')!.size).toBe(0);
  });
});

describe('training through window.layerboard', () => {
  it('sends the trainer calls with exactly the documented fields', async () => {
    const { ipc, calls } = fakeIpc();
    const api = createLayerboardApi(ipc);
    await api.startTrainer('t-1');
    api.stopTrainer('t-1');
    api.setTrainingActive(true);
    api.setTrainingActive(false);
    expect(calls.filter((c) => c.method !== 'on').map((c) => [c.channel, c.args])).toEqual([
      ['layerboard:start-trainer', [{ trainerId: 't-1' }]],
      ['layerboard:stop-trainer', [{ trainerId: 't-1' }]],
      ['layerboard:set-training-active', [{ active: true }]],
      ['layerboard:set-training-active', [{ active: false }]],
    ]);
  });

  it('listens for trainer ports before asking main, once, and hands each port to the page with its trainer id', async () => {
    const { ipc, calls, emitWithPorts } = fakeIpc();
    const { page, posted } = fakePage();
    const api = createLayerboardApi(ipc, page);
    await api.startTrainer('t1');
    await api.startTrainer('t2');
    const order = calls.map((c) => `${c.method} ${c.channel}`);
    expect(order.indexOf('on layerboard:trainer-port')).toBeLessThan(order.indexOf('invoke layerboard:start-trainer'));
    expect(order.filter((o) => o === 'on layerboard:trainer-port')).toHaveLength(1);

    const port = { name: 'a MessagePort' };
    emitWithPorts('layerboard:trainer-port', { trainerId: 't2' }, [port]);
    expect(posted).toEqual([{ message: { type: 'layerboard.trainer-port', trainerId: 't2' }, targetOrigin: '*', transfer: [port] }]);
    // The page never gets the IPC event: only the tagged message and the port.
    expect(posted[0].transfer[0]).toBe(port);
  });

  // One row per malformed port delivery; none reaches the page.
  const badDeliveries: [string, unknown, unknown[] | undefined][] = [
    ['no port', { trainerId: 't1' }, []],
    ['two ports', { trainerId: 't1' }, [{}, {}]],
    ['no ports field', { trainerId: 't1' }, undefined],
    ['no trainer id', {}, [{}]],
    ['a trainer id that is not a token', { trainerId: '<script>' }, [{}]],
    ['a payload that is not an object', 't1', [{}]],
  ];
  it.each(badDeliveries)('drops a port delivery with %s', async (_name, payload, ports) => {
    const { ipc, listeners } = fakeIpc();
    const { page, posted } = fakePage();
    await createLayerboardApi(ipc, page).startTrainer('t1');
    for (const l of listeners.get('layerboard:trainer-port') ?? []) l(ports === undefined ? {} : { ports }, payload);
    expect(posted).toEqual([]);
  });

  it('passes trainer exits on as data and drops malformed ones', () => {
    const { ipc, emit } = fakeIpc();
    const api = createLayerboardApi(ipc);
    const seen: unknown[][] = [];
    api.onTrainerExit((...args: unknown[]) => seen.push(args));
    const exit: TrainerExitPayload = { trainerId: 't1', reason: 'The training process crashed.', exitCode: 11 };
    emit('layerboard:trainer-exit', exit);
    emit('layerboard:trainer-exit', { ...exit, exitCode: null });
    emit('layerboard:trainer-exit', { trainerId: 't1', reason: 5, exitCode: 1 });
    emit('layerboard:trainer-exit', 'crashed');
    expect(seen).toEqual([[exit], [{ ...exit, exitCode: null }]]);
  });
});

describe('the preload’s imports', () => {
  it('takes only electron as a value, and only types from anywhere else (it runs sandboxed)', () => {
    const dir = import.meta.dirname;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const source = readFileSync(join(dir, file), 'utf8');
      const imports = [...source.matchAll(/^import\s+(type\s+)?[^'"]*?from\s+'([^']+)'/gms)].map((m) => ({ typeOnly: Boolean(m[1]), from: m[2] }));
      for (const { typeOnly, from } of imports) {
        const allowed = typeOnly || from === 'electron' || from.startsWith('./');
        expect(allowed, `${file} imports ${from}`).toBe(true);
      }
      expect(source).not.toMatch(/\brequire\(/);
    }
  });
});
