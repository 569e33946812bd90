export { analyzeGraph, type DataContext, type GraphAnalysis } from './analyze.ts';
export { compileGraph, type CompileResult } from './compile.ts';
export { Plan, type LayerParams, type PlanOptions } from './plan.ts';
