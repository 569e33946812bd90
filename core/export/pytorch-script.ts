/**
 * The project as one PyTorch script, written the way the course's lecture writes code: pandas
 * for the CSV, the stored scalers applied by hand, `class MyModel(nn.Module)` (an nn.Sequential
 * for a chain, an explicit forward for a graph with add or concat), a plain training loop, and
 * the final metrics. The distributed variant is the same script made ready for `torchrun`.
 *
 * What makes the script reproduce Layerboard's run rather than merely resemble it:
 * - the preprocessing is the fitted one (offsets, scales, categories, classes in stored order);
 * - the validation rows and, in the single-process script, the batch order come from a port of
 *   Layerboard's own seeded generator (core/kernels/random.ts), so both sides see the same rows;
 * - the starting weights are Layerboard's (initial or trained), loaded into each nn.Linear;
 * - losses, optimizers (PyTorch's own), gradient clipping and the per-epoch loss (the mean of the
 *   batch losses weighted by rows) are defined as core/train defines them.
 * Dropout is the one thing that cannot match: PyTorch draws its own masks.
 */
import type { StoredPreprocessing } from '../data/preprocessing.ts';
import type { GraphNode, LossType } from '../graph/types.ts';
import { withOptimizerDefaults } from '../optim/optimizers.ts';
import type { StoredWeights, TrainingSettings } from '../train/settings.ts';
import { pyBool, pyFloat, pyFloat32, pyIdentifiers, pyList, pyNum, pyOptional, pyStr } from './python.ts';
import { orderedNodes, type ExportModel } from './source.ts';

export type ScriptWeights = 'initial' | 'trained' | 'fresh';

export interface PytorchScriptOptions {
  /** true: the torchrun / DistributedDataParallel variant. */
  distributed: boolean;
  /** The weights written into the script, and which kind they are (null: PyTorch's own fresh initialisation). */
  weights: { kind: 'initial' | 'trained'; values: StoredWeights } | null;
  /** The CSV the script reads by default (relative to where it is run, or absolute). */
  csvPath: string;
  /** The script's own file name, for the usage lines. */
  fileName: string;
  /** How the CSV is written (as core/data detected it); default comma-separated with decimal points. */
  dialect?: { delimiter: string; decimalSeparator: string };
}

/** Writes the script. Pure: the same project and options always give the same text. */
export function pytorchScript(model: ExportModel, options: PytorchScriptOptions): string {
  const { project, preprocessing } = model;
  const s = project.training;
  const parts = [
    header(model, options),
    imports(options.distributed),
    settingsBlock(s, project.data.validationSplit, options),
    dataHelpers(options.dialect ?? { delimiter: ',', decimalSeparator: '.' }),
    preprocessingBlock(preprocessing),
    ENCODE,
    RNG,
    splitBlock(options.distributed, preprocessing.target.task === 'classification' ? model.plan.outputNode.loss : null),
    modelBlock(model),
    weightsBlock(model, options),
    lossBlock(model.plan.outputNode.loss, model.plan.outputNode.delta ?? 1),
    optimizerBlock(s),
    options.distributed ? DDP_TRAINING : TRAINING,
    metricsBlock(preprocessing, model.plan.outputWidth, options.distributed),
  ];
  return `${parts.map((p) => p.trim()).join('\n\n\n')}\n`;
}

function header(model: ExportModel, options: PytorchScriptOptions): string {
  const { project } = model;
  const name = project.name.replace(/\\/g, '/').replace(/"""/g, '"\u200b""');
  const run = options.distributed
    ? [
        `    torchrun --standalone --nproc_per_node=2 ${options.fileName}             # two processes on this machine`,
        `    torchrun --nnodes=2 --nproc_per_node=4 --rdzv_backend=c10d \\`,
        `             --rdzv_endpoint=HOST:29400 ${options.fileName}                   # two machines, four processes each`,
        `    ... ${options.fileName} --epochs 10 --json                               # fewer epochs; JSON lines (rank 0 prints)`,
      ]
    : [
        `    python3 ${options.fileName}                  # train with the project's settings`,
        `    python3 ${options.fileName} --epochs 10      # fewer epochs`,
        `    python3 ${options.fileName} --json           # one JSON object per epoch, for other programs`,
      ];
  const weights = options.weights === null
    ? "It starts from PyTorch's own fresh initialisation (seeded), not from Layerboard's weights."
    : options.weights.kind === 'trained'
      ? "It starts from the project's trained weights, so training continues where Layerboard stopped."
      : 'It starts from the initial weights Layerboard trains from, so both give the same losses.';
  return `#!/usr/bin/env python3
"""${name}: exported from Layerboard${options.distributed ? ' for distributed training' : ''}.

The project's network, preprocessing, weights and training settings as one PyTorch script.
${weights}
Run it where the CSV is (or pass --csv FILE):

${run.join('\n')}
${options.distributed ? `
Every process reads the CSV, prepares the same rows and trains on its own share of them
(DistributedSampler); DistributedDataParallel averages the gradients after every backward pass.
The gloo backend runs on CPUs; on GPUs use backend='nccl' and move the model and batches to
the process's device.
` : ''}"""`;
}

function imports(distributed: boolean): string {
  return `import argparse
import json
import math

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim${distributed ? `
import torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, DistributedSampler, TensorDataset` : ''}`;
}

function settingsBlock(s: TrainingSettings, validationSplit: number, options: PytorchScriptOptions): string {
  const early = s.earlyStopping ? `{'patience': ${pyNum(s.earlyStopping.patience)}, 'min_delta': ${pyNum(s.earlyStopping.minDelta ?? 0)}}` : 'None';
  return `parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument('--csv', default=${pyStr(options.csvPath)}, help='the training data (CSV)')
parser.add_argument('--epochs', type=int, default=${s.epochs}, help='epochs to train')
parser.add_argument('--json', action='store_true', help='print one JSON object per epoch, then the metrics')
parser.add_argument('--save-weights', metavar='FILE', help="write the trained weights in Layerboard's JSON layout")
args = parser.parse_args()

# Hyperparameters: the project's training settings
n_epochs = args.epochs
batch_size = ${pyOptional(s.batchSize, pyNum)}  # rows per step; None = the full batch in every step, as in the lecture
shuffle = ${pyBool(s.shuffle)}  # reshuffle the training rows every epoch
seed = ${pyNum(s.seed)}
validation_split = ${pyNum(validationSplit)}  # fraction of the rows held out for validation
grad_clip_norm = ${pyOptional(s.gradClipNorm, pyNum)}  # clip the gradients' global L2 norm (None: off)
early_stopping = ${early}  # stop when the validation loss has not improved for 'patience' epochs

torch.manual_seed(seed)


def without_nan(value):
    """JSON has no NaN: an undefined R² or a diverged loss is written as null."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {k: without_nan(v) for k, v in value.items()}
    if isinstance(value, list):
        return [without_nan(v) for v in value]
    return value${options.distributed ? `

# torchrun starts one copy of this script per process and tells each its rank.
dist.init_process_group(backend='gloo')
rank = dist.get_rank()
world_size = dist.get_world_size()
is_main = rank == 0  # only rank 0 prints and saves` : ''}`;
}

function dataHelpers(dialect: { delimiter: string; decimalSeparator: string }): string {
  const decimalComma = dialect.decimalSeparator === ',';
  return `
# Data: the CSV is read as text, and missing values are found the way Layerboard finds them
MISSING = {'', 'na', 'nan', 'null', '?', 'n/a'}  # compared after trimming, in any case

df = pd.read_csv(args.csv, sep=${pyStr(dialect.delimiter)}, dtype=str, keep_default_na=False)
df.columns = [str(c).strip() for c in df.columns]
df = df.apply(lambda column: column.str.strip())


def is_missing(column):
    return df[column].str.lower().isin(MISSING)


def numbers(column):
    """The column as float64 numbers; missing cells are NaN."""
    text = df[column].where(~is_missing(column))${decimalComma ? `
    # Decimal commas, as Layerboard reads this file: '1,5' and '1.234,5' (dots before a comma group thousands)
    comma = text.str.contains(',', regex=False, na=False)
    text = text.where(~comma, text.str.replace('.', '', regex=False).str.replace(',', '.', regex=False))` : ''}
    return pd.to_numeric(text)


def label_index(column, labels):
    """Each cell's position in labels, as a float Series: NaN where it is missing or not in the list."""
    if column in NUMERIC_COLUMNS:  # a numeric column used as categories: compare the numbers
        return numbers(column).map({float(label): i for i, label in enumerate(labels)})
    return df[column].where(~is_missing(column)).map({label: i for i, label in enumerate(labels)})
`;
}

function preprocessingBlock(p: StoredPreprocessing): string {
  const numericColumns = p.columns.filter((c) => c.kind === 'numeric').map((c) => pyStr(c.name));
  const featureLines = p.features.map((f) => {
    if (f.kind === 'numeric') {
      return `    (${pyStr(f.column)}, ${pyFloat(f.offset)}, ${pyFloat(f.scale)}${p.missing === 'mean' ? `, ${pyOptional(f.fill, pyFloat)}` : ''}),`;
    }
    return `    (${pyStr(f.column)}, ${pyList(f.categories.map(pyStr), '        ')}${p.missing === 'mean' ? `, ${pyOptional(f.fill, pyStr)}` : ''}),`;
  });
  const t = p.target;
  const target = t.task === 'regression'
    ? `# Regression targets: y = (value - offset) / scale (offset 0 and scale 1 unless the target was scaled)
targets = [
${t.columns.map((c) => `    (${pyStr(c.column)}, ${pyFloat(c.offset)}, ${pyFloat(c.scale)}),`).join('\n')}
]
classes = None`
    : `# Classification: y = the label's position in classes (Layerboard's sorted order)
target_column = ${pyStr(t.column)}
classes = ${pyList(t.classes.map(pyStr), '          ')}
targets = None`;
  return `# Preprocessing that Layerboard fitted on the training rows (the project's data.fitted).
# A numeric feature becomes (value - offset) / scale: ${p.scaling === 'standard' ? "offset = mean, scale = std, as sklearn's StandardScaler" : p.scaling === 'minmax' ? 'offset = min, scale = max - min, as MinMaxScaler' : 'no scaling (offset 0, scale 1)'}.
# A categorical feature becomes one 0/1 column per category, in this order (unseen values: all zeros).
# Missing values: ${p.missing === 'mean' ? 'filled with the value given last (the training mean, or the most frequent category)' : 'the row is dropped'}.
features = [
${featureLines.join('\n')}
]
missing = ${pyStr(p.missing)}
${target}
NUMERIC_COLUMNS = {${numericColumns.join(', ')}}  # columns that hold numbers in this file`;
}

const ENCODE = String.raw`
def encode():
    """The network's inputs x and targets y, encoded as Layerboard encodes them, in file order."""
    keep = np.ones(len(df), dtype=bool)
    blocks = []
    for column, *spec in features:
        if isinstance(spec[0], list):  # categorical: one 0/1 column per category
            categories = spec[0]
            index = label_index(column, categories)
            absent = is_missing(column).to_numpy()
            if missing == 'mean':
                index[absent] = categories.index(spec[1])
            else:
                keep &= ~absent
            one_hot = np.zeros((len(df), len(categories)))
            known = index.notna().to_numpy()
            one_hot[np.flatnonzero(known), index[known].astype(int).to_numpy()] = 1.0
            blocks.append(one_hot)
        else:  # numeric: (value - offset) / scale
            offset, scale = spec[0], spec[1]
            values = numbers(column)
            if missing == 'mean':
                values = values.fillna(spec[2])
            keep &= values.notna().to_numpy()
            blocks.append(((values.to_numpy() - offset) / scale)[:, None])
    x = np.concatenate(blocks, axis=1)
    if classes is None:
        y_columns = []
        for column, offset, scale in targets:
            values = numbers(column)
            keep &= values.notna().to_numpy()
            y_columns.append(((values.to_numpy() - offset) / scale)[:, None])
        y = np.concatenate(y_columns, axis=1)
    else:
        label = label_index(target_column, classes)
        keep &= label.notna().to_numpy()  # a missing or unseen class drops the row
        y = label.to_numpy()
    return x[keep].astype(np.float32), y[keep].astype(np.float32)


x_all, y_all = encode()
`;

const RNG = String.raw`
class LayerboardRng:
    """Layerboard's seeded generator (xoshiro128**, seeded through splitmix32; core/kernels/random.ts).
    The validation rows and the batch order come from it, so this script uses the same rows as Layerboard."""

    def __init__(self, seed, tag):
        h = (0x811C9DC5 ^ seed) & 0xFFFFFFFF  # the stream for this tag: FNV-1a over the tag, from the seed
        for ch in tag:
            h = ((h ^ ord(ch)) * 0x01000193) & 0xFFFFFFFF
        x = (h ^ 0x9E3779B9) & 0xFFFFFFFF
        self.s = []
        for _ in range(4):
            x = (x + 0x9E3779B9) & 0xFFFFFFFF
            z = x
            z = ((z ^ (z >> 16)) * 0x85EBCA6B) & 0xFFFFFFFF
            z = ((z ^ (z >> 13)) * 0xC2B2AE35) & 0xFFFFFFFF
            self.s.append(z ^ (z >> 16))
        if not any(self.s):
            self.s[0] = 1

    def next_u32(self):
        s0, s1, s2, s3 = self.s
        rotl = lambda v, k: ((v << k) | (v >> (32 - k))) & 0xFFFFFFFF
        result = (rotl((s1 * 5) & 0xFFFFFFFF, 7) * 9) & 0xFFFFFFFF
        t = (s1 << 9) & 0xFFFFFFFF
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 11)
        self.s = [s0, s1, s2, s3]
        return result

    def next_float(self):  # in [0, 1), 53 random bits
        hi = self.next_u32() >> 5
        lo = self.next_u32() >> 6
        return (hi * 67108864 + lo) / 9007199254740992

    def shuffle(self, values):  # in place, Fisher-Yates from the end
        for i in range(len(values) - 1, 0, -1):
            j = math.floor(self.next_float() * (i + 1))
            values[i], values[j] = values[j], values[i]
`;

/** The held-out rows; `classLoss` is the loss of a classification (how its class indices are fed), else null. */
function splitBlock(distributed: boolean, classLoss: LossType | null): string {
  const classIndex = classLoss === null
    ? ''
    : classLoss === 'crossEntropy'
      ? 'y_train, y_valid = y_train.long(), y_valid.long()  # cross_entropy takes class indices\n'
      : 'y_train, y_valid = y_train.view(-1, 1), y_valid.view(-1, 1)  # one 0/1 column, the target of the logit\n';
  return String.raw`
def split_rows(n, fraction, seed):
    """Layerboard's train/validation split: a seeded shuffle; the first round(n * fraction) rows are held out."""
    count = math.floor(n * fraction + 0.5)
    if 0 < fraction < 1 and n >= 2:
        count = min(n - 1, max(1, count))
    order = list(range(n))
    LayerboardRng(seed, 'split').shuffle(order)
    return sorted(order[count:]), sorted(order[:count])


train_rows, valid_rows = split_rows(len(x_all), validation_split, seed)
x_train, y_train = torch.from_numpy(x_all[train_rows]), torch.from_numpy(y_all[train_rows])
x_valid, y_valid = torch.from_numpy(x_all[valid_rows]), torch.from_numpy(y_all[valid_rows])
${classIndex}
${distributed ? "if is_main and not args.json:\n    print('%d training rows, %d validation rows, %d processes' % (len(x_train), len(x_valid), world_size))" : "if not args.json:\n    print('%d training rows, %d validation rows' % (len(x_train), len(x_valid)))"}
`;
}

/** The nn.Module text for one graph node (not input, output, add or concat). */
function moduleFor(node: GraphNode, inFeatures: number, inDim: string, outDim: string): string {
  switch (node.type) {
    case 'linear': return `nn.Linear(${inDim}, ${outDim}${node.bias === false ? ', bias=False' : ''})`;
    case 'relu': return 'nn.ReLU()';
    case 'leakyRelu': return node.slope === undefined || node.slope === 0.01 ? 'nn.LeakyReLU()' : `nn.LeakyReLU(negative_slope=${pyFloat(node.slope)})`;
    case 'sigmoid': return 'nn.Sigmoid()';
    case 'tanh': return 'nn.Tanh()';
    case 'elu': return node.alpha === undefined || node.alpha === 1 ? 'nn.ELU()' : `nn.ELU(alpha=${pyFloat(node.alpha)})`;
    case 'gelu': return 'nn.GELU()';
    case 'softplus': {
      const beta = node.beta ?? 1;
      const threshold = node.threshold ?? 20;
      return beta === 1 && threshold === 20 ? 'nn.Softplus()' : `nn.Softplus(beta=${pyFloat(beta)}, threshold=${pyFloat(threshold)})`;
    }
    case 'silu': return 'nn.SiLU()';
    case 'dropout': return `nn.Dropout(p=${pyFloat(node.p ?? 0.5)})`;
    default: throw new Error(`moduleFor: ${node.type} (${inFeatures}) has no module`);
  }
}

interface ModelLayout {
  /** The class definition. */
  text: string;
  /** Each linear node id → the expression for its nn.Linear on `model`. */
  linears: Map<string, string>;
}

/** An nn.Sequential when the graph is a chain, else named submodules and an explicit forward. */
function modelLayout(model: ExportModel): ModelLayout {
  const nodes = orderedNodes(model);
  const plan = model.plan;
  const inputId = model.structure.inputId!;
  const outputNode = plan.outputNode;
  const lastId = model.structure.inputsOf.get(outputNode.id)![0];
  const dims = (node: GraphNode, inputs: string[]): [string, string] => {
    const layer = plan.layers.find((l) => l.nodeId === node.id);
    if (!layer) return ['', ''];
    return [inputs[0] === inputId ? 'input_dim' : String(layer.inFeatures), node.id === lastId ? 'output_dim' : String(layer.outFeatures)];
  };
  const body = nodes.filter(({ node }) => node.type !== 'input' && node.type !== 'output');
  const isChain = body.every(({ node, inputs }, i) => inputs.length === 1 && inputs[0] === (i === 0 ? inputId : body[i - 1].node.id) && node.type !== 'add' && node.type !== 'concat')
    && body.length > 0 && lastId === body[body.length - 1].node.id;
  const linears = new Map<string, string>();
  const head = `class MyModel(nn.Module):
    def __init__(self, input_dim, output_dim):
        self.input_dim = input_dim
        self.output_dim = output_dim

        super().__init__()
`;
  if (isChain) {
    const lines = body.map(({ node, inputs }, i) => {
      const [inDim, outDim] = dims(node, inputs);
      if (node.type === 'linear') linears.set(node.id, `model.layer[${i}]`);
      return { code: `            ${moduleFor(node, 0, inDim, outDim)}${i < body.length - 1 ? ',' : ''}`, id: node.id };
    });
    const width = Math.max(...lines.map((l) => l.code.length));
    return {
      text: `${head}
        self.layer = nn.Sequential(
${lines.map((l) => `${l.code.padEnd(width)}  # ${l.id}`).join('\n')}
        )

    def forward(self, x):
        y = self.layer(x)
        return y`,
      linears,
    };
  }
  const names = pyIdentifiers(nodes.map(({ node }) => node.id));
  const value = (id: string): string => (id === inputId ? 'x' : `h_${names.get(id)}`);
  const init: string[] = [];
  const forward: string[] = [];
  for (const { node, inputs } of body) {
    const name = names.get(node.id)!;
    const out = value(node.id);
    if (node.type === 'add') {
      forward.push(`        ${out} = ${inputs.map(value).join(' + ')}  # ${node.id}`);
    } else if (node.type === 'concat') {
      forward.push(`        ${out} = torch.cat([${inputs.map(value).join(', ')}], dim=1)  # ${node.id}`);
    } else {
      const [inDim, outDim] = dims(node, inputs);
      init.push(`        self.${name} = ${moduleFor(node, 0, inDim, outDim)}${name === node.id ? '' : `  # ${node.id}`}`);
      forward.push(`        ${out} = self.${name}(${value(inputs[0])})`);
      if (node.type === 'linear') linears.set(node.id, `model.${name}`);
    }
  }
  return {
    text: `${head}
${init.join('\n')}

    def forward(self, x):
${forward.join('\n')}
        return ${value(lastId)}`,
    linears,
  };
}

function modelBlock(model: ExportModel): string {
  const layout = modelLayout(model);
  return `${layout.text}


model = MyModel(input_dim=${model.plan.inputWidth}, output_dim=${model.plan.outputWidth})
linear_layers = {  # Layerboard's linear nodes, by id
${[...layout.linears].map(([id, expr]) => `    ${pyStr(id)}: ${expr},`).join('\n')}
}`;
}

function weightsBlock(model: ExportModel, options: PytorchScriptOptions): string {
  const fresh = () => {
    const lines = model.plan.layers.filter((l) => l.init !== 'pytorch').map((l) => {
      const init = l.init === 'xavier' ? `nn.init.xavier_uniform_(layer.weight)` : `nn.init.kaiming_uniform_(layer.weight, nonlinearity='relu')`;
      return `    layer = linear_layers[${pyStr(l.nodeId)}]  # init: ${l.init}\n    ${init}\n    if layer.bias is not None:\n        nn.init.zeros_(layer.bias)`;
    });
    return `# Weights: PyTorch's fresh initialisation, seeded by torch.manual_seed(seed) above${lines.length ? ` (nn.Linear's default,
# except the layers Layerboard initialises with Xavier or He)
with torch.no_grad():
${lines.join('\n')}` : '.'}`;
  };
  if (options.weights === null) return fresh();
  const values = options.weights.values;
  const entries = model.plan.layers.map((layer) => {
    const w = values[layer.nodeId];
    const rows: string[] = [];
    const [outF, inF] = w.weight.shape;
    for (let o = 0; o < outF; o++) rows.push(pyList(w.weight.data.slice(o * inF, (o + 1) * inF).map(pyFloat32), '                   '));
    const bias = w.bias ? `\n        'bias': ${pyList(w.bias.data.map(pyFloat32), '                ')},` : '';
    return `    ${pyStr(layer.nodeId)}: {\n        'weight': [${rows.join(',\n                   ')}],${bias}\n    },`;
  });
  const what = options.weights.kind === 'trained' ? "the project's trained weights" : 'the initial weights Layerboard trains from (seed ' + model.project.training.seed + ')';
  return `# Weights: ${what}.
# Each weight is [out_features, in_features], as nn.Linear stores it.
weights = {
${entries.join('\n')}
}
with torch.no_grad():
    for name, layer in linear_layers.items():
        layer.weight.copy_(torch.tensor(weights[name]['weight']))
        if layer.bias is not None:
            layer.bias.copy_(torch.tensor(weights[name]['bias']))`;
}

function lossBlock(loss: LossType, delta: number): string {
  const body: Record<LossType, string> = {
    mse: 'return F.mse_loss(y_hat, y)',
    mae: 'return F.l1_loss(y_hat, y)',
    huber: `return F.huber_loss(y_hat, y, delta=${pyFloat(delta)})`,
    crossEntropy: 'return F.cross_entropy(y_hat, y)  # softmax over the logits; y holds class indices',
    bce: 'return F.binary_cross_entropy_with_logits(y_hat, y)  # sigmoid over the logits',
  };
  return `def loss_fn(y_hat, y):
    ${body[loss]}`;
}

function optimizerBlock(settings: TrainingSettings): string {
  const o = withOptimizerDefaults(settings.optimizer);
  let call: string;
  switch (o.type) {
    case 'sgd':
      call = `optim.SGD(model.parameters(), lr=learning_rate, momentum=${pyNum(o.momentum)}, dampening=${pyNum(o.dampening)}, nesterov=${pyBool(o.nesterov)}, weight_decay=${pyNum(o.weightDecay)})`;
      break;
    case 'adam':
    case 'adamw':
      call = `optim.${o.type === 'adam' ? 'Adam' : 'AdamW'}(model.parameters(), lr=learning_rate, betas=(${pyNum(o.betas[0])}, ${pyNum(o.betas[1])}), eps=${pyNum(o.eps)}, weight_decay=${pyNum(o.weightDecay)})`;
      break;
    case 'rmsprop':
      call = `optim.RMSprop(model.parameters(), lr=learning_rate, alpha=${pyNum(o.alpha)}, eps=${pyNum(o.eps)}, weight_decay=${pyNum(o.weightDecay)}, momentum=${pyNum(o.momentum)}, centered=${pyBool(o.centered)})`;
      break;
  }
  return `learning_rate = ${pyNum(o.lr)}
optimizer = ${call}`;
}

const LOOP_BODY = String.raw`        y_hat = model(x)
        loss = loss_fn(y_hat, y)

        optimizer.zero_grad()
        loss.backward()
        if grad_clip_norm is not None:
            nn.utils.clip_grad_norm_(model.parameters(), grad_clip_norm)
        optimizer.step()`;

/** After an epoch's steps: the validation loss, the epoch's line, early stopping. */
function epochEnd(distributed: boolean): string {
  const report = String.raw`if args.json:
    print(json.dumps(without_nan({'epoch': epoch + 1, 'train_loss': train_loss, 'valid_loss': valid_loss})), flush=True)
elif valid_loss is None:
    print('Epoch %d: loss = %.4e' % (epoch + 1, train_loss))
else:
    print('Epoch %d: loss = %.4e, validation loss = %.4e' % (epoch + 1, train_loss, valid_loss))`;
  const indented = (text: string, pad: string): string => text.split('\n').map((l) => pad + l).join('\n');
  return String.raw`
    valid_loss = None
    if len(x_valid) > 0:
        model.eval()
        with torch.no_grad():
            valid_loss = loss_fn(model(x_valid), y_valid).item()

` + (distributed ? `    if is_main:\n${indented(report, '        ')}` : indented(report, '    ')) + String.raw`

    if not math.isfinite(train_loss):
        if ${distributed ? 'is_main and ' : ''}not args.json:
            print('The loss is no longer finite: training diverged. Try a lower learning rate, or gradient clipping.')
        break

    if early_stopping is not None and valid_loss is not None:
        if valid_loss < best_loss - early_stopping['min_delta']:
            best_loss, best_epoch, since_best = valid_loss, epoch + 1, 0
            best_state = {k: v.clone() for k, v in model.state_dict().items()}
        else:
            since_best += 1
            if since_best >= early_stopping['patience']:
                model.load_state_dict(best_state)
                if ` + (distributed ? 'is_main and ' : '') + String.raw`not args.json:
                    print('Stopped early; restored the best weights (epoch %d).' % best_epoch)
                break`;
}

const TRAINING = String.raw`
# Training: epochs of batches in Layerboard's order; the epoch's loss is the mean of the batch
# losses weighted by their rows (each computed before its step), as Layerboard reports it.
n = len(x_train)
step_rows = batch_size or n
order = list(range(n))
shuffle_rng = LayerboardRng(seed, 'shuffle')
best_loss, best_epoch, since_best, best_state = math.inf, None, 0, None

for epoch in range(n_epochs):
    model.train()
    if shuffle:
        shuffle_rng.shuffle(order)  # reshuffled from the previous epoch's order, as Layerboard does
    epoch_loss = 0.0
    for start in range(0, n, step_rows):
        rows = torch.tensor(order[start:start + step_rows])
        x, y = x_train[rows], y_train[rows]

` + LOOP_BODY + String.raw`

        epoch_loss += loss.item() * len(rows)
    train_loss = epoch_loss / n
` + epochEnd(false);

const DDP_TRAINING = String.raw`
# Distributed training. Each process trains on its share of the rows (DistributedSampler) with
# a step of ceil(batch_size / world_size) rows, so one step over all processes covers about
# batch_size rows; DistributedDataParallel averages the gradients after backward(), so every
# process applies the same update. With the full batch and a row count that divides evenly,
# this is exactly the single-process step: each process's loss is the mean over an equal share,
# and the mean of equal-sized shares' gradients is the gradient of the mean over all rows.
# (DistributedSampler pads an uneven share by repeating rows, and its shuffle uses PyTorch's
# generator, not Layerboard's order.)
model = DistributedDataParallel(model)  # wraps the same parameters the optimizer holds
n = len(x_train)
step_rows = math.ceil((batch_size or n) / world_size)
sampler = DistributedSampler(TensorDataset(x_train, y_train), num_replicas=world_size, rank=rank, shuffle=shuffle, seed=seed)
loader = DataLoader(TensorDataset(x_train, y_train), batch_size=step_rows, sampler=sampler)
best_loss, best_epoch, since_best, best_state = math.inf, None, 0, None

for epoch in range(n_epochs):
    model.train()
    sampler.set_epoch(epoch)  # a different shuffle every epoch, the same on every process
    totals = torch.zeros(2, dtype=torch.float64)  # this process's sum of loss * rows, and its rows
    for x, y in loader:
` + LOOP_BODY + String.raw`

        totals += torch.tensor([loss.item() * len(x), len(x)], dtype=torch.float64)
    dist.all_reduce(totals)  # summed over the processes: the epoch's loss over every row
    train_loss = (totals[0] / totals[1]).item()
` + epochEnd(true);

function metricsBlock(p: StoredPreprocessing, outputWidth: number, distributed: boolean): string {
  const classification = p.target.task === 'classification';
  const unwrap = distributed ? '\nmodel = model.module  # the plain model again, for evaluation and saving\n' : '';
  const compute = classification
    ? String.raw`
def metrics(x, y):
    """Accuracy, per-class precision and recall, and the confusion matrix (rows: actual class)."""
    model.eval()
    with torch.no_grad():
        logits = model(x)
    predicted = (logits[:, 0] > 0).long() if logits.shape[1] == 1 else logits.argmax(dim=1)
    actual = y.view(-1).long()
    k = len(classes)
    confusion = [[int(((actual == a) & (predicted == p)).sum()) for p in range(k)] for a in range(k)]
    column_sums = [sum(confusion[a][c] for a in range(k)) for c in range(k)]
    return {
        'accuracy': float((predicted == actual).float().mean()) if len(actual) else math.nan,
        'classes': classes,
        'precision': [confusion[c][c] / column_sums[c] if column_sums[c] else None for c in range(k)],
        'recall': [confusion[c][c] / sum(confusion[c]) if sum(confusion[c]) else None for c in range(k)],
        'confusion': confusion,
    }


def show(label, m):
    print('  %s accuracy %.4f' % (label, m['accuracy']))
    for c, name in enumerate(classes):
        print('    %s: precision %s  recall %s' % (name, m['precision'][c], m['recall'][c]))
    print('    confusion (rows = actual, columns = predicted): %s' % m['confusion'])`
    : String.raw`
def metrics(x, y):
    """MSE, RMSE, MAE and R² per target, in the target's original units."""
    model.eval()
    with torch.no_grad():
        y_hat = model(x).double()
    y = y.double()
    result = []
    for j, (column, offset, scale) in enumerate(targets):
        predicted = y_hat[:, j] * scale + offset
        actual = y[:, j] * scale + offset
        se = float(((predicted - actual) ** 2).sum())
        total = float(((actual - actual.mean()) ** 2).sum())
        mse = se / len(actual)
        result.append({'name': column, 'mse': mse, 'rmse': math.sqrt(mse), 'mae': float((predicted - actual).abs().mean()),
                       'r2': 1 - se / total if total > 0 else math.nan})
    return result


def show(label, m):
    for t in m:
        print('  %s %s: MSE %.5g  RMSE %.5g  MAE %.5g  R² %.4f' % (label, t['name'], t['mse'], t['rmse'], t['mae'], t['r2']))`;
  void outputWidth;
  return `# Metrics at the end, defined as Layerboard defines them${unwrap}
${compute.trim()}


${distributed ? 'if is_main:\n' : ''}${indentIf(distributed, String.raw`final = {'train': metrics(x_train, y_train), 'validation': metrics(x_valid, y_valid) if len(x_valid) > 0 else None}
if args.json:
    print(json.dumps({'metrics': without_nan(final)}))
else:
    show('train', final['train'])
    if final['validation'] is not None:
        show('validation', final['validation'])

if args.save_weights:
    trained = {}
    for name, layer in linear_layers.items():
        trained[name] = {'weight': {'shape': list(layer.weight.shape), 'data': layer.weight.detach().flatten().tolist()}}
        if layer.bias is not None:
            trained[name]['bias'] = {'shape': list(layer.bias.shape), 'data': layer.bias.detach().tolist()}
    with open(args.save_weights, 'w') as f:
        json.dump(trained, f)`)}${distributed ? '\n\ndist.destroy_process_group()' : ''}`;
}

function indentIf(yes: boolean, text: string): string {
  return yes ? text.split('\n').map((l) => (l ? `    ${l}` : l)).join('\n') : text;
}
