/**
 * Training settings and their stored results (weights, history), as they appear in a
 * `.layerboard` file. Optimizer fields use PyTorch's argument names in camelCase.
 */

export type SgdSettings = { type: 'sgd'; lr: number; momentum?: number; dampening?: number; nesterov?: boolean; weightDecay?: number };
export type AdamSettings = { type: 'adam'; lr: number; betas?: [number, number]; eps?: number; weightDecay?: number };
export type AdamWSettings = { type: 'adamw'; lr: number; betas?: [number, number]; eps?: number; weightDecay?: number };
export type RmspropSettings = { type: 'rmsprop'; lr: number; alpha?: number; eps?: number; weightDecay?: number; momentum?: number; centered?: boolean };
export type OptimizerSettings = SgdSettings | AdamSettings | AdamWSettings | RmspropSettings;
export const OPTIMIZER_TYPES = ['sgd', 'adam', 'adamw', 'rmsprop'] as const;

export interface EarlyStopping {
  /** Epochs without a validation-loss improvement before stopping. */
  patience: number;
  /** Smallest decrease that counts as an improvement. Default 0. */
  minDelta?: number;
}

export interface TrainingSettings {
  optimizer: OptimizerSettings;
  epochs: number;
  /** Rows per step; null = the full batch, as in the lecture. */
  batchSize: number | null;
  /** Reshuffle the training rows every epoch (seeded). */
  shuffle: boolean;
  seed: number;
  earlyStopping?: EarlyStopping | null;
  /** Clip the global gradient L2 norm to this value (torch.nn.utils.clip_grad_norm_); null = off. */
  gradClipNorm?: number | null;
}

/** Trained parameters in PyTorch's layout: weight is `[out, in]`, row-major. */
export interface StoredTensor {
  shape: number[];
  data: number[];
}
export interface StoredLinearWeights {
  weight: StoredTensor;
  bias?: StoredTensor;
}
export type StoredWeights = Record<string, StoredLinearWeights>;

/** Loss curves, one entry per recorded epoch. */
export interface TrainingHistory {
  epoch: number[];
  trainLoss: number[];
  /** null where there was no validation set. */
  valLoss: (number | null)[];
}
