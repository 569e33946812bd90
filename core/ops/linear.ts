/**
 * Linear: y = x·W + b. W is stored [in, out] (PyTorch's weight transposed) so that the forward
 * X·W, the input gradient dY·Wᵀ and the weight gradient Xᵀ·dY all stream through memory.
 */
import type { Floats } from '../kernels/backend.ts';
import { DiagnosticCode, nodeName } from '../graph/diagnostics.ts';
import type { LinearNode } from '../graph/types.ts';
import type { OpSpec } from './op.ts';
import { checkBooleanParam, checkNumberParam } from './errors.ts';

/** The widest layer a project may declare; guards against a typo allocating gigabytes. */
export const MAX_LAYER_WIDTH = 65536;

export const linearOp: OpSpec<LinearNode> = {
  type: 'linear',
  title: 'Linear',
  minInputs: 1,
  maxInputs: 1,
  validateParams: (node) => [
    ...checkNumberParam(node, 'outFeatures', node.outFeatures, { integer: true, min: 1, max: MAX_LAYER_WIDTH, fallback: 1 }, `a whole number from 1 to ${MAX_LAYER_WIDTH}`),
    ...checkNumberParam(node, 'inFeatures', node.inFeatures, { integer: true, min: 1, max: MAX_LAYER_WIDTH, optional: true, fallback: 1 }, `a whole number from 1 to ${MAX_LAYER_WIDTH}, or left out to be inferred`),
    ...checkBooleanParam(node, 'bias', node.bias, true),
  ],
  inferWidth: (node, inWidths, inputNames) => {
    const actual = inWidths[0];
    if (node.inFeatures !== undefined && node.inFeatures !== actual) {
      return {
        ok: false,
        diagnostics: [{
          code: DiagnosticCode.InFeaturesMismatch,
          severity: 'error',
          nodeId: node.id,
          edgeId: `${inputNames[0]}->${node.id}`,
          message: `${nodeName(node)} expects ${node.inFeatures} input features (inFeatures), but ${inputNames[0]} gives it ${actual}.`,
          fix: { label: `Set ${node.id}.inFeatures to ${actual}`, patch: { kind: 'setParam', nodeId: node.id, param: 'inFeatures', value: actual } },
        }],
      };
    }
    return { ok: true, width: node.outFeatures };
  },
  fixedWidth: (node) => node.outFeatures,
  paramShape: (node, inWidth, outWidth) => ({ weight: [inWidth, outWidth], bias: node.bias === false ? 0 : outWidth }),
  forward: (b) => {
    const { kernels, inputs, output, weight, bias, inWidths, outWidth } = b;
    const x = inputs[0];
    const inF = inWidths[0];
    const w = weight as Floats;
    return (rows) => kernels.linearForward(x, w, bias, output, rows, inF, outWidth);
  },
  backward: (b) => {
    const { kernels, inputs, weight, dWeight, dBias, dOutput, dInputs, accumulate, inWidths, outWidth } = b;
    if (dOutput === null) return null;
    const x = inputs[0];
    const inF = inWidths[0];
    const w = weight as Floats;
    const dw = dWeight as Floats;
    const dx = dInputs[0];
    const acc = accumulate[0];
    return (rows) => {
      kernels.matmulTransA(x, dOutput, dw, inF, rows, outWidth, false);
      if (dBias !== null) kernels.sumRows(dOutput, dBias, rows, outWidth, false);
      if (dx !== null) kernels.matmulTransB(dOutput, w, dx, rows, outWidth, inF, acc);
    };
  },
};
