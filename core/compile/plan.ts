/**
 * The plan: a flat, ordered list of forward steps and the reverse list of backward steps,
 * bound to preallocated Float32Array buffers sized for a batch. All parameters live in one
 * flat array (and their gradients in another of the same layout) so optimizers run over
 * flat arrays. Running a step allocates nothing.
 *
 * Every buffer is a view into one block of memory (an `Arena`): the WebAssembly instance's
 * memory when the plan runs the SIMD kernels (they reach nothing else), an ArrayBuffer
 * otherwise. Parameters, gradients and optimizer state come first, at offsets that never move,
 * so growing the batch buffers keeps them; views are rebuilt whenever the memory moves.
 */
import type { GraphNode, InitType, OutputNode } from '../graph/types.ts';
import { attachParamMemory, type Arena, type Floats, type KernelBackend, type ParamMemory } from '../kernels/backend.ts';
import { cpuBackend, sumSquares } from '../kernels/cpu.ts';
import { ELEMENTWISE } from '../ops/activations.ts';
import { createWasmKernels, productScratchBytes, wasmRelaxedSimd, type WasmKernels } from '../kernels/wasm.ts';
import { defaultKernelThreads, type KernelThreadHost } from '../kernels/threads.ts';
import { Rng } from '../kernels/random.ts';
import { LOSSES } from '../ops/losses.ts';
import type { PlanState, Step, StepBinding } from '../ops/op.ts';
import { OPS } from '../ops/table.ts';
import type { StoredWeights } from '../train/settings.ts';
import type { GraphAnalysis } from './analyze.ts';
import { english, type MessageParams } from '../i18n/message.ts';

/** One linear layer's parameters: views into the plan's flat arrays. `weight` is [in, out]. */
export interface LayerParams {
  nodeId: string;
  inFeatures: number;
  outFeatures: number;
  init: InitType;
  weight: Floats;
  bias: Floats | null;
  dWeight: Floats;
  dBias: Floats | null;
}

/**
 * Which kernels run the linear layers. 'wasm': WebAssembly SIMD for every layer (an error where
 * the runtime lacks it). 'js': plain TypeScript. 'auto' (the default): WebAssembly where it is
 * available and faster for the layer's shape, else TypeScript; float64 plans stay in TypeScript.
 * A KernelBackend object runs every layer on that backend, over ordinary memory.
 */
export type BackendChoice = 'auto' | 'js' | 'wasm';

/** The kernels chosen for one linear layer, for display (the benchmark's kernel column). */
export interface LayerKernel {
  nodeId: string;
  backend: string;
  /** The loop shape: register block and packing. */
  tile: string;
  /**
   * With kernel threads: the batch rows from which this layer's products are split across them
   * (all three have rows × in × out multiply-adds).
   */
  threadsFromRows?: number;
  /** The activation (ReLU, LeakyReLU) that takes this layer's output and is computed in its forward product's epilogue. */
  fusedActivation?: string;
}

export interface PlanOptions {
  /** Rows the buffers hold at first; grows on demand. */
  capacity?: number;
  backend?: BackendChoice | KernelBackend;
  /** Seeds initialisation and dropout. */
  seed?: number;
  /** Element type of every buffer. 'float64' exists for gradient checks; training uses 'float32'. */
  dtype?: 'float32' | 'float64';
  /**
   * Worker threads for the WebAssembly products (core/kernels/threads.ts); default: the host's
   * (setDefaultKernelThreads), null for one thread. The results are the same bits either way.
   */
  threads?: KernelThreadHost | null;
}

/** Loading stored weights: a refusal says why in English, with its `model` key and values (see `modelText`). */
export type WeightLoadResult = { type: 'ok' } | { type: 'error'; message: string; messageKey: string; params: MessageParams; nodeId?: string };

function weightsDoNotFit(nodeId: string, key: string, params: MessageParams): WeightLoadResult {
  return { type: 'error', nodeId, message: english(`model:weights.${key}`, params), messageKey: `weights.${key}`, params };
}

export class Plan {
  readonly order: GraphNode[];
  readonly inputWidth: number;
  readonly outputWidth: number;
  /** Numbers per row in the target buffer: 1 for class indices, else the output width. */
  readonly targetWidth: number;
  /** The flat parameters; a new view after the memory moves (ensureCapacity), so read it from the plan. */
  params: Floats;
  /** The flat gradients, laid out like `params`. */
  grads: Floats;
  readonly layers: LayerParams[];
  readonly state: PlanState;
  /** The backend of the plan's memory (the linear layers may each use another: `kernels`). */
  readonly backend: KernelBackend;
  /** The kernels each linear layer runs on. */
  readonly kernels: LayerKernel[];
  readonly outputNode: OutputNode;
  readonly seed: number;
  private readonly Array: Float32ArrayConstructor | Float64ArrayConstructor;

  capacity = 0;
  input: Floats = new Float32Array(0);
  target: Floats = new Float32Array(0);
  private outputs = new Map<string, Floats>();
  private dOutputs = new Map<string, Floats>();
  private forwardSteps: Step[] = [];
  private backwardSteps: Step[] = [];
  private readonly producers: Map<string, string[]>;
  private readonly widths: Record<string, number>;
  private readonly needsGrad = new Set<string>();
  private readonly layerByNode = new Map<string, LayerParams>();
  private readonly layerOffsets: { weightAt: number; biasAt: number }[];
  private readonly scratch = new Map<string, Record<string, Uint8Array | Floats>>();
  private readonly arena: Arena;
  private readonly wasm: WasmKernels | null;
  private readonly kernelsByNode = new Map<string, KernelBackend>();
  private buffer: ArrayBuffer;
  private readonly paramsAt: number;
  private readonly paramCount: number;
  private readonly gradsAt: number;
  private readonly paramMemory: ParamMemory | null = null;
  private readonly stateAt: number[] = [];
  /** End of the parameter block; the batch buffers follow. */
  private readonly fixedEnd: number;

  constructor(analysis: GraphAnalysis, options: PlanOptions = {}) {
    if (!analysis.ok) throw new Error('Plan needs a graph without errors; check analysis.diagnostics first.');
    const { structure, nodeWidths } = analysis;
    this.seed = options.seed ?? 0;
    const f64 = options.dtype === 'float64';
    this.Array = f64 ? Float64Array : Float32Array;
    const choice = options.backend ?? 'auto';
    const threads = options.threads === undefined ? defaultKernelThreads() : options.threads;
    this.wasm = choice === 'wasm' || (choice === 'auto' && !f64) ? createWasmKernels(f64 ? null : threads) : null;
    if (choice === 'wasm' && this.wasm === null) throw new Error("WebAssembly SIMD is not available in this runtime: compile the plan with backend 'auto' or 'js'.");
    this.arena = this.wasm ?? new ArrayArena();
    this.backend = typeof choice === 'object' ? choice : this.wasm ?? cpuBackend;
    this.order = structure.order.map((id) => structure.nodes.get(id)!);
    this.producers = structure.inputsOf;
    this.widths = nodeWidths;
    this.inputWidth = nodeWidths[structure.inputId!];
    this.outputNode = structure.nodes.get(structure.outputId!) as OutputNode;
    this.outputWidth = nodeWidths[this.outputNode.id];
    this.targetWidth = LOSSES[this.outputNode.loss].target === 'classIndex' ? 1 : this.outputWidth;

    // Parameter layout: each linear's weight [in, out], then its bias, in topological order.
    let size = 0;
    const shapes: { node: GraphNode; inF: number; outF: number; weightAt: number; biasAt: number; bias: number }[] = [];
    for (const node of this.order) {
      const op = OPS[node.type];
      if (!op.paramShape) continue;
      const inF = nodeWidths[this.producers.get(node.id)![0]];
      const shape = op.paramShape(node, inF, nodeWidths[node.id]);
      const weightAt = size;
      size += shape.weight[0] * shape.weight[1];
      const biasAt = size;
      size += shape.bias;
      shapes.push({ node, inF, outF: shape.weight[1], weightAt, biasAt, bias: shape.bias });
    }
    // The fixed block: parameters, gradients and (in WebAssembly memory) three optimizer state
    // arrays, each padded with zeros to a multiple of 16 bytes.
    const bytes = this.Array.BYTES_PER_ELEMENT;
    let at = this.arena.base;
    const region = (length: number): number => {
      const start = at;
      at += align16(length * bytes);
      return start;
    };
    this.paramCount = size;
    this.paramsAt = region(size);
    this.gradsAt = region(size);
    const padded = align16(size * bytes) / bytes;
    if (this.wasm && !f64) for (let i = 0; i < 3; i++) this.stateAt.push(region(padded));
    this.fixedEnd = at;
    this.buffer = this.arena.reserve(at);
    this.params = new this.Array(this.buffer, this.paramsAt, size);
    this.grads = new this.Array(this.buffer, this.gradsAt, size);
    this.layers = shapes.map(({ node, inF, outF, weightAt, biasAt, bias }) => ({
      nodeId: node.id,
      inFeatures: inF,
      outFeatures: outF,
      init: (node.type === 'linear' ? node.init : undefined) ?? 'pytorch',
      weight: this.params.subarray(weightAt, weightAt + inF * outF),
      bias: bias > 0 ? this.params.subarray(biasAt, biasAt + bias) : null,
      dWeight: this.grads.subarray(weightAt, weightAt + inF * outF),
      dBias: bias > 0 ? this.grads.subarray(biasAt, biasAt + bias) : null,
    }));
    this.layerOffsets = shapes.map(({ weightAt, biasAt }) => ({ weightAt, biasAt }));
    for (const layer of this.layers) this.layerByNode.set(layer.nodeId, layer);
    if (this.wasm && !f64) {
      const view = (offset: number) => new Float32Array(this.buffer, offset, padded);
      this.paramMemory = { params: this.params as Float32Array, grads: this.grads as Float32Array, state: [view(this.stateAt[0]), view(this.stateAt[1]), view(this.stateAt[2])], padded, updates: this.wasm };
      attachParamMemory(this.paramMemory);
    }
    this.kernels = this.layers.map((layer) => {
      const { backend, tile, threadsFromRows } = this.chooseKernels(layer, choice);
      this.kernelsByNode.set(layer.nodeId, backend);
      return { nodeId: layer.nodeId, backend: backend.name, tile, ...(threadsFromRows ? { threadsFromRows } : {}) };
    });

    for (const node of this.order) {
      const hasParams = this.layerByNode.has(node.id);
      if (hasParams || this.producers.get(node.id)!.some((p) => this.needsGrad.has(p))) this.needsGrad.add(node.id);
    }

    this.state = { training: false, rng: Rng.derive(this.seed, 'dropout'), target: this.target, loss: NaN, computeLoss: false };
    this.ensureCapacity(Math.max(1, options.capacity ?? 1));
    this.initialize(this.seed);
  }

  /**
   * Picks the kernels for one linear layer. WebAssembly wins on every layer shape measured here
   * (13→3 at 506 rows included: 12 µs against 66 µs for X·W; docs/performance.md), so 'auto'
   * takes it wherever the plan's memory is WebAssembly's; float64 plans have no WebAssembly
   * memory under 'auto' and stay in TypeScript.
   */
  private chooseKernels(layer: LayerParams, choice: BackendChoice | KernelBackend): { backend: KernelBackend; tile: string; threadsFromRows?: number } {
    if (typeof choice === 'object') return { backend: choice, tile: 'own' };
    if (this.wasm) {
      const out = layer.outFeatures;
      if (this.Array === Float64Array) return { backend: this.wasm, tile: 'f64 scalar' };
      const block = out <= 4 ? 'f32x4 4×4' : `f32x4 4×8 on packed A, ${Math.ceil(out / 8)} panel${out > 8 ? 's' : ''}`;
      const threads = this.wasm.threads;
      // Per batch row: the largest of the layer's three products (X·W and dY·Wᵀ have the batch as rows).
      // The kernels split products of more than four rows (the weight gradient's rows are the inputs).
      const threadsFromRows = threads && threads.size > 1 ? Math.max(5, Math.ceil(threads.minMultiplyAdds / (layer.inFeatures * out))) : undefined;
      const split = threadsFromRows ? `, ${threads!.size} threads from ${threadsFromRows} rows` : '';
      return { backend: this.wasm, tile: `${block}${wasmRelaxedSimd() ? ', fused madd' : ''}${split}`, threadsFromRows };
    }
    return { backend: cpuBackend, tile: layer.outFeatures <= 16 ? 'narrow 1×4' : 'packed 2×4' };
  }

  /** Rebuilds the views of the fixed block after the memory moved; their contents are kept. */
  private bindParams(): void {
    // Not this.params.length: a detached view has length 0.
    const size = this.paramCount;
    this.params = new this.Array(this.buffer, this.paramsAt, size);
    this.grads = new this.Array(this.buffer, this.gradsAt, size);
    this.layers.forEach((layer, i) => {
      const { weightAt, biasAt } = this.layerOffsets[i];
      const weightLength = layer.inFeatures * layer.outFeatures;
      layer.weight = this.params.subarray(weightAt, weightAt + weightLength);
      layer.dWeight = this.grads.subarray(weightAt, weightAt + weightLength);
      if (layer.bias) layer.bias = this.params.subarray(biasAt, biasAt + layer.outFeatures);
      if (layer.dBias) layer.dBias = this.grads.subarray(biasAt, biasAt + layer.outFeatures);
    });
    const memory = this.paramMemory;
    if (memory) {
      memory.params = this.params as Float32Array;
      memory.grads = this.grads as Float32Array;
      memory.state = [0, 1, 2].map((i) => new Float32Array(this.buffer, this.stateAt[i], memory.padded)) as ParamMemory['state'];
      attachParamMemory(memory);
    }
  }

  /**
   * Grows the batch buffers to hold `rows` rows (rebinding every step). Never shrinks. The
   * batch buffers start zeroed; parameters, gradients and optimizer state keep their values,
   * but views of them taken before may be stale: read them from the plan again.
   */
  ensureCapacity(rows: number): void {
    if (rows <= this.capacity) return;
    const capacity = rows;
    this.capacity = capacity;
    const bytes = this.Array.BYTES_PER_ELEMENT;
    let at = this.fixedEnd;
    const region = (length: number): number => {
      const start = at;
      at += align16(length * bytes);
      return start;
    };
    const inputAt = region(capacity * this.inputWidth);
    const targetAt = region(capacity * this.targetWidth);
    const outputAt = new Map<string, number>();
    const dOutputAt = new Map<string, number>();
    for (const node of this.order) {
      const op = OPS[node.type];
      const width = this.widths[node.id];
      if (node.type !== 'input' && !op.aliasesInput) outputAt.set(node.id, region(capacity * width));
      if (this.needsGrad.has(node.id) && !op.aliasesInput) dOutputAt.set(node.id, region(capacity * width));
    }
    // Room for the WebAssembly kernels to pack the right-hand side of any product they run.
    let scratch = 0;
    if (this.wasm && this.Array === Float32Array) {
      for (const layer of this.layers) {
        if (this.kernelsByNode.get(layer.nodeId) !== this.wasm) continue;
        const { inFeatures: inF, outFeatures: outF } = layer;
        // X·W, Xᵀ·dY and dY·Wᵀ
        scratch = Math.max(scratch, productScratchBytes(capacity, inF, outF), productScratchBytes(inF, capacity, outF), productScratchBytes(capacity, outF, inF));
      }
    }
    const scratchAt = at;
    at += align16(scratch);
    // Slack: the WebAssembly kernels may read (never write) up to 16 bytes past a buffer's end.
    at += SLACK;

    const buffer = this.arena.reserve(at);
    if (buffer !== this.buffer) {
      this.buffer = buffer;
      this.bindParams();
    }
    new Uint8Array(buffer, this.fixedEnd, at - this.fixedEnd).fill(0);
    this.wasm?.useScratch(scratchAt, scratch);
    const view = (offset: number, length: number): Floats => new this.Array(buffer, offset, length);
    this.input = view(inputAt, capacity * this.inputWidth);
    this.target = view(targetAt, capacity * this.targetWidth);
    this.state.target = this.target;
    this.outputs.clear();
    this.dOutputs.clear();
    for (const node of this.order) {
      const op = OPS[node.type];
      const width = this.widths[node.id];
      if (node.type === 'input') this.outputs.set(node.id, this.input);
      else if (op.aliasesInput) this.outputs.set(node.id, this.outputs.get(this.producers.get(node.id)![0])!);
      else this.outputs.set(node.id, view(outputAt.get(node.id)!, capacity * width));
      if (dOutputAt.has(node.id)) this.dOutputs.set(node.id, view(dOutputAt.get(node.id)!, capacity * width));
    }

    const bindings = new Map<string, StepBinding>();
    for (const node of this.order) {
      const producers = this.producers.get(node.id)!;
      const layer = this.layerByNode.get(node.id);
      let scratch = this.scratch.get(node.id);
      if (!scratch) this.scratch.set(node.id, (scratch = {}));
      bindings.set(node.id, {
        node,
        inputs: producers.map((p) => this.outputs.get(p)!),
        inWidths: producers.map((p) => this.widths[p]),
        output: this.outputs.get(node.id)!,
        outWidth: this.widths[node.id],
        dOutput: this.dOutputs.get(node.id) ?? null,
        dInputs: producers.map((p) => this.dOutputs.get(p) ?? null),
        accumulate: producers.map(() => false),
        weight: layer?.weight ?? null,
        bias: layer?.bias ?? null,
        dWeight: layer?.dWeight ?? null,
        dBias: layer?.dBias ?? null,
        capacity,
        scratch,
        kernels: this.kernelsByNode.get(node.id) ?? this.backend,
        state: this.state,
      });
    }
    // Gradients sum at fan-out: in backward order, the first consumer to reach a producer
    // overwrites its gradient buffer and the later ones add into it.
    const written = new Set<string>();
    const reversed = [...this.order].reverse();
    for (const node of reversed) {
      const b = bindings.get(node.id)!;
      b.dInputs.forEach((d, i) => {
        if (d === null) return;
        const p = this.producers.get(node.id)![i];
        b.accumulate[i] = written.has(p);
        written.add(p);
      });
    }
    // A backend's own step for an op type where it has one (the WebAssembly ReLU), else the table's.
    const forward = (n: GraphNode): Step => {
      const b = bindings.get(n.id)!;
      return b.kernels.ops?.[n.type]?.forward?.(b) ?? OPS[n.type].forward(b);
    };
    const backward = (n: GraphNode): Step | null => {
      const b = bindings.get(n.id)!;
      return b.kernels.ops?.[n.type]?.backward?.(b) ?? OPS[n.type].backward(b);
    };
    // Linear → ReLU / LeakyReLU, both on the WebAssembly kernels: one step computes both outputs
    // (the activation in the product's epilogue, with the activation step's bits), and the
    // activation's own forward pass goes away. Its backward is unchanged.
    const fusedLinear = new Map<string, Step>();
    const fusedAway = new Set<string>();
    if (this.wasm) {
      for (const node of this.order) {
        if (node.type !== 'relu' && node.type !== 'leakyRelu') continue;
        const [producer] = this.producers.get(node.id) ?? [];
        const lb = producer === undefined ? undefined : bindings.get(producer);
        const ab = bindings.get(node.id)!;
        if (!lb || lb.node.type !== 'linear' || fusedLinear.has(producer) || lb.kernels !== this.wasm || ab.kernels !== this.wasm) continue;
        const step = this.wasm.fuseLinearActivation(lb, ab);
        if (!step) continue;
        fusedLinear.set(producer, step);
        fusedAway.add(node.id);
        const entry = this.kernels.find((k) => k.nodeId === producer);
        if (entry) entry.fusedActivation = ELEMENTWISE[node.type].title;
      }
    }
    this.forwardSteps = this.order.filter((n) => n.type !== 'input' && !fusedAway.has(n.id)).map((n) => fusedLinear.get(n.id) ?? forward(n));
    this.backwardSteps = reversed.map(backward).filter((s): s is Step => s !== null);
  }

  /**
   * Runs the forward steps over the first `rows` rows of `input`. With `computeLoss` the output
   * op also computes the loss against `target` and returns it.
   */
  forward(rows: number, training: boolean, computeLoss = false): number {
    const state = this.state;
    state.training = training;
    state.computeLoss = computeLoss;
    state.loss = NaN;
    const steps = this.forwardSteps;
    for (let i = 0; i < steps.length; i++) steps[i](rows);
    return state.loss;
  }

  /** Backpropagates from the loss (computed here) into `grads`; call after forward(rows, true). Returns the loss. */
  backward(rows: number): number {
    const steps = this.backwardSteps;
    for (let i = 0; i < steps.length; i++) steps[i](rows);
    return this.state.loss;
  }

  /** The predictions of the last forward: rows × outputWidth (logits for classification). */
  get prediction(): Floats {
    return this.outputs.get(this.outputNode.id)!;
  }

  /** A node's output buffer (capacity × width), for inspection. */
  activation(nodeId: string): Floats | undefined {
    return this.outputs.get(nodeId);
  }

  /** The loss gradient with respect to a node's output, from the last backward. */
  gradient(nodeId: string): Floats | undefined {
    return this.dOutputs.get(nodeId);
  }

  widthOf(nodeId: string): number {
    return this.widths[nodeId];
  }

  /**
   * Fresh weights. 'pytorch' is nn.Linear's default (kaiming-uniform with a = √5, which makes
   * the weight and the bias both U(−1/√in, 1/√in)); 'xavier' is U(±√(6/(in+out))) and 'he'
   * U(±√(6/in)), both with zero bias.
   */
  initialize(seed: number): void {
    const rng = Rng.derive(seed, 'init');
    for (const layer of this.layers) {
      const { inFeatures: inF, outFeatures: outF, weight, bias } = layer;
      const bound = layer.init === 'xavier' ? Math.sqrt(6 / (inF + outF)) : layer.init === 'he' ? Math.sqrt(6 / inF) : 1 / Math.sqrt(inF);
      // Drawn in PyTorch's [out, in] order, stored transposed.
      for (let o = 0; o < outF; o++) for (let k = 0; k < inF; k++) weight[k * outF + o] = rng.uniform(-bound, bound);
      if (bias) {
        const biasBound = layer.init === 'pytorch' ? 1 / Math.sqrt(inF) : 0;
        for (let o = 0; o < outF; o++) bias[o] = biasBound === 0 ? 0 : rng.uniform(-biasBound, biasBound);
      }
    }
    this.grads.fill(0);
  }

  /** Loads weights in PyTorch's layout (weight [out, in]). Every layer must be present with matching shapes. */
  loadWeights(stored: StoredWeights): WeightLoadResult {
    for (const layer of this.layers) {
      const s = stored[layer.nodeId];
      const node = layer.nodeId;
      if (!s) return weightsDoNotFit(node, 'noEntry', { node });
      const [outF, inF] = s.weight.shape;
      if (outF !== layer.outFeatures || inF !== layer.inFeatures || s.weight.data.length !== outF * inF) {
        return weightsDoNotFit(node, 'weightShape', { node, shape: s.weight.shape.join(' × '), out: layer.outFeatures, in: layer.inFeatures });
      }
      if ((layer.bias === null) !== (s.bias === undefined) || (s.bias && s.bias.data.length !== layer.outFeatures)) {
        return layer.bias ? weightsDoNotFit(node, 'biasSize', { node, out: layer.outFeatures }) : weightsDoNotFit(node, 'noBias', { node });
      }
    }
    for (const layer of this.layers) {
      const s = stored[layer.nodeId];
      const { inFeatures: inF, outFeatures: outF } = layer;
      for (let o = 0; o < outF; o++) for (let k = 0; k < inF; k++) layer.weight[k * outF + o] = s.weight.data[o * inF + k];
      if (layer.bias && s.bias) layer.bias.set(s.bias.data);
    }
    return { type: 'ok' };
  }

  /** The weights in PyTorch's layout (weight [out, in], row-major), ready for the project file. */
  exportWeights(): StoredWeights {
    const out: StoredWeights = {};
    for (const layer of this.layers) {
      const { inFeatures: inF, outFeatures: outF } = layer;
      const data = new Array<number>(outF * inF);
      for (let o = 0; o < outF; o++) for (let k = 0; k < inF; k++) data[o * inF + k] = layer.weight[k * outF + o];
      out[layer.nodeId] = { weight: { shape: [outF, inF], data } };
      if (layer.bias) out[layer.nodeId].bias = { shape: [outF], data: Array.from(layer.bias) };
    }
    return out;
  }

  /**
   * How the plan's products have run so far: the threads they may be split across (1 without
   * kernel threads) and how many were split. What a UI or a test can observe of the threads,
   * whose results are the same bits as one thread's.
   */
  threadUse(): { threads: number; splitProducts: number } {
    const threads = this.wasm?.threads;
    return { threads: threads?.size ?? 1, splitProducts: threads?.splitProducts ?? 0 };
  }

  /**
   * Releases what the plan holds outside its own memory: its kernel worker threads go back to
   * the host. Optional (they are also released when the plan is garbage-collected); the plan
   * must not run afterwards.
   */
  dispose(): void {
    this.wasm?.dispose();
  }

  /** Σ x² in float64 over one of this plan's arrays (a layer's weights or gradients): the health norms. */
  sumSquares(x: Floats): number {
    return this.wasm?.sumSquares(x) ?? sumSquares(x);
  }

  /** Fraction of ReLU units that output 0 for every one of the last forward's `rows` rows. */
  deadReluFraction(rows: number): number | null {
    let units = 0;
    let dead = 0;
    for (const node of this.order) {
      if (node.type !== 'relu') continue;
      const y = this.outputs.get(node.id)!;
      const w = this.widths[node.id];
      units += w;
      for (let j = 0; j < w; j++) {
        let alive = false;
        for (let r = 0; r < rows && !alive; r++) alive = y[r * w + j] > 0;
        if (!alive) dead++;
      }
    }
    return units === 0 ? null : dead / units;
  }
}

const align16 = (bytes: number): number => Math.ceil(bytes / 16) * 16;
const SLACK = 64;

/** The arena of a plan on the plain backend: one ArrayBuffer, replaced by a larger copy to grow. */
class ArrayArena implements Arena {
  readonly base = 0;
  private buffer = new ArrayBuffer(0);

  reserve(bytes: number): ArrayBuffer {
    if (bytes > this.buffer.byteLength) {
      const next = new ArrayBuffer(bytes);
      new Uint8Array(next).set(new Uint8Array(this.buffer));
      this.buffer = next;
    }
    return this.buffer;
  }
}
