import { describe, expect, it } from 'vitest';
import { IpcChannel, type FilePayload, type TrainerExitPayload } from '../../core/protocol.ts';
import type { FakeMessagePortMain } from '../testing/fake-message-ports.ts';
import { createFakeElectron, DOCUMENTS, FakeContents, PreventableEvent, settle, USER_DATA, type FakeElectron, type FakeWindow } from '../testing/fake-electron.ts';
import { bootMain } from '../testing/boot-main.ts';
import { createMain, documentNameOf, formatWindowTitle, type MainConfig } from './app.ts';
import { APP_INDEX_URL } from './app-url.ts';

const PROJECT = '/home/user/projects/housing/housing.layerboard';
const OTHER = '/home/user/projects/iris/iris.layerboard';

const FILES = { [PROJECT]: '{"name":"housing"}', '/home/user/projects/housing/housing.csv': 'a,b\n1,2\n', [OTHER]: '{"name":"iris"}' };
const boot = (setup?: (fake: FakeElectron) => void, config?: Partial<MainConfig>) => bootMain(FILES, setup, config);

/** What a renderer does on start: listen for files and menu commands. */
function listen(window: FakeWindow) {
  const files: FilePayload[] = [];
  const commands: string[] = [];
  window.api.onOpenFile((file) => files.push(file));
  window.api.onMenuCommand((command) => commands.push(command));
  return { files, commands };
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('startup', () => {
  it('opens one window on app://layerboard/index.html with the secure web preferences', async () => {
    const { fake } = await boot();
    expect(fake.windows).toHaveLength(1);
    const [window] = fake.windows;
    expect(window.loadedUrl).toBe(APP_INDEX_URL);
    expect(window.visible).toBe(true);
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false,
      webSecurity: true, allowRunningInsecureContent: false, webviewTag: false, devTools: false, preload: '/app/out/preload/preload.cjs',
    });
    expect(fake.protocolHandlers.has('app')).toBe(true);
    expect(fake.menus.length).toBeGreaterThan(0);
  });

  it('serves the renderer over app:// with the CSP header, and sets CSP on every other response', async () => {
    const { fake } = await boot();
    const response = await fake.protocolHandlers.get('app')!(new Request('app://layerboard/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    let headers: Record<string, string | string[]> | undefined;
    fake.session.headersListener!({ responseHeaders: { 'content-type': ['text/html'] } }, (r) => { headers = r.responseHeaders; });
    expect(headers!['Content-Security-Policy']).toEqual([expect.stringContaining("default-src 'none'")]);
  });

  it('loads the dev server instead of app:// when one is configured, and trusts its origin', async () => {
    const { fake } = await boot(() => undefined, { devServerUrl: 'http://localhost:5173/', isPackaged: false });
    const [window] = fake.windows;
    expect(window.loadedUrl).toBe('http://localhost:5173/');
    window.renderer.frame = { url: 'http://localhost:5173/', parent: null };
    expect((await window.api.loadSample()).type).toBe('ok');
    window.renderer.frame = { url: 'http://localhost:5174/', parent: null };
    await expect(window.api.loadSample()).rejects.toThrow(/refused/);
  });

  it('quits at once when another instance holds the lock', async () => {
    const fake = createFakeElectron();
    fake.app.lock = false;
    const main = createMain(fake.ports, fake.config);
    expect(main.primary).toBe(false);
    expect(fake.app.quitCalls).toBe(1);
    expect(fake.windows).toHaveLength(0);
  });

  it('gives the page the bundled sample with no refs', async () => {
    const { fake } = await boot();
    const result = await fake.windows[0].api.loadSample();
    if (result.type !== 'ok') throw new Error(result.type);
    expect(result.value.project).toMatchObject({ name: 'deep-regression.layerboard', ref: null });
    expect(text(result.value.csv.bytes)).toContain('CRIM');
  });
});

describe('opening projects from outside', () => {
  it('opens a project named on the command line and delivers it once the page listens', async () => {
    const { fake } = await boot(() => undefined, { argv: ['/opt/Layerboard/layerboard', '--enable-logging', 'projects/housing/housing.layerboard'] });
    expect(fake.windows).toHaveLength(1);
    const [window] = fake.windows;
    expect(window.renderer.received).toHaveLength(0);
    const { files } = listen(window);
    await settle();
    expect(files).toHaveLength(1);
    expect(files[0].name).toBe('housing.layerboard');
    expect(text(files[0].bytes)).toBe('{"name":"housing"}');
    expect(window.representedFilename).toBe(PROJECT);
    expect(fake.app.recentDocuments).toEqual([PROJECT]);
  });

  it('queues macOS open-file events that arrive before ready, and opens one window per file', async () => {
    const fake = createFakeElectron({ platform: 'darwin' });
    fake.fs.put(PROJECT, '{}');
    fake.fs.put(OTHER, '{}');
    const main = createMain(fake.ports, fake.config);
    const early = new PreventableEvent();
    fake.app.emit('open-file', early, PROJECT);
    fake.app.emit('open-file', new PreventableEvent(), OTHER);
    expect(early.defaultPrevented).toBe(true);
    expect(fake.windows).toHaveLength(0);
    fake.app.becomeReady();
    await main.ready;
    await settle();
    expect(fake.windows.map((w) => w.representedFilename).sort()).toEqual([PROJECT, OTHER].sort());
  });

  it('loads a second-instance file into the pristine window, focuses a window already showing it, and opens a new window otherwise', async () => {
    const { fake } = await boot();
    const [first] = fake.windows;
    const { files } = listen(first);
    fake.app.emit('second-instance', {}, ['/opt/Layerboard/layerboard', '--original-process-start-time=1', PROJECT], '/tmp');
    await settle();
    expect(fake.windows).toHaveLength(1);
    expect(files.map((f) => f.name)).toEqual(['housing.layerboard']);

    const focusBefore = first.focusCount;
    fake.app.emit('second-instance', {}, ['layerboard', PROJECT], '/tmp');
    await settle();
    expect(fake.windows).toHaveLength(1);
    expect(first.focusCount).toBe(focusBefore + 1);

    fake.app.emit('second-instance', {}, ['layerboard', 'iris.layerboard'], '/home/user/projects/iris');
    await settle();
    expect(fake.windows).toHaveLength(2);
    expect(fake.windows[1].representedFilename).toBe(OTHER);
  });

  it('focuses a window when a second instance names no file', async () => {
    const { fake } = await boot();
    const [window] = fake.windows;
    window.minimized = true;
    fake.app.emit('second-instance', {}, ['layerboard'], '/tmp');
    expect(window.minimized).toBe(false);
    expect(window.focusCount).toBeGreaterThan(0);
  });

  it('reports a file that cannot be opened, drops it from Open Recent, and still shows a window', async () => {
    const { fake } = await boot((f) => {
      f.dialog.messageAnswers.push(0);
      f.config.argv = ['layerboard', '/gone/missing.layerboard'];
    });
    expect(fake.dialog.messages()[0].message).toContain('missing.layerboard');
    expect(fake.dialog.messages()[0].detail).toContain('does not exist');
    expect(fake.windows).toHaveLength(1);
  });
});

describe('Open, Save and Import through main’s dialogs', () => {
  it('adopts an opened project in a pristine window, and sends a second project to a new window', async () => {
    const { fake } = await boot();
    const [window] = fake.windows;
    fake.dialog.openAnswers.push({ canceled: false, filePaths: [PROJECT] });
    const opened = await window.api.openProject();
    expect(opened.type).toBe('ok');
    expect(window.representedFilename).toBe(PROJECT);

    fake.dialog.openAnswers.push({ canceled: false, filePaths: [OTHER] });
    expect(await window.api.openProject()).toEqual({ type: 'cancelled' });
    expect(fake.windows).toHaveLength(2);
    const second = fake.windows[1];
    const { files } = listen(second);
    await settle();
    expect(files.map((f) => f.name)).toEqual(['iris.layerboard']);

    // Opening a project already open elsewhere focuses that window.
    fake.dialog.openAnswers.push({ canceled: false, filePaths: [PROJECT] });
    const before = window.focusCount;
    expect(await second.api.openProject()).toEqual({ type: 'cancelled' });
    expect(window.focusCount).toBe(before + 1);
    expect(fake.windows).toHaveLength(2);
  });

  it('passes a cancelled dialog through', async () => {
    const { fake } = await boot();
    fake.dialog.openAnswers.push({ canceled: true, filePaths: [] });
    expect(await fake.windows[0].api.openProject()).toEqual({ type: 'cancelled' });
  });

  it('saves a new project where the user says, then back to the same file without asking', async () => {
    const { fake } = await boot();
    const [window] = fake.windows;
    const target = `${DOCUMENTS}/My net.layerboard`;
    fake.dialog.saveAnswers.push({ canceled: false, filePath: target });
    const saved = await window.api.saveProject({ text: '{"v":1}', ref: null, suggestedName: 'My/net', saveAs: false });
    if (saved.type !== 'ok') throw new Error(saved.type);
    expect(saved.value.name).toBe('My net.layerboard');
    expect(fake.dialog.calls.at(-1)!.options).toMatchObject({ defaultPath: `${DOCUMENTS}/My-net.layerboard` });
    expect(fake.fs.text(target)).toBe('{"v":1}');

    const again = await window.api.saveProject({ text: '{"v":2}', ref: saved.value.ref, suggestedName: 'x', saveAs: false });
    expect(again).toEqual(saved);
    expect(fake.dialog.calls.filter((c) => c.kind === 'save')).toHaveLength(1);
    expect(fake.fs.text(target)).toBe('{"v":2}');
    expect(fake.fs.writes.filter((w) => w === target)).toHaveLength(2);
  });

  it('imports a CSV through the dialog and reads a project’s CSV only next to its own project', async () => {
    const { fake } = await boot();
    const [window] = fake.windows;
    fake.dialog.openAnswers.push({ canceled: false, filePaths: ['/data/elsewhere.csv'] });
    fake.fs.put('/data/elsewhere.csv', 'x\n1\n');
    const csv = await window.api.openCsv();
    expect(csv.type === 'ok' && csv.value.name).toBe('elsewhere.csv');

    fake.dialog.openAnswers.push({ canceled: false, filePaths: [PROJECT] });
    const opened = await window.api.openProject();
    if (opened.type !== 'ok') throw new Error(opened.type);
    const data = await window.api.readRelative({ projectRef: opened.value.ref, relativePath: 'housing.csv' });
    expect(data.type === 'ok' && text(data.value.bytes)).toBe('a,b\n1,2\n');

    // Another window cannot use this window's project ref.
    const other = main_openWindow(fake);
    const stolen = await other.api.readRelative({ projectRef: opened.value.ref, relativePath: 'housing.csv' });
    expect(stolen).toEqual({ type: 'error', message: 'Unknown project; open it again.' });
  });
});

/** A second window through the menu's New Window. */
function main_openWindow(fake: FakeElectron): FakeWindow {
  const file = fake.menus.at(-1)![fake.config.platform === 'darwin' ? 1 : 0];
  const item = (file.submenu as { id?: string; click?: () => void }[]).find((i) => i.id === 'newWindow')!;
  item.click!();
  return fake.windows.at(-1)!;
}

describe('titles and menu commands', () => {
  it('shows the title with the unsaved marker and marks the document edited', async () => {
    const { fake } = await boot();
    const [window] = fake.windows;
    window.api.setTitle('Housing — Layerboard', true);
    expect(window.title).toBe('● Housing — Layerboard');
    expect(window.documentEdited).toBe(true);
    window.api.setTitle('Housing — Layerboard', false);
    expect(window.title).toBe('Housing — Layerboard');
    const pageTitle = new PreventableEvent();
    window.emit('page-title-updated', pageTitle, 'Layerboard');
    expect(pageTitle.defaultPrevented).toBe(true);
    expect(formatWindowTitle('darwin', 'Layerboard', 'Housing — Layerboard', true)).toBe('Housing — Layerboard');
    expect(documentNameOf('Housing — Layerboard', 'Layerboard')).toBe('Housing');
    expect(documentNameOf('', 'Layerboard')).toBe('this project');
    expect(formatWindowTitle('win32', 'Layerboard', '  \u0007 ', false)).toBe('Layerboard');
  });

  it('sends menu commands to the window they were chosen in, and opens a window for New when there is none', async () => {
    const { fake, main } = await boot(() => undefined, { platform: 'darwin' });
    const [window] = fake.windows;
    const { commands } = listen(window);
    main.menuCommand('train', window.id);
    main.menuCommand('save', undefined);
    expect(commands).toEqual(['train', 'save']);
    window.close();
    expect(fake.windows).toHaveLength(0);
    expect(fake.app.quitCalls).toBe(0); // macOS keeps running
    main.menuCommand('new', undefined);
    expect(fake.windows).toHaveLength(1);
  });

  it('File › Open Sample… reaches the window it was chosen in as openSample, through the preload', async () => {
    const { fake } = await boot();
    const [window] = fake.windows;
    const { commands } = listen(window);
    const file = fake.menus.at(-1)!.find((m) => m.label === '&File')!;
    const items = file.submenu as { id?: string; label?: string; click?: (item: unknown, window: unknown) => void }[];
    const item = items.find((i) => i.id === 'openSample')!;
    expect(item.label).toBe('Open Sample…');
    // Right after Open…, before Open Recent.
    expect(items.indexOf(item)).toBe(items.findIndex((i) => i.id === 'open') + 1);
    item.click!({}, { id: window.id });
    expect(commands).toEqual(['openSample']);
  });

  it('builds the native menu in the OS language, rebuilds it in the language a window picks, and sends View › Language to every window', async () => {
    const { fake, main } = await boot((f) => { f.app.systemLanguages = ['ko-KR', 'en-US']; });
    const labels = () => fake.menus.at(-1)!.map((m) => m.label);
    expect(labels()).toEqual(['파일(&F)', '편집(&E)', '보기(&V)', '학습(&T)', '도움말(&H)']);
    const [first] = fake.windows;
    const second = main_openWindow(fake);
    const heard = [listen(first), listen(second)];
    second.api.setLocale('en');
    expect(labels()).toEqual(['&File', '&Edit', '&View', '&Train', '&Help']);
    const view = fake.menus.at(-1)!.find((m) => m.label === '&View')!;
    const language = (view.submenu as { id?: string; submenu?: { id?: string; checked?: boolean; label?: string }[] }[]).find((i) => i.id === 'language')!;
    expect(language.submenu!.map((i) => [i.id, i.checked])).toEqual([['languageSystem', false], ['languageEn', true], ['languageKo', false]]);
    expect(language.submenu![0].label).toBe('System (한국어)');
    main.menuCommand('languageKo', second.id);
    expect(heard.map((h) => h.commands)).toEqual([['languageKo'], ['languageKo']]);
    first.api.setLocale('system');
    expect(labels()[0]).toBe('파일(&F)');
  });

  it('reopens a window on macOS activate when none is open', async () => {
    const { fake } = await boot(() => undefined, { platform: 'darwin' });
    fake.windows[0].close();
    fake.app.emit('activate');
    expect(fake.windows).toHaveLength(1);
  });

  it('quits when the last window closes on Windows and Linux', async () => {
    const { fake } = await boot(() => undefined, { platform: 'win32' });
    fake.windows[0].close();
    fake.app.emit('window-all-closed');
    expect(fake.app.quitted).toBe(true);
  });
});

describe('unsaved changes', () => {
  async function dirtyWindow() {
    const { fake, main } = await boot();
    const [window] = fake.windows;
    const { commands } = listen(window);
    window.api.setTitle('Housing — Layerboard', true);
    return { fake, main, window, commands };
  }

  it('closes a clean window without asking', async () => {
    const { fake } = await boot();
    fake.windows[0].close();
    expect(fake.windows).toHaveLength(0);
    expect(fake.dialog.messages()).toHaveLength(0);
  });

  it('keeps the window on Cancel', async () => {
    const { fake, window } = await dirtyWindow();
    fake.dialog.messageAnswers.push(2);
    window.close();
    await settle();
    expect(fake.dialog.messages()[0]).toMatchObject({ buttons: ['Save', 'Don’t Save', 'Cancel'], cancelId: 2, defaultId: 0 });
    expect(fake.dialog.messages()[0].message).toContain('Housing');
    expect(window.destroyed).toBe(false);
  });

  it('closes on Don’t Save', async () => {
    const { fake, window } = await dirtyWindow();
    fake.dialog.messageAnswers.push(1);
    window.close();
    await settle();
    expect(window.destroyed).toBe(true);
  });

  it('on Save asks the page to save, and closes once that save succeeds', async () => {
    const { fake, window, commands } = await dirtyWindow();
    fake.dialog.messageAnswers.push(0);
    window.close();
    await settle();
    expect(commands).toEqual(['save']);
    expect(window.destroyed).toBe(false);
    fake.dialog.saveAnswers.push({ canceled: false, filePath: `${DOCUMENTS}/housing.layerboard` });
    const saved = await window.api.saveProject({ text: '{}', ref: null, suggestedName: 'Housing', saveAs: false });
    expect(saved.type).toBe('ok');
    await settle();
    expect(window.destroyed).toBe(true);
  });

  it('on Save keeps the window when the user cancels the Save dialog, or when the page never starts saving', async () => {
    const { fake, window } = await dirtyWindow();
    fake.dialog.messageAnswers.push(0);
    window.close();
    await settle();
    fake.dialog.saveAnswers.push({ canceled: true });
    expect(await window.api.saveProject({ text: '{}', ref: null, suggestedName: 'Housing', saveAs: false })).toEqual({ type: 'cancelled' });
    await settle();
    expect(window.destroyed).toBe(false);

    fake.dialog.messageAnswers.push(0);
    window.close();
    await settle();
    fake.timers.fire(1000);
    await settle();
    expect(window.destroyed).toBe(false);
    expect(fake.logs.some((l) => l.includes('did not start saving'))).toBe(true);
  });

  it('asks once per unsaved window on quit, and a Cancel stops the quit', async () => {
    const { fake, main } = await boot();
    const first = fake.windows[0];
    const second = main.openWindow().window;
    const third = main.openWindow().window;
    first.api.setTitle('One', true);
    third.api.setTitle('Three', true);
    fake.dialog.messageAnswers.push(1, 2);
    fake.app.quit();
    await settle();
    expect(fake.dialog.messages().map((m) => m.message)).toEqual([expect.stringContaining('One'), expect.stringContaining('Three')]);
    expect(fake.app.quitted).toBe(false);
    expect([first, second, third].every((w) => !w.destroyed)).toBe(true);

    // The cancelled quit's "Don't Save" no longer holds: closing the first window asks again.
    fake.dialog.messageAnswers.push(2);
    first.close();
    await settle();
    expect(fake.dialog.messages()).toHaveLength(3);
    expect(first.destroyed).toBe(false);

    // Asked again on the next quit; discarding both lets the quit through.
    fake.dialog.messageAnswers.push(1, 1);
    fake.app.quit();
    await settle();
    expect(fake.dialog.messages()).toHaveLength(5);
    expect(fake.app.quitted).toBe(true);
    expect([first, second, third].every((w) => w.destroyed)).toBe(true);
  });

  it('holds a quit (before-quit) until the user has answered, then finishes it', async () => {
    const { fake, window } = await dirtyWindow();
    let release!: () => void;
    fake.dialog.messageGate = new Promise((resolve) => { release = resolve; });
    fake.dialog.messageAnswers.push(1);
    const quitting = new PreventableEvent();
    fake.app.emit('before-quit', quitting);
    expect(quitting.defaultPrevented).toBe(true);
    release();
    await settle();
    expect(fake.app.quitted).toBe(true);
    expect(window.destroyed).toBe(true);
  });

  it('a change reported after the user chose to close needs a new answer', async () => {
    const { main, window } = await dirtyWindow();
    const record = main.windows()[0];
    record.closeConfirmed = true;
    window.api.setTitle('Housing', false);
    expect(record.closeConfirmed).toBe(true);
    window.api.setTitle('Housing', true);
    expect(record.closeConfirmed).toBe(false);
  });
});

describe('prompts and errors in the window’s language', () => {
  it('asks about unsaved changes in Korean once a window picks Korean, and the first button still saves', async () => {
    const { fake } = await boot();
    const [window] = fake.windows;
    const { commands } = listen(window);
    window.api.setLocale('ko');
    window.api.setTitle('집값 — Layerboard', true);
    fake.dialog.messageAnswers.push(0);
    window.close();
    await settle();
    expect(fake.dialog.messages()[0]).toMatchObject({
      message: '“집값”의 변경 사항을 저장할까요?', detail: '저장하지 않으면 변경 사항이 사라집니다.',
      buttons: ['저장', '저장 안 함', '취소'], defaultId: 0, cancelId: 2,
    });
    expect(commands).toEqual(['save']);
    expect(window.destroyed).toBe(false);
    fake.dialog.saveAnswers.push({ canceled: false, filePath: `${DOCUMENTS}/housing.layerboard` });
    expect((await window.api.saveProject({ text: '{}', ref: null, suggestedName: '집값', saveAs: false })).type).toBe('ok');
    expect(fake.dialog.calls.find((c) => c.kind === 'save')!.options).toMatchObject({ title: '프로젝트 저장' });
    await settle();
    expect(window.destroyed).toBe(true);
  });

  it('Cancel (the third button) keeps a Korean window; a window switched back to English asks in English', async () => {
    const { fake } = await boot((f) => { f.app.systemLanguages = ['ko-KR']; });
    const [window] = fake.windows;
    window.api.setTitle('', true);
    fake.dialog.messageAnswers.push(2);
    window.close();
    await settle();
    expect(fake.dialog.messages()[0]).toMatchObject({ message: '“이 프로젝트”의 변경 사항을 저장할까요?', buttons: ['저장', '저장 안 함', '취소'] });
    expect(window.destroyed).toBe(false);
    window.api.setLocale('en');
    fake.dialog.messageAnswers.push(1);
    window.close();
    await settle();
    expect(fake.dialog.messages()[1]).toMatchObject({
      message: 'Do you want to save the changes you made to “this project”?', buttons: ['Save', 'Don’t Save', 'Cancel'],
    });
    expect(window.destroyed).toBe(true);
  });

  it('asks about a training run on quit in Korean', async () => {
    const { fake } = await boot();
    const [window] = fake.windows;
    window.api.setLocale('ko');
    window.api.setTitle('집값 — Layerboard', false);
    await window.api.startTrainer('t1');
    window.api.setTrainingActive(true);
    fake.dialog.messageAnswers.push(1);
    fake.app.quit();
    await settle();
    expect(fake.dialog.messages()[0]).toMatchObject({
      message: '학습이 진행 중입니다. 학습을 중지하고 종료할까요?', buttons: ['중지하고 종료', '취소'], defaultId: 1, cancelId: 1,
    });
    expect(fake.dialog.messages()[0].detail).toContain('“집값”에서 학습이 진행 중입니다');
    expect(fake.app.quitted).toBe(false);
  });

  it('refuses a data path that leaves the project folder in Korean, and in English once the window switches back', async () => {
    const { fake } = await boot();
    const [window] = fake.windows;
    fake.dialog.openAnswers.push({ canceled: false, filePaths: [PROJECT] });
    const opened = await window.api.openProject();
    if (opened.type !== 'ok') throw new Error(opened.type);
    window.api.setLocale('ko');
    await settle();
    expect(await window.api.readRelative({ projectRef: opened.value.ref, relativePath: '../iris/iris.csv' })).toEqual({
      type: 'error', message: '데이터 경로 “../iris/iris.csv”은(는) 프로젝트 폴더 밖으로 나갑니다(".."). 대신 파일 › CSV 가져오기로 CSV를 가져오세요.',
    });
    expect(await window.api.readRelative({ projectRef: opened.value.ref, relativePath: '/etc/passwd' })).toEqual({
      type: 'error', message: '데이터 경로 “/etc/passwd”은(는) 절대 경로입니다. 프로젝트 파일이 있는 곳을 기준으로 한 상대 경로여야 합니다.',
    });
    window.api.setLocale('en');
    await settle();
    expect(await window.api.readRelative({ projectRef: opened.value.ref, relativePath: '../iris/iris.csv' })).toEqual({
      type: 'error', message: 'Data path “../iris/iris.csv” leaves the project folder (".."); import the CSV with File › Import CSV instead.',
    });
  });

  it('reports a project that cannot be opened in Korean: the system’s language at startup, then the one a window picks', async () => {
    const { fake, main } = await boot((f) => {
      f.app.systemLanguages = ['ko-KR', 'en-US'];
      f.dialog.messageAnswers.push(0);
      f.config.argv = ['layerboard', '/gone/missing.layerboard'];
    });
    expect(fake.dialog.messages()[0]).toMatchObject({
      message: 'missing.layerboard을(를) 열 수 없습니다', detail: '“missing.layerboard”을(를) 열 수 없습니다(파일이 없습니다).', buttons: ['확인'],
    });
    fake.windows[0].api.setLocale('en');
    fake.dialog.messageAnswers.push(0);
    await main.openPath('/gone/other.layerboard');
    expect(fake.dialog.messages()[1]).toMatchObject({
      message: 'Could not open other.layerboard', detail: 'Could not open “other.layerboard”: the file does not exist (any more).', buttons: ['OK'],
    });
    fake.windows[0].api.setLocale('ko');
    expect(await fake.windows[0].api.readRelative({ projectRef: '3f2b8c1e-9a4d-4e6f-8b1a-2c3d4e5f6a7b', relativePath: 'data.csv' }))
      .toEqual({ type: 'error', message: '알 수 없는 프로젝트입니다. 프로젝트를 다시 열어 주세요.' });
  });
});

describe('the training process', () => {
  /** What the page does to train: start a trainer and listen for its end. */
  async function startTraining(window: FakeWindow, trainerId = 't1') {
    const exits: TrainerExitPayload[] = [];
    window.api.onTrainerExit((exit) => exits.push(exit));
    const answer = await window.api.startTrainer(trainerId);
    return { answer, exits };
  }

  it('forks the built worker for the window, and the page gets the other end of the worker’s port', async () => {
    const { fake } = await boot();
    const [window] = fake.windows;
    const { answer } = await startTraining(window);
    expect(answer).toEqual({ type: 'ok', value: null });
    expect(fake.utilityProcesses).toHaveLength(1);
    const [child] = fake.utilityProcesses;
    expect(child.modulePath).toBe('/app/out/main/trainer-worker.js');
    expect(child.options).toEqual({ serviceName: 'Layerboard trainer' });
    const utilityEnd = child.posted[0].transfer[0];
    // main -> preload: webContents.postMessage on trainerPort with the port; preload -> page: window.postMessage.
    const delivery = window.renderer.received.find((r) => r.channel === IpcChannel.trainerPort)!;
    expect(delivery.args).toEqual([{ trainerId: 't1' }]);
    expect(window.page.messages).toEqual([{ message: { type: 'layerboard.trainer-port', trainerId: 't1' }, targetOrigin: '*', ports: [utilityEnd.peer] }]);
    // Nothing in main listens on or posts to either end: progress is never relayed by main.
    const pageEnd = window.page.messages[0].ports[0] as FakeMessagePortMain;
    expect([utilityEnd.listened(), pageEnd.listened(), utilityEnd.postedCount, pageEnd.postedCount]).toEqual([false, false, 0, 0]);
  });

  it('keeps one trainer per window, and one per window for each window', async () => {
    const { fake, main } = await boot();
    const [first] = fake.windows;
    const second = main.openWindow().window;
    await first.api.startTrainer('a');
    await second.api.startTrainer('b');
    await first.api.startTrainer('c');
    await settle();
    expect(fake.utilityProcesses.map((p) => p.killCalls)).toEqual([1, 0, 0]);
    expect(first.renderer.received.filter((r) => r.channel === IpcChannel.trainerExit)).toEqual([]);
  });

  it('ends the trainer when the page disposes it, when the page reloads, and when the window closes', async () => {
    const { fake } = await boot();
    const [window] = fake.windows;
    await window.api.startTrainer('t1');
    window.api.stopTrainer('t1');
    expect(fake.utilityProcesses[0].killCalls).toBe(1);

    await window.api.startTrainer('t2');
    // Loading that does not replace the page (a download) leaves the run alone; a reload ends it.
    window.webContents.emit('did-start-loading');
    expect(fake.utilityProcesses[1].killCalls).toBe(0);
    window.webContents.emit('did-navigate', {}, APP_INDEX_URL);
    expect(fake.utilityProcesses[1].killCalls).toBe(1);

    await window.api.startTrainer('t3');
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed' });
    expect(fake.utilityProcesses[2].killCalls).toBe(1);

    await window.api.startTrainer('t4');
    window.close();
    expect(window.destroyed).toBe(true);
    expect(fake.utilityProcesses[3].killCalls).toBe(1);
    await settle();
    expect(window.renderer.received.filter((r) => r.channel === IpcChannel.trainerExit)).toEqual([]);
  });

  it('tells the page when its trainer crashes, so it can keep its weights and start again', async () => {
    const { fake } = await boot();
    const [window] = fake.windows;
    const { exits } = await startTraining(window);
    window.api.setTrainingActive(true);
    fake.app.emit('child-process-gone', {}, { type: 'Utility', reason: 'oom', exitCode: 137, name: 'Layerboard trainer' });
    fake.utilityProcesses[0].exit(137);
    expect(exits).toEqual([{ trainerId: 't1', reason: 'The training process ran out of memory.', exitCode: 137 }]);
    // No run is in progress any more: closing does not ask.
    window.close();
    expect(window.destroyed).toBe(true);
    expect(fake.dialog.messages()).toEqual([]);
  });

  it('answers an error when the process cannot start', async () => {
    const { fake } = await boot();
    fake.failFork = new Error('spawn ENOENT');
    expect(await fake.windows[0].api.startTrainer('t1')).toEqual({ type: 'error', message: 'The training process could not be started: spawn ENOENT' });
  });

  it('says so in Korean once the window picks Korean', async () => {
    const { fake } = await boot();
    fake.windows[0].api.setLocale('ko');
    await settle();
    fake.failFork = new Error('spawn ENOENT');
    expect(await fake.windows[0].api.startTrainer('t1')).toEqual({ type: 'error', message: '학습 프로세스를 시작하지 못했습니다: spawn ENOENT' });
  });

  it('refuses trainer requests from anything but our window’s top frame', async () => {
    const { fake } = await boot();
    const stranger = fake.ipc.connect(9999, { url: APP_INDEX_URL, parent: null });
    await expect(stranger.ipcRenderer.invoke(IpcChannel.startTrainer, { trainerId: 't1' })).rejects.toThrow(/Request refused/);
    const [window] = fake.windows;
    window.renderer.frame = { url: APP_INDEX_URL, parent: { url: APP_INDEX_URL, parent: null } };
    await expect(window.api.startTrainer('t1')).rejects.toThrow(/Request refused/);
    expect(fake.utilityProcesses).toEqual([]);
  });
});

describe('closing or quitting while training', () => {
  async function trainingWindow() {
    const { fake, main } = await boot();
    const [window] = fake.windows;
    window.api.setTitle('Housing — Layerboard', false);
    await window.api.startTrainer('t1');
    window.api.setTrainingActive(true);
    return { fake, main, window, child: fake.utilityProcesses[0] };
  }

  it('asks "Training is running — stop it and close?", and Cancel keeps the window and the run', async () => {
    const { fake, window, child } = await trainingWindow();
    fake.dialog.messageAnswers.push(1);
    window.close();
    await settle();
    expect(fake.dialog.messages()).toHaveLength(1);
    expect(fake.dialog.messages()[0]).toMatchObject({
      message: 'Training is running — stop it and close?', buttons: ['Stop and Close', 'Cancel'], defaultId: 1, cancelId: 1,
    });
    expect(fake.dialog.messages()[0].detail).toContain('Housing');
    expect(window.destroyed).toBe(false);
    expect(child.killCalls).toBe(0);
  });

  it('on Stop and Close closes the window and ends the trainer', async () => {
    const { fake, window, child } = await trainingWindow();
    fake.dialog.messageAnswers.push(0);
    window.close();
    await settle();
    expect(window.destroyed).toBe(true);
    expect(child.killCalls).toBe(1);
  });

  it('asks about training first and then about unsaved changes; Cancel on the second keeps the run', async () => {
    const { fake, window, child } = await trainingWindow();
    window.api.setTitle('Housing — Layerboard', true);
    fake.dialog.messageAnswers.push(0, 2);
    window.close();
    await settle();
    expect(fake.dialog.messages().map((m) => m.message)).toEqual([
      'Training is running — stop it and close?', expect.stringContaining('save the changes you made to “Housing”'),
    ]);
    expect(window.destroyed).toBe(false);
    expect(child.killCalls).toBe(0);

    fake.dialog.messageAnswers.push(0, 1);
    window.close();
    await settle();
    expect(window.destroyed).toBe(true);
    expect(child.killCalls).toBe(1);
  });

  it('does not ask once the run has ended or the trainer is gone', async () => {
    const { fake, window } = await trainingWindow();
    window.api.setTrainingActive(false);
    window.close();
    expect(window.destroyed).toBe(true);

    const again = await trainingWindow();
    again.window.api.stopTrainer('t1');
    again.window.close();
    expect(again.window.destroyed).toBe(true);
    expect(fake.dialog.messages()).toEqual([]);
    expect(again.fake.dialog.messages()).toEqual([]);
  });

  it('asks on quit ("stop it and quit?"); Cancel stops the quit, Stop and Quit lets it through', async () => {
    const { fake, main, window, child } = await trainingWindow();
    const idle = main.openWindow().window;
    fake.dialog.messageAnswers.push(1);
    fake.app.quit();
    await settle();
    expect(fake.dialog.messages().map((m) => m.message)).toEqual(['Training is running — stop it and quit?']);
    expect(fake.dialog.messages()[0].buttons).toEqual(['Stop and Quit', 'Cancel']);
    expect(fake.app.quitted).toBe(false);
    expect(window.destroyed || idle.destroyed).toBe(false);

    fake.dialog.messageAnswers.push(0);
    fake.app.quit();
    await settle();
    expect(fake.app.quitted).toBe(true);
    expect(child.killCalls).toBe(1);
  });

  it('holds a quit (before-quit) while a window trains', async () => {
    const { fake } = await trainingWindow();
    fake.dialog.messageAnswers.push(0);
    const quitting = new PreventableEvent();
    fake.app.emit('before-quit', quitting);
    expect(quitting.defaultPrevented).toBe(true);
    await settle();
    expect(fake.app.quitted).toBe(true);
  });

  it('a run started after the user chose to close needs a new answer', async () => {
    const { main, window } = await trainingWindow();
    const record = main.windows()[0];
    record.closeConfirmed = true;
    window.api.setTrainingActive(false);
    expect(record.closeConfirmed).toBe(true);
    window.api.setTrainingActive(true);
    expect(record.closeConfirmed).toBe(false);
  });
});

describe('window state', () => {
  it('remembers bounds and maximized in userData and reopens there', async () => {
    const { fake } = await boot();
    const [window] = fake.windows;
    window.moveTo({ x: 300, y: 200, width: 1000, height: 700 });
    fake.timers.fire(500);
    await settle();
    expect(JSON.parse(fake.fs.text(`${USER_DATA}/window-state.json`)!)).toEqual({ x: 300, y: 200, width: 1000, height: 700, maximized: false });
    window.maximize();
    window.close();
    await settle();
    expect(JSON.parse(fake.fs.text(`${USER_DATA}/window-state.json`)!).maximized).toBe(true);

    const again = await boot((f) => { f.fs.put(`${USER_DATA}/window-state.json`, fake.fs.text(`${USER_DATA}/window-state.json`)!); });
    const [reopened] = again.fake.windows;
    expect(reopened.options).toMatchObject({ x: 300, y: 200, width: 1000, height: 700 });
    expect(reopened.maximized).toBe(true);
  });

  it('cascades a second window instead of stacking it exactly on the first', async () => {
    const { fake, main } = await boot((f) => f.fs.put(`${USER_DATA}/window-state.json`, JSON.stringify({ x: 100, y: 100, width: 900, height: 700, maximized: false })));
    const second = main.openWindow().window;
    expect(fake.windows[0].options).toMatchObject({ x: 100, y: 100 });
    expect(second.options).toMatchObject({ x: 128, y: 128 });
  });

  it('ignores a damaged state file', async () => {
    const { fake } = await boot((f) => f.fs.put(`${USER_DATA}/window-state.json`, '{"width": "huge"'));
    expect(fake.windows[0].options).toMatchObject({ width: 1280, height: 800 });
    expect(fake.windows[0].options.x).toBeUndefined();
  });
});

describe('Open Recent', () => {
  it('persists the list, lists it in the menu on Linux, and opens an item', async () => {
    const { fake, main } = await boot();
    fake.dialog.openAnswers.push({ canceled: false, filePaths: [PROJECT] });
    await fake.windows[0].api.openProject();
    await settle();
    expect(JSON.parse(fake.fs.text(`${USER_DATA}/recent-projects.json`)!)).toEqual({ paths: [PROJECT] });
    expect(main.recent()).toEqual([PROJECT]);
    const file = fake.menus.at(-1)![fake.config.platform === 'darwin' ? 1 : 0];
    const recentMenu = (file.submenu as { label?: string; submenu?: { label?: string; click?: () => void }[] }[]).find((i) => i.label === 'Open Recent')!;
    expect(recentMenu.submenu![0].label).toBe('&1 housing.layerboard');

    const again = await boot((f) => f.fs.put(`${USER_DATA}/recent-projects.json`, JSON.stringify({ paths: [OTHER] })));
    const items = (again.fake.menus.at(-1)!.find((m) => m.label === '&File')!.submenu as { label?: string; submenu?: { click?: () => void }[] }[])
      .find((i) => i.label === 'Open Recent')!.submenu!;
    items[0].click!();
    await settle();
    expect(again.fake.windows[0].representedFilename).toBe(OTHER);
  });
});

describe('hardening of every webContents', () => {
  it('blocks navigation away from our pages, new windows and webviews; hands https links to the browser', async () => {
    const { fake } = await boot();
    const contents = new FakeContents();
    fake.app.emit('web-contents-created', {}, contents);
    const away = new PreventableEvent();
    contents.emit('will-navigate', away, 'https://example.com/');
    expect(away.defaultPrevented).toBe(true);
    const reload = new PreventableEvent();
    contents.emit('will-navigate', reload, APP_INDEX_URL);
    expect(reload.defaultPrevented).toBe(false);
    const redirect = new PreventableEvent();
    contents.emit('will-redirect', redirect, 'file:///etc/passwd');
    expect(redirect.defaultPrevented).toBe(true);
    const webview = new PreventableEvent();
    contents.emit('will-attach-webview', webview);
    expect(webview.defaultPrevented).toBe(true);
    expect(contents.openHandler!({ url: 'https://pytorch.org/docs' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'smb://host/share' })).toEqual({ action: 'deny' });
    await settle();
    expect(fake.externalUrls).toEqual(['https://pytorch.org/docs']);
  });

  it('grants only clipboard writes, and only to our pages', async () => {
    const { fake } = await boot();
    const answers: boolean[] = [];
    fake.session.requestHandler!({}, 'clipboard-sanitized-write', (g) => answers.push(g), { requestingUrl: APP_INDEX_URL });
    fake.session.requestHandler!({}, 'clipboard-sanitized-write', (g) => answers.push(g), { requestingUrl: 'https://evil.example/' });
    fake.session.requestHandler!({}, 'media', (g) => answers.push(g), { requestingUrl: APP_INDEX_URL });
    fake.session.requestHandler!({}, 'openExternal', (g) => answers.push(g), { requestingUrl: APP_INDEX_URL });
    expect(answers).toEqual([true, false, false, false]);
    expect(fake.session.checkHandler!({}, 'clipboard-sanitized-write', 'app://layerboard')).toBe(true);
    expect(fake.session.checkHandler!({}, 'geolocation', 'app://layerboard')).toBe(false);
  });

  it('answers IPC only from our windows’ top frames', async () => {
    const { fake } = await boot();
    const [window] = fake.windows;
    window.renderer.frame = { url: APP_INDEX_URL, parent: { url: APP_INDEX_URL, parent: null } };
    await expect(window.api.loadSample()).rejects.toThrow(/Request refused/);
    window.renderer.frame = { url: 'https://evil.example/', parent: null };
    await expect(window.api.loadSample()).rejects.toThrow(/Request refused/);
    window.renderer.frame = null;
    await expect(window.api.loadSample()).rejects.toThrow(/Request refused/);
    // A webContents that is not one of our windows (a devtools page, a stray webContents).
    const stranger = fake.ipc.connect(9999, { url: APP_INDEX_URL, parent: null });
    await expect(stranger.ipcRenderer.invoke(IpcChannel.loadSample)).rejects.toThrow(/Request refused/);
    stranger.ipcRenderer.send(IpcChannel.setTitle, { title: 'pwned', dirty: true });
    expect(fake.logs.filter((l) => l.startsWith('refused'))).toHaveLength(5);
  });
});
