import type { TargetSpec } from '../data/dataset.ts';
import { diagnostic, DiagnosticCode, hasErrors, type Diagnostic } from '../graph/diagnostics.ts';
import { analyzeStructure, type GraphStructure } from '../graph/structure.ts';
import { edgeId, type Graph } from '../graph/types.ts';
import { inferWidths } from '../shape/infer-widths.ts';
import { checkAgainstTarget, lectureWarnings } from './advice.ts';

/** What the compiler knows about the data: the encoded feature count and the target. Either may be unknown while no CSV is linked. */
export interface DataContext {
  inputWidth?: number;
  target?: TargetSpec;
}

export interface GraphAnalysis {
  structure: GraphStructure;
  /** Output width of each node whose width is known. */
  nodeWidths: Record<string, number>;
  /** Width carried by each edge (`from->to`), where known. */
  edgeWidths: Record<string, number>;
  diagnostics: Diagnostic[];
  ok: boolean;
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/**
 * Validates a graph document against the data and infers every edge's width. Never throws for
 * a bad graph: every problem comes back as a diagnostic pinned to its node or edge, errors first.
 * This is what the editor calls on every change.
 */
export function analyzeGraph(graph: Graph, context: DataContext = {}): GraphAnalysis {
  const structure = analyzeStructure(graph);
  const { widths, diagnostics: widthDiagnostics } = inferWidths(structure, context.inputWidth);
  const diagnostics = [...structure.diagnostics, ...widthDiagnostics];
  if (!hasErrors(diagnostics)) diagnostics.push(...checkAgainstTarget(structure, widths, context.target));
  if (structure.order.length === structure.nodes.size) diagnostics.push(...lectureWarnings(structure, context.target));
  if (context.inputWidth === undefined && structure.inputId) {
    diagnostics.push(diagnostic({ code: DiagnosticCode.InputWidthUnknown, severity: 'info', nodeId: structure.inputId, params: {} }));
  }
  diagnostics.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);

  const nodeWidths: Record<string, number> = {};
  for (const [id, w] of widths) nodeWidths[id] = w;
  const edgeWidths: Record<string, number> = {};
  for (const [to, producers] of structure.inputsOf) {
    for (const from of producers) {
      const w = widths.get(from);
      if (w !== undefined) edgeWidths[edgeId({ from, to })] = w;
    }
  }
  return { structure, nodeWidths, edgeWidths, diagnostics, ok: !hasErrors(diagnostics) };
}
