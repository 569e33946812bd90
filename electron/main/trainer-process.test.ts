import { describe, expect, it } from 'vitest';
import type { TrainerExitPayload } from '../../core/protocol.ts';
import { createFakeChannel, FakeUtilityProcess, type FakeMessagePortMain } from '../testing/fake-message-ports.ts';
import { settle } from '../testing/fake-electron.ts';
import { translatorFor } from '../../core/i18n/index.ts';
import { createTrainerProcesses, describeTrainerExit, TRAINER_SERVICE_NAME, type TrainerOwner, type TrainerProcessPorts } from './trainer-process.ts';

const WORKER = '/app/out/main/trainer-worker.js';

function setup() {
  const forked: { path: string; args: string[]; options: { serviceName: string }; child: FakeUtilityProcess }[] = [];
  const logs: string[] = [];
  let failNext: Error | null = null;
  const ports: TrainerProcessPorts = {
    fork(path, args, options) {
      if (failNext) { const e = failNext; failNext = null; throw e; }
      const child = new FakeUtilityProcess(path, args, options);
      forked.push({ path, args, options, child });
      return child;
    },
    createChannel: () => createFakeChannel(),
  };
  const trainers = createTrainerProcesses(ports, { workerPath: WORKER, log: (m) => logs.push(m) });
  return { trainers, forked, logs, failFork: (e: Error) => { failNext = e; } };
}

function owner(id: number, options: { gone?: boolean } = {}) {
  const ports: { trainerId: string; port: FakeMessagePortMain }[] = [];
  const exits: TrainerExitPayload[] = [];
  const o: TrainerOwner = {
    id,
    postPort(trainerId, port) {
      if (options.gone) throw new Error('Object has been destroyed');
      ports.push({ trainerId, port: port as FakeMessagePortMain });
    },
    exited: (payload) => { exits.push(payload); },
  };
  return { owner: o, ports, exits };
}

describe('trainer processes', () => {
  it('forks the built worker as "Layerboard trainer" and gives one end of a fresh channel to it, the other to the page, listening on neither', () => {
    const { trainers, forked } = setup();
    const page = owner(1);
    expect(trainers.start(page.owner, 't1')).toEqual({ type: 'ok', value: null });
    expect(forked).toHaveLength(1);
    expect(forked[0]).toMatchObject({ path: WORKER, args: [], options: { serviceName: TRAINER_SERVICE_NAME } });
    const { child } = forked[0];
    expect(child.posted).toHaveLength(1);
    expect(child.posted[0].transfer).toHaveLength(1);
    const utilityEnd = child.posted[0].transfer[0];
    expect(page.ports).toHaveLength(1);
    expect(page.ports[0].trainerId).toBe('t1');
    const pageEnd = page.ports[0].port;
    // The two ends of one channel: page <-> trainer directly.
    expect(utilityEnd.peer).toBe(pageEnd);
    expect(pageEnd.peer).toBe(utilityEnd);
    // Main relays nothing: it neither listens on nor posts to either end.
    for (const port of [utilityEnd, pageEnd]) {
      expect(port.listened()).toBe(false);
      expect(port.postedCount).toBe(0);
    }
    expect(trainers.isRunning(1)).toBe(true);
  });

  it('keeps one trainer per window: a second start ends the first without reporting it as a crash', async () => {
    const { trainers, forked } = setup();
    const page = owner(1);
    const other = owner(2);
    trainers.start(page.owner, 't1');
    trainers.start(other.owner, 'u1');
    trainers.start(page.owner, 't2');
    await settle();
    expect(forked.map((f) => f.child.killCalls)).toEqual([1, 0, 0]);
    expect(forked[0].child.exitCode).toBe(15);
    expect(page.exits).toEqual([]);
    expect(trainers.isRunning(1) && trainers.isRunning(2)).toBe(true);
  });

  it('ends the trainer when the page disposes it, and ignores a stale id', async () => {
    const { trainers, forked } = setup();
    const page = owner(1);
    trainers.start(page.owner, 't1');
    trainers.stop(1, 'not-this-one');
    trainers.stop(2, 't1');
    expect(forked[0].child.killCalls).toBe(0);
    trainers.stop(1, 't1');
    expect(forked[0].child.killCalls).toBe(1);
    expect(trainers.isRunning(1)).toBe(false);
    await settle();
    expect(page.exits).toEqual([]);
    trainers.stop(1, 't1');
    expect(forked[0].child.killCalls).toBe(1);
  });

  it('ends the trainer when its window goes, and every trainer on quit', () => {
    const { trainers, forked } = setup();
    trainers.start(owner(1).owner, 't1');
    trainers.start(owner(2).owner, 't2');
    trainers.start(owner(3).owner, 't3');
    trainers.stopOwner(1);
    expect(forked.map((f) => f.child.killCalls)).toEqual([1, 0, 0]);
    trainers.stopAll();
    expect(forked.map((f) => f.child.killCalls)).toEqual([1, 1, 1]);
    expect([1, 2, 3].some((id) => trainers.isRunning(id))).toBe(false);
  });

  it('tells the page when its trainer dies unasked, once, and then has none', () => {
    const { trainers, forked, logs } = setup();
    const page = owner(1);
    trainers.start(page.owner, 't1');
    forked[0].child.exit(134);
    forked[0].child.exit(134);
    expect(page.exits).toEqual([{ trainerId: 't1', reason: 'The training process stopped unexpectedly (exit code 134).', exitCode: 134 }]);
    expect(trainers.isRunning(1)).toBe(false);
    expect(logs.some((l) => l.includes('t1') && l.includes('134'))).toBe(true);
  });

  it('words the exit from child-process-gone (out of memory) and from a fatal V8 error', () => {
    const { trainers, forked } = setup();
    const page = owner(1);
    trainers.start(page.owner, 't1');
    // Another service's death and another exit code do not count.
    trainers.childProcessGone({ type: 'Utility', reason: 'crashed', exitCode: 9, name: 'Network Service' });
    trainers.childProcessGone({ type: 'Utility', reason: 'killed', exitCode: 1, name: TRAINER_SERVICE_NAME });
    trainers.childProcessGone({ type: 'Utility', reason: 'oom', exitCode: 9, name: TRAINER_SERVICE_NAME });
    forked[0].child.exit(9);
    expect(page.exits.at(-1)!.reason).toBe('The training process ran out of memory.');

    trainers.start(page.owner, 't2');
    forked[1].child.emit('error', 'FatalError', 'Reached heap limit', '{}');
    forked[1].child.exit(133);
    expect(page.exits.at(-1)!).toEqual({ trainerId: 't2', reason: 'The training process ran out of memory (FatalError: Reached heap limit).', exitCode: 133 });
  });

  it('answers an error when the process cannot be forked or the page is gone, and leaves nothing running', () => {
    const { trainers, forked, failFork } = setup();
    failFork(new Error('spawn EACCES'));
    expect(trainers.start(owner(1).owner, 't1')).toEqual({ type: 'error', message: 'The training process could not be started: spawn EACCES' });
    expect(trainers.isRunning(1)).toBe(false);

    expect(trainers.start(owner(1, { gone: true }).owner, 't2')).toEqual({ type: 'error', message: 'The training process could not be connected to this window.' });
    expect(forked[0].child.killCalls).toBe(1);
    expect(forked[0].child.posted[0].transfer[0].closed).toBe(true);
    expect(trainers.isRunning(1)).toBe(false);
  });
});

describe('describeTrainerExit', () => {
  // One row per way a trainer can die.
  const rows: [number | null, string | null, string | null, string][] = [
    [134, null, null, 'The training process stopped unexpectedly (exit code 134).'],
    [0, null, null, 'The training process stopped unexpectedly (exit code 0).'],
    [null, null, null, 'The training process ended unexpectedly.'],
    [9, 'oom', null, 'The training process ran out of memory.'],
    [9, 'memory-eviction', null, 'The system ended the training process to free memory.'],
    [11, 'crashed', null, 'The training process crashed.'],
    [15, 'killed', null, 'The training process was ended from outside Layerboard.'],
    [1, 'launch-failed', null, 'The training process could not be started.'],
    [1, 'integrity-failure', null, 'The training process failed a code integrity check.'],
    [1, 'abnormal-exit', null, 'The training process stopped unexpectedly (exit code 1).'],
    [5, 'crashed', 'FatalError: Reached heap limit', 'The training process ran out of memory (FatalError: Reached heap limit).'],
    [5, null, 'FatalError: Check failed', 'The training process stopped on a fatal error (FatalError: Check failed).'],
  ];
  it.each(rows)('code %s, gone %s, fatal %s', (code, gone, fatal, sentence) => {
    expect(describeTrainerExit(code, gone, fatal)).toBe(sentence);
  });

  it('says each in Korean, the fatal error’s own text kept', () => {
    const ko = translatorFor('ko');
    for (const [code, gone, fatal] of rows) {
      const text = describeTrainerExit(code, gone, fatal, ko);
      expect(text).toMatch(/^학습 프로세스|^시스템이/);
      expect(text).not.toMatch(/\{\{|desktop:/);
      if (fatal !== null) expect(text).toContain(`(${fatal})`);
      else if (gone === null || gone === 'abnormal-exit') expect(text).toContain(code === null ? '예기치 않게 끝났습니다' : `종료 코드 ${code}`);
    }
    expect(describeTrainerExit(9, 'oom', null, ko)).toBe('학습 프로세스의 메모리가 부족합니다.');
  });
});
