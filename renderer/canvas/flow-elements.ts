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

export interface LayerNodeData extends Record<string, unknown> {
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
  acceptsInput: boolean;
  producesOutput: boolean;
  /** Add and Concat: several inputs, in edge order. */
  multiInput: boolean;
}

export interface WidthEdgeData extends Record<string, unknown> {
  width: number | undefined;
  locale: string;
  /** 1-based position among the target's inputs, for Add and Concat (input order matters for Concat). */
  inputIndex: number | null;
  severity: Severity | null;
}

export type LayerFlowNode = Node<LayerNodeData, 'layer'>;
export type WidthFlowEdge = Edge<WidthEdgeData, 'width'>;

export interface Size {
  width: number;
  height: number;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

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

/**
 * Builds React Flow nodes, reusing the previous object for a node whose document node, width,
 * issues, selection and measured size are all unchanged.
 */
export function createNodeMapper() {
  let previous = new Map<string, LayerFlowNode>();
  let previousList: LayerFlowNode[] = [];
  return function toFlowNodes(graph: Graph, analysis: GraphAnalysis, selection: Selection, measured: ReadonlyMap<string, Size>, words: FlowWords): LayerFlowNode[] {
    const { t, locale } = words;
    const issues = issuesByNode(analysis.diagnostics, t);
    const selected = new Set(selection.nodes);
    const next = new Map<string, LayerFlowNode>();
    const nodes = graph.nodes.map((node) => {
      const op = OPS[node.type];
      const nodeIssues = issues.get(node.id) ?? [];
      const outWidth = analysis.nodeWidths[node.id];
      const isSelected = selected.has(node.id);
      const size = measured.get(node.id);
      const old = previous.get(node.id);
      if (old && old.data.node === node && old.data.locale === locale && old.data.outWidth === outWidth && old.selected === isSelected
        && old.measured?.width === size?.width && old.measured?.height === size?.height && sameIssues(old.data.issues, nodeIssues)) {
        next.set(node.id, old);
        return old;
      }
      const severity = worst(nodeIssues);
      const title = t(`panels:nodeTitle.${node.type}`, { defaultValue: op?.title ?? node.type });
      const flowNode: LayerFlowNode = {
        id: node.id,
        type: 'layer',
        position: node.position,
        selected: isSelected,
        ...(size ? { measured: { width: size.width, height: size.height } } : {}),
        ariaLabel: t(severity === 'error' ? 'canvas:node.labelError' : severity === 'warning' ? 'canvas:node.labelWarning' : 'canvas:node.label', { title, name: node.label ?? node.id }),
        data: {
          node,
          locale,
          title,
          summary: paramSummary(node, t),
          outWidth,
          issues: nodeIssues,
          severity,
          acceptsInput: acceptsInput(node),
          producesOutput: producesOutput(node),
          multiInput: (op?.maxInputs ?? 1) > 1,
        },
      };
      next.set(node.id, flowNode);
      return flowNode;
    });
    previous = next;
    // Nothing changed (a selection elsewhere, a data setting that left every width as it was):
    // the same array, so React Flow does not even walk its nodes.
    if (sameItems(nodes, previousList)) return previousList;
    previousList = nodes;
    return nodes;
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
