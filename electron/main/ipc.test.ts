import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { IpcChannel, type InvokeChannel, type SendChannel } from '../../core/protocol.ts';
import { createInMemoryIpc } from '../testing/in-memory-ipc.ts';
import { APP_INDEX_URL, isTrustedPageUrl } from './app-url.ts';
import { MAX_RELATIVE_PATH_LENGTH, MAX_TITLE_LENGTH } from './ipc-schemas.ts';
import { MAIN_CHANNELS, registerIpc, type IpcHandlers } from './ipc.ts';

const OUR_WINDOW = 7;
const REF = '3f2b8c1e-9a4d-4e6f-8b1a-2c3d4e5f6a7b';

function setup(trustedUrl = (url: string) => isTrustedPageUrl(url)) {
  const ipc = createInMemoryIpc();
  const calls: { channel: string; args: unknown[] }[] = [];
  const record = (channel: string) => (_caller: string, ...args: unknown[]) => {
    calls.push({ channel, args });
    return Promise.resolve({ type: 'cancelled' as const });
  };
  const handlers = {
    [IpcChannel.openProject]: record(IpcChannel.openProject),
    [IpcChannel.saveProject]: record(IpcChannel.saveProject),
    [IpcChannel.openCsv]: record(IpcChannel.openCsv),
    [IpcChannel.readRelative]: record(IpcChannel.readRelative),
    [IpcChannel.loadSample]: record(IpcChannel.loadSample),
    [IpcChannel.startTrainer]: record(IpcChannel.startTrainer),
    [IpcChannel.listRecovery]: record(IpcChannel.listRecovery),
    [IpcChannel.writeRecovery]: record(IpcChannel.writeRecovery),
    [IpcChannel.removeRecovery]: record(IpcChannel.removeRecovery),
    [IpcChannel.restoreRecovery]: record(IpcChannel.restoreRecovery),
    [IpcChannel.saveExport]: record(IpcChannel.saveExport),
    [IpcChannel.setTitle]: (_caller: string, ...args: unknown[]) => { calls.push({ channel: IpcChannel.setTitle, args }); },
    [IpcChannel.openFileReady]: (_caller: string, ...args: unknown[]) => { calls.push({ channel: IpcChannel.openFileReady, args }); },
    [IpcChannel.stopTrainer]: (_caller: string, ...args: unknown[]) => { calls.push({ channel: IpcChannel.stopTrainer, args }); },
    [IpcChannel.setTrainingActive]: (_caller: string, ...args: unknown[]) => { calls.push({ channel: IpcChannel.setTrainingActive, args }); },
    [IpcChannel.setLocale]: (_caller: string, ...args: unknown[]) => { calls.push({ channel: IpcChannel.setLocale, args }); },
  } as unknown as IpcHandlers<string>;
  const refused: string[] = [];
  const unregister = registerIpc<string>({
    ipcMain: ipc.ipcMain,
    handlers,
    callerOf: (id) => (id === OUR_WINDOW ? 'window-7' : null),
    isTrustedUrl: trustedUrl,
    onRefused: (channel, reason) => refused.push(`${channel}: ${reason}`),
  });
  const page = ipc.connect(OUR_WINDOW, { url: APP_INDEX_URL, parent: null });
  return { ipc, calls, refused, page, unregister };
}

const INVOKE_CHANNELS: InvokeChannel[] = [IpcChannel.openProject, IpcChannel.saveProject, IpcChannel.openCsv, IpcChannel.readRelative, IpcChannel.loadSample, IpcChannel.startTrainer,
  IpcChannel.listRecovery, IpcChannel.writeRecovery, IpcChannel.removeRecovery, IpcChannel.restoreRecovery, IpcChannel.saveExport];
const SEND_CHANNELS: SendChannel[] = [IpcChannel.setTitle, IpcChannel.openFileReady, IpcChannel.stopTrainer, IpcChannel.setTrainingActive, IpcChannel.setLocale];

describe('registerIpc', () => {
  it('registers exactly the protocol’s renderer -> main channels, and removes them again', () => {
    const { ipc, unregister } = setup();
    expect(new Set(ipc.handledChannels())).toEqual(new Set([...INVOKE_CHANNELS, ...SEND_CHANNELS]));
    expect(new Set(MAIN_CHANNELS)).toEqual(new Set([...INVOKE_CHANNELS, ...SEND_CHANNELS]));
    unregister();
    expect(ipc.handledChannels()).toEqual([]);
  });

  it('passes valid requests from our window to the handler with the caller', async () => {
    const { page, calls } = setup();
    await page.ipcRenderer.invoke(IpcChannel.saveProject, { text: '{}', ref: REF, suggestedName: 'x', saveAs: true });
    await page.ipcRenderer.invoke(IpcChannel.readRelative, { projectRef: null, relativePath: 'data/a.csv' });
    await page.ipcRenderer.invoke(IpcChannel.openProject);
    await page.ipcRenderer.invoke(IpcChannel.startTrainer, { trainerId: 'trainer-1_a' });
    page.ipcRenderer.send(IpcChannel.setTitle, { title: 'T', dirty: false });
    page.ipcRenderer.send(IpcChannel.openFileReady);
    page.ipcRenderer.send(IpcChannel.stopTrainer, { trainerId: 'trainer-1_a' });
    page.ipcRenderer.send(IpcChannel.setTrainingActive, { active: true });
    page.ipcRenderer.send(IpcChannel.setLocale, { preference: 'ko' });
    expect(calls).toEqual([
      { channel: IpcChannel.saveProject, args: [{ text: '{}', ref: REF, suggestedName: 'x', saveAs: true }] },
      { channel: IpcChannel.readRelative, args: [{ projectRef: null, relativePath: 'data/a.csv' }] },
      { channel: IpcChannel.openProject, args: [] },
      { channel: IpcChannel.startTrainer, args: [{ trainerId: 'trainer-1_a' }] },
      { channel: IpcChannel.setTitle, args: [{ title: 'T', dirty: false }] },
      { channel: IpcChannel.openFileReady, args: [] },
      { channel: IpcChannel.stopTrainer, args: [{ trainerId: 'trainer-1_a' }] },
      { channel: IpcChannel.setTrainingActive, args: [{ active: true }] },
      { channel: IpcChannel.setLocale, args: [{ preference: 'ko' }] },
    ]);
  });

  // One row per way a sender can be wrong.
  const foreignSenders: [string, number, { url: string; parent: null | { url: string; parent: null } } | null][] = [
    ['a webContents that is not one of our windows', 99, { url: APP_INDEX_URL, parent: null }],
    ['a subframe of our window', OUR_WINDOW, { url: APP_INDEX_URL, parent: { url: APP_INDEX_URL, parent: null } }],
    ['our window after navigating to another site', OUR_WINDOW, { url: 'https://evil.example/index.html', parent: null }],
    ['our window showing a file:// page', OUR_WINDOW, { url: 'file:///home/user/index.html', parent: null }],
    ['a look-alike host', OUR_WINDOW, { url: 'app://layerboard.evil/index.html', parent: null }],
    ['credentials in the URL', OUR_WINDOW, { url: 'app://x@layerboard/index.html', parent: null }],
    ['a frame that is gone', OUR_WINDOW, null],
  ];

  it.each(foreignSenders)('refuses %s', async (_name, id, frame) => {
    const { ipc, calls, refused } = setup();
    const stranger = ipc.connect(id, frame);
    for (const channel of INVOKE_CHANNELS) {
      await expect(stranger.ipcRenderer.invoke(channel, { text: '', ref: null, suggestedName: '', saveAs: false })).rejects.toThrow(/Request refused/);
    }
    stranger.ipcRenderer.send(IpcChannel.setTitle, { title: 'x', dirty: true });
    stranger.ipcRenderer.send(IpcChannel.openFileReady);
    stranger.ipcRenderer.send(IpcChannel.stopTrainer, { trainerId: 't1' });
    stranger.ipcRenderer.send(IpcChannel.setTrainingActive, { active: true });
    stranger.ipcRenderer.send(IpcChannel.setLocale, { preference: 'ko' });
    await expect(stranger.ipcRenderer.invoke(IpcChannel.startTrainer, { trainerId: 't1' })).rejects.toThrow(/Request refused/);
    expect(calls).toEqual([]);
    expect(refused).toHaveLength(INVOKE_CHANNELS.length + SEND_CHANNELS.length + 1);
  });

  it('accepts the dev server only when it is configured', async () => {
    const { ipc, calls } = setup((url) => isTrustedPageUrl(url, 'http://localhost:5173'));
    await ipc.connect(OUR_WINDOW, { url: 'http://localhost:5173/', parent: null }).ipcRenderer.invoke(IpcChannel.loadSample);
    await expect(ipc.connect(OUR_WINDOW, { url: 'http://localhost:5174/', parent: null }).ipcRenderer.invoke(IpcChannel.loadSample)).rejects.toThrow();
    const strict = setup();
    await expect(strict.ipc.connect(OUR_WINDOW, { url: 'http://localhost:5173/', parent: null }).ipcRenderer.invoke(IpcChannel.loadSample)).rejects.toThrow();
    expect(calls).toHaveLength(1);
  });

  // One row per malformed payload.
  const badPayloads: [string, string, unknown[]][] = [
    ['extra argument to a no-argument channel', IpcChannel.openProject, [1]],
    ['missing request', IpcChannel.saveProject, []],
    ['two requests', IpcChannel.saveProject, [{ text: '', ref: null, suggestedName: '', saveAs: false }, {}]],
    ['text not a string', IpcChannel.saveProject, [{ text: 1, ref: null, suggestedName: '', saveAs: false }]],
    ['ref not issued by main (a path)', IpcChannel.saveProject, [{ text: '', ref: '/etc/passwd', suggestedName: '', saveAs: false }]],
    ['ref upper-case', IpcChannel.saveProject, [{ text: '', ref: REF.toUpperCase(), suggestedName: '', saveAs: false }]],
    ['unknown key', IpcChannel.saveProject, [{ text: '', ref: null, suggestedName: '', saveAs: false, path: '/tmp/x' }]],
    ['saveAs missing', IpcChannel.saveProject, [{ text: '', ref: null, suggestedName: '' }]],
    ['suggestedName too long', IpcChannel.saveProject, [{ text: '', ref: null, suggestedName: 'x'.repeat(MAX_TITLE_LENGTH + 1), saveAs: false }]],
    ['relative path empty', IpcChannel.readRelative, [{ projectRef: null, relativePath: '' }]],
    ['relative path too long', IpcChannel.readRelative, [{ projectRef: null, relativePath: 'a'.repeat(MAX_RELATIVE_PATH_LENGTH + 1) }]],
    ['request is an array', IpcChannel.readRelative, [['a.csv']]],
    ['request is null', IpcChannel.readRelative, [null]],
    ['no trainer id', IpcChannel.startTrainer, []],
    ['trainer id empty', IpcChannel.startTrainer, [{ trainerId: '' }]],
    ['trainer id too long', IpcChannel.startTrainer, [{ trainerId: 'x'.repeat(65) }]],
    ['trainer id with a path in it', IpcChannel.startTrainer, [{ trainerId: '../../main.js' }]],
    ['trainer id a number', IpcChannel.startTrainer, [{ trainerId: 7 }]],
    ['a worker path smuggled in', IpcChannel.startTrainer, [{ trainerId: 't1', modulePath: '/tmp/evil.js' }]],
  ];

  it.each(badPayloads)('refuses %s', async (_name, channel, args) => {
    const { page, calls, refused } = setup();
    await expect(page.ipcRenderer.invoke(channel, ...args)).rejects.toThrow(/Request refused/);
    expect(calls).toEqual([]);
    expect(refused[0]).toContain('invalid arguments');
  });

  it('drops malformed setTitle messages', () => {
    const { page, calls } = setup();
    page.ipcRenderer.send(IpcChannel.setTitle, { title: 'x' });
    page.ipcRenderer.send(IpcChannel.setTitle, { title: 'x'.repeat(MAX_TITLE_LENGTH + 1), dirty: false });
    page.ipcRenderer.send(IpcChannel.setTitle, 'x', true);
    page.ipcRenderer.send(IpcChannel.openFileReady, 'now');
    expect(calls).toEqual([]);
  });

  it('drops malformed language messages: only system, en or ko, in exactly one object', () => {
    const { page, calls } = setup();
    page.ipcRenderer.send(IpcChannel.setLocale, { preference: 'fr' });
    page.ipcRenderer.send(IpcChannel.setLocale, { preference: 'ko', extra: 1 });
    page.ipcRenderer.send(IpcChannel.setLocale, 'ko');
    page.ipcRenderer.send(IpcChannel.setLocale);
    page.ipcRenderer.send(IpcChannel.setLocale, { preference: 'en' }, { preference: 'ko' });
    expect(calls).toEqual([]);
    page.ipcRenderer.send(IpcChannel.setLocale, { preference: 'system' });
    expect(calls).toEqual([{ channel: IpcChannel.setLocale, args: [{ preference: 'system' }] }]);
  });

  it('drops malformed trainer messages', () => {
    const { page, calls } = setup();
    page.ipcRenderer.send(IpcChannel.stopTrainer, { trainerId: 't 1' });
    page.ipcRenderer.send(IpcChannel.stopTrainer);
    page.ipcRenderer.send(IpcChannel.setTrainingActive, { active: 'yes' });
    page.ipcRenderer.send(IpcChannel.setTrainingActive, true);
    page.ipcRenderer.send(IpcChannel.setTrainingActive, { active: true, runId: 'r1' });
    expect(calls).toEqual([]);
  });

  it('does not let a handler’s exception reach the renderer as anything but a rejection', async () => {
    const { page } = setup();
    const spy = vi.fn();
    await page.ipcRenderer.invoke('layerboard:not-a-channel').catch(spy);
    expect(spy).toHaveBeenCalled();
  });
});

// --- Fuzzing ---------------------------------------------------------------------------------
// An oracle written independently of the zod schemas: what main must accept, and nothing else.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
const hasExactly = (v: Record<string, unknown>, keys: string[]) => Object.keys(v).length === keys.length && keys.every((k) => Object.hasOwn(v, k));
const isRef = (v: unknown) => v === null || (typeof v === 'string' && UUID.test(v));

function oracleSave(args: unknown[]): boolean {
  if (args.length !== 1 || !isPlain(args[0])) return false;
  const r = args[0];
  return hasExactly(r, ['text', 'ref', 'suggestedName', 'saveAs']) && typeof r.text === 'string' && isRef(r.ref)
    && typeof r.suggestedName === 'string' && r.suggestedName.length <= MAX_TITLE_LENGTH && typeof r.saveAs === 'boolean';
}

function oracleRead(args: unknown[]): boolean {
  if (args.length !== 1 || !isPlain(args[0])) return false;
  const r = args[0];
  return hasExactly(r, ['projectRef', 'relativePath']) && isRef(r.projectRef)
    && typeof r.relativePath === 'string' && r.relativePath.length >= 1 && r.relativePath.length <= MAX_RELATIVE_PATH_LENGTH;
}

function oracleTrainerRef(args: unknown[]): boolean {
  if (args.length !== 1 || !isPlain(args[0])) return false;
  const r = args[0];
  return hasExactly(r, ['trainerId']) && typeof r.trainerId === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(r.trainerId);
}

function oracleTrainingActive(args: unknown[]): boolean {
  if (args.length !== 1 || !isPlain(args[0])) return false;
  const r = args[0];
  return hasExactly(r, ['active']) && typeof r.active === 'boolean';
}

function oracleTitle(args: unknown[]): boolean {
  if (args.length !== 1 || !isPlain(args[0])) return false;
  const r = args[0];
  return hasExactly(r, ['title', 'dirty']) && typeof r.title === 'string' && r.title.length <= MAX_TITLE_LENGTH && typeof r.dirty === 'boolean';
}

// Values that are sometimes right and often nearly right, so the fuzzer probes the boundary, not just noise.
const anyValue = fc.oneof(
  fc.anything({ withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true, withTypedArray: true, withDate: true, withBigInt: true }),
  fc.string(),
  fc.uuid().map((u) => u.toLowerCase()),
  fc.constant(REF),
  fc.constant(null),
  fc.boolean(),
  fc.string({ minLength: MAX_TITLE_LENGTH - 1, maxLength: MAX_TITLE_LENGTH + 2 }),
);
const field = (good: fc.Arbitrary<unknown>) => fc.oneof({ weight: 8, arbitrary: good }, { weight: 1, arbitrary: anyValue });
const saveLike = fc.record(
  { text: field(fc.string()), ref: field(fc.oneof(fc.constant(null), fc.constant(REF))), suggestedName: field(fc.string()), saveAs: field(fc.boolean()), extra: anyValue },
  { requiredKeys: ['text', 'ref', 'suggestedName', 'saveAs'] },
);
const readLike = fc.record(
  { projectRef: field(fc.oneof(fc.constant(null), fc.constant(REF))), relativePath: field(fc.string({ minLength: 1 })), extra: anyValue },
  { requiredKeys: ['projectRef', 'relativePath'] },
);
const trainerIdLike = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
  fc.string({ minLength: 62, maxLength: 66, unit: fc.constantFrom('a', 'Z', '9', '_', '-') }),
  fc.string(),
);
const trainerRefLike = fc.record({ trainerId: field(trainerIdLike), extra: anyValue }, { requiredKeys: ['trainerId'] });
const trainingActiveLike = fc.record({ active: field(fc.boolean()), extra: anyValue }, { requiredKeys: ['active'] });
const titleLike = fc.record({ title: field(fc.string()), dirty: field(fc.boolean()), extra: anyValue }, { requiredKeys: ['title', 'dirty'] });
const argsOf = (request: fc.Arbitrary<unknown>) => fc.oneof(
  { weight: 4, arbitrary: request.map((r) => [r]) },
  { weight: 1, arbitrary: fc.array(anyValue, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.tuple(request, anyValue) },
);

describe('IPC validation under fuzzing', () => {
  it('saveProject: the handler runs exactly when the oracle accepts, and gets the payload unchanged', async () => {
    await fc.assert(fc.asyncProperty(argsOf(saveLike), async (args) => {
      const { page, calls } = setup();
      const outcome = await page.ipcRenderer.invoke(IpcChannel.saveProject, ...args).then(() => 'ok', () => 'refused');
      const accepted = oracleSave(structuredClone(args));
      expect(outcome).toBe(accepted ? 'ok' : 'refused');
      expect(calls).toEqual(accepted ? [{ channel: IpcChannel.saveProject, args: structuredClone(args) }] : []);
    }), { numRuns: 400 });
  });

  it('readRelative: the handler runs exactly when the oracle accepts', async () => {
    await fc.assert(fc.asyncProperty(argsOf(readLike), async (args) => {
      const { page, calls } = setup();
      const outcome = await page.ipcRenderer.invoke(IpcChannel.readRelative, ...args).then(() => 'ok', () => 'refused');
      expect(outcome).toBe(oracleRead(structuredClone(args)) ? 'ok' : 'refused');
      expect(calls.length).toBe(outcome === 'ok' ? 1 : 0);
    }), { numRuns: 400 });
  });

  it('setTitle: the handler runs exactly when the oracle accepts', () => {
    fc.assert(fc.property(argsOf(titleLike), (args) => {
      const { page, calls } = setup();
      page.ipcRenderer.send(IpcChannel.setTitle, ...args);
      expect(calls.length).toBe(oracleTitle(structuredClone(args)) ? 1 : 0);
    }), { numRuns: 400 });
  });

  it('startTrainer: the handler runs exactly when the oracle accepts, and gets the id unchanged', async () => {
    await fc.assert(fc.asyncProperty(argsOf(trainerRefLike), async (args) => {
      const { page, calls } = setup();
      const outcome = await page.ipcRenderer.invoke(IpcChannel.startTrainer, ...args).then(() => 'ok', () => 'refused');
      const accepted = oracleTrainerRef(structuredClone(args));
      expect(outcome).toBe(accepted ? 'ok' : 'refused');
      expect(calls).toEqual(accepted ? [{ channel: IpcChannel.startTrainer, args: structuredClone(args) }] : []);
    }), { numRuns: 400 });
  });

  it('stopTrainer and setTrainingActive: the handler runs exactly when the oracle accepts', () => {
    fc.assert(fc.property(argsOf(trainerRefLike), argsOf(trainingActiveLike), (stopArgs, activeArgs) => {
      const { page, calls } = setup();
      page.ipcRenderer.send(IpcChannel.stopTrainer, ...stopArgs);
      page.ipcRenderer.send(IpcChannel.setTrainingActive, ...activeArgs);
      expect(calls.filter((c) => c.channel === IpcChannel.stopTrainer).length).toBe(oracleTrainerRef(structuredClone(stopArgs)) ? 1 : 0);
      expect(calls.filter((c) => c.channel === IpcChannel.setTrainingActive).length).toBe(oracleTrainingActive(structuredClone(activeArgs)) ? 1 : 0);
    }), { numRuns: 400 });
  });

  it('channels without a request accept only an empty argument list', async () => {
    await fc.assert(fc.asyncProperty(fc.array(anyValue, { maxLength: 3 }), fc.constantFrom(IpcChannel.openProject, IpcChannel.openCsv, IpcChannel.loadSample), async (args, channel) => {
      const { page, calls } = setup();
      const outcome = await page.ipcRenderer.invoke(channel, ...args).then(() => 'ok', () => 'refused');
      expect(outcome).toBe(args.length === 0 ? 'ok' : 'refused');
      expect(calls.length).toBe(args.length === 0 ? 1 : 0);
    }), { numRuns: 200 });
  });
});
