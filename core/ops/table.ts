/**
 * The op table: every node type's shape rule, forward and backward, keyed by type.
 */
import { ACTIVATION_TYPES, type NodeType } from '../graph/types.ts';
import type { OpSpec } from './op.ts';
import { activationOp } from './activations.ts';
import { linearOp } from './linear.ts';
import { outputOp } from './output.ts';
import { addOp, concatOp, dropoutOp, inputOp } from './structural.ts';

export const OPS = {
  input: inputOp,
  linear: linearOp,
  ...Object.fromEntries(ACTIVATION_TYPES.map((t) => [t, activationOp(t)])),
  dropout: dropoutOp,
  add: addOp,
  concat: concatOp,
  output: outputOp,
} as unknown as Record<NodeType, OpSpec>;

export function opFor(type: string): OpSpec | undefined {
  return Object.prototype.hasOwnProperty.call(OPS, type) ? OPS[type as NodeType] : undefined;
}
