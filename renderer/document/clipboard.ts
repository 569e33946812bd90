/**
 * Copy, paste and duplicate as data. A clip is a small graph document (the selected nodes and
 * the edges between them), so it can travel through the system clipboard as JSON and be pasted
 * into another project. Pasting gives every node a fresh id and keeps the clip's inner edges.
 */
import { NODE_TYPES, type Graph, type GraphEdge, type GraphNode } from '../../core/index.ts';
import { idStem, nextNodeId } from './node-ids.ts';

export interface Clip {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** Marks clipboard text as ours, so pasting someone's JSON does not add nodes. */
export const CLIP_FORMAT = 'layerboard/clip';

/** Where a duplicate or a second paste lands relative to the original. */
export const PASTE_OFFSET = { x: 40, y: 40 };

/** The selected nodes and the edges among them, in document order. */
export function copySelection(graph: Graph, nodeIds: readonly string[]): Clip {
  const ids = new Set(nodeIds);
  return {
    nodes: graph.nodes.filter((n) => ids.has(n.id)),
    edges: graph.edges.filter((e) => ids.has(e.from) && ids.has(e.to)),
  };
}

/**
 * The nodes and edges to insert for pasting `clip` into `graph`: fresh ids (`linear4` pastes as
 * the next free `linearN`), positions moved by `offset`. Edges keep their order.
 */
export function planPaste(graph: Graph, clip: Clip, offset: { x: number; y: number }): Clip & { ids: string[] } {
  const taken = new Set(graph.nodes.map((n) => n.id));
  const rename = new Map<string, string>();
  const nodes = clip.nodes.map((n) => {
    const id = nextNodeId(taken, idStem(n.id));
    taken.add(id);
    rename.set(n.id, id);
    return { ...n, id, position: { x: n.position.x + offset.x, y: n.position.y + offset.y } } as GraphNode;
  });
  const edges = clip.edges
    .filter((e) => rename.has(e.from) && rename.has(e.to))
    .map((e) => ({ from: rename.get(e.from)!, to: rename.get(e.to)! }));
  return { nodes, edges, ids: nodes.map((n) => n.id) };
}

export function serializeClip(clip: Clip): string {
  return JSON.stringify({ format: CLIP_FORMAT, nodes: clip.nodes, edges: clip.edges });
}

/**
 * Reads clipboard text back into a clip, or null when it is not one of ours. Only the shape is
 * checked here; the pasted nodes go through the same analysis as every other node.
 */
export function parseClip(text: string): Clip | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as { format?: unknown; nodes?: unknown; edges?: unknown };
  if (v.format !== CLIP_FORMAT || !Array.isArray(v.nodes) || !Array.isArray(v.edges)) return null;
  const types = new Set<string>(NODE_TYPES);
  const nodes = v.nodes.filter((n): n is GraphNode => {
    if (typeof n !== 'object' || n === null) return false;
    const node = n as Record<string, unknown>;
    const p = node.position as Record<string, unknown> | undefined;
    return typeof node.id === 'string' && node.id !== '' && typeof node.type === 'string' && types.has(node.type)
      && typeof p === 'object' && p !== null && Number.isFinite(p.x) && Number.isFinite(p.y);
  });
  const edges = v.edges.filter((e): e is GraphEdge => {
    if (typeof e !== 'object' || e === null) return false;
    const edge = e as Record<string, unknown>;
    return typeof edge.from === 'string' && typeof edge.to === 'string';
  });
  return nodes.length > 0 ? { nodes, edges: edges.map((e) => ({ from: e.from, to: e.to })) } : null;
}
