/**
 * Limits that keep a hostile or broken file from exhausting memory, at load time or later when
 * the graph is compiled and trained. Each refusal names the limit and the value found.
 *
 * The numbers fit together: a trained model at the parameter limit, written as JSON (about 22
 * bytes per float32 value printed as a double), is about 220 MB; with an embedded CSV at its
 * limit that stays under the file limit. The file limit itself stays below V8's longest string
 * (2^29 - 24 UTF-16 units, about 512 MiB), past which the text could not be held at all.
 */
import type { Graph } from '../graph/types.ts';
import type { ProjectIssue } from './issues.ts';
import { issueAt, projectText } from './issues.ts';
import type { MessageRef } from '../i18n/message.ts';
import { groupDigits } from '../i18n/number.ts';
import { isJsonObject } from './json-text.ts';
import type { Project } from './schema.ts';

/** The bounds a project file must stay within; see PROJECT_LIMITS for the values and docs/project-format.md for why. */
export interface ProjectLimits {
  /** Size of the file text, in UTF-8 bytes. */
  maxFileBytes: number;
  /** Size of `data.embedded`, in UTF-8 bytes. */
  maxEmbeddedCsvBytes: number;
  maxNodes: number;
  maxEdges: number;
  /** Largest `outFeatures`/`inFeatures` of a linear node, and the widest input. */
  maxLayerWidth: number;
  /** Trainable numbers: those the graph would allocate, and those stored in `weights`. */
  maxParameters: number;
  /** Deepest nesting of arrays and objects (free-form `ui` and `fitted` are the deep parts). */
  maxDepth: number;
}

const MiB = 1024 * 1024;

/** The limits `parseProject` applies unless told otherwise. */
export const PROJECT_LIMITS: Readonly<ProjectLimits> = Object.freeze({
  maxFileBytes: 384 * MiB,
  maxEmbeddedCsvBytes: 64 * MiB,
  maxNodes: 1000,
  maxEdges: 10_000,
  maxLayerWidth: 65_536,
  maxParameters: 10_000_000,
  maxDepth: 64,
});

/** "3 MiB (3,145,729 bytes)" or "2,000 bytes", in the reader's words. */
function formatBytes(bytes: number): MessageRef {
  return bytes >= MiB
    ? projectText('limits.mebibytes', { mib: groupDigits(Math.round((bytes / MiB) * 10) / 10), bytes: groupDigits(bytes) })
    : projectText('limits.bytes', { bytes: groupDigits(bytes) });
}

/** The UTF-8 length of a string, without allocating its encoding. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) { bytes += 4; i++; }
    else bytes += 3;
  }
  return bytes;
}

/** The UTF-8 size of `text` when it is over `maxBytes`, else undefined. */
function bytesOver(text: string, maxBytes: number): number | undefined {
  // A UTF-16 unit takes at most 3 UTF-8 bytes, so most texts are decided by their length alone.
  if (text.length * 3 <= maxBytes) return undefined;
  const bytes = utf8ByteLength(text);
  return bytes > maxBytes ? bytes : undefined;
}

/** `what`: `nodes`, `edges`, `storedParameters` or `featureColumns` (a word of `project:limits.what`). */
function tooMany(path: readonly (string | number)[], what: string, value: number, limit: number): ProjectIssue {
  return issueAt(path, projectText('limits.tooMany', { value: groupDigits(value), what: projectText(`limits.what.${what}`), limit: groupDigits(limit) }));
}

/** The file-size check, run before the text is parsed. */
export function checkFileSize(text: string, limits: ProjectLimits): ProjectIssue | undefined {
  const bytes = bytesOver(text, limits.maxFileBytes);
  return bytes === undefined
    ? undefined
    : issueAt([], projectText('limits.fileTooBig', { size: formatBytes(bytes), limit: formatBytes(limits.maxFileBytes) }));
}

function nestingDepth(root: unknown, stopAt: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > deepest) deepest = depth;
    if (deepest > stopAt) return deepest;
    const children = Array.isArray(value) ? value : Object.values(value);
    for (const child of children) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

/**
 * Limits checked on the parsed JSON before schema validation, so that validation never walks
 * a million nodes or reports an issue per element. Tolerates any shape: what is not where the
 * format puts it is left for the schema to report.
 */
export function checkDocumentLimits(doc: Record<string, unknown>, limits: ProjectLimits): ProjectIssue[] {
  const issues: ProjectIssue[] = [];
  const depth = nestingDepth(doc, limits.maxDepth);
  if (depth > limits.maxDepth) {
    issues.push(issueAt([], projectText('limits.tooDeep', { limit: limits.maxDepth })));
    return issues;
  }
  const graph = doc.graph;
  if (isJsonObject(graph)) {
    if (Array.isArray(graph.nodes) && graph.nodes.length > limits.maxNodes) {
      issues.push(tooMany(['graph', 'nodes'], 'nodes', graph.nodes.length, limits.maxNodes));
    }
    if (Array.isArray(graph.edges) && graph.edges.length > limits.maxEdges) {
      issues.push(tooMany(['graph', 'edges'], 'edges', graph.edges.length, limits.maxEdges));
    }
  }
  const data = doc.data;
  if (isJsonObject(data) && typeof data.embedded === 'string') {
    const bytes = bytesOver(data.embedded, limits.maxEmbeddedCsvBytes);
    if (bytes !== undefined) {
      issues.push(issueAt(['data', 'embedded'], projectText('limits.embeddedTooBig', { size: formatBytes(bytes), limit: formatBytes(limits.maxEmbeddedCsvBytes) })));
    }
  }
  if (isJsonObject(doc.weights)) {
    let stored = 0;
    for (const entry of Object.values(doc.weights)) {
      if (!isJsonObject(entry)) continue;
      for (const tensor of [entry.weight, entry.bias]) {
        if (isJsonObject(tensor) && Array.isArray(tensor.data)) stored += tensor.data.length;
      }
    }
    if (stored > limits.maxParameters) issues.push(tooMany(['weights'], 'storedParameters', stored, limits.maxParameters));
  }
  return issues;
}

/**
 * A lower bound on the trainable parameters the graph allocates once compiled: widths are
 * propagated in topological order from `inputWidth` (the number of feature columns; one-hot
 * encoding only widens it). Nodes on a cycle get width 0. core/shape owns the exact widths;
 * this only has to be good enough to refuse a model that could never be allocated.
 */
export function estimateParameterCount(graph: Graph, inputWidth: number): number {
  const preds = new Map<string, string[]>();
  const indegree = new Map<string, number>();
  for (const node of graph.nodes) { preds.set(node.id, []); indegree.set(node.id, 0); }
  const succs = new Map<string, string[]>();
  for (const { from, to } of graph.edges) {
    if (!preds.has(from) || !preds.has(to)) continue;
    preds.get(to)!.push(from);
    indegree.set(to, indegree.get(to)! + 1);
    const out = succs.get(from);
    if (out) out.push(to); else succs.set(from, [to]);
  }
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const width = new Map<string, number>();
  const ready = graph.nodes.filter((node) => indegree.get(node.id) === 0).map((node) => node.id);
  while (ready.length > 0) {
    const id = ready.pop()!;
    const node = byId.get(id)!;
    const inWidths = preds.get(id)!.map((p) => width.get(p) ?? 0);
    const w = node.type === 'input' ? inputWidth
      : node.type === 'linear' ? node.outFeatures
      : node.type === 'concat' ? inWidths.reduce((a, b) => a + b, 0)
      : Math.max(0, ...inWidths);
    width.set(id, w);
    for (const next of succs.get(id) ?? []) {
      const left = indegree.get(next)! - 1;
      indegree.set(next, left);
      if (left === 0) ready.push(next);
    }
  }
  let total = 0;
  for (const node of graph.nodes) {
    if (node.type !== 'linear') continue;
    const inWidth = node.inFeatures ?? width.get(preds.get(node.id)?.[0] ?? '') ?? 0;
    total += node.outFeatures * inWidth + (node.bias === false ? 0 : node.outFeatures);
  }
  return total;
}

/** Limits checked on the validated project: layer widths and the size of the model. */
export function checkProjectLimits(project: Project, limits: ProjectLimits): ProjectIssue[] {
  const issues: ProjectIssue[] = [];
  project.graph.nodes.forEach((node, i) => {
    if (node.type !== 'linear') return;
    for (const key of ['outFeatures', 'inFeatures'] as const) {
      const value = node[key];
      if (value !== undefined && value > limits.maxLayerWidth) {
        issues.push(issueAt(['graph', 'nodes', i, key], projectText('limits.tooWide', { value: groupDigits(value), limit: groupDigits(limits.maxLayerWidth) })));
      }
    }
  });
  if (project.data.features.length > limits.maxLayerWidth) {
    issues.push(tooMany(['data', 'features'], 'featureColumns', project.data.features.length, limits.maxLayerWidth));
  }
  if (issues.length > 0) return issues;
  const parameters = estimateParameterCount(project.graph, project.data.features.length);
  if (parameters > limits.maxParameters) {
    issues.push(issueAt(['graph'], projectText('limits.modelTooLarge', { value: groupDigits(parameters), limit: groupDigits(limits.maxParameters) })));
  }
  return issues;
}
