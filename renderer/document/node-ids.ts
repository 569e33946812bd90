/**
 * Node ids as people read them: `input`, `output`, then `linear1`, `linear2`, ... — the
 * numbering the bundled sample uses, so new layers continue it instead of starting a parallel
 * `linear`, `linear2` series (core's `uniqueId` is kept for the fixes it applies itself).
 */
import type { Graph, NodeType } from '../../core/index.ts';

/** Types a network normally has one of: their first instance keeps the bare name. */
const SINGLETON_STEMS = new Set<string>(['input', 'output']);

/** The stem of an id: `linear4` -> `linear`, `act` -> `act`. */
export function idStem(id: string): string {
  const stem = id.replace(/\d+$/, '');
  return stem.length > 0 ? stem : 'node';
}

/** The first free id for `stem` among `taken`: `input`, or `linear1`, `linear2`, ... */
export function nextNodeId(taken: ReadonlySet<string>, stem: string): string {
  if (SINGLETON_STEMS.has(stem) && !taken.has(stem)) return stem;
  for (let i = 1; ; i++) if (!taken.has(`${stem}${i}`)) return `${stem}${i}`;
}

export function nodeIdsOf(graph: Graph): Set<string> {
  return new Set(graph.nodes.map((n) => n.id));
}

/** The id a new node of `type` gets in `graph`. */
export function newNodeId(graph: Graph, type: NodeType): string {
  return nextNodeId(nodeIdsOf(graph), type);
}
