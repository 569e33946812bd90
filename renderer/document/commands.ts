/**
 * Every change a user can make to a project is one of these named, pure transitions
 * `(doc, args) -> doc` (Excalidraw's actions). The editor runs them through one reducer, so undo
 * and redo, tests and rendering all follow the same path. A command that changes nothing returns
 * the very same `doc`, and the editor records no history entry for it.
 *
 * Commands never validate by throwing: a graph may be wrong while it is being drawn, and the
 * analysis (core's `analyzeGraph`) reports what is wrong on the node that made it.
 */
import {
  applyFix as applyGraphFix,
  edgeId,
  OPS,
  type Fix,
  type Graph,
  type GraphEdge,
  type GraphNode,
  type LossType,
  type NodeType,
  type OptimizerSettings,
  type Position,
  type DataHash,
  type Project,
  type ProjectData,
  type StoredPreprocessing,
  type StoredWeights,
  type TrainingHistory,
  type TrainingSettings,
} from '../../core/index.ts';
import { layeredLayout } from './layout.ts';

export type ColumnRole = 'feature' | 'target' | 'ignored';

/** Width a new Linear layer starts with: a common hidden size, edited in the inspector. */
export const DEFAULT_LINEAR_WIDTH = 16;

/** A node of `type` with the parameters a new one needs; the rest keep the engine's defaults. */
export function createNode(type: NodeType, id: string, position: Position, options: { loss?: LossType } = {}): GraphNode {
  const base = { id, position: { x: Math.round(position.x), y: Math.round(position.y) } };
  switch (type) {
    case 'linear':
      return { ...base, type, outFeatures: DEFAULT_LINEAR_WIDTH };
    case 'output':
      return { ...base, type, loss: options.loss ?? 'mse' };
    default:
      return { ...base, type } as GraphNode;
  }
}

function withGraph(doc: Project, graph: Graph): Project {
  return graph === doc.graph ? doc : { ...doc, graph };
}

function withTraining(doc: Project, training: TrainingSettings): Project {
  return { ...doc, training };
}

function withData(doc: Project, data: ProjectData): Project {
  return { ...doc, data };
}

function samePosition(a: Position, b: Position): boolean {
  return a.x === b.x && a.y === b.y;
}

/** Stored weights of nodes that are gone are derived data that no longer means anything. */
function dropWeightsOf(doc: Project, removed: ReadonlySet<string>): Project {
  if (!doc.weights || !Object.keys(doc.weights).some((id) => removed.has(id))) return doc;
  const weights = Object.fromEntries(Object.entries(doc.weights).filter(([id]) => !removed.has(id)));
  return { ...doc, weights };
}

/** Table order for feature lists, so the encoded columns (and the weights) keep a stable order. */
function inTableOrder(names: Iterable<string>, columns: readonly string[]): string[] {
  const wanted = new Set(names);
  const ordered = columns.filter((c) => wanted.has(c));
  for (const name of wanted) if (!columns.includes(name)) ordered.push(name);
  return ordered;
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

// ---------------------------------------------------------------------------------------------
// Graph

/**
 * Adds `node`. With `connectFrom`, also an edge from that node into it (building from the
 * keyboard); with `insert` as well, the new node goes between `connectFrom` and what it fed,
 * each of those edges keeping its place (and so its input order).
 */
export function addNode(doc: Project, args: { node: GraphNode; connectFrom?: string; insert?: boolean }): Project {
  if (doc.graph.nodes.some((n) => n.id === args.node.id)) return doc;
  const from = args.connectFrom;
  if (!from || !doc.graph.nodes.some((n) => n.id === from)) return withGraph(doc, { nodes: [...doc.graph.nodes, args.node], edges: doc.graph.edges });
  const id = args.node.id;
  const edges = args.insert ? doc.graph.edges.map((e) => (e.from === from ? { from: id, to: e.to } : e)) : doc.graph.edges;
  return withGraph(doc, { nodes: [...doc.graph.nodes, args.node], edges: [...edges, { from, to: id }] });
}

/** Moves nodes to new positions (a drag, arrow keys). Unknown ids are ignored. */
export function moveNodes(doc: Project, args: { positions: Record<string, Position> }): Project {
  let changed = false;
  const nodes = doc.graph.nodes.map((n) => {
    const p = args.positions[n.id];
    if (!p || samePosition(p, n.position)) return n;
    changed = true;
    return { ...n, position: { x: p.x, y: p.y } };
  });
  return changed ? withGraph(doc, { ...doc.graph, nodes }) : doc;
}

/**
 * Connects `from` to `to`. The new edge goes last among `to`'s inputs (for Concat, the order of
 * edges is the order of the inputs). A node that takes one input gets its old input replaced,
 * as a plug replaces a plug; a self-loop or an existing edge changes nothing.
 */
export function connect(doc: Project, args: { from: string; to: string }): Project {
  const { from, to } = args;
  if (from === to) return doc;
  const target = doc.graph.nodes.find((n) => n.id === to);
  if (!target || !doc.graph.nodes.some((n) => n.id === from)) return doc;
  if (doc.graph.edges.some((e) => e.from === from && e.to === to)) return doc;
  const edge: GraphEdge = { from, to };
  const singleInput = OPS[target.type]?.maxInputs === 1;
  const existing = doc.graph.edges.findIndex((e) => e.to === to);
  if (singleInput && existing >= 0) {
    return withGraph(doc, { ...doc.graph, edges: doc.graph.edges.flatMap((e, i) => (i === existing ? [edge] : e.to === to ? [] : [e])) });
  }
  return withGraph(doc, { ...doc.graph, edges: [...doc.graph.edges, edge] });
}

/** Deletes nodes (with every edge touching them) and edges (by `from->to` id). */
export function deleteElements(doc: Project, args: { nodeIds?: readonly string[]; edgeIds?: readonly string[] }): Project {
  const nodeIds = new Set(args.nodeIds ?? []);
  const edgeIds = new Set(args.edgeIds ?? []);
  const nodes = doc.graph.nodes.filter((n) => !nodeIds.has(n.id));
  const edges = doc.graph.edges.filter((e) => !nodeIds.has(e.from) && !nodeIds.has(e.to) && !edgeIds.has(edgeId(e)));
  if (nodes.length === doc.graph.nodes.length && edges.length === doc.graph.edges.length) return doc;
  return dropWeightsOf(withGraph(doc, { nodes, edges }), nodeIds);
}

/** Adds a prepared subgraph (paste, duplicate): its ids must already be fresh (see clipboard.ts). */
export function insertSubgraph(doc: Project, args: { nodes: readonly GraphNode[]; edges: readonly GraphEdge[] }): Project {
  if (args.nodes.length === 0) return doc;
  const taken = new Set(doc.graph.nodes.map((n) => n.id));
  if (args.nodes.some((n) => taken.has(n.id))) return doc;
  return withGraph(doc, { nodes: [...doc.graph.nodes, ...args.nodes], edges: [...doc.graph.edges, ...args.edges] });
}

/**
 * Sets one parameter of a node (`outFeatures`, `slope`, `loss`, ...); `undefined` removes it so
 * the engine's default applies. The value has been validated by the inspector; the analysis
 * still checks it.
 */
export function setNodeParam(doc: Project, args: { nodeId: string; param: string; value: number | string | boolean | undefined }): Project {
  if (args.param === 'id' || args.param === 'type' || args.param === 'position') return doc;
  let changed = false;
  const nodes = doc.graph.nodes.map((n) => {
    if (n.id !== args.nodeId) return n;
    const current = (n as unknown as Record<string, unknown>)[args.param];
    if (current === args.value) return n;
    changed = true;
    const next = { ...n } as Record<string, unknown>;
    if (args.value === undefined) delete next[args.param];
    else next[args.param] = args.value;
    return next as unknown as GraphNode;
  });
  return changed ? withGraph(doc, { ...doc.graph, nodes }) : doc;
}

/** Sets a node's display name; an empty one (or the id itself) removes it. */
export function setNodeLabel(doc: Project, args: { nodeId: string; label: string }): Project {
  const label = args.label.trim();
  return setNodeParam(doc, { nodeId: args.nodeId, param: 'label', value: label === '' || label === args.nodeId ? undefined : label });
}

/** Applies a diagnostic's one-click fix (core's `applyFix`). */
export function applyFix(doc: Project, args: { fix: Fix }): Project {
  const graph = applyGraphFix(doc.graph, args.fix);
  const removed = new Set(doc.graph.nodes.filter((n) => !graph.nodes.some((m) => m.id === n.id)).map((n) => n.id));
  return dropWeightsOf(withGraph(doc, graph), removed);
}

/** Lays the graph out left to right in layers (see layout.ts). */
export function autoLayout(doc: Project, _args: Record<string, never> = {}): Project {
  return moveNodes(doc, { positions: layeredLayout(doc.graph) });
}

// ---------------------------------------------------------------------------------------------
// Data

/**
 * Gives `column` a role. `columns` is the CSV's column order, which feature lists follow. A
 * column made the target replaces the old target (which becomes ignored rather than a feature,
 * so a target never leaks into the inputs unasked) unless the task is multi-target regression.
 */
export function setColumnRole(doc: Project, args: { column: string; role: ColumnRole; columns: readonly string[] }): Project {
  const { column, role, columns } = args;
  const data = doc.data;
  const features = new Set(data.features);
  let targets = data.targets.filter((t) => t !== column);
  features.delete(column);
  if (role === 'feature') features.add(column);
  if (role === 'target') targets = data.task === 'regression' && targets.length > 0 ? [...targets, column] : [column];
  const known = inTableOrder([...columns, ...data.features, ...data.targets, ...(data.ignored ?? [])], columns);
  const nextFeatures = inTableOrder(features, columns);
  const ignored = known.filter((c) => !features.has(c) && !targets.includes(c));
  const next: ProjectData = { ...data, features: nextFeatures, targets };
  if (ignored.length > 0) next.ignored = ignored;
  else delete next.ignored;
  if (sameList(next.features, data.features) && sameList(next.targets, data.targets) && sameList(next.ignored, data.ignored)) return doc;
  return withData(doc, next);
}

function sameHash(a: DataHash | undefined, b: DataHash | undefined): boolean {
  return a?.algorithm === b?.algorithm && a?.value === b?.value;
}

/**
 * Links a CSV (import, relink): its path relative to the project, the roles of its columns and
 * the digest of its bytes. The same file name with the same roles again (relinking a CSV the
 * browser could not read, or that moved) changes nothing, not even the recorded digest: if the
 * bytes differ from what the project recorded, the app says so and the person decides
 * (`setDataHash`).
 */
export function linkData(doc: Project, args: { path: string; features: string[]; targets: string[]; ignored?: string[]; hash?: DataHash }): Project {
  const ignored = args.ignored && args.ignored.length > 0 ? [...args.ignored] : undefined;
  const d = doc.data;
  if (d.path === args.path && sameList(d.features, args.features) && sameList(d.targets, args.targets) && sameList(d.ignored, ignored)) return doc;
  const data: ProjectData = { ...d, path: args.path, features: [...args.features], targets: [...args.targets] };
  if (ignored) data.ignored = ignored;
  else delete data.ignored;
  // A fitted scaler and a hash belong to the file they were made from.
  delete data.fitted;
  delete data.hash;
  delete data.embedded;
  if (args.hash) data.hash = { ...args.hash };
  return withData(doc, data);
}

/** Accepts the CSV as it is now: records its digest, so the project no longer says it changed. */
export function setDataHash(doc: Project, args: { hash: DataHash }): Project {
  return sameHash(doc.data.hash, args.hash) ? doc : withData(doc, { ...doc.data, hash: { ...args.hash } });
}

export function setTask(doc: Project, args: { task: ProjectData['task'] }): Project {
  return doc.data.task === args.task ? doc : withData(doc, { ...doc.data, task: args.task });
}

export function setScaling(doc: Project, args: { scaling: ProjectData['preprocessing']['scaling'] }): Project {
  const p = doc.data.preprocessing;
  return p.scaling === args.scaling ? doc : withData(doc, { ...doc.data, preprocessing: { ...p, scaling: args.scaling } });
}

export function setScaleTarget(doc: Project, args: { scaleTarget: boolean }): Project {
  const p = doc.data.preprocessing;
  return p.scaleTarget === args.scaleTarget ? doc : withData(doc, { ...doc.data, preprocessing: { ...p, scaleTarget: args.scaleTarget } });
}

export function setMissing(doc: Project, args: { missing: ProjectData['preprocessing']['missing'] }): Project {
  const p = doc.data.preprocessing;
  return p.missing === args.missing ? doc : withData(doc, { ...doc.data, preprocessing: { ...p, missing: args.missing } });
}

export function setValidationSplit(doc: Project, args: { fraction: number }): Project {
  return doc.data.validationSplit === args.fraction ? doc : withData(doc, { ...doc.data, validationSplit: args.fraction });
}

// ---------------------------------------------------------------------------------------------
// Training settings

/** Switches the optimizer, keeping the learning rate and weight decay (every optimizer has both). */
export function setOptimizerType(doc: Project, args: { type: OptimizerSettings['type'] }): Project {
  const current = doc.training.optimizer;
  if (current.type === args.type) return doc;
  const optimizer = { type: args.type, lr: current.lr, ...(current.weightDecay !== undefined ? { weightDecay: current.weightDecay } : {}) } as OptimizerSettings;
  return withTraining(doc, { ...doc.training, optimizer });
}

export function setLearningRate(doc: Project, args: { lr: number }): Project {
  const current = doc.training.optimizer;
  return current.lr === args.lr ? doc : withTraining(doc, { ...doc.training, optimizer: { ...current, lr: args.lr } });
}

export function setEpochs(doc: Project, args: { epochs: number }): Project {
  return doc.training.epochs === args.epochs ? doc : withTraining(doc, { ...doc.training, epochs: args.epochs });
}

/** Rows per step; null trains on the full batch (the lecture's setting). */
export function setBatchSize(doc: Project, args: { batchSize: number | null }): Project {
  return doc.training.batchSize === args.batchSize ? doc : withTraining(doc, { ...doc.training, batchSize: args.batchSize });
}

/** The optimizer parameters other than the type and learning rate, as the settings panel names them. */
export type OptimizerParam = 'momentum' | 'dampening' | 'nesterov' | 'weightDecay' | 'beta1' | 'beta2' | 'eps' | 'alpha' | 'centered';

const OPTIMIZER_PARAMS: Record<OptimizerSettings['type'], readonly OptimizerParam[]> = {
  sgd: ['momentum', 'dampening', 'nesterov', 'weightDecay'],
  adam: ['beta1', 'beta2', 'eps', 'weightDecay'],
  adamw: ['beta1', 'beta2', 'eps', 'weightDecay'],
  rmsprop: ['alpha', 'eps', 'weightDecay', 'momentum', 'centered'],
};

/** PyTorch's betas default, used for the other half of the pair when one beta is set. */
const DEFAULT_BETAS: [number, number] = [0.9, 0.999];

/**
 * Sets one parameter of the current optimizer (`undefined` removes it, so PyTorch's default
 * applies). A parameter the optimizer does not have changes nothing. The two Adam betas are
 * stored as one pair, so setting one fills the other with its default.
 */
export function setOptimizerParam(doc: Project, args: { param: OptimizerParam; value: number | boolean | undefined }): Project {
  const current = doc.training.optimizer as OptimizerSettings & Record<string, unknown>;
  if (!OPTIMIZER_PARAMS[current.type].includes(args.param)) return doc;
  const next: Record<string, unknown> = { ...current };
  if (args.param === 'beta1' || args.param === 'beta2') {
    const stored = current.betas as [number, number] | undefined;
    const i = args.param === 'beta1' ? 0 : 1;
    const pair: [number, number] = [...(stored ?? DEFAULT_BETAS)];
    pair[i] = typeof args.value === 'number' ? args.value : DEFAULT_BETAS[i];
    const isDefault = pair[0] === DEFAULT_BETAS[0] && pair[1] === DEFAULT_BETAS[1];
    if (stored ? stored[0] === pair[0] && stored[1] === pair[1] : isDefault) return doc;
    if (isDefault) delete next.betas;
    else next.betas = pair;
  } else {
    if (current[args.param] === args.value) return doc;
    if (args.value === undefined) delete next[args.param];
    else next[args.param] = args.value;
  }
  return withTraining(doc, { ...doc.training, optimizer: next as OptimizerSettings });
}

export function setSeed(doc: Project, args: { seed: number }): Project {
  return doc.training.seed === args.seed ? doc : withTraining(doc, { ...doc.training, seed: args.seed });
}

export function setShuffle(doc: Project, args: { shuffle: boolean }): Project {
  return doc.training.shuffle === args.shuffle ? doc : withTraining(doc, { ...doc.training, shuffle: args.shuffle });
}

/** Early stopping on the validation loss; null turns it off. */
export function setEarlyStopping(doc: Project, args: { earlyStopping: { patience: number; minDelta?: number } | null }): Project {
  const current = doc.training.earlyStopping ?? null;
  const next = args.earlyStopping;
  if (current === null && next === null) return doc;
  if (current !== null && next !== null && current.patience === next.patience && (current.minDelta ?? undefined) === (next.minDelta ?? undefined)) return doc;
  const training = { ...doc.training };
  if (next === null) delete training.earlyStopping;
  else training.earlyStopping = next.minDelta === undefined ? { patience: next.patience } : { patience: next.patience, minDelta: next.minDelta };
  return withTraining(doc, training);
}

/** Clips the global gradient norm to `gradClipNorm`; null turns clipping off. */
export function setGradClipNorm(doc: Project, args: { gradClipNorm: number | null }): Project {
  if ((doc.training.gradClipNorm ?? null) === args.gradClipNorm) return doc;
  const training = { ...doc.training };
  if (args.gradClipNorm === null) delete training.gradClipNorm;
  else training.gradClipNorm = args.gradClipNorm;
  return withTraining(doc, training);
}

// ---------------------------------------------------------------------------------------------
// Training results

/**
 * Whether stored weights fit the graph as it is now: every linear node has an entry, and each
 * entry belongs to a linear node with that many outputs (and inputs, where `inputWidths` knows
 * them: the width flowing into each node, from the analysis) and the same bias presence. Weights
 * trained before the network was edited do not fit, and are not put into the project.
 */
export function weightsFitGraph(graph: Graph, weights: StoredWeights, inputWidths: Readonly<Record<string, number>> = {}): boolean {
  const linears = graph.nodes.filter((n) => n.type === 'linear');
  if (linears.length === 0 || Object.keys(weights).length !== linears.length) return false;
  return linears.every((node) => {
    const stored = weights[node.id];
    if (!stored || node.type !== 'linear') return false;
    const [out, inF] = stored.weight.shape;
    const expectedIn = node.inFeatures ?? inputWidths[node.id];
    return out === node.outFeatures && (expectedIn === undefined || inF === expectedIn) && (stored.bias !== undefined) === (node.bias !== false);
  });
}

/** Drops non-finite losses (a file cannot hold them): a train loss drops its epoch, a validation loss becomes null. */
function finiteHistory(history: TrainingHistory): TrainingHistory {
  const out: TrainingHistory = { epoch: [], trainLoss: [], valLoss: [] };
  history.epoch.forEach((epoch, i) => {
    const train = history.trainLoss[i];
    if (!Number.isFinite(train)) return;
    const val = history.valLoss[i];
    out.epoch.push(epoch);
    out.trainLoss.push(train);
    out.valLoss.push(val !== null && Number.isFinite(val) ? val : null);
  });
  return out;
}

/**
 * A finished run goes into the project as one step (so one Undo takes it back): its weights,
 * its loss history (after `continuedFrom`, the history the run continued from, when it resumed
 * from saved weights), the preprocessing fitted for it and the digest of the CSV it read.
 * Weights that do not fit the graph any more (it was edited during the run) change nothing.
 */
export function applyTrainingResult(doc: Project, args: {
  weights: StoredWeights;
  history: TrainingHistory;
  continuedFrom: TrainingHistory | null;
  fitted?: StoredPreprocessing;
  hash?: DataHash;
}): Project {
  if (!weightsFitGraph(doc.graph, args.weights)) return doc;
  const run = finiteHistory(args.history);
  const before = args.continuedFrom ? finiteHistory(args.continuedFrom) : null;
  // A resumed run numbers its epochs on from the saved history's last; keep only what precedes it.
  const firstNew = run.epoch[0] ?? Infinity;
  const keep = before ? before.epoch.findIndex((e) => e >= firstNew) : -1;
  const cut = keep < 0 ? (before?.epoch.length ?? 0) : keep;
  const history: TrainingHistory = before
    ? { epoch: [...before.epoch.slice(0, cut), ...run.epoch], trainLoss: [...before.trainLoss.slice(0, cut), ...run.trainLoss], valLoss: [...before.valLoss.slice(0, cut), ...run.valLoss] }
    : run;
  const data: ProjectData = { ...doc.data };
  if (args.fitted) data.fitted = args.fitted;
  if (args.hash) data.hash = { ...args.hash };
  return { ...doc, data, weights: args.weights, history };
}

/** Forgets the trained weights and the loss history: the next run starts from a fresh initialisation. */
export function resetWeights(doc: Project, _args: Record<string, never> = {}): Project {
  if (doc.weights === undefined && doc.history === undefined) return doc;
  const next = { ...doc };
  delete next.weights;
  delete next.history;
  return next;
}

/** Renames the project (an empty name is shown as "Untitled"). */
export function renameProject(doc: Project, args: { name: string }): Project {
  return doc.name === args.name ? doc : { ...doc, name: args.name };
}

/** The command table: the editor runs commands by name, and history entries carry the name. */
export const COMMANDS = {
  addNode,
  moveNodes,
  connect,
  deleteElements,
  insertSubgraph,
  setNodeParam,
  setNodeLabel,
  applyFix,
  autoLayout,
  setColumnRole,
  linkData,
  setTask,
  setScaling,
  setValidationSplit,
  setScaleTarget,
  setMissing,
  setDataHash,
  setOptimizerType,
  setOptimizerParam,
  setSeed,
  setShuffle,
  setEarlyStopping,
  setGradClipNorm,
  applyTrainingResult,
  resetWeights,
  setLearningRate,
  setEpochs,
  setBatchSize,
  renameProject,
} as const;

export type CommandName = keyof typeof COMMANDS;
export type CommandArgs<N extends CommandName> = Parameters<(typeof COMMANDS)[N]>[1];
/** A command with its arguments, as plain data: `{name: 'connect', args: {from, to}}`. */
export type Command = { [N in CommandName]: { name: N; args: CommandArgs<N> } }[CommandName];

/** Runs a command on a document. */
export function runCommand(doc: Project, command: Command): Project {
  const fn = COMMANDS[command.name] as (doc: Project, args: unknown) => Project;
  return fn(doc, command.args);
}

/** The key of a command's name for the Undo/Redo menu items and tooltips (`commands` namespace). */
export function commandTitleKey(name: CommandName): `commands:${CommandName}` {
  return `commands:${name}`;
}
