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

export interface WidthEdgeData extends Record<string, unknown> {
  width: number | undefined;
  locale: string;
  /** 1-based position among the target's inputs, for Add and Concat (input order matters for Concat). */
  inputIndex: number | null;
  severity: Severity | null;
}

export type LayerFlowNode = Node<LayerFlowData, 'layer'>;
export type WidthFlowEdge = Edge<WidthEdgeData, 'width'>;

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
    let viewsChanged = previousViews.size !== graph.nodes.length;
    const nodes = graph.nodes.map((node) => {
      const nodeIssues = issues.get(node.id) ?? [];
      const outWidth = analysis.nodeWidths[node.id];
      const oldView = previousViews.get(node.id);
      const view = oldView && oldView.node === node && oldView.locale === words.locale && oldView.outWidth === outWidth && sameIssues(oldView.issues, nodeIssues)
        ? oldView
        : nodeView(node, nodeIssues, outWidth, words);
      viewsChanged ||= view !== oldView;
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
    if (viewsChanged) previousViews = views;
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

/** An edge as React Flow gets it, but for its spoken label, which costs a translation. */
type EdgeDraft = Omit<WidthFlowEdge, 'ariaLabel'> & { data: WidthEdgeData };

/** Whether `a` (a built edge) shows what `b` (a draft of the same edge) would. */
function sameEdge(a: WidthFlowEdge, b: EdgeDraft): boolean {
  return a.id === b.id && a.source === b.source && a.target === b.target && a.selected === b.selected
    && a.data!.width === b.data.width && a.data!.locale === b.data.locale && a.data!.inputIndex === b.data.inputIndex && a.data!.severity === b.data.severity;
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
    const width = analysis.edgeWidths[id];
    return {
      id: copies === 0 ? id : `${id}#${copies}`,
      source: e.from,
      target: e.to,
      type: 'width',
      selected: selected.has(id),
      data: { width, locale, inputIndex: multiInput.has(e.to) ? index : null, severity: edgeSeverity.get(id) ?? null },
    };
  });
}

// The label is what a screen reader says for the edge; it depends on the ends, the width and
// the language only, all of which `sameEdge` compares.
function withLabel(draft: EdgeDraft, words: FlowWords): WidthFlowEdge {
  return { ...draft, ariaLabel: words.t('canvas:edge.label', { from: draft.source, to: draft.target, width: widthText(draft.data.width, words.locale) }) };
}

/** React Flow edges with their widths; duplicate edges get distinct ids so each still renders. */
export function toFlowEdges(graph: Graph, analysis: GraphAnalysis, selection: Selection, words: FlowWords): WidthFlowEdge[] {
  return edgeDrafts(graph, analysis, selection, words.locale).map((draft) => withLabel(draft, words));
}

/**
 * `toFlowEdges` with memory: an edge whose ends, width, input position, severity and selection
 * are unchanged keeps its previous object (and its label is not translated again: i18next's `t`
 * costs tens of microseconds, 199 of them were most of an edit's canvas work on a 200-node
 * graph), and when no edge changed (a node was dragged, a parameter that changes no width was
 * typed) the previous array itself comes back, so React Flow neither rebuilds its connection
 * lookup nor re-renders an edge.
 */
export function createEdgeMapper() {
  let previous = new Map<string, WidthFlowEdge>();
  let previousList: WidthFlowEdge[] = [];
  let previousT: TFunction | null = null;
  return function toFlowEdgesShared(graph: Graph, analysis: GraphAnalysis, selection: Selection, words: FlowWords): WidthFlowEdge[] {
    // Another translator (a language change) renews every label.
    if (words.t !== previousT) previous = new Map();
    previousT = words.t;
    const next = new Map<string, WidthFlowEdge>();
    const edges = edgeDrafts(graph, analysis, selection, words.locale).map((draft) => {
      const old = previous.get(draft.id);
      const kept = old && sameEdge(old, draft) ? old : withLabel(draft, words);
      next.set(draft.id, kept);
      return kept;
    });
    previous = next;
    if (sameItems(edges, previousList)) return previousList;
    previousList = edges;
    return edges;
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
