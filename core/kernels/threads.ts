/**
 * Threads for the WebAssembly kernels: a large product's rows are split across workers that run
 * the same kernels on the plan's memory, a shared WebAssembly.Memory. Core cannot start a thread
 * itself (it knows neither worker_threads nor Web Workers), so the host hands it a
 * `KernelThreadHost` that starts a worker running `KERNEL_WORKER_SOURCE`; Node's is
 * core/cli/kernel-threads.ts (CLI, bench, tests, Electron's utility process). A browser page may
 * share memory with workers only when it is cross-origin isolated; elsewhere there is no host and
 * the kernels run on one thread.
 *
 * Each row of the output is computed by exactly one thread with the same instructions in the same
 * order as on one thread (the split falls on the kernels' four-row blocks), so the results are
 * the same bits whatever the thread count.
 *
 * Hand-off: each worker has a control block of 16 int32 in the shared memory. The caller writes
 * the arguments, bumps the sequence number and wakes the worker (Atomics.notify); the worker runs
 * its rows, stores the sequence number as done and wakes the caller, which waits with
 * Atomics.wait (allowed in workers and in Node; training never runs on a browser's main thread).
 *
 * A browser starts a nested Web Worker only when the thread that created it returns to its event
 * loop, so a caller that blocked on a worker it had just started would wait forever. A host that
 * says so (`lateStart`) gets products that never wait for a worker that has not yet attached to
 * the memory: the caller runs that worker's rows itself (the same instructions, so the same
 * bits) until the worker flags the block as attached.
 */

/** What a worker needs: the kernels' module, the shared memory and the byte address of its control block. */
export interface KernelWorkerInit {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  control: number;
}

/** One started worker, as the host gives it to core. */
export interface KernelWorker {
  /** Posts a `KernelWorkerInit` (structured clone: the module and the shared memory travel). */
  post(init: KernelWorkerInit): void;
  terminate(): void;
}

/** The host's side: how many threads products may use, and how to start one more worker. */
export interface KernelThreadHost {
  /** Threads a product may be split across, the calling one included (the machine's core count). */
  readonly threads: number;
  /** Starts a worker that runs KERNEL_WORKER_SOURCE (a classic script). */
  startWorker(): KernelWorker;
  /**
   * Products with fewer multiply-adds than this stay on the calling thread (default
   * DEFAULT_MIN_THREADED_WORK); the tests set 0 to send every product through the workers.
   */
  readonly minMultiplyAdds?: number;
  /**
   * A started worker may not run until the calling thread returns to its event loop (a
   * browser's nested Web Worker): products then leave a worker out until it has attached,
   * instead of waiting for it. Node's worker_threads start on their own (default false).
   */
  readonly lateStart?: boolean;
}

/**
 * Below about a million multiply-adds (W3's 256→10 layer: 0.3 M, ~60 µs) waking a worker
 * (tens of µs with Atomics.notify) and the second core's cold caches cost more than they save.
 */
export const DEFAULT_MIN_THREADED_WORK = 1 << 20;

/** Bytes of one control block; they sit in the kernels' own bytes below the plan's first buffer. */
export const CONTROL_BYTES = 64;

// Control block (int32 indices).
const SEQ = 0, OP = 1, ARGS = 2, DONE = 11, ERROR = 12, ATTACHED = 13;
const OP_RELEASE = 0, OP_GEMM = 1;

/**
 * The worker's script (plain JavaScript, no imports): it waits for a KernelWorkerInit message,
 * instantiates the kernels on the shared memory and serves products until released, then waits
 * for the next init (a worker goes back to an idle list when its plan is done).
 */
export const KERNEL_WORKER_SOURCE = `'use strict';
const serve = (init) => {
  const k = new WebAssembly.Instance(init.module, { env: { memory: init.memory } }).exports;
  const s = new Int32Array(init.memory.buffer, init.control, 16);
  // The caller zeroes the block before posting and may bump it before this runs: start from 0.
  let seen = 0;
  Atomics.store(s, ${ATTACHED}, 1);
  for (;;) {
    Atomics.wait(s, ${SEQ}, seen);
    seen = Atomics.load(s, ${SEQ});
    if (s[${OP}] === ${OP_RELEASE}) break;
    try {
      k.gemm_f32(s[${ARGS}], s[${ARGS} + 1], s[${ARGS} + 2], s[${ARGS} + 3], s[${ARGS} + 4], s[${ARGS} + 5], s[${ARGS} + 6], s[${ARGS} + 7], s[${ARGS} + 8]);
    } catch (e) {
      s[${ERROR}] = 1;
    }
    Atomics.store(s, ${DONE}, seen);
    Atomics.notify(s, ${DONE});
  }
};
if (typeof require === 'function') require('worker_threads').parentPort.on('message', serve);
else self.onmessage = (event) => serve(event.data);
`;

let defaultHost: KernelThreadHost | null = null;

/**
 * Sets the thread host plans use when their options name none: the host process calls this
 * once at startup (the CLI, the bench, Electron's trainer process); without it plans run on one
 * thread.
 */
export function setDefaultKernelThreads(host: KernelThreadHost | null): void {
  defaultHost = host;
}

/** The thread host set by setDefaultKernelThreads, or null. */
export function defaultKernelThreads(): KernelThreadHost | null {
  return defaultHost;
}

const idleWorkers = new WeakMap<KernelThreadHost, KernelWorker[]>();

interface Crew {
  workers: KernelWorker[];
  controls: Int32Array[];
  host: KernelThreadHost;
}

/** Workers of a plan that was collected without dispose() go back to the idle list. */
const collected = new FinalizationRegistry<Crew>((crew) => releaseCrew(crew));

function releaseCrew(crew: Crew): void {
  const idle = idleWorkers.get(crew.host) ?? [];
  idleWorkers.set(crew.host, idle);
  crew.controls.forEach((s, i) => {
    s[OP] = OP_RELEASE;
    Atomics.add(s, SEQ, 1);
    Atomics.notify(s, SEQ);
    idle.push(crew.workers[i]);
  });
  crew.workers = [];
  crew.controls = [];
}

/**
 * The workers serving one plan's memory: `gemm` runs the kernels' gemm_f32 over rows split
 * between the calling thread and the workers. Made by WasmKernels for a shared memory.
 */
export class KernelThreads {
  /** Threads a product is split across, the caller included. */
  readonly size: number;
  readonly minMultiplyAdds: number;
  private readonly lateStart: boolean;
  /** Scratch for gemm (no allocation per product): the workers started, the shares run here. */
  private readonly busy: Int32Array;
  private readonly own: Int32Array;
  /** Products that were split (at least one worker ran rows of them) since this was made. */
  splitProducts = 0;
  private readonly crew: Crew;
  private readonly token = {};

  /**
   * `controlAt` is the byte address of the first of `host.threads - 1` control blocks in
   * `memory`, which must stay untouched by everything else.
   */
  constructor(host: KernelThreadHost, module: WebAssembly.Module, memory: WebAssembly.Memory, controlAt: number) {
    const count = Math.max(0, Math.floor(host.threads) - 1);
    const idle = idleWorkers.get(host) ?? [];
    idleWorkers.set(host, idle);
    const workers: KernelWorker[] = [];
    const controls: Int32Array[] = [];
    for (let w = 0; w < count; w++) {
      const control = controlAt + w * CONTROL_BYTES;
      const s = new Int32Array(memory.buffer, control, 16);
      s.fill(0);
      const worker = idle.pop() ?? host.startWorker();
      worker.post({ module, memory, control });
      workers.push(worker);
      controls.push(s);
    }
    this.size = count + 1;
    this.minMultiplyAdds = host.minMultiplyAdds ?? DEFAULT_MIN_THREADED_WORK;
    this.lateStart = host.lateStart ?? false;
    this.busy = new Int32Array(count);
    this.own = new Int32Array(count);
    this.crew = { workers, controls, host };
    collected.register(this, this.crew, this.token);
  }

  /**
   * C rows [0, m) (+)= A·B against panels packed at `panel` (kernels.wat's gemm_f32 arguments,
   * byte addresses and strides): rows in blocks of four, a contiguous share per thread, the
   * caller taking the first. `gemm` is the caller's own instance's export.
   */
  gemm(gemm: (a: number, ai: number, ap: number, panel: number, c: number, m: number, k: number, n: number, acc: number) => void,
    a: number, ai: number, ap: number, panel: number, c: number, m: number, k: number, n: number, acc: number): void {
    const blocks = Math.ceil(m / 4);
    const per = Math.ceil(blocks / this.size) * 4;
    const controls = this.crew.controls;
    // Workers handed a share, and the first rows of shares whose worker has not attached yet
    // (lateStart), which the caller runs after its own.
    const busy = this.busy;
    const own = this.own;
    let started = 0;
    let owned = 0;
    for (let w = 0; w < controls.length; w++) {
      const i0 = (w + 1) * per;
      if (i0 >= m) break;
      const s = controls[w];
      if (this.lateStart && Atomics.load(s, ATTACHED) === 0) {
        own[owned++] = i0;
        continue;
      }
      s[OP] = OP_GEMM;
      s[ARGS] = a + i0 * ai;
      s[ARGS + 1] = ai;
      s[ARGS + 2] = ap;
      s[ARGS + 3] = panel;
      s[ARGS + 4] = c + i0 * n * 4;
      s[ARGS + 5] = Math.min(per, m - i0);
      s[ARGS + 6] = k;
      s[ARGS + 7] = n;
      s[ARGS + 8] = acc;
      Atomics.add(s, SEQ, 1);
      Atomics.notify(s, SEQ);
      busy[started++] = w;
    }
    if (started > 0) this.splitProducts++;
    gemm(a, ai, ap, panel, c, Math.min(per, m), k, n, acc);
    for (let j = 0; j < owned; j++) {
      const i0 = own[j];
      gemm(a + i0 * ai, ai, ap, panel, c + i0 * n * 4, Math.min(per, m - i0), k, n, acc);
    }
    let failed = false;
    for (let j = 0; j < started; j++) {
      const s = controls[busy[j]];
      const seq = Atomics.load(s, SEQ);
      // A short spin first: the worker usually finishes about when the caller does, and a
      // futex wait and wake costs tens of microseconds.
      for (let spin = 0; spin < 2000 && Atomics.load(s, DONE) !== seq; spin++);
      for (let done = Atomics.load(s, DONE); done !== seq; done = Atomics.load(s, DONE)) Atomics.wait(s, DONE, done);
      if (s[ERROR]) failed = true;
    }
    if (failed) throw new Error('A kernel worker failed (an operand outside the shared memory?).');
  }

  /** Sends the workers back to the host's idle list; the plan must not run products after this. */
  dispose(): void {
    collected.unregister(this.token);
    releaseCrew(this.crew);
  }
}
