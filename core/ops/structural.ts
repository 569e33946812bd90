/**
 * The ops that move values rather than transform them: the input, dropout, add and concat.
 */
import { diagnostic, DiagnosticCode, fixSuggestion, nodeName } from '../graph/diagnostics.ts';
import type { AddNode, ConcatNode, DropoutNode, InputNode } from '../graph/types.ts';
import type { OpSpec, StepBinding } from './op.ts';
import { checkNumberParam, expected, same } from './errors.ts';

export const inputOp: OpSpec<InputNode> = {
  type: 'input',
  title: 'Input',
  minInputs: 0,
  maxInputs: 0,
  validateParams: () => [],
  // The input's width comes from the data; the compiler supplies it.
  inferWidth: (_node, inWidths) => same(inWidths[0]),
  forward: () => () => {},
  backward: () => null,
};

/** Inverted dropout, as nn.Dropout: zero with probability p and scale survivors by 1/(1-p) while training; identity otherwise. */
export const dropoutOp: OpSpec<DropoutNode> = {
  type: 'dropout',
  title: 'Dropout',
  minInputs: 1,
  maxInputs: 1,
  validateParams: (node) => checkNumberParam(node, 'p', node.p, { min: 0, max: 1, maxExclusive: true, optional: true, fallback: 0.5 }, expected('probability')),
  inferWidth: (_node, inWidths) => same(inWidths[0]),
  forward: (b) => {
    const x = b.inputs[0];
    const y = b.output;
    const w = b.outWidth;
    const p = b.node.p ?? 0.5;
    const scale = 1 / (1 - p);
    const state = b.state;
    const mask = dropoutMask(b);
    return (rows) => {
      const n = rows * w;
      if (!state.training || p === 0) {
        for (let i = 0; i < n; i++) y[i] = x[i];
        return;
      }
      const rng = state.rng;
      for (let i = 0; i < n; i++) {
        const keep = rng.nextFloat() >= p ? 1 : 0;
        mask[i] = keep;
        y[i] = keep ? x[i] * scale : 0;
      }
    };
  },
  backward: (b) => {
    const dx = b.dInputs[0];
    const dy = b.dOutput;
    if (dx === null || dy === null) return null;
    const w = b.outWidth;
    const acc = b.accumulate[0];
    const p = b.node.p ?? 0.5;
    const scale = 1 / (1 - p);
    const state = b.state;
    const mask = dropoutMask(b);
    return (rows) => {
      const n = rows * w;
      const on = state.training && p !== 0;
      for (let i = 0; i < n; i++) {
        const g = !on ? dy[i] : mask[i] ? dy[i] * scale : 0;
        dx[i] = acc ? dx[i] + g : g;
      }
    };
  },
};

/** The keep-mask of one dropout node, shared by its forward and backward steps. */
function dropoutMask(b: StepBinding<DropoutNode>): Uint8Array {
  const existing = b.scratch.mask;
  if (existing instanceof Uint8Array && existing.length >= b.capacity * b.outWidth) return existing;
  const mask = new Uint8Array(b.capacity * b.outWidth);
  b.scratch.mask = mask;
  return mask;
}

export const addOp: OpSpec<AddNode> = {
  type: 'add',
  title: 'Add',
  minInputs: 2,
  maxInputs: Infinity,
  validateParams: () => [],
  inferWidth: (node, inWidths, inputNames) => {
    const first = inWidths[0];
    if (inWidths.every((w) => w === first)) return same(first);
    const widths = inWidths.map((w, i) => ({ key: 'diagnostics:LB302.inputWidth', params: { input: inputNames[i], width: w } }));
    return {
      ok: false,
      diagnostics: [diagnostic({
        code: DiagnosticCode.AddWidthMismatch,
        severity: 'error',
        nodeId: node.id,
        params: { node: nodeName(node), widths, total: inWidths.reduce((a, c) => a + c, 0) },
        fix: fixSuggestion('replaceWithConcat', { id: node.id }, { kind: 'replaceNodeType', nodeId: node.id, nodeType: 'concat' }),
      })],
    };
  },
  forward: (b) => {
    const { inputs, output } = b;
    const w = b.outWidth;
    const k = inputs.length;
    return (rows) => {
      const n = rows * w;
      const x0 = inputs[0];
      for (let i = 0; i < n; i++) output[i] = x0[i];
      for (let j = 1; j < k; j++) {
        const xj = inputs[j];
        for (let i = 0; i < n; i++) output[i] += xj[i];
      }
    };
  },
  backward: (b) => {
    const { dInputs, dOutput, accumulate } = b;
    if (dOutput === null) return null;
    const w = b.outWidth;
    return (rows) => {
      const n = rows * w;
      for (let j = 0; j < dInputs.length; j++) {
        const dx = dInputs[j];
        if (dx === null) continue;
        if (accumulate[j]) for (let i = 0; i < n; i++) dx[i] += dOutput[i];
        else for (let i = 0; i < n; i++) dx[i] = dOutput[i];
      }
    };
  },
};

export const concatOp: OpSpec<ConcatNode> = {
  type: 'concat',
  title: 'Concat',
  minInputs: 2,
  maxInputs: Infinity,
  validateParams: () => [],
  inferWidth: (_node, inWidths) => same(inWidths.reduce((a, c) => a + c, 0)),
  forward: (b) => {
    const { inputs, output, inWidths } = b;
    const w = b.outWidth;
    return (rows) => {
      let offset = 0;
      for (let j = 0; j < inputs.length; j++) {
        const x = inputs[j];
        const wj = inWidths[j];
        for (let r = 0; r < rows; r++) {
          const src = r * wj;
          const dst = r * w + offset;
          for (let c = 0; c < wj; c++) output[dst + c] = x[src + c];
        }
        offset += wj;
      }
    };
  },
  backward: (b) => {
    const { dInputs, dOutput, accumulate, inWidths } = b;
    if (dOutput === null) return null;
    const w = b.outWidth;
    return (rows) => {
      let offset = 0;
      for (let j = 0; j < dInputs.length; j++) {
        const dx = dInputs[j];
        const wj = inWidths[j];
        if (dx !== null) {
          const acc = accumulate[j];
          for (let r = 0; r < rows; r++) {
            const dst = r * wj;
            const src = r * w + offset;
            for (let c = 0; c < wj; c++) dx[dst + c] = acc ? dx[dst + c] + dOutput[src + c] : dOutput[src + c];
          }
        }
        offset += wj;
      }
    };
  },
};
