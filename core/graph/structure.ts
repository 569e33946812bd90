/**
 * Structural checks on a graph document: ids, dangling and duplicate edges, cycles, the single
 * input and output, reachability and input counts. Returns every problem at once, plus the
 * topological order of the nodes that are sound enough to infer widths for.
 */
import { DiagnosticCode, nodeName, type Diagnostic } from './diagnostics.ts';
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
      diagnostics.push({ code: DiagnosticCode.DuplicateId, severity: 'error', nodeId: node.id, message: `Two nodes share the id "${node.id}". Every node needs its own id.` });
      continue;
    }
    if (!opFor(node.type)) {
      diagnostics.push({
        code: DiagnosticCode.UnknownType,
        severity: 'error',
        nodeId: node.id,
        message: `${nodeName(node)} has the unknown type "${String(node.type)}". Known types: ${NODE_TYPES.join(', ')}.`,
        fix: { label: `Delete ${node.id}`, patch: { kind: 'removeNode', nodeId: node.id } },
      });
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
      diagnostics.push({
        code: DiagnosticCode.DanglingEdge,
        severity: 'error',
        edgeId: id,
        nodeId: from ? from.id : to?.id,
        message: `The connection ${edge.from} → ${edge.to} points to "${missing}", which is not a node in this graph.`,
        fix: { label: `Remove the connection ${edge.from} → ${edge.to}`, patch: { kind: 'removeEdge', from: edge.from, to: edge.to } },
      });
      continue;
    }
    if (edge.from === edge.to) {
      diagnostics.push({
        code: DiagnosticCode.SelfLoop,
        severity: 'error',
        nodeId: edge.from,
        edgeId: id,
        message: `${nodeName(from)} is connected to itself. A network must flow forward, from the input to the output.`,
        fix: { label: `Remove the connection ${edge.from} → ${edge.to}`, patch: { kind: 'removeEdge', from: edge.from, to: edge.to } },
      });
      continue;
    }
    if (seenEdges.has(id)) {
      diagnostics.push({
        code: DiagnosticCode.DuplicateEdge,
        severity: 'error',
        nodeId: edge.to,
        edgeId: id,
        message: `${edge.from} is connected to ${edge.to} twice.`,
        fix: { label: `Remove the extra connection`, patch: { kind: 'removeEdge', from: edge.from, to: edge.to } },
      });
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
      diagnostics.push({
        code: DiagnosticCode.Cycle,
        severity: 'error',
        nodeId: first,
        edgeId: `${closing}->${first}`,
        message: `These nodes form a loop: ${[...cycle, first].join(' → ')}. A network must flow forward; remove one connection in the loop.`,
        fix: { label: `Remove the connection ${closing} → ${first}`, patch: { kind: 'removeEdge', from: closing, to: first } },
      });
    }
  }

  const inputs = [...nodes.values()].filter((n) => n.type === 'input');
  const outputs = [...nodes.values()].filter((n) => n.type === 'output');
  if (inputs.length === 0) {
    diagnostics.push({ code: DiagnosticCode.NoInput, severity: 'error', message: 'The graph has no Input node. Add one: it feeds the feature columns into the network.' });
  }
  for (const extra of inputs.slice(1)) {
    diagnostics.push({
      code: DiagnosticCode.MultipleInputs,
      severity: 'error',
      nodeId: extra.id,
      message: `The graph has more than one Input (${inputs.map((n) => n.id).join(', ')}). All features arrive through one Input; delete ${extra.id} and connect its consumers to ${inputs[0].id}.`,
      fix: { label: `Delete ${extra.id}`, patch: { kind: 'removeNode', nodeId: extra.id } },
    });
  }
  if (outputs.length === 0) {
    diagnostics.push({ code: DiagnosticCode.NoOutput, severity: 'error', message: 'The graph has no Output node. Add one after the last layer: it compares predictions with the target and holds the loss.' });
  }
  for (const extra of outputs.slice(1)) {
    diagnostics.push({
      code: DiagnosticCode.MultipleOutputs,
      severity: 'error',
      nodeId: extra.id,
      message: `The graph has more than one Output (${outputs.map((n) => n.id).join(', ')}). Use one Output; to predict several targets, give its layer one unit per target.`,
      fix: { label: `Delete ${extra.id}`, patch: { kind: 'removeNode', nodeId: extra.id } },
    });
  }

  // Input counts per op.
  const missingInput = new Set<string>();
  for (const node of nodes.values()) {
    const op = opFor(node.type)!;
    const count = inputsOf.get(node.id)!.length;
    if (count < op.minInputs) {
      missingInput.add(node.id);
      const need = op.minInputs === 1 ? 'an input' : `at least ${op.minInputs} inputs`;
      diagnostics.push({
        code: DiagnosticCode.MissingInput,
        severity: 'error',
        nodeId: node.id,
        message: count === 0
          ? `${nodeName(node)} has no input. Connect a node to it, or delete it.`
          : `${nodeName(node)} needs ${need} but has ${count}.`,
      });
    } else if (count > op.maxInputs) {
      diagnostics.push({
        code: DiagnosticCode.TooManyInputs,
        severity: 'error',
        nodeId: node.id,
        message: op.maxInputs === 0
          ? `${nodeName(node)} is the Input: nothing can connect into it (${inputsOf.get(node.id)!.join(', ')} do).`
          : `${nodeName(node)} takes one input but has ${count} (${inputsOf.get(node.id)!.join(', ')}). Join them first with Add or Concat.`,
      });
    }
    if (node.type === 'output' && outputsOf.get(node.id)!.length > 0) {
      diagnostics.push({
        code: DiagnosticCode.OutputHasSuccessor,
        severity: 'error',
        nodeId: node.id,
        message: `${nodeName(node)} is the Output, so nothing can follow it, but it connects to ${outputsOf.get(node.id)!.join(', ')}.`,
      });
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
      diagnostics.push({
        code: DiagnosticCode.Unreachable,
        severity: 'error',
        nodeId: node.id,
        message: `${nodeName(node)} is not reached from the input ${inputId}, so no data ever flows through it. Connect it to the network or delete it.`,
        fix: { label: `Delete ${node.id}`, patch: { kind: 'removeNode', nodeId: node.id } },
      });
    }
  }
  for (const node of nodes.values()) {
    if (node.type === 'output' || !outputId || toOutput.has(node.id)) continue;
    if (node.type !== 'input' && inputId && !fromInput.has(node.id)) continue; // already reported
    diagnostics.push({
      code: DiagnosticCode.DeadEnd,
      severity: 'error',
      nodeId: node.id,
      message: `${nodeName(node)} does not lead to the output ${outputId}, so the loss cannot train it. Connect it onward or delete it.`,
      fix: node.type === 'input' ? undefined : { label: `Delete ${node.id}`, patch: { kind: 'removeNode', nodeId: node.id } },
    });
  }

  return { nodes, inputsOf, outputsOf, order, inputId, outputId, diagnostics };
}

function reach(start: string, next: Map<string, string[]>): Set<string> {
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
