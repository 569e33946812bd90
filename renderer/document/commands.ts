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
  type Project,
  type ProjectData,
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

/** Links a CSV (import): its path relative to the project, and the roles of its columns. */
export function linkData(doc: Project, args: { path: string; features: string[]; targets: string[]; ignored?: string[] }): Project {
  const ignored = args.ignored && args.ignored.length > 0 ? [...args.ignored] : undefined;
  const d = doc.data;
  // The same file with the same roles again (re-linking a CSV the browser could not read) changes nothing.
  if (d.path === args.path && sameList(d.features, args.features) && sameList(d.targets, args.targets) && sameList(d.ignored, ignored)) return doc;
  const data: ProjectData = { ...d, path: args.path, features: [...args.features], targets: [...args.targets] };
  if (ignored) data.ignored = ignored;
  else delete data.ignored;
  // A fitted scaler and a hash belong to the file they were made from.
  delete data.fitted;
  delete data.hash;
  delete data.embedded;
  return withData(doc, data);
}

export function setTask(doc: Project, args: { task: ProjectData['task'] }): Project {
  return doc.data.task === args.task ? doc : withData(doc, { ...doc.data, task: args.task });
}

export function setScaling(doc: Project, args: { scaling: ProjectData['preprocessing']['scaling'] }): Project {
  const p = doc.data.preprocessing;
  return p.scaling === args.scaling ? doc : withData(doc, { ...doc.data, preprocessing: { ...p, scaling: args.scaling } });
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
  setOptimizerType,
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

/** Words for the Undo/Redo menu items and tooltips. */
export const COMMAND_TITLES: Record<CommandName, string> = {
  addNode: 'Add layer',
  moveNodes: 'Move',
  connect: 'Connect',
  deleteElements: 'Delete',
  insertSubgraph: 'Paste',
  setNodeParam: 'Change parameter',
  setNodeLabel: 'Rename layer',
  applyFix: 'Apply fix',
  autoLayout: 'Auto-layout',
  setColumnRole: 'Change column role',
  linkData: 'Import CSV',
  setTask: 'Change task',
  setScaling: 'Change scaling',
  setValidationSplit: 'Change validation split',
  setOptimizerType: 'Change optimizer',
  setLearningRate: 'Change learning rate',
  setEpochs: 'Change epochs',
  setBatchSize: 'Change batch size',
  renameProject: 'Rename project',
};
