import { describe, expect, it } from 'vitest';
import { BrowserHost } from './browser-host.ts';

/** The bits of a window the host touches, with a File System Access picker or without one. */
function fakeWindow(picker?: (options: { suggestedName?: string; types?: unknown[] }) => Promise<unknown>) {
  const clicked: { download: string; href: string }[] = [];
  const doc = {
    title: '',
    body: { append: () => undefined },
    createElement: () => {
      const a = { href: '', download: '', style: {} as Record<string, string>, click: () => clicked.push({ download: a.download, href: a.href }), remove: () => undefined };
      return a;
    },
  };
  const win = {
    document: doc,
    navigator: {},
    isSecureContext: true,
    addEventListener: () => undefined,
    ...(picker ? { showSaveFilePicker: picker } : {}),
  };
  return { win: win as unknown as Window, clicked };
}

const FILE = { bytes: new TextEncoder().encode('import torch\n'), suggestedName: 'boston.py', extension: 'py', description: 'PyTorch script', mimeType: 'text/x-python' };

describe('BrowserHost.saveExport', () => {
  it('downloads the file where the browser has no file picker, and says so', async () => {
    const { win, clicked } = fakeWindow();
    const result = await new BrowserHost(win).saveExport(FILE);
    expect(result).toEqual({ type: 'ok', value: { name: 'boston.py', location: null, downloaded: true } });
    expect(clicked).toHaveLength(1);
    expect(clicked[0].download).toBe('boston.py');
    expect(clicked[0].href).toMatch(/^blob:/);
  });

  it('writes through the File System Access picker, offering the format and the name', async () => {
    const written: unknown[] = [];
    let asked: { suggestedName?: string; types?: unknown[] } = {};
    const { win, clicked } = fakeWindow(async (options) => {
      asked = options;
      return {
        name: 'mine.py',
        getFile: async () => new Blob([]),
        createWritable: async () => ({ write: async (data: unknown) => { written.push(data); }, close: async () => undefined }),
      };
    });
    const result = await new BrowserHost(win).saveExport(FILE);
    expect(result).toEqual({ type: 'ok', value: { name: 'mine.py', location: null, downloaded: false } });
    expect(asked.suggestedName).toBe('boston.py');
    expect(asked.types).toEqual([{ description: 'PyTorch script', accept: { 'text/x-python': ['.py'] } }]);
    expect(await (written[0] as Blob).text()).toBe('import torch\n');
    expect(clicked).toEqual([]);
  });

  it('answers cancelled when the user closes the picker', async () => {
    const { win, clicked } = fakeWindow(async () => { throw new DOMException('The user aborted a request.', 'AbortError'); });
    expect(await new BrowserHost(win).saveExport(FILE)).toEqual({ type: 'cancelled' });
    expect(clicked).toEqual([]);
  });
});
