/**
 * The export formats and their file types, apart from the exporters themselves, so a menu or a
 * dialog can list them without loading the exporters (the app loads those on first export).
 */
import type { ScriptWeights } from './pytorch-script.ts';

export const EXPORT_FORMATS = ['pytorch', 'pytorch-ddp', 'onnx', 'weights', 'predictions'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const SCRIPT_WEIGHTS = ['initial', 'trained', 'fresh'] as const satisfies readonly ScriptWeights[];

/** What each format is, for a menu or a save dialog. */
export const EXPORT_FORMAT_INFO: Record<ExportFormat, { title: string; extension: string; mimeType: string; binary: boolean }> = {
  pytorch: { title: 'PyTorch script', extension: 'py', mimeType: 'text/x-python', binary: false },
  'pytorch-ddp': { title: 'PyTorch script for torchrun (DistributedDataParallel)', extension: 'py', mimeType: 'text/x-python', binary: false },
  onnx: { title: 'ONNX model (inference)', extension: 'onnx', mimeType: 'application/octet-stream', binary: true },
  weights: { title: 'Weights (JSON, PyTorch layout)', extension: 'json', mimeType: 'application/json', binary: false },
  predictions: { title: 'Predictions (CSV, original units)', extension: 'csv', mimeType: 'text/csv', binary: false },
};

