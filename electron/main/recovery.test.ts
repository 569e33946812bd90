import { describe, expect, it } from 'vitest';
import { bootMain } from '../testing/boot-main.ts';
import { DOCUMENTS, FakeFs, settle, USER_DATA, type FakeElectron } from '../testing/fake-electron.ts';
import { createRecoveryService } from './recovery.ts';

const DIR = `${USER_DATA}/recovery`;
const A = '0f8fad5b-d9cb-469f-a165-70867728950e';
const B = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const C = '16fd2706-8baf-433b-82eb-8c7fada847da';
const PROJECT = '/home/user/projects/housing/housing.layerboard';

function copyFile(id: string, fields: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: 'layerboard-recovery', version: 1, id, savedAt: 1_700_000_000_000, projectName: 'Housing', path: PROJECT, text: '{"name":"Housing"}', ...fields });
}

const boot = (setup?: (fake: FakeElectron) => void) => bootMain({ [PROJECT]: '{"name":"housing"}' }, setup);

describe('recovery copies in userData/recovery', () => {
  it('writes a window’s copy atomically, with the project file it belongs to, and removes it on request', async () => {
    const { fake } = await boot();
    const [window] = fake.windows;
    fake.dialog.saveAnswers.push({ canceled: false, filePath: PROJECT });
    const saved = await window.api.saveProject({ text: '{"v":1}', ref: null, suggestedName: 'housing', saveAs: false });
    if (saved.type !== 'ok') throw new Error(saved.type);
    expect(await window.api.writeRecovery({ id: A, text: '{"v":2}', projectName: 'Housing', ref: saved.value.ref })).toEqual({ type: 'ok', value: null });
    const written = JSON.parse(fake.fs.text(`${DIR}/${A}.json`)!);
    expect(written).toMatchObject({ format: 'layerboard-recovery', version: 1, id: A, projectName: 'Housing', path: PROJECT, text: '{"v":2}' });
    expect(fake.fs.writes).toContain(`${DIR}/${A}.json`);
    expect(await window.api.removeRecovery(A)).toEqual({ type: 'ok', value: null });
    expect(fake.fs.text(`${DIR}/${A}.json`)).toBeUndefined();
  });

  it('records no path for a ref that is not the window’s own project', async () => {
    const { fake } = await boot();
    const [window] = fake.windows;
    await window.api.writeRecovery({ id: A, text: '{}', projectName: 'x', ref: null });
    expect(JSON.parse(fake.fs.text(`${DIR}/${A}.json`)!).path).toBeNull();
  });

  it('keeps the copy when the page crashes, removes it when the window closes normally', async () => {
    const { fake } = await boot();
    const [window] = fake.windows;
    await window.api.writeRecovery({ id: A, text: '{}', projectName: 'x', ref: null });
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed' });
    window.close();
    await settle();
    expect(fake.fs.text(`${DIR}/${A}.json`)).toBeDefined();

    const { fake: other } = await boot();
    const [w2] = other.windows;
    await w2.api.writeRecovery({ id: B, text: '{}', projectName: 'y', ref: null });
    w2.close();
    await settle();
    expect(other.fs.text(`${DIR}/${B}.json`)).toBeUndefined();
  });

  it('offers what an earlier session left, each copy to one window, and never a live window’s copy', async () => {
    const { fake, main } = await boot((f) => {
      f.fs.put(`${DIR}/${A}.json`, copyFile(A));
      f.fs.put(`${DIR}/.${B}.json.1a2b.tmp`, 'half a file');
    });
    const [first] = fake.windows;
    const offered = await first.api.listRecovery();
    expect(offered).toEqual({ type: 'ok', value: [{ type: 'ok', id: A, projectName: 'Housing', fileName: 'housing.layerboard', savedAt: 1_700_000_000_000, text: '{"name":"Housing"}' }] });
    await first.api.writeRecovery({ id: C, text: '{}', projectName: 'live', ref: null });
    const second = main.openWindow().window as unknown as typeof first;
    expect(await second.api.listRecovery()).toEqual({ type: 'ok', value: [] });
    // The window it was offered to (a reload) sees it again.
    expect((await first.api.listRecovery()).type).toBe('ok');
    // Only the window it was offered to may write over it or remove it.
    expect((await second.api.writeRecovery({ id: A, text: '{}', projectName: 'x', ref: null })).type).toBe('error');
    expect((await second.api.removeRecovery(A)).type).toBe('error');
    expect(fake.fs.text(`${DIR}/${A}.json`)).toBe(copyFile(A));
  });

  it('restoring gives the window a ref to the project’s file, adopts it, and the copy is the window’s from then on', async () => {
    const { fake } = await boot((f) => f.fs.put(`${DIR}/${A}.json`, copyFile(A)));
    const [window] = fake.windows;
    await window.api.listRecovery();
    const restored = await window.api.restoreRecovery(A);
    if (restored.type !== 'ok') throw new Error(restored.type);
    expect(restored.value.fileName).toBe('housing.layerboard');
    expect(window.representedFilename).toBe(PROJECT);
    // Save writes back to the project's file without asking.
    const saved = await window.api.saveProject({ text: '{"saved":true}', ref: restored.value.ref, suggestedName: 'x', saveAs: false });
    expect(saved.type).toBe('ok');
    expect(fake.dialog.calls.filter((c) => c.kind === 'save')).toHaveLength(0);
    expect(fake.fs.text(PROJECT)).toBe('{"saved":true}');
    expect((await window.api.writeRecovery({ id: A, text: '{"v":3}', projectName: 'Housing', ref: restored.value.ref })).type).toBe('ok');
    expect(JSON.parse(fake.fs.text(`${DIR}/${A}.json`)!).text).toBe('{"v":3}');
    await window.api.removeRecovery(A);
    expect(fake.fs.text(`${DIR}/${A}.json`)).toBeUndefined();
  });

  it('reports a damaged copy by its file name and leaves it in place: not removed, not restored, not overwritten', async () => {
    const damaged = [
      { id: A, content: '{"format":"layerboard-recovery","version":1,"id":"' }, // truncated
      { id: B, content: JSON.stringify({ some: 'other json' }) },
      { id: C, content: copyFile(A) }, // the id inside differs from the file's name
    ];
    const { fake } = await boot((f) => { for (const d of damaged) f.fs.put(`${DIR}/${d.id}.json`, d.content); });
    const [window] = fake.windows;
    const listed = await window.api.listRecovery();
    if (listed.type !== 'ok') throw new Error(listed.type);
    expect(listed.value.map((c) => c.type)).toEqual(['error', 'error', 'error']);
    for (const c of listed.value) {
      if (c.type !== 'error') continue;
      expect(c.message).toContain(`“${c.name}”`);
      expect(c.message).toContain('left in the app');
      expect((await window.api.removeRecovery(c.id!)).type).toBe('error');
      expect((await window.api.restoreRecovery(c.id!)).type).toBe('error');
      expect((await window.api.writeRecovery({ id: c.id!, text: '{}', projectName: 'x', ref: null })).type).toBe('error');
    }
    window.close();
    await settle();
    for (const d of damaged) expect(fake.fs.text(`${DIR}/${d.id}.json`)).toBe(d.content);
  });

  it('says its refusals in the window’s language: a damaged copy, another window’s copy, an unknown one, a failed write', async () => {
    const { fake } = await boot((f) => {
      f.fs.put(`${DIR}/${A}.json`, '{"format":"layerboard-recovery","version":1,"id":"');
      f.fs.put(`${DIR}/${B}.json`, JSON.stringify({ some: 'other json' }));
    });
    const [window] = fake.windows;
    window.api.setLocale('ko');
    await settle();
    const listed = await window.api.listRecovery();
    if (listed.type !== 'ok') throw new Error(listed.type);
    const messages = listed.value.map((c) => (c.type === 'error' ? c.message : ''));
    expect(messages[0]).toMatch(new RegExp(`^복구본 “${A}\\.json”을\\(를\\) 읽을 수 없습니다: 올바른 JSON이 아닙니다\\(.+\\)\\. 앱의 복구 폴더에 그대로 남겨 두었습니다\\.$`));
    expect(messages[1]).toBe(`복구본 “${B}.json”을(를) 읽을 수 없습니다: Layerboard 복구본이 아닙니다. 앱의 복구 폴더에 그대로 남겨 두었습니다.`);
    expect(await window.api.writeRecovery({ id: A, text: '{}', projectName: 'x', ref: null })).toEqual({ type: 'error', message: '그 복구본은 다른 창의 것입니다.' });
    expect(await window.api.removeRecovery(C)).toEqual({ type: 'error', message: '알 수 없는 복구본입니다.' });
    expect(await window.api.restoreRecovery(C)).toEqual({ type: 'error', message: '알 수 없는 복구본입니다.' });
    fake.fs.failWrites = Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
    expect(await window.api.writeRecovery({ id: C, text: '{}', projectName: 'x', ref: null })).toEqual({ type: 'error', message: '복구본을 저장하지 못했습니다(읽기 전용 디스크입니다).' });
    fake.fs.failWrites = null;
    window.api.setLocale('en');
    await settle();
    expect(await window.api.removeRecovery(B)).toEqual({ type: 'error', message: 'Unknown recovery copy.' });
  });

  it('a removal waits for a write still in progress, so a saved project leaves no copy behind', async () => {
    const fs = new FakeFs();
    let finishWrite: () => void = () => undefined;
    const slowFs = Object.assign(Object.create(fs) as FakeFs, {
      writeFileAtomic: (path: string, data: string) => new Promise<void>((resolve) => { finishWrite = () => { void fs.writeFileAtomic(path, data).then(resolve); }; }),
    });
    const service = createRecoveryService<string>({ dir: DIR, fs: slowFs });
    const writing = service.write('w1', { id: A, text: '{}', projectName: 'x', ref: null }, null);
    await settle();
    const removing = service.remove('w1', A);
    finishWrite();
    await writing;
    await removing;
    expect(fs.text(`${DIR}/${A}.json`)).toBeUndefined();
  });

  it('refuses malformed requests before main acts', async () => {
    const { fake } = await boot();
    const [window] = fake.windows;
    const raw = window.renderer.ipcRenderer;
    await expect(raw.invoke('layerboard:write-recovery', { id: '../../etc/passwd', text: '', projectName: '', ref: null })).rejects.toThrow('Request refused');
    await expect(raw.invoke('layerboard:write-recovery', { id: A, text: '', projectName: '', ref: null, path: '/tmp/x' })).rejects.toThrow('Request refused');
    await expect(raw.invoke('layerboard:remove-recovery', { id: 'A' })).rejects.toThrow('Request refused');
    await expect(raw.invoke('layerboard:save-export', { bytes: 'text', suggestedName: 'a', extension: 'py', filterName: 'x' })).rejects.toThrow('Request refused');
    await expect(raw.invoke('layerboard:save-export', { bytes: new Uint8Array(1), suggestedName: 'a', extension: '../py', filterName: 'x' })).rejects.toThrow('Request refused');
    expect(fake.fs.writes).toEqual([]);
  });
});

describe('saving an export through main’s dialog', () => {
  it('asks where, starting in the project’s folder, writes atomically and says where it went', async () => {
    const { fake } = await boot();
    const [window] = fake.windows;
    fake.dialog.saveAnswers.push({ canceled: false, filePath: `${DOCUMENTS}/model` });
    const bytes = new Uint8Array([8, 7, 1]);
    const result = await window.api.saveExport({ bytes, suggestedName: 'Boston: housing.onnx', extension: 'onnx', filterName: 'ONNX model' });
    expect(result).toEqual({ type: 'ok', value: { name: 'model.onnx', location: DOCUMENTS } });
    expect(fake.dialog.calls.at(-1)!.options).toMatchObject({ defaultPath: `${DOCUMENTS}/Boston- housing.onnx`, filters: [{ name: 'ONNX model', extensions: ['onnx'] }] });
    expect([...fake.fs.files.get(`${DOCUMENTS}/model.onnx`)!]).toEqual([8, 7, 1]);

    fake.dialog.saveAnswers.push({ canceled: true });
    expect(await window.api.saveExport({ bytes, suggestedName: 'm.onnx', extension: 'onnx', filterName: 'ONNX model' })).toEqual({ type: 'cancelled' });
  });
});
