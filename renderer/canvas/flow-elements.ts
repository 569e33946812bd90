/**
 * The graph document and its analysis, as React Flow nodes and edges. Pure and DOM-free: the
 * canvas only renders what this computes. Node objects are reused when nothing they show has
 * changed, so React Flow (which compares node objects by identity) re-renders only what moved.
 */
import type { Edge, Node } from '@xyflow/react';
import {
  edgeId,
  OPS,
  type Diagnostic,
  type FixSuggestion,
  type Graph,
  type GraphAnalysis,
  type GraphNode,
  type Position,
  type Severity,
} from '../../core/index.ts';
import { acceptsInput, producesOutput } from '../document/connect-targets.ts';
import { paramSummary } from '../document/fields.ts';
import type { TFunction } from '../../core/i18n/index.ts';
import { diagnosticWords } from '../i18n/diagnostics.ts';
import { formatNumber } from '../i18n/i18n.ts';
import type { Selection } from '../document/editor.ts';

export interface NodeIssue {
  code: string;
  severity: Severity;
  /** In the window's language. */
  message: string;
  fix?: FixSuggestion;
  /** The fix's label in the window's language. */
  fixLabel?: string;
}

/** What the canvas's words are made with: the window's translator and its language. */
export interface FlowWords {
  t: TFunction;
  locale: string;
}

/**
 * What a layer node shows. The canvas keeps these in its own store (`view-store.ts`), not in
 * React Flow's nodes: editing a parameter changes what one node shows, and were that in the node
 * React Flow would run a store update for all of its ~1,400 subscribers (node and edge wrappers,
 * handles, minimap nodes) on a 200-node graph.
 */
export interface NodeView {
  node: GraphNode;
  /** The language the words below are in. */
  locale: string;
  /** The op's name: Linear, LeakyReLU, ... */
  title: string;
  summary: string;
  /** The width of this node's output, when known. */
  outWidth: number | undefined;
  /** Diagnostics pinned to this node, errors first. */
  issues: NodeIssue[];
  /** The worst severity among `issues`. */
  severity: Severity | null;
  /** What a screen reader says for the node: its title, name and whether it has a problem. */
  ariaLabel: string;
  acceptsInput: boolean;
  producesOutput: boolean;
  /** Add and Concat: several inputs, in edge order. */
  multiInput: boolean;
}

/** What React Flow holds of a node besides its place, selection and size: its severity, for the minimap. */
export interface LayerFlowData extends Record<string, unknown> {
  severity: Severity | null;
}

/**
 * What an edge shows: the width it carries, its input position and its severity. Kept in the
 * canvas's view store like NodeView, so that a width changing (every edit of a layer's size)
 * does not renew React Flow's edges: that was a store update, a rebuilt connection lookup and
 * marker list, and all 199 edge wrappers compared, on each keystroke of a 200-node graph.
 */
export interface EdgeView {
  width: number | undefined;
  locale: string;
  /** 1-based position among the target's inputs, for Add and Concat (input order matters for Concat). */
  inputIndex: number | null;
  severity: Severity | null;
}

export type LayerFlowNode = Node<LayerFlowData, 'layer'>;
export type WidthFlowEdge = Edge<Record<string, never>, 'width'>;

export interface Size {
  width: number;
  height: number;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
/** The z-index of a node with an error or a warning (a selected node is raised by 1000 more). */
export const PROBLEM_Z = 10;
/** React Flow's class for the wrapper of a node with an error or a warning. */
export const PROBLEM_CLASS = 'lb-flow-node--problem';

function worst(issues: readonly { severity: Severity }[]): Severity | null {
  let best: Severity | null = null;
  for (const i of issues) if (best === null || RANK[i.severity] < RANK[best]) best = i.severity;
  return best;
}

// formatNumber keeps one formatter per language: `toLocaleString(locale)` builds a new ICU
// formatter on each call (~30 µs), and the canvas formats a width per edge and per node on every change.
/** `N × 13`, or `N × ?` while the width is unknown (N: the rows of a batch). */
export function widthText(width: number | undefined, locale = 'en'): string {
  return `N × ${width === undefined ? '?' : formatNumber(width, locale)}`;
}

export function issuesByNode(diagnostics: readonly Diagnostic[], t: TFunction): Map<string, NodeIssue[]> {
  const map = new Map<string, NodeIssue[]>();
  for (const d of diagnostics) {
    if (d.nodeId === undefined) continue;
    const list = map.get(d.nodeId) ?? [];
    const words = diagnosticWords(t, d);
    list.push({ code: d.code, severity: d.severity, message: words.message, ...(d.fix ? { fix: d.fix, fixLabel: words.fix ?? d.fix.label } : {}) });
    map.set(d.nodeId, list);
  }
  return map;
}

function sameIssues(a: readonly NodeIssue[], b: readonly NodeIssue[]): boolean {
  return a.length === b.length && a.every((x, i) => x.code === b[i].code && x.message === b[i].message && x.severity === b[i].severity && x.fixLabel === b[i].fixLabel);
}

/** The canvas's nodes: what React Flow places, and what each node shows (by node id). */
export interface FlowNodes {
  nodes: LayerFlowNode[];
  views: ReadonlyMap<string, NodeView>;
}

function nodeView(node: GraphNode, issues: NodeIssue[], outWidth: number | undefined, { t, locale }: FlowWords): NodeView {
  const op = OPS[node.type];
  const severity = worst(issues);
  const title = t(`panels:nodeTitle.${node.type}`, { defaultValue: op?.title ?? node.type });
  return {
    node,
    locale,
    title,
    summary: paramSummary(node, t),
    outWidth,
    issues,
    severity,
    ariaLabel: t(severity === 'error' ? 'canvas:node.labelError' : severity === 'warning' ? 'canvas:node.labelWarning' : 'canvas:node.label', { title, name: node.label ?? node.id }),
    acceptsInput: acceptsInput(node),
    producesOutput: producesOutput(node),
    multiInput: (op?.maxInputs ?? 1) > 1,
  };
}

/**
 * Builds React Flow nodes and the views they show. A view is reused while its document node,
 * width, issues and language are unchanged; a React Flow node while its position, selection,
 * measured size, spoken label and severity are. So typing a parameter renews one view and no
 * React Flow node, unless it changes the node's severity; and when nothing changed, the same
 * array and the same map come back.
 */
export function createNodeMapper() {
  let previousViews: ReadonlyMap<string, NodeView> = new Map();
  let previousFlow = new Map<string, LayerFlowNode>();
  let previousList: LayerFlowNode[] = [];
  return function toFlowNodes(graph: Graph, analysis: GraphAnalysis, selection: Selection, measured: ReadonlyMap<string, Size>, words: FlowWords): FlowNodes {
    const issues = issuesByNode(analysis.diagnostics, words.t);
    const selected = new Set(selection.nodes);
    const views = new Map<string, NodeView>();
    const flow = new Map<string, LayerFlowNode>();
    const nodes = graph.nodes.map((node) => {
      const nodeIssues = issues.get(node.id) ?? [];
      const outWidth = analysis.nodeWidths[node.id];
      const oldView = previousViews.get(node.id);
      const view = oldView && oldView.node === node && oldView.locale === words.locale && oldView.outWidth === outWidth && sameIssues(oldView.issues, nodeIssues)
        ? oldView
        : nodeView(node, nodeIssues, outWidth, words);
      views.set(node.id, view);
      const isSelected = selected.has(node.id);
      const size = measured.get(node.id);
      const old = previousFlow.get(node.id);
      const kept = old && old.position.x === node.position.x && old.position.y === node.position.y && old.selected === isSelected
        && old.measured?.width === size?.width && old.measured?.height === size?.height && old.ariaLabel === view.ariaLabel && old.data.severity === view.severity;
      const flowNode: LayerFlowNode = kept ? old : {
        id: node.id,
        type: 'layer',
        position: node.position,
        selected: isSelected,
        ...(size ? { measured: { width: size.width, height: size.height } } : {}),
        // A node with a problem comes to the front, so its message is never under a neighbour,
        // and is not paint-contained (app.css), so the message can hang below it.
        ...(view.severity === 'error' || view.severity === 'warning' ? { zIndex: PROBLEM_Z, className: PROBLEM_CLASS } : {}),
        ariaLabel: view.ariaLabel,
        data: { severity: view.severity },
      };
      flow.set(node.id, flowNode);
      return flowNode;
    });
    previousFlow = flow;
    if (!sameEntries(views, previousViews)) previousViews = views;
    // Nothing React Flow holds changed (a parameter that changes no severity, a selection
    // elsewhere): the same array, so React Flow does not even walk its nodes.
    if (!sameItems(nodes, previousList)) previousList = nodes;
    return { nodes: previousList, views: previousViews };
  };
}

/**
 * The nodes with the positions of a drag in progress laid over them. A drag is held by the
 * canvas, not the document, until it ends (one command then): only the dragged nodes become new
 * objects, and no document, analysis or panel changes while the pointer moves.
 */
export function withDragPositions(nodes: LayerFlowNode[], positions: ReadonlyMap<string, Position>): LayerFlowNode[] {
  if (positions.size === 0) return nodes;
  return nodes.map((node) => {
    const p = positions.get(node.id);
    return p && (p.x !== node.position.x || p.y !== node.position.y) ? { ...node, position: p } : node;
  });
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Whether two maps hold the same objects under the same keys (so the older one can be kept). */
function sameEntries<T>(a: ReadonlyMap<string, T>, b: ReadonlyMap<string, T>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) if (b.get(key) !== value) return false;
  return true;
}

/** The id of the element showing an edge's width (`N × 13`); screen readers hear it as the edge's description. */
export function edgeWidthElementId(id: string): string {
  return `lb-edge-width-${encodeURIComponent(id)}`;
}

/** One edge of the document: what React Flow places (ends, selection) and what it shows. */
interface EdgeDraft {
  id: string;
  source: string;
  target: string;
  selected: boolean;
  view: EdgeView;
}

function edgeDrafts(graph: Graph, analysis: GraphAnalysis, selection: Selection, locale: string): EdgeDraft[] {
  const selected = new Set(selection.edges);
  const edgeSeverity = new Map<string, Severity>();
  for (const d of analysis.diagnostics) {
    if (d.edgeId === undefined) continue;
    const current = edgeSeverity.get(d.edgeId);
    if (current === undefined || RANK[d.severity] < RANK[current]) edgeSeverity.set(d.edgeId, d.severity);
  }
  const multiInput = new Set(graph.nodes.filter((n) => (OPS[n.type]?.maxInputs ?? 1) > 1).map((n) => n.id));
  const inputCounter = new Map<string, number>();
  const seen = new Map<string, number>();
  return graph.edges.map((e) => {
    const id = edgeId(e);
    const copies = seen.get(id) ?? 0;
    seen.set(id, copies + 1);
    const index = (inputCounter.get(e.to) ?? 0) + 1;
    inputCounter.set(e.to, index);
    return {
      id: copies === 0 ? id : `${id}#${copies}`,
      source: e.from,
      target: e.to,
      selected: selected.has(id),
      view: { width: analysis.edgeWidths[id], locale, inputIndex: multiInput.has(e.to) ? index : null, severity: edgeSeverity.get(id) ?? null },
    };
  });
}

function sameEdgeView(a: EdgeView, b: EdgeView): boolean {
  return a.width === b.width && a.locale === b.locale && a.inputIndex === b.inputIndex && a.severity === b.severity;
}

/**
 * The edge as React Flow gets it. Its spoken label names the ends; the width is the label
 * element's text, which the edge's aria-describedby points at, before React Flow's own keyboard
 * instructions (`descriptionId`), so the edge object does not change when its width does.
 */
function flowEdge(draft: EdgeDraft, words: FlowWords, descriptionId: string): WidthFlowEdge {
  return {
    id: draft.id,
    source: draft.source,
    target: draft.target,
    type: 'width',
    selected: draft.selected,
    ariaLabel: words.t('canvas:edge.label', { from: draft.source, to: draft.target }),
    domAttributes: { 'aria-describedby': `${edgeWidthElementId(draft.id)} ${descriptionId}` },
    data: {},
  };
}

/** The canvas's edges: what React Flow places, and what each edge shows (by React Flow edge id). */
export interface FlowEdges {
  edges: WidthFlowEdge[];
  views: ReadonlyMap<string, EdgeView>;
}

/** React Flow edges and their views; duplicate edges get distinct ids so each still renders. */
export function toFlowEdges(graph: Graph, analysis: GraphAnalysis, selection: Selection, words: FlowWords, descriptionId = ''): FlowEdges {
  return createEdgeMapper()(graph, analysis, selection, words, descriptionId);
}

/**
 * `toFlowEdges` with memory. An edge keeps its React Flow object while its ends, selection and
 * language are the same (its label is not translated again: i18next's `t` costs tens of
 * microseconds, and a 200-node graph has 199 edges), whatever its width; a view is kept while
 * what it shows is the same. When nothing changed, the same array and the same map come back,
 * so React Flow neither rebuilds its connection lookup nor re-renders an edge.
 */
export function createEdgeMapper() {
  let previous = new Map<string, WidthFlowEdge>();
  let previousList: WidthFlowEdge[] = [];
  let previousViews: ReadonlyMap<string, EdgeView> = new Map();
  let previousT: TFunction | null = null;
  let previousDescription = '';
  return function toFlowEdgesShared(graph: Graph, analysis: GraphAnalysis, selection: Selection, words: FlowWords, descriptionId = ''): FlowEdges {
    // Another translator (a language change) or description renews every edge.
    if (words.t !== previousT || descriptionId !== previousDescription) previous = new Map();
    previousT = words.t;
    previousDescription = descriptionId;
    const next = new Map<string, WidthFlowEdge>();
    const views = new Map<string, EdgeView>();
    const edges = edgeDrafts(graph, analysis, selection, words.locale).map((draft) => {
      const oldView = previousViews.get(draft.id);
      views.set(draft.id, oldView && sameEdgeView(oldView, draft.view) ? oldView : draft.view);
      const old = previous.get(draft.id);
      const kept = old && old.source === draft.source && old.target === draft.target && old.selected === draft.selected ? old : flowEdge(draft, words, descriptionId);
      next.set(draft.id, kept);
      return kept;
    });
    previous = next;
    if (!sameEntries(views, previousViews)) previousViews = views;
    if (!sameItems(edges, previousList)) previousList = edges;
    return { edges: previousList, views: previousViews };
  };
}

/** Trainable parameters of the graph (Linear weights and biases), when every width is known. */
export function parameterCount(graph: Graph, analysis: GraphAnalysis): number | null {
  let total = 0;
  for (const node of graph.nodes) {
    if (node.type !== 'linear') continue;
    const input = analysis.structure.inputsOf.get(node.id)?.[0];
    const inWidth = node.inFeatures ?? (input === undefined ? undefined : analysis.nodeWidths[input]);
    if (inWidth === undefined) return null;
    total += inWidth * node.outFeatures + (node.bias === false ? 0 : node.outFeatures);
  }
  return total;
}
