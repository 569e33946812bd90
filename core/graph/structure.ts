/**
 * Structural checks on a graph document: ids, dangling and duplicate edges, cycles, the single
 * input and output, reachability and input counts. Returns every problem at once, plus the
 * topological order of the nodes that are sound enough to infer widths for.
 */
import { diagnostic, DiagnosticCode, fixSuggestion, nodeName, type Diagnostic, type FixSuggestion } from './diagnostics.ts';
import { edgeId, NODE_TYPES, type Graph, type GraphNode } from './types.ts';
import { opFor } from '../ops/table.ts';

export interface GraphStructure {
  nodes: Map<string, GraphNode>;
  /** Producers of each node, in edge order (the order matters for concat). */
  inputsOf: Map<string, string[]>;
  outputsOf: Map<string, string[]>;
  /** Topological order of the nodes not on a cycle. */
  order: string[];
  inputId: string | undefined;
  outputId: string | undefined;
  diagnostics: Diagnostic[];
}

export function analyzeStructure(graph: Graph): GraphStructure {
  const diagnostics: Diagnostic[] = [];
  const nodes = new Map<string, GraphNode>();
  const inputsOf = new Map<string, string[]>();
  const outputsOf = new Map<string, string[]>();

  for (const node of graph.nodes) {
    if (nodes.has(node.id)) {
      diagnostics.push(diagnostic({ code: DiagnosticCode.DuplicateId, severity: 'error', nodeId: node.id, params: { id: node.id } }));
      continue;
    }
    if (!opFor(node.type)) {
      diagnostics.push(diagnostic({
        code: DiagnosticCode.UnknownType,
        severity: 'error',
        nodeId: node.id,
        params: { node: nodeName(node), type: String(node.type), known: [...NODE_TYPES] },
        fix: deleteFix(node.id),
      }));
      continue;
    }
    nodes.set(node.id, node);
    inputsOf.set(node.id, []);
    outputsOf.set(node.id, []);
  }

  const seenEdges = new Set<string>();
  for (const edge of graph.edges) {
    const id = edgeId(edge);
    const from = nodes.get(edge.from);
    const to = nodes.get(edge.to);
    if (!from || !to) {
      const missing = !from ? edge.from : edge.to;
      diagnostics.push(diagnostic({
        code: DiagnosticCode.DanglingEdge,
        severity: 'error',
        edgeId: id,
        nodeId: from ? from.id : to?.id,
        params: { from: edge.from, to: edge.to, missing },
        fix: removeEdgeFix(edge.from, edge.to),
      }));
      continue;
    }
    if (edge.from === edge.to) {
      diagnostics.push(diagnostic({
        code: DiagnosticCode.SelfLoop,
        severity: 'error',
        nodeId: edge.from,
        edgeId: id,
        params: { node: nodeName(from) },
        fix: removeEdgeFix(edge.from, edge.to),
      }));
      continue;
    }
    if (seenEdges.has(id)) {
      diagnostics.push(diagnostic({
        code: DiagnosticCode.DuplicateEdge,
        severity: 'error',
        nodeId: edge.to,
        edgeId: id,
        params: { from: edge.from, to: edge.to },
        fix: fixSuggestion('removeExtraEdge', {}, { kind: 'removeEdge', from: edge.from, to: edge.to }),
      }));
      continue;
    }
    seenEdges.add(id);
    inputsOf.get(edge.to)!.push(edge.from);
    outputsOf.get(edge.from)!.push(edge.to);
  }

  // Kahn's algorithm; whatever is left sits on (or behind) a cycle.
  const indegree = new Map<string, number>();
  for (const [id, ins] of inputsOf) indegree.set(id, ins.length);
  const queue: string[] = [];
  for (const [id, d] of indegree) if (d === 0) queue.push(id);
  const order: string[] = [];
  while (queue.length > 0) {
    const id = queue.shift()!;
    order.push(id);
    for (const next of outputsOf.get(id)!) {
      const d = indegree.get(next)! - 1;
      indegree.set(next, d);
      if (d === 0) queue.push(next);
    }
  }
  if (order.length < nodes.size) {
    const placed = new Set(order);
    for (const cycle of findCycles(nodes, inputsOf, placed)) {
      const closing = cycle[cycle.length - 1];
      const first = cycle[0];
      diagnostics.push(diagnostic({
        code: DiagnosticCode.Cycle,
        severity: 'error',
        nodeId: first,
        edgeId: `${closing}->${first}`,
        params: { cycle: [...cycle, first].join(' → ') },
        fix: removeEdgeFix(closing, first),
      }));
    }
  }

  const inputs = [...nodes.values()].filter((n) => n.type === 'input');
  const outputs = [...nodes.values()].filter((n) => n.type === 'output');
  if (inputs.length === 0) {
    diagnostics.push(diagnostic({ code: DiagnosticCode.NoInput, severity: 'error', params: {} }));
  }
  for (const extra of inputs.slice(1)) {
    diagnostics.push(diagnostic({
      code: DiagnosticCode.MultipleInputs,
      severity: 'error',
      nodeId: extra.id,
      params: { inputs: inputs.map((n) => n.id), id: extra.id, first: inputs[0].id },
      fix: deleteFix(extra.id),
    }));
  }
  if (outputs.length === 0) {
    diagnostics.push(diagnostic({ code: DiagnosticCode.NoOutput, severity: 'error', params: {} }));
  }
  for (const extra of outputs.slice(1)) {
    diagnostics.push(diagnostic({
      code: DiagnosticCode.MultipleOutputs,
      severity: 'error',
      nodeId: extra.id,
      params: { outputs: outputs.map((n) => n.id) },
      fix: deleteFix(extra.id),
    }));
  }

  // Input counts per op.
  const missingInput = new Set<string>();
  for (const node of nodes.values()) {
    const op = opFor(node.type)!;
    const count = inputsOf.get(node.id)!.length;
    if (count < op.minInputs) {
      missingInput.add(node.id);
      diagnostics.push(diagnostic({
        code: DiagnosticCode.MissingInput,
        severity: 'error',
        nodeId: node.id,
        // `count` picks the plural: "needs an input" / "needs at least 2 inputs".
        ...(count === 0
          ? { messageKey: 'LB108.message_none', params: { node: nodeName(node) } }
          : { messageKey: 'LB108.message', params: { node: nodeName(node), count: op.minInputs, actual: count } }),
      }));
    } else if (count > op.maxInputs) {
      diagnostics.push(diagnostic({
        code: DiagnosticCode.TooManyInputs,
        severity: 'error',
        nodeId: node.id,
        ...(op.maxInputs === 0
          ? { messageKey: 'LB109.message_input', params: { node: nodeName(node), producers: [...inputsOf.get(node.id)!] } }
          : { params: { node: nodeName(node), actual: count, producers: [...inputsOf.get(node.id)!] } }),
      }));
    }
    if (node.type === 'output' && outputsOf.get(node.id)!.length > 0) {
      diagnostics.push(diagnostic({
        code: DiagnosticCode.OutputHasSuccessor,
        severity: 'error',
        nodeId: node.id,
        params: { node: nodeName(node), successors: [...outputsOf.get(node.id)!] },
      }));
    }
  }

  // Reachability: from the input forward, and from the output backward.
  const inputId = inputs[0]?.id;
  const outputId = outputs[0]?.id;
  const fromInput = inputId ? reach(inputId, outputsOf) : new Set<string>();
  const toOutput = outputId ? reach(outputId, inputsOf) : new Set<string>();
  for (const node of nodes.values()) {
    if (missingInput.has(node.id) || node.type === 'input') continue;
    if (inputId && !fromInput.has(node.id)) {
      diagnostics.push(diagnostic({
        code: DiagnosticCode.Unreachable,
        severity: 'error',
        nodeId: node.id,
        params: { node: nodeName(node), input: inputId },
        fix: deleteFix(node.id),
      }));
    }
  }
  for (const node of nodes.values()) {
    if (node.type === 'output' || !outputId || toOutput.has(node.id)) continue;
    if (node.type !== 'input' && inputId && !fromInput.has(node.id)) continue; // already reported
    diagnostics.push(diagnostic({
      code: DiagnosticCode.DeadEnd,
      severity: 'error',
      nodeId: node.id,
      params: { node: nodeName(node), output: outputId },
      fix: node.type === 'input' ? undefined : deleteFix(node.id),
    }));
  }

  return { nodes, inputsOf, outputsOf, order, inputId, outputId, diagnostics };
}

const deleteFix = (nodeId: string): FixSuggestion => fixSuggestion('deleteNode', { id: nodeId }, { kind: 'removeNode', nodeId });
const removeEdgeFix = (from: string, to: string): FixSuggestion => fixSuggestion('removeEdge', { from, to }, { kind: 'removeEdge', from, to });

/** Every node reachable from `start` (itself included) along `next`: a node's successors, or its producers. */
export function reach(start: string, next: ReadonlyMap<string, readonly string[]>): Set<string> {
  const seen = new Set<string>([start]);
  const stack = [start];
  while (stack.length > 0) {
    for (const n of next.get(stack.pop()!) ?? []) {
      if (!seen.has(n)) {
        seen.add(n);
        stack.push(n);
      }
    }
  }
  return seen;
}

/**
 * One representative loop per group of nodes that Kahn could not place. Every unplaced node has
 * an unplaced producer, so walking producers backwards must come round to a node already seen.
 */
function findCycles(nodes: Map<string, GraphNode>, inputsOf: Map<string, string[]>, placed: Set<string>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  for (const start of nodes.keys()) {
    if (placed.has(start) || done.has(start)) continue;
    const path: string[] = [];
    const index = new Map<string, number>();
    let current: string | undefined = start;
    while (current !== undefined && !index.has(current) && !done.has(current)) {
      index.set(current, path.length);
      path.push(current);
      current = inputsOf.get(current)!.find((n) => !placed.has(n));
    }
    if (current !== undefined && index.has(current)) cycles.push(path.slice(index.get(current)!).reverse());
    for (const n of path) done.add(n);
  }
  return cycles;
}
