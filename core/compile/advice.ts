/**
 * Checks that tie the network to its data (output width against the target, loss against the
 * task) and the lecture's warnings: linear layers that collapse into one, an activation after
 * the last layer of a regression, deep sigmoid/tanh stacks, sigmoid or BCE on a non-binary target.
 */
import type { TargetSpec } from '../data/dataset.ts';
import { DiagnosticCode, nodeName, type Diagnostic } from '../graph/diagnostics.ts';
import type { GraphStructure } from '../graph/structure.ts';
import { isActivation, type GraphNode, type OutputNode } from '../graph/types.ts';
import { ELEMENTWISE } from '../ops/activations.ts';
import { LOSSES } from '../ops/losses.ts';

/** Walks back from `id` through nodes that keep the width (activations, dropout) to the node that set it. */
function widthSource(structure: GraphStructure, id: string): GraphNode | undefined {
  let current = structure.nodes.get(id);
  while (current && (isActivation(current.type) || current.type === 'dropout' || current.type === 'output')) {
    const producers = structure.inputsOf.get(current.id)!;
    if (producers.length !== 1) return current;
    current = structure.nodes.get(producers[0]);
  }
  return current;
}

/** The node just before `id`, skipping dropout (which is the identity at inference). */
function previousSkippingDropout(structure: GraphStructure, id: string): GraphNode | undefined {
  let producers = structure.inputsOf.get(id)!;
  let current = producers.length === 1 ? structure.nodes.get(producers[0]) : undefined;
  while (current && current.type === 'dropout') {
    producers = structure.inputsOf.get(current.id)!;
    current = producers.length === 1 ? structure.nodes.get(producers[0]) : undefined;
  }
  return current;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : /(s|sh|ch|x)$/.test(word) ? 'es' : 's'}`;

export function checkAgainstTarget(structure: GraphStructure, widths: Map<string, number>, target: TargetSpec | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  const outputId = structure.outputId;
  if (!outputId || !target) return out;
  const output = structure.nodes.get(outputId) as OutputNode;
  const loss = LOSSES[output.loss];
  if (!loss) return out;
  const width = widths.get(outputId);
  const source = widthSource(structure, outputId);
  const sourceName = source ? nodeName(source) : 'the last layer';
  const targetName = target.names && target.names.length > 0 ? target.names.join(', ') : 'the target';
  const resize = (want: number): Diagnostic['fix'] =>
    source && source.type === 'linear'
      ? { label: `Set ${source.id}.outFeatures to ${want}`, patch: { kind: 'setParam', nodeId: source.id, param: 'outFeatures', value: want } }
      : undefined;

  if (target.task === 'regression') {
    if (output.loss === 'crossEntropy') {
      out.push({
        code: DiagnosticCode.LossTaskMismatch,
        severity: 'error',
        nodeId: outputId,
        message: `${nodeName(output)} uses crossEntropy, which needs class labels, but ${targetName} is a numeric target (regression). Use mse, or treat the target as classes.`,
        fix: { label: `Set ${outputId}.loss to mse`, patch: { kind: 'setParam', nodeId: outputId, param: 'loss', value: 'mse' } },
      });
      return out;
    }
    if (width !== undefined && width !== target.width) {
      out.push({
        code: DiagnosticCode.OutputWidthMismatch,
        severity: 'error',
        nodeId: source?.id ?? outputId,
        message: `${sourceName} predicts ${plural(width, 'number')} per row, but the target ${targetName} has ${plural(target.width, 'column')}. ` +
          `The ${output.loss} loss would compare [N, ${width}] with [N, ${target.width}]; PyTorch only warns and broadcasts, training on a meaningless loss. ` +
          `Make the last layer output ${target.width}.`,
        fix: resize(target.width),
      });
    }
    if (loss.binary && target.binary === false) {
      out.push({
        code: DiagnosticCode.SigmoidNonBinaryTarget,
        severity: 'warning',
        nodeId: outputId,
        message: `${nodeName(output)} uses bce, which treats targets as probabilities of 0 or 1, but ${targetName} takes other values. Use mse for a numeric target.`,
        fix: { label: `Set ${outputId}.loss to mse`, patch: { kind: 'setParam', nodeId: outputId, param: 'loss', value: 'mse' } },
      });
    }
    return out;
  }

  // Classification.
  const k = target.numClasses;
  if (output.loss === 'crossEntropy') {
    if (width !== undefined && width !== k) {
      out.push({
        code: DiagnosticCode.ClassCountMismatch,
        severity: 'error',
        nodeId: source?.id ?? outputId,
        message: `crossEntropy needs one output (logit) per class: ${targetName} has ${plural(k, 'class')}, but ${sourceName} gives ${width}. Make the last layer output ${k}.`,
        fix: resize(k),
      });
    }
  } else if (output.loss === 'bce') {
    if (k !== 2) {
      out.push({
        code: DiagnosticCode.LossTaskMismatch,
        severity: 'error',
        nodeId: outputId,
        message: `bce is for yes/no targets, but ${targetName} has ${plural(k, 'class')}. Use crossEntropy with ${k} outputs.`,
        fix: { label: `Set ${outputId}.loss to crossEntropy`, patch: { kind: 'setParam', nodeId: outputId, param: 'loss', value: 'crossEntropy' } },
      });
    } else if (width !== undefined && width !== 1) {
      out.push({
        code: DiagnosticCode.ClassCountMismatch,
        severity: 'error',
        nodeId: source?.id ?? outputId,
        message: `bce on a two-class target needs one output (the logit of the second class), but ${sourceName} gives ${width}. Make the last layer output 1.`,
        fix: resize(1),
      });
    }
  } else {
    out.push({
      code: DiagnosticCode.LossTaskMismatch,
      severity: 'error',
      nodeId: outputId,
      message: `${nodeName(output)} uses ${output.loss}, which compares numbers, but ${targetName} is a class label (${plural(k, 'class')}). Use crossEntropy with ${k} outputs.`,
      fix: { label: `Set ${outputId}.loss to crossEntropy`, patch: { kind: 'setParam', nodeId: outputId, param: 'loss', value: 'crossEntropy' } },
    });
  }
  return out;
}

export function lectureWarnings(structure: GraphStructure, target: TargetSpec | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { nodes, inputsOf, order, outputId } = structure;

  // 1. Two linear layers with nothing nonlinear between them are one linear map.
  for (const node of nodes.values()) {
    if (node.type !== 'linear') continue;
    const previous = previousSkippingDropout(structure, node.id);
    if (previous?.type !== 'linear') continue;
    const direct = inputsOf.get(node.id)![0];
    out.push({
      code: DiagnosticCode.LinearCollapse,
      severity: 'warning',
      nodeId: node.id,
      message: `${nodeName(previous)} feeds ${nodeName(node)} with no activation between them, so together they are one linear layer: ` +
        `(x·W₁ + b₁)·W₂ + b₂ = x·(W₁W₂) + (b₁W₂ + b₂). Stacking them adds no power to fit curved data. Insert a nonlinearity such as ReLU between them.`,
      fix: { label: `Insert a ReLU between ${direct} and ${node.id}`, patch: { kind: 'insertNode', from: direct, to: node.id, node: { type: 'relu' } } },
    });
  }

  if (outputId) {
    const output = nodes.get(outputId) as OutputNode;
    const last = previousSkippingDropout(structure, outputId);
    const regression = target ? target.task === 'regression' && !LOSSES[output.loss]?.binary : ['mse', 'mae', 'huber'].includes(output.loss);
    // 2. The last layer of a regression takes no activation.
    if (last && isActivation(last.type) && regression) {
      const limit: Record<string, string> = {
        relu: 'ReLU outputs are never negative, so it cannot predict a negative value and its gradient is 0 wherever the prediction should fall below 0',
        leakyRelu: 'LeakyReLU shrinks every negative prediction by its slope, so negative values are much harder to reach',
        sigmoid: 'sigmoid squeezes every prediction into 0…1',
        tanh: 'tanh squeezes every prediction into −1…1',
        softplus: 'softplus outputs are always positive',
        elu: 'ELU outputs never go below −alpha',
        gelu: 'GELU outputs never go below about −0.17',
        silu: 'SiLU outputs never go below about −0.28',
      };
      out.push({
        code: DiagnosticCode.ActivationBeforeRegressionOutput,
        severity: 'warning',
        nodeId: last.id,
        message: `${nodeName(last)} (${ELEMENTWISE[last.type as keyof typeof ELEMENTWISE].title}) comes after the last Linear layer of a regression: ${limit[last.type]}. The last layer of a regression takes no activation; remove it.`,
        fix: { label: `Remove ${last.id}`, patch: { kind: 'removeNode', nodeId: last.id } },
      });
    }
    // 4. A sigmoid before the output squashes into 0…1, which only suits a binary target.
    const nonBinary = target ? (target.task === 'classification' ? target.numClasses > 2 : target.binary === false) : false;
    if (last?.type === 'sigmoid' && nonBinary && !regression) {
      out.push({
        code: DiagnosticCode.SigmoidNonBinaryTarget,
        severity: 'warning',
        nodeId: last.id,
        message: `${nodeName(last)} squeezes the prediction into 0…1, which suits a yes/no target, but this target is not binary. Remove the sigmoid; ${output.loss === 'crossEntropy' ? 'crossEntropy applies softmax itself' : 'use crossEntropy for several classes'}.`,
        fix: { label: `Remove ${last.id}`, patch: { kind: 'removeNode', nodeId: last.id } },
      });
    }
  }

  // 3. Four or more saturating activations on one path: gradients shrink at each (σ' ≤ 0.25, tanh' ≤ 1).
  const depth = new Map<string, { count: number; first: string | undefined }>();
  for (const id of order) {
    const node = nodes.get(id)!;
    let best = { count: 0, first: undefined as string | undefined };
    for (const p of inputsOf.get(id)!) {
      const d = depth.get(p);
      if (d && d.count > best.count) best = d;
    }
    if (node.type === 'sigmoid' || node.type === 'tanh') best = { count: best.count + 1, first: best.first ?? id };
    depth.set(id, best);
  }
  const deepest = outputId ? depth.get(outputId) : undefined;
  if (deepest && deepest.count >= 4 && deepest.first) {
    const first = nodes.get(deepest.first)!;
    out.push({
      code: DiagnosticCode.VanishingGradientStack,
      severity: 'warning',
      nodeId: first.id,
      message: `${deepest.count} sigmoid/tanh layers are stacked between the input and the output. Their derivatives are below 1 (sigmoid's at most 0.25), ` +
        `and backpropagation multiplies them by the chain rule, so the gradient reaching ${nodeName(first)} and the layers before it can vanish. Use ReLU or LeakyReLU instead.`,
      fix: { label: `Replace ${first.id} with LeakyReLU`, patch: { kind: 'replaceNodeType', nodeId: first.id, nodeType: 'leakyRelu', params: { slope: 0.01 } } },
    });
  }
  return out;
}
