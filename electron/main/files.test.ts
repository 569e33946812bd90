import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../core/i18n/index.ts';
import { FakeDialog, FakeFs, type FakeWindow } from '../testing/fake-electron.ts';
import { createFileRefs } from './file-refs.ts';
import { createFileService, describeFsError, projectFileName } from './files.ts';
import { checkRelativePath } from './relative-path.ts';
import { renderMessage, translatorFor } from '../../core/i18n/index.ts';

const PARENT = { id: 1 } as unknown as FakeWindow;

function setup() {
  const fs = new FakeFs();
  const dialog = new FakeDialog();
  const refs = createFileRefs();
  const files = createFileService<FakeWindow | null>({ dialog, fs, refs, samplesDir: '/app/assets/samples', documentsDir: '/home/u/Documents', path: posix });
  fs.put('/home/u/p/net.layerboard', '{"name":"net"}');
  fs.put('/home/u/p/data.csv', 'a\n1\n');
  fs.put('/home/u/p/sub/more.csv', 'b\n2\n');
  fs.put('/home/u/secret/id_rsa', 'KEY');
  fs.put('/home/u/p-other/x.csv', 'x\n');
  return { fs, dialog, refs, files };
}

async function openedRef(files: ReturnType<typeof setup>['files'], dialog: FakeDialog, path = '/home/u/p/net.layerboard') {
  dialog.openAnswers.push({ canceled: false, filePaths: [path] });
  const result = await files.openProjectDialog(PARENT);
  if (result.type !== 'ok') throw new Error(result.type);
  return result.value.file.ref!;
}

const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('opening through the dialog', () => {
  it('returns bytes, the file name and an opaque ref; never the path', async () => {
    const { files, dialog, refs } = setup();
    dialog.openAnswers.push({ canceled: false, filePaths: ['/home/u/p/net.layerboard'] });
    const result = await files.openProjectDialog(PARENT);
    if (result.type !== 'ok') throw new Error(result.type);
    expect(result.value.file.name).toBe('net.layerboard');
    expect(text(result.value.file.bytes)).toBe('{"name":"net"}');
    expect(result.value.file.ref).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify({ ...result.value.file, bytes: [] })).not.toContain('/home');
    expect(refs.resolve(result.value.file.ref!, 'project')).toBe('/home/u/p/net.layerboard');
    expect(refs.resolve(result.value.file.ref!, 'csv')).toBeNull();
    expect(dialog.calls[0]).toMatchObject({ kind: 'open', parent: PARENT, options: { filters: [{ extensions: ['layerboard'] }] } });
  });

  it('passes cancel through and reports unreadable files by name', async () => {
    const { files, dialog, fs } = setup();
    dialog.openAnswers.push({ canceled: true, filePaths: [] });
    expect(await files.openProjectDialog(PARENT)).toEqual({ type: 'cancelled' });
    dialog.openAnswers.push({ canceled: false, filePaths: ['/home/u/p/gone.layerboard'] });
    expect(await files.openProjectDialog(PARENT)).toEqual({ type: 'error', message: 'Could not open “gone.layerboard”: the file does not exist (any more).' });
    dialog.openAnswers.push({ canceled: false, filePaths: ['/home/u/p'] });
    expect(await files.openProjectDialog(PARENT)).toMatchObject({ type: 'error', message: expect.stringContaining('not a regular file') });
    fs.put('/home/u/huge.layerboard', new Uint8Array(0));
    const realStat = fs.stat.bind(fs);
    fs.stat = async (p) => (p === '/home/u/huge.layerboard' ? { size: 2 ** 30, isFile: () => true } : realStat(p));
    dialog.openAnswers.push({ canceled: false, filePaths: ['/home/u/huge.layerboard'] });
    expect(await files.openProjectDialog(PARENT)).toMatchObject({ type: 'error', message: expect.stringContaining('more than the') });
  });

  it('imports a CSV with a csv ref that cannot be used to save a project', async () => {
    const { files, dialog, fs } = setup();
    dialog.openAnswers.push({ canceled: false, filePaths: ['/home/u/p/data.csv'] });
    const csv = await files.openCsvDialog(PARENT);
    if (csv.type !== 'ok') throw new Error(csv.type);
    expect(csv.value.name).toBe('data.csv');
    dialog.saveAnswers.push({ canceled: true });
    expect(await files.saveProject(PARENT, { text: 'x', ref: csv.value.ref, suggestedName: 'n', saveAs: false })).toEqual({ type: 'cancelled' });
    expect(dialog.calls.at(-1)!.kind).toBe('save');
    expect(fs.text('/home/u/p/data.csv')).toBe('a\n1\n');
  });
});

describe('saving', () => {
  it('writes atomically to the ref without a dialog', async () => {
    const { files, dialog, fs } = setup();
    const ref = await openedRef(files, dialog);
    const result = await files.saveProject(PARENT, { text: '{"v":2}', ref, suggestedName: 'ignored', saveAs: false });
    expect(result).toEqual({ type: 'ok', value: { saved: { name: 'net.layerboard', ref }, path: '/home/u/p/net.layerboard' } });
    expect(fs.writes).toEqual(['/home/u/p/net.layerboard']);
    expect(dialog.calls.filter((c) => c.kind === 'save')).toHaveLength(0);
  });

  it('Save As starts next to the current file and issues a new ref for the new file', async () => {
    const { files, dialog, fs } = setup();
    const ref = await openedRef(files, dialog);
    dialog.saveAnswers.push({ canceled: false, filePath: '/home/u/p/copy.layerboard' });
    const result = await files.saveProject(PARENT, { text: '{}', ref, suggestedName: 'Net: v2', saveAs: true });
    if (result.type !== 'ok') throw new Error(result.type);
    expect(dialog.calls.at(-1)!.options).toMatchObject({ defaultPath: '/home/u/p/Net- v2.layerboard', title: 'Save Project As' });
    expect(result.value.saved.ref).not.toBe(ref);
    expect(fs.text('/home/u/p/copy.layerboard')).toBe('{}');
    expect(fs.text('/home/u/p/net.layerboard')).toBe('{"name":"net"}');
  });

  it('adds the extension a GTK dialog leaves off, unless that would replace another file', async () => {
    const { files, dialog, fs } = setup();
    dialog.saveAnswers.push({ canceled: false, filePath: '/home/u/Documents/mynet' });
    const a = await files.saveProject(PARENT, { text: 'a', ref: null, suggestedName: 'x', saveAs: false });
    expect(a.type === 'ok' && a.value.path).toBe('/home/u/Documents/mynet.layerboard');
    fs.put('/home/u/Documents/taken.layerboard', 'keep');
    dialog.saveAnswers.push({ canceled: false, filePath: '/home/u/Documents/taken' });
    const b = await files.saveProject(PARENT, { text: 'b', ref: null, suggestedName: 'x', saveAs: false });
    expect(b.type === 'ok' && b.value.path).toBe('/home/u/Documents/taken');
    expect(fs.text('/home/u/Documents/taken.layerboard')).toBe('keep');
  });

  it('reports a failed write and refuses text over the project size limit', async () => {
    const { files, dialog, fs } = setup();
    const ref = await openedRef(files, dialog);
    fs.failWrites = Object.assign(new Error('ENOSPC: no space left'), { code: 'ENOSPC' });
    expect(await files.saveProject(PARENT, { text: '{}', ref, suggestedName: '', saveAs: false })).toEqual({ type: 'error', message: 'Could not save “net.layerboard”: the disk is full.' });
    expect(fs.text('/home/u/p/net.layerboard')).toBe('{"name":"net"}');
    const big = 'x'.repeat(128 * 1024 * 1024);
    const huge = await files.saveProject(PARENT, { text: big + big + big + 'é', ref, suggestedName: '', saveAs: false });
    expect(huge).toMatchObject({ type: 'error', message: expect.stringContaining('more than the') });
  });

  // One row per awkward title.
  const names: [string, string][] = [
    ['Deep regression', 'Deep regression.layerboard'],
    ['a/b\\c:d*e?f"g<h>i|j', 'a-b-c-d-e-f-g-h-i-j.layerboard'],
    ['  spaced   out  ', 'spaced out.layerboard'],
    ['net.layerboard', 'net.layerboard'],
    ['...', 'Untitled.layerboard'],
    ['', 'Untitled.layerboard'],
    ['CON', '_CON.layerboard'],
    ['lpt1', '_lpt1.layerboard'],
    ['tab\there\u0007', 'tabhere.layerboard'],
    ['x'.repeat(300), `${'x'.repeat(100)}.layerboard`],
  ];
  it.each(names)('names a file for the title %j', (title, expected) => {
    expect(projectFileName(title)).toBe(expected);
  });
});

describe('readRelative', () => {
  // The rule in relative-path.ts, one row per case: the path and whether it may be read.
  const rows: [string, string | null][] = [
    ['data.csv', 'a\n1\n'],
    ['sub/more.csv', 'b\n2\n'],
    ['../secret/id_rsa', null],
    ['sub/../../secret/id_rsa', null],
    ['..', null],
    ['./data.csv', null],
    ['sub//more.csv', null],
    ['/home/u/secret/id_rsa', null],
    ['C:/Windows/win.ini', null],
    ['c:data.csv', null],
    ['data.csv:stream', null],
    ['\\\\server\\share\\x.csv', null],
    ['..\\secret\\id_rsa', null],
    ['sub\\more.csv', null],
    ['data.csv\u0000.txt', null],
    ['missing.csv', null],
    ['sub', null],
    ['../p-other/x.csv', null],
  ];

  it.each(rows)('%j', async (relativePath, expected) => {
    const { files, dialog } = setup();
    const projectRef = await openedRef(files, dialog);
    const result = await files.readRelative({ projectRef, relativePath });
    if (expected === null) expect(result.type).toBe('error');
    else expect(result.type === 'ok' && text(result.value.bytes)).toBe(expected);
  });

  it('refuses a symlink inside the project folder that leads out of it', async () => {
    const { files, dialog, fs } = setup();
    fs.links.set('/home/u/p/link.csv', '/home/u/secret/id_rsa');
    fs.links.set('/home/u/p/linkdir', '/home/u/secret');
    const projectRef = await openedRef(files, dialog);
    expect(await files.readRelative({ projectRef, relativePath: 'link.csv' })).toMatchObject({ type: 'error', message: expect.stringContaining('outside the project folder') });
    expect((await files.readRelative({ projectRef, relativePath: 'linkdir/id_rsa' })).type).toBe('error');
  });

  it('follows a symlinked project folder (the real folder is what counts)', async () => {
    const { files, dialog, fs } = setup();
    fs.links.set('/home/u/alias', '/home/u/p');
    const projectRef = await openedRef(files, dialog, '/home/u/alias/net.layerboard');
    expect((await files.readRelative({ projectRef, relativePath: 'data.csv' })).type).toBe('ok');
  });

  it('needs a project ref main issued', async () => {
    const { files, dialog } = setup();
    dialog.openAnswers.push({ canceled: false, filePaths: ['/home/u/p/data.csv'] });
    const csv = await files.openCsvDialog(PARENT);
    const csvRef = csv.type === 'ok' ? csv.value.ref! : '';
    expect(await files.readRelative({ projectRef: null, relativePath: 'data.csv' })).toMatchObject({ type: 'error', message: expect.stringContaining('not been saved') });
    expect(await files.readRelative({ projectRef: '3f2b8c1e-9a4d-4e6f-8b1a-2c3d4e5f6a7b', relativePath: 'data.csv' })).toEqual({ type: 'error', message: 'Unknown project; open it again.' });
    expect(await files.readRelative({ projectRef: csvRef, relativePath: 'data.csv' })).toEqual({ type: 'error', message: 'Unknown project; open it again.' });
  });

  it('checkRelativePath explains a refusal', () => {
    expect(checkRelativePath('../x.csv')).toMatchObject({ type: 'error', message: expect.stringContaining('Import CSV') });
    expect(checkRelativePath('a/b/c.csv')).toEqual({ type: 'ok', segments: ['a', 'b', 'c.csv'] });
  });

  it.each([
    ['', '“”이(가) 비어 있습니다'],
    ['a\u0007.csv', '“a\u0007.csv”에 제어 문자가 들어 있습니다'],
    ['data\\x.csv', '“data\\x.csv”에 역슬래시(\\)가 쓰였습니다. 프로젝트 파일은 CSV 경로를 슬래시(/)로 적습니다'],
    ['/x.csv', '“/x.csv”은(는) 절대 경로입니다. 프로젝트 파일이 있는 곳을 기준으로 한 상대 경로여야 합니다'],
    ['C:x.csv', '“C:x.csv”에 ":"(드라이브 문자나 스트림 이름)이 들어 있습니다'],
    ['a//x.csv', '“a//x.csv”에 비어 있거나 "."인 부분이 있습니다'],
    ['../x.csv', '“../x.csv”은(는) 프로젝트 폴더 밖으로 나갑니다(".."). 대신 파일 › CSV 가져오기로 CSV를 가져오세요'],
  ])('checkRelativePath(%j) says why in English and in Korean', (path, korean) => {
    const checked = checkRelativePath(path);
    if (checked.type !== 'error') throw new Error('expected a refusal');
    expect(renderMessage(translatorFor('en'), `desktop:${checked.messageKey}`, checked.params)).toBe(checked.message);
    expect(checked.message.startsWith(`“${path}” `)).toBe(true);
    expect(renderMessage(translatorFor('ko'), `desktop:${checked.messageKey}`, checked.params)).toBe(korean);
  });
});

describe('the sample and errors', () => {
  it('loads the bundled sample without refs', async () => {
    const { files, fs } = setup();
    fs.put('/app/assets/samples/deep-regression.layerboard', '{}');
    fs.put('/app/assets/samples/boston-housing.csv', 'CRIM\n');
    const sample = await files.loadSample();
    expect(sample).toMatchObject({ type: 'ok', value: { project: { name: 'deep-regression.layerboard', ref: null }, csv: { name: 'boston-housing.csv', ref: null } } });
    const missing = createFileService({ dialog: new FakeDialog(), fs: new FakeFs(), refs: createFileRefs(), samplesDir: '/nowhere', documentsDir: '/d', path: posix });
    expect((await missing.loadSample()).type).toBe('error');
  });

  it('describes file-system errors without paths', () => {
    expect(describeFsError(Object.assign(new Error("EACCES: permission denied, open '/home/u/x'"), { code: 'EACCES' }))).toBe('permission denied');
    expect(describeFsError(new Error("weird failure at '/home/u/x'"))).toBe('weird failure at');
    expect(describeFsError('?')).toBe('unknown error');
  });
});

describe('in the window’s language', () => {
  it('titles its dialogs, names its filters and reports errors in the language `t` gives, asked at each use', async () => {
    const fs = new FakeFs();
    const dialog = new FakeDialog();
    let locale: 'en' | 'ko' = 'ko';
    const files = createFileService<FakeWindow | null>({
      dialog, fs, refs: createFileRefs(), samplesDir: '/app', documentsDir: '/home/u/Documents', path: posix, t: () => createTranslator(locale).t,
    });
    fs.put('/home/u/p/data.csv', 'a\n1\n');
    dialog.openAnswers.push({ canceled: false, filePaths: ['/home/u/p/gone.layerboard'] });
    expect(await files.openProjectDialog(PARENT)).toEqual({ type: 'error', message: '“gone.layerboard”을(를) 열 수 없습니다(파일이 없습니다).' });
    expect(dialog.calls[0].options).toMatchObject({ title: '프로젝트 열기', filters: [{ name: 'Layerboard 프로젝트', extensions: ['layerboard'] }] });
    dialog.openAnswers.push({ canceled: false, filePaths: ['/home/u/p'] });
    expect(await files.openCsvDialog(PARENT)).toEqual({ type: 'error', message: '“p”을(를) 열 수 없습니다. 일반 파일이 아닙니다.' });
    expect(dialog.calls[1].options).toMatchObject({ title: 'CSV 가져오기', filters: [{ name: 'CSV 데이터' }, { name: '모든 파일' }] });
    dialog.saveAnswers.push({ canceled: true });
    await files.saveProject(PARENT, { text: '{}', ref: null, suggestedName: 'Net', saveAs: true });
    expect(dialog.calls[2].options).toMatchObject({ title: '다른 이름으로 프로젝트 저장' });
    expect(await files.readRelative({ projectRef: null, relativePath: 'data.csv' })).toEqual({
      type: 'error', message: '이 프로젝트는 아직 저장되지 않아 데이터를 읽어 올 폴더가 없습니다. 파일 › CSV 가져오기를 사용하세요.',
    });
    // The language switches: the next message follows.
    locale = 'en';
    dialog.openAnswers.push({ canceled: false, filePaths: ['/home/u/p/gone.layerboard'] });
    expect(await files.openProjectDialog(PARENT)).toEqual({ type: 'error', message: 'Could not open “gone.layerboard”: the file does not exist (any more).' });
    expect(dialog.calls[3].options).toMatchObject({ title: 'Open Project' });
  });

  it('describes file-system errors in the given language, keeping the OS’s own text for the rest', () => {
    const ko = createTranslator('ko').t;
    expect(describeFsError(Object.assign(new Error('EACCES'), { code: 'EACCES' }), ko)).toBe('권한이 없습니다');
    expect(describeFsError(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }), ko)).toBe('디스크가 가득 찼습니다');
    expect(describeFsError('?', ko)).toBe('알 수 없는 오류');
    expect(describeFsError(new Error("weird failure at '/home/u/x'"), ko)).toBe('weird failure at');
  });
});
