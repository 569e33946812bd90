/**
 * Loading and saving `.layerboard` files. Loading is a fixed pipeline, each stage able to
 * refuse the file with issues that name a field path:
 *
 *   size limit -> JSON syntax -> format -> version (migrate older, refuse newer)
 *   -> document limits -> schema (defaults restored) -> stale weights dropped -> model limits
 *
 * Nothing here throws for bad input; results are `{type: 'ok' | 'error'}` unions.
 */
import type { ProjectIssue } from './issues.ts';
import { describeValue, expectedGot, fromZodIssues, issueAt, projectText } from './issues.ts';
import { english, type MessageParam, type MessageRef } from '../i18n/message.ts';
import type { JsonObject } from './json-text.ts';
import { isJsonObject, parseJsonText, stringifyStable } from './json-text.ts';
import type { ProjectLimits } from './limits.ts';
import { checkDocumentLimits, checkFileSize, checkProjectLimits, PROJECT_LIMITS } from './limits.ts';
import { migrate } from './migrations.ts';
import type { Project, ProjectInput } from './schema.ts';
import { CURRENT_VERSION, FORMAT_NAME, projectSchema } from './schema.ts';
import type { z } from 'zod';

/** Options of `parseProject` and `loadProject`. */
export interface ParseOptions {
  /** Used in messages about the file as a whole ("notes.json is not a Layerboard project"). */
  fileName?: string;
  /** Overrides of `PROJECT_LIMITS`, e.g. for a trusted file or for tests. */
  limits?: Partial<ProjectLimits>;
}

/** The outcome of loading: a project with its warnings, or the errors that refused the file. */
export type ProjectResult =
  | {
    type: 'ok';
    project: Project;
    /** Problems that did not stop the file from loading: unknown fields dropped, stale weights dropped. */
    warnings: ProjectIssue[];
    /** The version the file was written in when it was older than `CURRENT_VERSION`, else null. */
    migratedFrom: number | null;
  }
  | { type: 'error'; errors: ProjectIssue[] };

function refuse(...errors: ProjectIssue[]): ProjectResult {
  return { type: 'error', errors };
}

/** An issue about the file as a whole that a field gives away: the message reads without the path. */
function wholeFileIssue(path: string, text: MessageRef): ProjectIssue {
  return { path, message: english(text.key, text.params), messageKey: text.key.replace(/^project:/, ''), params: text.params ?? {} };
}

function fileLabel(options: ParseOptions): MessageParam {
  return options.fileName ? `"${options.fileName}"` : projectText('file.thisFile');
}

/**
 * Parses the text of a `.layerboard` file into a `Project`. The size limit is checked before
 * anything else, then JSON syntax (errors name line and column), then the rest of the pipeline
 * of `loadProject`. Files of older versions are migrated step by step; a file from a newer
 * Layerboard is refused with both version numbers. Missing optional settings get their
 * defaults; unknown fields and weights that no longer fit the graph are dropped with a warning.
 */
export function parseProject(text: string, options: ParseOptions = {}): ProjectResult {
  if (typeof text !== 'string') return refuse(issueAt([], expectedGot(projectText('expected.projectText'), text)));
  const limits = { ...PROJECT_LIMITS, ...options.limits };
  const tooBig = checkFileSize(text, limits);
  if (tooBig) return refuse(tooBig);
  const parsed = parseJsonText(text);
  if (parsed.type === 'error') {
    return refuse(issueAt([], projectText('file.notJson', { file: fileLabel(options), line: parsed.line, column: parsed.column, reason: parsed.why ?? parsed.reason })));
  }
  return loadProject(parsed.value, options);
}

/**
 * Loads a project from an already-parsed JSON value (a message from another process, the
 * clipboard, a test): every stage of `parseProject` after the JSON syntax. `value` is never
 * modified.
 */
export function loadProject(value: unknown, options: ParseOptions = {}): ProjectResult {
  try {
    return loadChecked(value, options, { ...PROJECT_LIMITS, ...options.limits });
  } catch (e) {
    // Only a bug can get here (every stage reports bad input as issues), but a file that
    // triggers one must still be refused, not crash the window that opened it.
    return refuse(issueAt([], projectText('file.internalError', { error: String(e) })));
  }
}

function loadChecked(value: unknown, options: ParseOptions, limits: ProjectLimits): ProjectResult {
  const label = fileLabel(options);
  if (!isJsonObject(value)) {
    return refuse(issueAt([], projectText('file.notObject', { file: label, got: describeValue(value) })));
  }
  if (value.format !== FORMAT_NAME) {
    return refuse(wholeFileIssue('format', value.format === undefined
      ? projectText('file.noFormat', { file: label, format: FORMAT_NAME })
      : projectText('file.wrongFormat', { file: label, got: describeValue(value.format), format: FORMAT_NAME })));
  }
  const version = value.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return refuse(issueAt(['version'], version === undefined
      ? projectText('file.versionRequired', { current: CURRENT_VERSION })
      : expectedGot(projectText('expected.versionNumber'), version)));
  }
  if (version > CURRENT_VERSION) {
    return refuse(wholeFileIssue('version', projectText('file.newerVersion', { file: label, version, current: CURRENT_VERSION })));
  }
  const migrated = migrate(value, version);
  if (migrated.type === 'error') return refuse(...migrated.errors);
  let doc = migrated.doc;

  const documentIssues = checkDocumentLimits(doc, limits);
  if (documentIssues.length > 0) return refuse(...documentIssues);

  const warnings: ProjectIssue[] = [];
  let result = projectSchema.safeParse(doc);
  if (!result.success) {
    const unknownKeys = result.error.issues.filter((i) => i.code === 'unrecognized_keys');
    if (unknownKeys.length < result.error.issues.length) {
      return refuse(...fromZodIssues(result.error.issues.filter((i) => i.code !== 'unrecognized_keys'), doc));
    }
    for (const issue of unknownKeys) {
      doc = withoutKeys(doc, issue.path, issue.keys);
      for (const key of issue.keys) warnings.push(issueAt([...issue.path, key], projectText('issue.unknownFieldIgnored')));
    }
    result = projectSchema.safeParse(doc);
    if (!result.success) return refuse(...fromZodIssues(result.error.issues, doc));
  }

  const project = dropStaleWeights(result.data, warnings);
  const modelIssues = checkProjectLimits(project, limits);
  if (modelIssues.length > 0) return refuse(...modelIssues);
  return { type: 'ok', project, warnings, migratedFrom: version < CURRENT_VERSION ? version : null };
}

/** A copy of `root` without `keys` in the object at `path`; copies only along the path. */
function withoutKeys(root: JsonObject, path: readonly PropertyKey[], keys: readonly string[]): JsonObject {
  const strip = (value: unknown, depth: number): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (depth === path.length) {
      const copy: JsonObject = { ...(value as JsonObject) };
      for (const key of keys) delete copy[key];
      return copy;
    }
    const segment = path[depth] as string | number;
    const copy: JsonObject | unknown[] = Array.isArray(value) ? [...value] : { ...(value as JsonObject) };
    (copy as Record<string | number, unknown>)[segment] = strip((value as Record<string | number, unknown>)[segment], depth + 1);
    return copy;
  };
  return strip(root, 0) as JsonObject;
}

/**
 * Restore, second half: weights are derived data, so weights that no longer fit the graph
 * (the node was deleted, its width or bias changed) are dropped with a warning and the file
 * still opens; retraining recreates them.
 */
function dropStaleWeights(project: Project, warnings: ProjectIssue[]): Project {
  if (!project.weights) return project;
  const linear = new Map(project.graph.nodes.flatMap((node) => (node.type === 'linear' ? [[node.id, node] as const] : [])));
  const kept: NonNullable<Project['weights']> = {};
  for (const [id, stored] of Object.entries(project.weights)) {
    const node = linear.get(id);
    const [out, inWidth] = stored.weight.shape;
    let problem: MessageRef | undefined;
    if (node === undefined) problem = projectText('weights.noNode', { id });
    else if (out !== node.outFeatures) problem = projectText('weights.outMismatch', { out, inWidth, outFeatures: node.outFeatures, id });
    else if (node.inFeatures !== undefined && inWidth !== node.inFeatures) problem = projectText('weights.inMismatch', { out, inWidth, inFeatures: node.inFeatures, id });
    else if ((node.bias === false) !== (stored.bias === undefined)) problem = projectText(node.bias === false ? 'weights.noBias' : 'weights.missingBias', { id });
    if (problem === undefined) kept[id] = stored;
    else warnings.push(issueAt(['weights', id], projectText('weights.dropped', { problem })));
  }
  return { ...project, weights: kept };
}

/**
 * The text of a `.layerboard` file for `project`: two-space JSON with a trailing newline,
 * keys in a fixed order (the schema's), number arrays on one line. The same project always
 * gives the same text, and `parseProject(serializeProject(p))` gives back `p`. Throws a
 * TypeError for NaN or Infinity anywhere in `project` (JSON cannot hold them, and writing
 * null instead would save a file that does not load); a valid `Project` has none.
 */
export function serializeProject(project: Project): string {
  return stringifyStable(project);
}

/** What `createProject` needs: a project file's fields without `format`/`version`; `graph` may be left out. */
export type ProjectInit = Omit<ProjectInput, 'format' | 'version' | 'graph'> & { graph?: z.input<typeof projectSchema>['graph'] };

/**
 * A new project from the given fields, with every default restored exactly as loading a file
 * would (same validation, same limits): the graph starts empty unless given. Returns the same
 * union as `parseProject`, with the issues of any invalid field.
 */
export function createProject(init: ProjectInit): ProjectResult {
  return loadProject({ graph: { nodes: [], edges: [] }, ...init, format: FORMAT_NAME, version: CURRENT_VERSION });
}
