/**
 * Linear: y = x·W + b. W is stored [in, out] (PyTorch's weight transposed) so that the forward
 * X·W, the input gradient dY·Wᵀ and the weight gradient Xᵀ·dY all stream through memory.
 */
import type { Floats } from '../kernels/backend.ts';
import { diagnostic, DiagnosticCode, nodeName, setParamFix } from '../graph/diagnostics.ts';
import type { LinearNode } from '../graph/types.ts';
import type { OpSpec } from './op.ts';
import { checkBooleanParam, checkNumberParam, expected } from './errors.ts';

/** The widest layer a project may declare; guards against a typo allocating gigabytes. */
export const MAX_LAYER_WIDTH = 65536;

export const linearOp: OpSpec<LinearNode> = {
  type: 'linear',
  title: 'Linear',
  minInputs: 1,
  maxInputs: 1,
  validateParams: (node) => [
    ...checkNumberParam(node, 'outFeatures', node.outFeatures, { integer: true, min: 1, max: MAX_LAYER_WIDTH, fallback: 1 }, expected('wholeNumber', { min: 1, max: MAX_LAYER_WIDTH })),
    ...checkNumberParam(node, 'inFeatures', node.inFeatures, { integer: true, min: 1, max: MAX_LAYER_WIDTH, optional: true, fallback: 1 }, expected('wholeNumberOrInferred', { min: 1, max: MAX_LAYER_WIDTH })),
    ...checkBooleanParam(node, 'bias', node.bias, true),
  ],
  inferWidth: (node, inWidths, inputNames) => {
    const actual = inWidths[0];
    if (node.inFeatures !== undefined && node.inFeatures !== actual) {
      return {
        ok: false,
        diagnostics: [diagnostic({
          code: DiagnosticCode.InFeaturesMismatch,
          severity: 'error',
          nodeId: node.id,
          edgeId: `${inputNames[0]}->${node.id}`,
          params: { node: nodeName(node), expected: node.inFeatures, producer: inputNames[0], actual },
          fix: setParamFix(node.id, 'inFeatures', actual),
        })],
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
