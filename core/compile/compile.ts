import type { Diagnostic } from '../graph/diagnostics.ts';
import type { Graph } from '../graph/types.ts';
import { analyzeGraph, type DataContext, type GraphAnalysis } from './analyze.ts';
import { Plan, type PlanOptions } from './plan.ts';

export type CompileResult =
  | { type: 'ok'; plan: Plan; analysis: GraphAnalysis; diagnostics: Diagnostic[] }
  | { type: 'error'; analysis: GraphAnalysis; diagnostics: Diagnostic[] };

/**
 * Compiles a graph document into a runnable plan: validates it against the data, infers every
 * width, then lays out buffers, parameters and the forward and backward steps. A graph with any
 * error yields `{type: 'error'}` with every diagnostic; warnings ride along with a plan.
 * Both the input width and the target must be known to compile.
 */
export function compileGraph(graph: Graph, context: Required<DataContext>, options: PlanOptions = {}): CompileResult {
  const analysis = analyzeGraph(graph, context);
  if (!analysis.ok) return { type: 'error', analysis, diagnostics: analysis.diagnostics };
  return { type: 'ok', plan: new Plan(analysis, options), analysis, diagnostics: analysis.diagnostics };
}
