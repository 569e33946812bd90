/**
 * Checks that tie the network to its data (output width against the target, loss against the
 * task) and the lecture's warnings: linear layers that collapse into one, an activation after
 * the last layer of a regression, deep sigmoid/tanh stacks, sigmoid or BCE on a non-binary target.
 */
import type { TargetSpec } from '../data/dataset.ts';
import { diagnostic, DiagnosticCode, fixSuggestion, nodeName, setParamFix, type Diagnostic } from '../graph/diagnostics.ts';
import type { MessageRef } from '../i18n/message.ts';
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

/** "3 classes", "1 column": a count with its noun, in the reader's language. */
const units = (count: number, unit: 'number' | 'column' | 'class'): MessageRef => ({ key: `diagnostics:units.${unit}`, params: { count } });

export function checkAgainstTarget(structure: GraphStructure, widths: Map<string, number>, target: TargetSpec | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  const outputId = structure.outputId;
  if (!outputId || !target) return out;
  const output = structure.nodes.get(outputId) as OutputNode;
  const loss = LOSSES[output.loss];
  if (!loss) return out;
  const width = widths.get(outputId);
  const source = widthSource(structure, outputId);
  const sourceName: string | MessageRef = source ? nodeName(source) : { key: 'diagnostics:words.lastLayer' };
  const targetName: string | MessageRef = target.names && target.names.length > 0 ? target.names.join(', ') : { key: 'diagnostics:words.target' };
  const resize = (want: number): Diagnostic['fix'] => (source && source.type === 'linear' ? setParamFix(source.id, 'outFeatures', want) : undefined);

  if (target.task === 'regression') {
    if (output.loss === 'crossEntropy') {
      out.push(diagnostic({
        code: DiagnosticCode.LossTaskMismatch,
        severity: 'error',
        nodeId: outputId,
        messageKey: 'LB306.message_crossEntropyOnRegression',
        params: { node: nodeName(output), target: targetName },
        fix: setParamFix(outputId, 'loss', 'mse'),
      }));
      return out;
    }
    if (width !== undefined && width !== target.width) {
      out.push(diagnostic({
        code: DiagnosticCode.OutputWidthMismatch,
        severity: 'error',
        nodeId: source?.id ?? outputId,
        params: {
          source: sourceName,
          predicted: units(width, 'number'),
          target: targetName,
          columns: units(target.width, 'column'),
          loss: output.loss,
          width,
          targetWidth: target.width,
        },
        fix: resize(target.width),
      }));
    }
    if (loss.binary && target.binary === false) {
      out.push(diagnostic({
        code: DiagnosticCode.SigmoidNonBinaryTarget,
        severity: 'warning',
        nodeId: outputId,
        messageKey: 'LB404.message_bce',
        params: { node: nodeName(output), target: targetName },
        fix: setParamFix(outputId, 'loss', 'mse'),
      }));
    }
    return out;
  }

  // Classification.
  const k = target.numClasses;
  if (output.loss === 'crossEntropy') {
    if (width !== undefined && width !== k) {
      out.push(diagnostic({
        code: DiagnosticCode.ClassCountMismatch,
        severity: 'error',
        nodeId: source?.id ?? outputId,
        params: { target: targetName, classes: units(k, 'class'), source: sourceName, width, k },
        fix: resize(k),
      }));
    }
  } else if (output.loss === 'bce') {
    if (k !== 2) {
      out.push(diagnostic({
        code: DiagnosticCode.LossTaskMismatch,
        severity: 'error',
        nodeId: outputId,
        messageKey: 'LB306.message_bceMulticlass',
        params: { target: targetName, classes: units(k, 'class'), k },
        fix: setParamFix(outputId, 'loss', 'crossEntropy'),
      }));
    } else if (width !== undefined && width !== 1) {
      out.push(diagnostic({
        code: DiagnosticCode.ClassCountMismatch,
        severity: 'error',
        nodeId: source?.id ?? outputId,
        messageKey: 'LB304.message_bce',
        params: { source: sourceName, width },
        fix: resize(1),
      }));
    }
  } else {
    out.push(diagnostic({
      code: DiagnosticCode.LossTaskMismatch,
      severity: 'error',
      nodeId: outputId,
      messageKey: 'LB306.message_numericLossOnClasses',
      params: { node: nodeName(output), loss: output.loss, target: targetName, classes: units(k, 'class'), k },
      fix: setParamFix(outputId, 'loss', 'crossEntropy'),
    }));
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
    out.push(diagnostic({
      code: DiagnosticCode.LinearCollapse,
      severity: 'warning',
      nodeId: node.id,
      params: { previous: nodeName(previous), node: nodeName(node) },
      fix: fixSuggestion('insertRelu', { from: direct, to: node.id }, { kind: 'insertNode', from: direct, to: node.id, node: { type: 'relu' } }),
    }));
  }

  if (outputId) {
    const output = nodes.get(outputId) as OutputNode;
    const last = previousSkippingDropout(structure, outputId);
    const regression = target ? target.task === 'regression' && !LOSSES[output.loss]?.binary : ['mse', 'mae', 'huber'].includes(output.loss);
    // 2. The last layer of a regression takes no activation.
    if (last && isActivation(last.type) && regression) {
      // What this activation does to a prediction: one phrase per activation type (diagnostics:LB402.limit.*).
      out.push(diagnostic({
        code: DiagnosticCode.ActivationBeforeRegressionOutput,
        severity: 'warning',
        nodeId: last.id,
        params: { node: nodeName(last), title: ELEMENTWISE[last.type as keyof typeof ELEMENTWISE].title, limit: { key: `diagnostics:LB402.limit.${last.type}` } },
        fix: fixSuggestion('removeNode', { id: last.id }, { kind: 'removeNode', nodeId: last.id }),
      }));
    }
    // 4. A sigmoid before the output squashes into 0…1, which only suits a binary target.
    const nonBinary = target ? (target.task === 'classification' ? target.numClasses > 2 : target.binary === false) : false;
    if (last?.type === 'sigmoid' && nonBinary && !regression) {
      out.push(diagnostic({
        code: DiagnosticCode.SigmoidNonBinaryTarget,
        severity: 'warning',
        nodeId: last.id,
        messageKey: output.loss === 'crossEntropy' ? 'LB404.message_sigmoidWithCrossEntropy' : 'LB404.message_sigmoid',
        params: { node: nodeName(last) },
        fix: fixSuggestion('removeNode', { id: last.id }, { kind: 'removeNode', nodeId: last.id }),
      }));
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
    out.push(diagnostic({
      code: DiagnosticCode.VanishingGradientStack,
      severity: 'warning',
      nodeId: first.id,
      params: { layers: deepest.count, node: nodeName(first) },
      fix: fixSuggestion('replaceWithLeakyRelu', { id: first.id }, { kind: 'replaceNodeType', nodeId: first.id, nodeType: 'leakyRelu', params: { slope: 0.01 } }),
    }));
  }
  return out;
}
