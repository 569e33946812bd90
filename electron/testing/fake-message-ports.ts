/**
 * Electron's MessageChannelMain / MessagePortMain and a utility process, in memory, close enough
 * to Electron's behaviour for the trainer's lifecycle and wiring: ports use Node-style events,
 * hold messages until start(), deliver on a later macrotask, structured-clone what they carry,
 * transfer only ports (Electron refuses anything else), and tell the other end 'close' when one
 * end closes or its process ends. Every port records whether anyone listened on it, so a test
 * can prove that main never relays a message.
 */
import { EventEmitter } from 'node:events';

export class FakeMessagePortMain extends EventEmitter {
  peer: FakeMessagePortMain | null = null;
  started = false;
  closed = false;
  /** Messages that arrived before start(). */
  private readonly queue: { data: unknown; ports: FakeMessagePortMain[] }[] = [];
  /** How many messages this end has posted. */
  postedCount = 0;

  postMessage(message: unknown, transfer: unknown[] = []): void {
    transfer.forEach((port, index) => {
      if (!(port instanceof FakeMessagePortMain)) throw new TypeError(`Port at index ${index} is not a valid port`);
    });
    if (this.closed) return;
    this.postedCount++;
    const data = structuredClone(message);
    const peer = this.peer;
    setImmediate(() => peer?.receive(data, transfer as FakeMessagePortMain[]));
  }

  private receive(data: unknown, ports: FakeMessagePortMain[]): void {
    if (this.closed) return;
    this.queue.push({ data, ports });
    this.flush();
  }

  private flush(): void {
    while (this.started && !this.closed && this.queue.length > 0) this.emit('message', this.queue.shift());
  }

  start(): void {
    this.started = true;
    this.flush();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    const peer = this.peer;
    this.peer = null;
    if (peer !== null) {
      peer.peer = null;
      setImmediate(() => peer.emit('close'));
    }
  }

  /** Whether anything subscribed to this end's messages. */
  listened(): boolean {
    return this.listenerCount('message') > 0 || this.started;
  }
}

export function createFakeChannel(): { port1: FakeMessagePortMain; port2: FakeMessagePortMain } {
  const port1 = new FakeMessagePortMain();
  const port2 = new FakeMessagePortMain();
  port1.peer = port2;
  port2.peer = port1;
  return { port1, port2 };
}

/** `process.parentPort` inside a fake utility process. */
export class FakeParentPort extends EventEmitter {
  postMessage(_message: unknown): void {}
}

let nextPid = 4000;

/** A utility process from utilityProcess.fork. Nothing runs in it unless a test connects a worker to `parentPort`. */
export class FakeUtilityProcess extends EventEmitter {
  pid: number | undefined = nextPid++;
  readonly parentPort = new FakeParentPort();
  /** What main posted to the process, and the ports it transferred. */
  readonly posted: { message: unknown; transfer: FakeMessagePortMain[] }[] = [];
  killCalls = 0;
  exitCode: number | null = null;

  constructor(readonly modulePath: string, readonly args: string[], readonly options: { serviceName?: string }) {
    super();
  }

  postMessage(message: unknown, transfer: unknown[] = []): void {
    transfer.forEach((port, index) => {
      if (!(port instanceof FakeMessagePortMain)) throw new TypeError(`Port at index ${index} is not a valid port`);
    });
    const ports = transfer as FakeMessagePortMain[];
    this.posted.push({ message, transfer: ports });
    const data = structuredClone(message);
    setImmediate(() => {
      if (this.exitCode === null) this.parentPort.emit('message', { data, ports });
    });
  }

  /** Like UtilityProcess.kill(): SIGTERM, and 'exit' follows asynchronously. */
  kill(): boolean {
    this.killCalls++;
    if (this.exitCode !== null) return false;
    setImmediate(() => this.exit(15));
    return true;
  }

  /** The process ends: with a code main did not ask for, this is a crash. Its ports close. */
  exit(code: number): void {
    if (this.exitCode !== null) return;
    this.exitCode = code;
    this.pid = undefined;
    for (const { transfer } of this.posted) for (const port of transfer) port.close();
    this.emit('exit', code);
  }
}
