/**
 * The output node owns the loss: its forward computes the loss of the prediction (its input)
 * against the batch's targets, and its backward starts backpropagation with ∂loss/∂prediction.
 */
import { LOSS_TYPES, type OutputNode } from '../graph/types.ts';
import type { OpSpec } from './op.ts';
import { checkNumberParam, expected, invalidParam, same } from './errors.ts';
import { LOSSES } from './losses.ts';

export const outputOp: OpSpec<OutputNode> = {
  type: 'output',
  title: 'Output',
  minInputs: 1,
  maxInputs: 1,
  aliasesInput: true,
  validateParams: (node) => {
    if (!(LOSS_TYPES as readonly string[]).includes(node.loss)) {
      return [invalidParam(node, 'loss', node.loss, expected('oneOf', { choices: [...LOSS_TYPES] }), 'mse')];
    }
    return node.loss === 'huber'
      ? checkNumberParam(node, 'delta', node.delta, { min: 0, minExclusive: true, optional: true, fallback: 1 }, expected('positive'))
      : [];
  },
  inferWidth: (_node, inWidths) => same(inWidths[0]),
  forward: (b) => {
    const loss = LOSSES[b.node.loss];
    const pred = b.inputs[0];
    const width = b.outWidth;
    const delta = b.node.delta ?? 1;
    const state = b.state;
    return (rows) => {
      if (state.computeLoss) state.loss = loss.value(pred, state.target, rows, width, delta);
    };
  },
  backward: (b) => {
    const loss = LOSSES[b.node.loss];
    const pred = b.inputs[0];
    const dPred = b.dInputs[0];
    if (dPred === null) return null;
    const width = b.outWidth;
    const delta = b.node.delta ?? 1;
    const acc = b.accumulate[0];
    const state = b.state;
    return (rows) => {
      state.loss = loss.grad(pred, state.target, dPred, rows, width, delta, acc);
    };
  },
};
