/**
 * The `.layerboard` file, version 2, as a zod schema: the one source for validation, for the
 * defaults restored on load, for the `Project` type and for docs/layerboard.schema.json.
 *
 * The graph, training, weights and history parts mirror the hand-written types in
 * core/graph/types.ts and core/train/settings.ts; the assertions at the end of this file make
 * the build fail the moment the two drift apart.
 *
 * Objects are strict so that a misspelt key is reported; the loader turns those reports into
 * warnings and drops the keys (see project-file.ts), so an unknown key never stops a file from
 * opening.
 */
import { z } from 'zod';
import type { MissingPolicy, StoredPreprocessing } from '../data/preprocessing.ts';
import type { ScalingMethod } from '../data/scaling.ts';
import type { Graph, GraphNode } from '../graph/types.ts';
import { INIT_TYPES, LOSS_TYPES } from '../graph/types.ts';
import type { OptimizerSettings, StoredLinearWeights, StoredWeights, TrainingHistory, TrainingSettings } from '../train/settings.ts';
import { customIssueText, expectedGot, projectText } from './issues.ts';

/** The format version this build writes, and the newest it reads. */
export const CURRENT_VERSION = 2;
/** The value of the top-level `format` field of every project file. */
export const FORMAT_NAME = 'layerboard';

// ---------------------------------------------------------------------------------------------
// Defaults restored on load (Excalidraw's restore): one place, used by the schema and by the
// helpers that build new projects.

/** Learning rates used when a file names an optimizer but no `lr`: PyTorch's defaults. */
export const DEFAULT_LEARNING_RATES: Readonly<Record<OptimizerSettings['type'], number>> = {
  sgd: 1e-3,
  adam: 1e-3,
  adamw: 1e-3,
  rmsprop: 1e-2,
};

const TRAINING_DEFAULTS = {
  optimizerType: 'adam',
  epochs: 100,
  batchSize: 32,
  shuffle: true,
  seed: 0,
} as const;

const PREPROCESSING_DEFAULTS = { scaling: 'standard', scaleTarget: false, missing: 'drop' } as const;
const DATA_DEFAULTS = { task: 'auto', validationSplit: 0.2 } as const;
const UNTITLED = 'Untitled';

/** The training settings a new project starts with, and that a file without `training` gets. */
export function defaultTrainingSettings(): TrainingSettings {
  const type = TRAINING_DEFAULTS.optimizerType;
  return {
    optimizer: { type, lr: DEFAULT_LEARNING_RATES[type] },
    epochs: TRAINING_DEFAULTS.epochs,
    batchSize: TRAINING_DEFAULTS.batchSize,
    shuffle: TRAINING_DEFAULTS.shuffle,
    seed: TRAINING_DEFAULTS.seed,
  };
}

/** The preprocessing a new project starts with: standardise features, keep targets as they are. */
export function defaultPreprocessing(): Preprocessing {
  return { ...PREPROCESSING_DEFAULTS };
}

// ---------------------------------------------------------------------------------------------
// Building blocks

const finiteNumber = z.number();
const nonNegative = z.number().min(0);
const positive = z.number().positive();
const positiveInt = z.int().min(1);
const nonEmptyText = z.string().min(1);

/**
 * A JSON array of finite numbers (or nulls, when `nullable`). Checked in one tight loop that
 * stops at the first bad element: a stored weight tensor can hold millions of numbers, and
 * per-element zod schemas would take seconds and report one issue per element of a bad file.
 */
function numberArray<T extends number | null>(nullable: boolean) {
  const schema = z.custom<T[]>().check((ctx) => {
    const value: unknown = ctx.value;
    if (!Array.isArray(value)) {
      ctx.issues.push({ code: 'custom', input: value, ...customIssueText(expectedGot(projectText('expected.listOfNumbers'), value)) });
      return;
    }
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if ((typeof item === 'number' && Number.isFinite(item)) || (nullable && item === null)) continue;
      ctx.issues.push({ code: 'custom', input: item, path: [i], ...customIssueText(expectedGot(projectText(nullable ? 'expected.numberOrNull' : 'expected.number'), item)) });
      return;
    }
  });
  JSON_SCHEMA_OVERRIDES.set(schema, {
    type: 'array',
    items: nullable ? { type: ['number', 'null'] } : { type: 'number' },
  });
  return schema;
}

/** JSON Schema fragments for the schemas zod cannot describe itself (see json-schema.ts). */
export const JSON_SCHEMA_OVERRIDES = new Map<z.ZodType, Record<string, unknown>>();

// ---------------------------------------------------------------------------------------------
// data

const dataHashSchema = z.strictObject({
  algorithm: z.literal('sha256'),
  value: z.string().regex(/^[0-9a-f]{64}$/, { error: 'expected 64 lowercase hexadecimal digits (a SHA-256 digest)' }),
});

const preprocessingSchema = z.strictObject({
  scaling: z.enum(['standard', 'minmax', 'none']).default(PREPROCESSING_DEFAULTS.scaling),
  scaleTarget: z.boolean().default(PREPROCESSING_DEFAULTS.scaleTarget),
  missing: z.enum(['drop', 'mean']).default(PREPROCESSING_DEFAULTS.missing),
});

const columnList = z.array(nonEmptyText);

const finite = z.number().refine(Number.isFinite, { error: 'expected a finite number' });

/** core/data's StoredPreprocessing: what was fitted on the training rows, to encode new data alike. */
const fittedSchema = z.strictObject({
  version: z.literal(1),
  task: z.enum(['regression', 'classification']),
  scaling: z.enum(['standard', 'minmax', 'none']),
  scaleTarget: z.boolean(),
  missing: z.enum(['drop', 'mean']),
  columns: z.array(z.strictObject({ name: z.string(), kind: z.enum(['numeric', 'categorical', 'text']), role: z.enum(['feature', 'target', 'ignored']) })),
  features: z.array(z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('numeric'), column: z.string(), offset: finite, scale: finite, fill: finite.nullable() }),
    z.strictObject({ kind: z.literal('one-hot'), column: z.string(), categories: z.array(z.string()), fill: z.string().nullable() }),
  ])),
  featureNames: z.array(z.string()),
  target: z.discriminatedUnion('task', [
    z.strictObject({ task: z.literal('regression'), columns: z.array(z.strictObject({ column: z.string(), offset: finite, scale: finite })) }),
    z.strictObject({ task: z.literal('classification'), column: z.string(), classes: z.array(z.string()) }),
  ]),
});

const dataSchema = z.strictObject({
  path: nonEmptyText.meta({ description: 'The CSV file, relative to the project file, with forward slashes.' }),
  hash: dataHashSchema.optional().meta({ description: 'Digest of the CSV bytes when the project was saved, to notice a changed file.' }),
  embedded: z.string().optional().meta({ description: 'The CSV text itself, for a self-contained project.' }),
  features: columnList,
  targets: columnList,
  ignored: columnList.optional(),
  task: z.enum(['auto', 'regression', 'classification']).default(DATA_DEFAULTS.task),
  preprocessing: preprocessingSchema.prefault({}),
  validationSplit: z.number().min(0).lt(1).default(DATA_DEFAULTS.validationSplit),
  fitted: fittedSchema.optional()
    .meta({ description: 'Preprocessing parameters fitted on the training rows (means, scales, categories), as core/data stores them.' }),
}).superRefine((data, ctx) => {
  const roleOf = new Map<string, string>();
  for (const role of ['features', 'targets', 'ignored'] as const) {
    (data[role] ?? []).forEach((column, i) => {
      const earlier = roleOf.get(column);
      if (earlier !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [role, i],
          ...customIssueText(earlier === role ? projectText('schema.listedTwice', { column }) : projectText('schema.otherRole', { column, role: earlier })),
        });
      } else {
        roleOf.set(column, role);
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------
// graph (core/graph/types.ts)

const positionSchema = z.strictObject({ x: finiteNumber, y: finiteNumber });

function nodeSchema<T extends string, P extends z.ZodRawShape>(type: T, params: P) {
  return z.strictObject({
    id: nonEmptyText,
    type: z.literal(type),
    label: z.string().optional(),
    ...params,
    position: positionSchema.default({ x: 0, y: 0 }),
  });
}

const graphNodeSchema = z.discriminatedUnion('type', [
  nodeSchema('input', {}),
  nodeSchema('linear', {
    outFeatures: positiveInt,
    inFeatures: positiveInt.optional(),
    bias: z.boolean().optional(),
    init: z.enum(INIT_TYPES).optional(),
  }),
  nodeSchema('relu', {}),
  nodeSchema('leakyRelu', { slope: finiteNumber.optional() }),
  nodeSchema('sigmoid', {}),
  nodeSchema('tanh', {}),
  nodeSchema('elu', { alpha: finiteNumber.optional() }),
  nodeSchema('gelu', {}),
  nodeSchema('softplus', { beta: positive.optional(), threshold: finiteNumber.optional() }),
  nodeSchema('silu', {}),
  nodeSchema('dropout', { p: z.number().min(0).max(1).optional() }),
  nodeSchema('add', {}),
  nodeSchema('concat', {}),
  nodeSchema('output', { loss: z.enum(LOSS_TYPES), delta: positive.optional() }),
]);

const graphEdgeSchema = z.strictObject({ from: nonEmptyText, to: nonEmptyText });

const graphSchema = z.strictObject({
  nodes: z.array(graphNodeSchema),
  edges: z.array(graphEdgeSchema).default([]),
});

// ---------------------------------------------------------------------------------------------
// training (core/train/settings.ts)

const betasSchema = z.tuple([z.number().min(0).lt(1), z.number().min(0).lt(1)]);

const optimizerSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('sgd'),
    lr: positive.default(DEFAULT_LEARNING_RATES.sgd),
    momentum: nonNegative.optional(),
    dampening: nonNegative.optional(),
    nesterov: z.boolean().optional(),
    weightDecay: nonNegative.optional(),
  }),
  z.strictObject({
    type: z.literal('adam'),
    lr: positive.default(DEFAULT_LEARNING_RATES.adam),
    betas: betasSchema.optional(),
    eps: nonNegative.optional(),
    weightDecay: nonNegative.optional(),
  }),
  z.strictObject({
    type: z.literal('adamw'),
    lr: positive.default(DEFAULT_LEARNING_RATES.adamw),
    betas: betasSchema.optional(),
    eps: nonNegative.optional(),
    weightDecay: nonNegative.optional(),
  }),
  z.strictObject({
    type: z.literal('rmsprop'),
    lr: positive.default(DEFAULT_LEARNING_RATES.rmsprop),
    alpha: nonNegative.optional(),
    eps: nonNegative.optional(),
    weightDecay: nonNegative.optional(),
    momentum: nonNegative.optional(),
    centered: z.boolean().optional(),
  }),
]);

const trainingSchema = z.strictObject({
  optimizer: optimizerSchema.prefault({ type: TRAINING_DEFAULTS.optimizerType }),
  epochs: positiveInt.default(TRAINING_DEFAULTS.epochs),
  batchSize: positiveInt.nullable().default(TRAINING_DEFAULTS.batchSize)
    .meta({ description: 'Rows per step; null trains on the full batch.' }),
  shuffle: z.boolean().default(TRAINING_DEFAULTS.shuffle),
  // The seeded PRNG takes a 32-bit unsigned seed.
  seed: z.int().min(0).max(0xffff_ffff).default(TRAINING_DEFAULTS.seed),
  earlyStopping: z.strictObject({ patience: positiveInt, minDelta: nonNegative.optional() }).nullable().optional(),
  gradClipNorm: positive.nullable().optional(),
});

// ---------------------------------------------------------------------------------------------
// weights and history (core/train/settings.ts)

const storedTensorSchema = z.strictObject({
  shape: z.array(positiveInt),
  data: numberArray<number>(false),
}).superRefine((tensor, ctx) => {
  const size = tensor.shape.reduce((a, b) => a * b, 1);
  if (tensor.data.length !== size) {
    ctx.addIssue({
      code: 'custom',
      path: ['data'],
      ...customIssueText(projectText('schema.tensorSize', { actual: tensor.data.length, shape: tensor.shape.join(', '), size })),
    });
  }
});

const storedLinearWeightsSchema = z.strictObject({
  weight: storedTensorSchema.meta({ description: 'Shape [out, in], row-major, as torch.nn.Linear.weight.' }),
  bias: storedTensorSchema.optional().meta({ description: 'Shape [out], as torch.nn.Linear.bias.' }),
}).superRefine((w, ctx) => {
  if (w.weight.shape.length !== 2) {
    ctx.addIssue({ code: 'custom', path: ['weight', 'shape'], ...customIssueText(projectText('schema.weightShape', { shape: w.weight.shape.join(', ') })) });
    return;
  }
  if (w.bias && (w.bias.shape.length !== 1 || w.bias.shape[0] !== w.weight.shape[0])) {
    ctx.addIssue({ code: 'custom', path: ['bias', 'shape'], ...customIssueText(projectText('schema.biasShape', { out: w.weight.shape[0], weight: w.weight.shape.join(', '), bias: w.bias.shape.join(', ') })) });
  }
});

const weightsSchema = z.record(nonEmptyText, storedLinearWeightsSchema)
  .meta({ description: 'Trained parameters of each linear node, keyed by node id.' });

const historySchema = z.strictObject({
  epoch: numberArray<number>(false),
  trainLoss: numberArray<number>(false),
  valLoss: numberArray<number | null>(true),
}).superRefine((h, ctx) => {
  for (const key of ['trainLoss', 'valLoss'] as const) {
    if (h[key].length !== h.epoch.length) {
      ctx.addIssue({ code: 'custom', path: [key], ...customIssueText(projectText('schema.historyLength', { entries: h[key].length, epochs: h.epoch.length })) });
    }
  }
});

// ---------------------------------------------------------------------------------------------
// The file

/** The whole version-2 file. Its input type is what may be written; its output is `Project`. */
export const projectSchema = z.strictObject({
  format: z.literal(FORMAT_NAME),
  version: z.literal(CURRENT_VERSION),
  name: z.string().default(UNTITLED),
  description: z.string().optional(),
  createdWith: z.string().optional().meta({ description: 'Version of the Layerboard that wrote the file.' }),
  data: dataSchema,
  graph: graphSchema,
  training: trainingSchema.prefault({}),
  weights: weightsSchema.optional(),
  history: historySchema.optional(),
  ui: z.record(z.string(), z.unknown()).optional().meta({ description: 'View state (viewport, panel sizes); free-form.' }),
});

// ---------------------------------------------------------------------------------------------
// Types

/** The digest of the CSV file's bytes, recorded at save time. */
export type DataHash = z.output<typeof dataHashSchema>;
/** How rows and columns are prepared before training: scaling, target scaling, missing values. */
export type Preprocessing = z.output<typeof preprocessingSchema>;
/** The task the project trains for; `auto` lets core/data infer it from the target column. */
export type DataTask = ProjectData['task'];

/** Where the training data comes from and how it is prepared. */
export interface ProjectData {
  /** The CSV file, relative to the project file. */
  path: string;
  hash?: DataHash;
  /** The CSV text, when the project carries its data with it. */
  embedded?: string;
  features: string[];
  targets: string[];
  ignored?: string[];
  task: 'auto' | 'regression' | 'classification';
  preprocessing: Preprocessing;
  /** Fraction of rows held out for validation, in [0, 1). */
  validationSplit: number;
  /** Preprocessing fitted on the training rows, so predictions use the same scaling. */
  fitted?: StoredPreprocessing;
}

/** A loaded project: a version-2 file with every default restored. */
export interface Project {
  format: typeof FORMAT_NAME;
  version: typeof CURRENT_VERSION;
  name: string;
  description?: string;
  createdWith?: string;
  data: ProjectData;
  graph: Graph;
  training: TrainingSettings;
  weights?: StoredWeights;
  history?: TrainingHistory;
  ui?: Record<string, unknown>;
}

/** What a caller may hand to `createProject` or write by hand: defaults may be left out. */
export type ProjectInput = z.input<typeof projectSchema>;

// Compile-time proof that the schema and the hand-written types describe the same documents.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesTypes: [
  Same<z.output<typeof graphNodeSchema>, GraphNode>,
  Same<z.output<typeof graphSchema>, Graph>,
  Same<z.output<typeof trainingSchema>, TrainingSettings>,
  Same<z.output<typeof storedLinearWeightsSchema>, StoredLinearWeights>,
  Same<z.output<typeof weightsSchema>, StoredWeights>,
  Same<z.output<typeof historySchema>, TrainingHistory>,
  Same<z.output<typeof dataSchema>, ProjectData>,
  Same<z.output<typeof projectSchema>, Project>,
  Same<Preprocessing['scaling'], ScalingMethod>,
  Same<Preprocessing['missing'], MissingPolicy>,
  Same<z.output<typeof fittedSchema>, StoredPreprocessing>,
] = [true, true, true, true, true, true, true, true, true, true, true];
void schemaMatchesTypes;
