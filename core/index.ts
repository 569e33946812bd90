/**
 * Layerboard's engine: graph document → diagnostics → plan → kernels → training loop.
 * See docs/engine.md for the tour.
 */
export * from './graph/types.ts';
export * from './graph/diagnostics.ts';
export { analyzeStructure, reach, type GraphStructure } from './graph/structure.ts';
export { inferWidths } from './shape/infer-widths.ts';
export { analyzeGraph, type DataContext, type GraphAnalysis } from './compile/analyze.ts';
export { compileGraph, type CompileResult } from './compile/compile.ts';
export { Plan, type LayerParams, type PlanOptions, type WeightLoadResult, type BackendChoice, type LayerKernel } from './compile/plan.ts';
export { loadWasmKernels } from './kernels/wasm.ts';
export { OPS, opFor } from './ops/table.ts';
export { LOSSES } from './ops/losses.ts';
export type { KernelBackend } from './kernels/backend.ts';
export { cpuBackend } from './kernels/cpu.ts';
export { Rng } from './kernels/random.ts';
export { createOptimizer, settingsProblem, validateOptimizer, withOptimizerDefaults, type Optimizer, type SettingsProblem } from './optim/optimizers.ts';
export * from './train/settings.ts';
export * from './train/run.ts';
export * from './train/metrics.ts';
export { evaluate, gatherBatch } from './train/predict.ts';
export * from './data/index.ts';
export { targetSpecOf, dataContextOf } from './data/dataset.ts';
export * from './project/index.ts';
export { applyFix, uniqueId } from './graph/apply-fix.ts';
export * from './train/protocol.ts';
export { createTrainerSession, type TrainerSessionOptions } from './train/session.ts';
export { traceRow, type RowTrace, type ForwardStepTrace, type BackwardStepTrace } from './train/trace-row.ts';
export { assessHealth, steeperGradientSnapshot, HEALTH_LIMITS, HEALTH_CODES, type HealthSignal, type HealthCode, type HealthInput } from './train/health.ts';
export * from './i18n/index.ts';
