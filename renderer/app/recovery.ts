/**
 * When the page writes its recovery copy: every 30 s while the project has unsaved changes, and
 * only when it changed since the last copy; the copy is removed once the project is clean again
 * (saved, undone back to the saved state, or replaced after the user chose not to save). The
 * store (Host.recovery) decides where copies live; docs/electron.md, "Never lose work".
 */
import type { RecoveryStore, RecoveryWrite } from '../host/host.ts';

/** The product's interval; tests pass a shorter one (`?recoveryInterval=ms` in the browser build). */
export const RECOVERY_INTERVAL_MS = 30_000;

/** What a copy holds; made only when a copy is due (serialising a large project is not free). */
export type RecoverySnapshot = Omit<RecoveryWrite, 'id'>;

export interface RecoveryTimers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(timer: unknown): void;
}

export interface RecoverySchedulerOptions {
  store: Pick<RecoveryStore, 'write' | 'remove'>;
  /** This page's copy id. */
  id: string;
  intervalMs?: number;
  timers?: RecoveryTimers;
  /** A write or removal failed (said once per kind until one succeeds). */
  onError?(message: string): void;
}

const defaultTimers: RecoveryTimers = {
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: (timer) => clearInterval(timer as ReturnType<typeof setInterval>),
};

export class RecoveryScheduler {
  private id: string;
  private readonly intervalMs: number;
  private readonly timers: RecoveryTimers;
  private timer: unknown = null;
  private dirty = false;
  private version: unknown = undefined;
  private snapshot: (() => RecoverySnapshot) | null = null;
  /** The version the copy on disk holds; undefined: there is no copy. */
  private written: unknown = undefined;
  private hasCopy = false;
  /** A copy was written or is being written since the last removal. */
  private mayHaveCopy = false;
  private failing = false;

  constructor(private readonly options: RecoverySchedulerOptions) {
    this.id = options.id;
    this.intervalMs = options.intervalMs ?? RECOVERY_INTERVAL_MS;
    this.timers = options.timers ?? defaultTimers;
  }

  get copyId(): string {
    return this.id;
  }

  /**
   * The document as it is now: `version` changes whenever the project does (the document
   * object itself will do), `snapshot` makes the copy when one is due.
   */
  update(dirty: boolean, version: unknown, snapshot: () => RecoverySnapshot): void {
    this.version = version;
    this.snapshot = snapshot;
    if (dirty === this.dirty) return;
    this.dirty = dirty;
    if (dirty) {
      this.timer = this.timers.setInterval(() => void this.tick(), this.intervalMs);
    } else {
      this.stop();
      void this.removeCopy();
    }
  }

  /** This page carries on a restored copy: it writes to that copy from now on (the copy holds `version`). */
  adopt(id: string, version: unknown): void {
    if (this.hasCopy && id !== this.id) void this.removeCopy();
    this.id = id;
    this.hasCopy = true;
    this.mayHaveCopy = true;
    this.written = version;
  }

  /** Writes a copy now if one is due (the interval's tick). */
  async tick(): Promise<void> {
    if (!this.dirty || this.snapshot === null || (this.hasCopy && this.written === this.version)) return;
    const version = this.version;
    this.mayHaveCopy = true;
    const result = await this.options.store.write({ id: this.id, ...this.snapshot() });
    if (result.type === 'ok') {
      this.failing = false;
      // Saved or discarded while the copy was being written: the store has removed it after this write.
      if (!this.dirty) return;
      this.hasCopy = true;
      this.written = version;
    } else if (result.type === 'error' && !this.failing) {
      this.failing = true;
      this.options.onError?.(result.message);
    }
  }

  /** Stops the timer (the page is going away); the copy stays. */
  dispose(): void {
    this.stop();
  }

  private stop(): void {
    if (this.timer !== null) this.timers.clearInterval(this.timer);
    this.timer = null;
  }

  private async removeCopy(): Promise<void> {
    // A write still in flight is covered: the store removes after the writes it already has.
    this.hasCopy = false;
    this.written = undefined;
    if (!this.mayHaveCopy) return;
    this.mayHaveCopy = false;
    const result = await this.options.store.remove(this.id);
    if (result.type === 'error') this.options.onError?.(result.message);
  }
}
