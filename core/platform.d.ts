/**
 * The few host globals that exist in every runtime core runs in (a browser Web Worker,
 * Node, an Electron utility process) but are not part of the ES2022 library.
 * Declared here, narrowly, so that core cannot reach for anything runtime-specific.
 */
declare global {
  interface TextDecodeOptions { stream?: boolean }
  interface TextDecoderOptions { fatal?: boolean; ignoreBOM?: boolean }
  class TextDecoder {
    constructor(label?: string, options?: TextDecoderOptions);
    readonly encoding: string;
    readonly fatal: boolean;
    decode(input?: ArrayBufferView | ArrayBuffer, options?: TextDecodeOptions): string;
  }
  class TextEncoder {
    encode(input?: string): Uint8Array;
  }
  function setTimeout(callback: () => void, ms?: number): unknown;
  function queueMicrotask(callback: () => void): void;
  const performance: { now(): number };
  /**
   * The part of WebAssembly that core/kernels/wasm.ts uses: compiling and instantiating the
   * SIMD kernels (module bytes embedded in core), growing their memory, and the shared memory
   * the kernel threads use (core/kernels/threads.ts).
   */
  namespace WebAssembly {
    class Module {
      constructor(bytes: ArrayBuffer | Uint8Array);
    }
    class Instance {
      constructor(module: Module, imports?: Record<string, Record<string, unknown>>);
      readonly exports: Record<string, unknown>;
    }
    class Memory {
      /** A shared memory (threads) needs a maximum; its buffer is then a SharedArrayBuffer. */
      constructor(descriptor: { initial: number; maximum?: number; shared?: boolean });
      readonly buffer: ArrayBuffer;
      grow(deltaPages: number): number;
    }
    function compile(bytes: ArrayBuffer | Uint8Array): Promise<Module>;
    function validate(bytes: ArrayBuffer | Uint8Array): boolean;
  }
}
export {};
