import { describe, expect, it, vi } from 'vitest';
import type { LayerboardApi } from '../../core/protocol.ts';
import { createElectronHost } from './electron-host.ts';

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
    ...overrides,
  };
}

describe('createElectronHost', () => {
  it('is null in a plain browser (no preload API)', () => {
    expect(createElectronHost({})).toBeNull();
    expect(createElectronHost({ layerboard: 'x' })).toBeNull();
    expect(createElectronHost(undefined)).toBeNull();
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
