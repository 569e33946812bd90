/**
 * The trainer's lifecycle in main: one Electron utility process per window, started when the
 * page asks (`startTrainer`), ended when the page disposes it, reloads, crashes or closes.
 *
 * Main creates a MessageChannelMain and hands one port to the utility process and the other
 * straight to the page (`webContents.postMessage`), so progress flows page <-> trainer and main
 * never relays a message; it never even listens on either port. An exit main did not ask for is
 * reported to the page (`trainerExit`) with a sentence it can show, so the UI can keep its last
 * good weights and offer to start again.
 *
 * Electron is injected (main.ts passes utilityProcess.fork and MessageChannelMain), so the tests
 * drive this same code with fakes.
 */
import type { IpcResult, TrainerExitPayload } from '../../core/protocol.ts';
import { englishTranslator, type TFunction } from '../../core/i18n/index.ts';

/** The name the process has in app.getAppMetrics(), task managers and `child-process-gone`. */
export const TRAINER_SERVICE_NAME = 'Layerboard trainer';

/** The part of MessagePortMain main touches: it only hands ports on, and closes one it could not deliver. */
export interface MainMessagePort {
  close(): void;
}

/** The part of Electron's UtilityProcess main uses. */
export interface TrainerUtilityProcess {
  postMessage(message: unknown, transfer?: MainMessagePort[]): void;
  kill(): boolean;
  on(event: 'exit', listener: (code: number) => void): unknown;
  /** A fatal V8 error (e.g. the heap limit). Electron emits 'error' on an EventEmitter, which throws when nobody listens. */
  on(event: 'error', listener: (type: string, location: string, report: string) => void): unknown;
}

/** What the lifecycle needs from Electron. */
export interface TrainerProcessPorts {
  /** utilityProcess.fork (only after app 'ready'). */
  fork(modulePath: string, args: string[], options: { serviceName: string }): TrainerUtilityProcess;
  /** new MessageChannelMain(). */
  createChannel(): { port1: MainMessagePort; port2: MainMessagePort };
}

/** The part of app's `child-process-gone` details read here. */
export interface ChildProcessGoneDetails {
  type: string;
  reason: string;
  exitCode: number;
  /** For a utility process: the `serviceName` it was forked with (Electron's docs for ForkOptions). */
  name?: string;
  /** Chromium's service name (for a utility process from utilityProcess.fork, its mojo interface). */
  serviceName?: string;
}

/** How the lifecycle reaches the page that owns a trainer. */
export interface TrainerOwner {
  /** The window's webContents id: one trainer per id. */
  readonly id: number;
  /** Hands the page its end of the channel; throws when the page is gone. */
  postPort(trainerId: string, port: MainMessagePort): void;
  /** A trainer ended without being asked. */
  exited(payload: TrainerExitPayload): void;
}

export interface TrainerProcesses {
  /** Starts a trainer for `owner`, ending the one it had (one per window). */
  start(owner: TrainerOwner, trainerId: string): IpcResult<null>;
  /** The page is done with `trainerId`; a stale id (already replaced) is ignored. */
  stop(ownerId: number, trainerId: string): void;
  /** The window closed, reloaded or its renderer died: its trainer goes too. */
  stopOwner(ownerId: number): void;
  /** Whether the window has a live trainer. */
  isRunning(ownerId: number): boolean;
  /** Feeds app's `child-process-gone`, which knows why a process died (out of memory, crashed, killed). */
  childProcessGone(details: ChildProcessGoneDetails): void;
  /** Ends every trainer (the app is quitting). */
  stopAll(): void;
}

export interface TrainerProcessOptions {
  /** The built worker entry (out/main/trainer-worker.js). */
  workerPath: string;
  log(message: string): void;
  /** The translator for the language in effect now: what the page is told uses core's `desktop:trainer` words. English if absent. */
  t?: () => TFunction;
}

/** `child-process-gone` reasons with a sentence of their own (`desktop:trainer.<key>`). */
const GONE_REASONS: Readonly<Record<string, string>> = {
  oom: 'oom', 'memory-eviction': 'memoryEviction', crashed: 'crashed', killed: 'killed', 'launch-failed': 'launchFailed', 'integrity-failure': 'integrityFailure',
};

/** The sentence the page shows when a trainer ends unasked, in `t`'s language (the fatal error's own text stays as V8 wrote it). */
export function describeTrainerExit(exitCode: number | null, goneReason: string | null, fatalError: string | null, t: TFunction = englishTranslator()): string {
  if (fatalError !== null) {
    return t(/heap|memory|allocation/i.test(fatalError) ? 'desktop:trainer.outOfMemoryFatal' : 'desktop:trainer.fatal', { error: fatalError });
  }
  const gone = goneReason === null ? undefined : GONE_REASONS[goneReason];
  if (gone !== undefined) return t(`desktop:trainer.${gone}`);
  if (exitCode === null) return t('desktop:trainer.endedUnexpectedly');
  return t('desktop:trainer.exitCode', { code: exitCode });
}

/** How many `child-process-gone` reports to hold for exits that have not arrived yet. */
const MAX_PENDING_GONE = 8;

export function createTrainerProcesses(ports: TrainerProcessPorts, options: TrainerProcessOptions): TrainerProcesses {
  const words = options.t ?? englishTranslator;
  interface Trainer {
    readonly owner: TrainerOwner;
    readonly trainerId: string;
    readonly child: TrainerUtilityProcess;
    /** Main asked it to end (or already reported its end): its exit is not news to the page. */
    ended: boolean;
    fatalError: string | null;
  }
  const byOwner = new Map<number, Trainer>();
  // `child-process-gone` names the service, not the process, so its reason is matched to the
  // next trainer exit with the same exit code. Either event may come first; when 'exit' comes
  // first the page gets the exit code's wording, which is still true.
  let gone: ChildProcessGoneDetails[] = [];

  function end(trainer: Trainer): void {
    if (byOwner.get(trainer.owner.id) === trainer) byOwner.delete(trainer.owner.id);
    if (trainer.ended) return;
    trainer.ended = true;
    try {
      trainer.child.kill();
    } catch (error) {
      options.log(`could not end trainer ${trainer.trainerId}: ${String(error)}`);
    }
  }

  function onExit(trainer: Trainer, exitCode: number): void {
    const match = gone.findIndex((g) => g.exitCode === exitCode);
    const details = match >= 0 ? gone.splice(match, 1)[0] : null;
    if (byOwner.get(trainer.owner.id) === trainer) byOwner.delete(trainer.owner.id);
    if (trainer.ended) return;
    trainer.ended = true;
    const reason = describeTrainerExit(exitCode, details?.reason ?? null, trainer.fatalError, words());
    options.log(`trainer ${trainer.trainerId} exited (code ${exitCode}${details ? `, ${details.reason}` : ''}): ${describeTrainerExit(exitCode, details?.reason ?? null, trainer.fatalError)}`);
    trainer.owner.exited({ trainerId: trainer.trainerId, reason, exitCode });
  }

  return {
    start(owner, trainerId) {
      const previous = byOwner.get(owner.id);
      if (previous !== undefined) end(previous);
      let child: TrainerUtilityProcess;
      try {
        child = ports.fork(options.workerPath, [], { serviceName: TRAINER_SERVICE_NAME });
      } catch (error) {
        options.log(`could not start a trainer: ${String(error)}`);
        return { type: 'error', message: words()('desktop:trainer.startFailed', { error: error instanceof Error ? error.message : String(error) }) };
      }
      const trainer: Trainer = { owner, trainerId, child, ended: false, fatalError: null };
      byOwner.set(owner.id, trainer);
      child.on('error', (type, location) => {
        trainer.fatalError = location ? `${type}: ${location}` : type;
        options.log(`trainer ${trainerId}: ${trainer.fatalError}`);
      });
      child.on('exit', (code) => onExit(trainer, code));

      const { port1, port2 } = ports.createChannel();
      try {
        // Messages posted before the child has spawned are queued by Electron.
        child.postMessage(null, [port1]);
        owner.postPort(trainerId, port2);
      } catch (error) {
        port1.close();
        port2.close();
        end(trainer);
        options.log(`could not connect trainer ${trainerId}: ${String(error)}`);
        return { type: 'error', message: words()('desktop:trainer.connectFailed') };
      }
      return { type: 'ok', value: null };
    },

    stop(ownerId, trainerId) {
      const trainer = byOwner.get(ownerId);
      if (trainer !== undefined && trainer.trainerId === trainerId) end(trainer);
    },

    stopOwner(ownerId) {
      const trainer = byOwner.get(ownerId);
      if (trainer !== undefined) end(trainer);
    },

    isRunning: (ownerId) => byOwner.has(ownerId),

    childProcessGone(details) {
      // ForkOptions.serviceName shows as `name`; `serviceName` is accepted too in case that changes.
      if (details.type !== 'Utility' || (details.name !== TRAINER_SERVICE_NAME && details.serviceName !== TRAINER_SERVICE_NAME)) return;
      gone.push(details);
      if (gone.length > MAX_PENDING_GONE) gone = gone.slice(-MAX_PENDING_GONE);
    },

    stopAll() {
      for (const trainer of [...byOwner.values()]) end(trainer);
    },
  };
}
