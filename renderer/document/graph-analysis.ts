/**
 * core's analyzeGraph with memory, for the editor's "derived on every change" path. Where a node
 * sits on the canvas means nothing to the analysis (widths and diagnostics depend on node types,
 * parameters, ids, labels and edges), so a change that only moved nodes, as each frame of a
 * drag does, gets the previous analysis back, the same object, and nothing downstream of it
 * (canvas elements, problems list, parameter count) is recomputed.
 *
 * Contract: the reused analysis's `structure.nodes` holds the nodes as they were when it was
 * computed, so their positions may be stale; read positions from the document.
 */
import { analyzeGraph, type DataContext, type Graph, type GraphAnalysis, type GraphNode } from '../../core/index.ts';

/** Whether `a` and `b` are the same node but for its position. */
export function sameExceptPosition(a: GraphNode, b: GraphNode): boolean {
  if (a === b) return true;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  for (const key of keysA) {
    if (key === 'position') continue;
    if ((a as unknown as Record<string, unknown>)[key] !== (b as unknown as Record<string, unknown>)[key]) return false;
  }
  return true;
}

/** Whether `analyzeGraph` would give the same result for `a` as for `b` (positions ignored). */
export function sameAnalysisInput(a: Graph, b: Graph): boolean {
  if (a === b) return true;
  if (a.nodes.length !== b.nodes.length || a.edges.length !== b.edges.length) return false;
  if (a.edges !== b.edges && !a.edges.every((e, i) => e.from === b.edges[i].from && e.to === b.edges[i].to)) return false;
  return a.nodes === b.nodes || a.nodes.every((n, i) => sameExceptPosition(n, b.nodes[i]));
}

/**
 * A memoising `analyzeGraph(graph, context)`: the last result is reused while the context is
 * the same object and the graph differs from the last one only in node positions.
 */
export function createGraphAnalyzer(analyze: typeof analyzeGraph = analyzeGraph) {
  let last: { graph: Graph; context: DataContext; analysis: GraphAnalysis } | null = null;
  return function analyzeGraphMemo(graph: Graph, context: DataContext): GraphAnalysis {
    if (last && last.context === context && sameAnalysisInput(last.graph, graph)) {
      last.graph = graph;
      return last.analysis;
    }
    last = { graph, context, analysis: analyze(graph, context) };
    return last.analysis;
  };
}
