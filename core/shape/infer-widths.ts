/**
 * Width inference: walks the graph in topological order and asks each op's shape rule for its
 * output width. A node whose inputs have no known width gets none either, so one mistake
 * produces one diagnostic, not a cascade.
 */
import type { Diagnostic } from '../graph/diagnostics.ts';
import type { GraphStructure } from '../graph/structure.ts';
import { OPS } from '../ops/table.ts';

export interface WidthInference {
  /** Output width per node id; absent where it could not be inferred. */
  widths: Map<string, number>;
  diagnostics: Diagnostic[];
}

export function inferWidths(structure: GraphStructure, inputWidth: number | undefined): WidthInference {
  const widths = new Map<string, number>();
  const diagnostics: Diagnostic[] = [];
  const badParams = new Set<string>();
  for (const node of structure.nodes.values()) {
    const problems = OPS[node.type].validateParams(node);
    diagnostics.push(...problems);
    if (problems.some((d) => d.severity === 'error')) badParams.add(node.id);
  }
  for (const id of structure.order) {
    const node = structure.nodes.get(id)!;
    const op = OPS[node.type];
    if (badParams.has(id)) continue;
    if (node.type === 'input') {
      if (inputWidth !== undefined) widths.set(id, inputWidth);
      continue;
    }
    const producers = structure.inputsOf.get(id)!;
    const inWidths = producers.map((p) => widths.get(p));
    if (producers.length < op.minInputs || producers.length > op.maxInputs || inWidths.some((w) => w === undefined)) {
      // A Linear's output width is its own, so it shows even while its input is missing or unknown.
      if (op.fixedWidth) widths.set(id, op.fixedWidth(node));
      continue;
    }
    const result = op.inferWidth(node, inWidths as number[], producers);
    if (result.ok) widths.set(id, result.width);
    else diagnostics.push(...result.diagnostics);
  }
  return { widths, diagnostics };
}
