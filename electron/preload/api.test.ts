// Lives beside the preload, so it follows the preload's lint rule: nothing but types from outside this folder.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IpcChannel } from '../../core/protocol.ts';
import { createLayerboardApi, type IpcRendererLike } from './api.ts';

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
  return { ipc, calls, emit, listeners };
}

const CHANNELS: (typeof IpcChannel)[keyof typeof IpcChannel][] = [
  'layerboard:open-project', 'layerboard:save-project', 'layerboard:open-csv', 'layerboard:read-relative', 'layerboard:load-sample',
  'layerboard:set-title', 'layerboard:open-file-ready', 'layerboard:menu-command', 'layerboard:open-file',
];

describe('window.layerboard', () => {
  it('is a handful of named functions and nothing else', () => {
    const api = createLayerboardApi(fakeIpc().ipc);
    expect(Object.keys(api).sort()).toEqual(['loadSample', 'onMenuCommand', 'onOpenFile', 'openCsv', 'openProject', 'readRelative', 'saveProject', 'setTitle']);
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
    for (const call of calls) expect(CHANNELS).toContain(call.channel);
    expect(calls.filter((c) => c.method === 'invoke').map((c) => c.channel)).toEqual(['layerboard:open-project', 'layerboard:open-csv', 'layerboard:load-sample', 'layerboard:save-project', 'layerboard:read-relative']);
    expect(calls.filter((c) => c.method === 'send').map((c) => c.channel)).toEqual(['layerboard:set-title', 'layerboard:open-file-ready']);
    expect(calls.filter((c) => c.method === 'on').map((c) => c.channel)).toEqual(['layerboard:menu-command', 'layerboard:open-file']);
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
    emit('layerboard:menu-command', 'rm -rf');
    emit('layerboard:menu-command', { command: 'save' });
    const file = { name: 'a.layerboard', ref: null, bytes: new Uint8Array([1]) };
    emit('layerboard:open-file', file);
    emit('layerboard:open-file', { name: 'a', ref: 5, bytes: [] });
    expect(seen).toEqual([['save'], [file]]);
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
