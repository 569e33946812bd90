/**
 * The editor's state and its one reducer: the project document with its history, the selection
 * and the file the project lives in. Pure, so the whole editing model is tested without a DOM.
 *
 * Selection is view state, not document state: it is not undone, but it is pruned whenever the
 * document changes so it never names a node that is gone.
 */
import { edgeId, type Project } from '../../core/index.ts';
import { runCommand, type Command, type CommandName } from './commands.ts';
import { closeMerge, createHistory, record, redo, undo, type History } from './history.ts';

export interface Selection {
  nodes: readonly string[];
  edges: readonly string[];
}

/** Where the project is stored: `ref` is the host's handle, null until it has been saved somewhere. */
export interface ProjectFile {
  name: string;
  ref: string | null;
}

export interface EditorState {
  history: History<Project>;
  selection: Selection;
  file: ProjectFile | null;
  /** The document as last opened or saved: the project is dirty while the present differs. */
  savedDoc: Project | null;
}

export type EditorAction =
  /** A user command; `mergeKey` joins it to the previous change with the same key (a drag, typing). */
  | { type: 'run'; command: Command; mergeKey?: string; select?: Selection }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'select'; selection: Selection }
  /** Adds (true) or removes (false) ids: React Flow reports node and edge selection separately. */
  | { type: 'selectDelta'; nodes?: Record<string, boolean>; edges?: Record<string, boolean> }
  | { type: 'selectAll' }
  | { type: 'closeMerge' }
  /** A project was opened (or created): fresh history; `clean` false for one that was never saved. */
  | { type: 'load'; doc: Project; file: ProjectFile | null; clean: boolean }
  /** `doc` was written to `file` (the present may have moved on while the save ran). */
  | { type: 'saved'; doc: Project; file: ProjectFile };

export const EMPTY_SELECTION: Selection = { nodes: [], edges: [] };

export function createEditorState(doc: Project, file: ProjectFile | null = null, clean = true): EditorState {
  return { history: createHistory(doc), selection: EMPTY_SELECTION, file, savedDoc: clean ? doc : null };
}

export function currentDoc(state: EditorState): Project {
  return state.history.present;
}

export function isDirty(state: EditorState): boolean {
  return state.history.present !== state.savedDoc;
}

/** The selection without ids that are not in `doc` (after a delete, an undo, a paste). */
export function pruneSelection(selection: Selection, doc: Project): Selection {
  const nodeIds = new Set(doc.graph.nodes.map((n) => n.id));
  const edgeIds = new Set(doc.graph.edges.map(edgeId));
  const nodes = selection.nodes.filter((id) => nodeIds.has(id));
  const edges = selection.edges.filter((id) => edgeIds.has(id));
  return nodes.length === selection.nodes.length && edges.length === selection.edges.length ? selection : { nodes, edges };
}

function sameSelection(a: Selection, b: Selection): boolean {
  return a.nodes.length === b.nodes.length && a.edges.length === b.edges.length
    && a.nodes.every((id, i) => id === b.nodes[i]) && a.edges.every((id, i) => id === b.edges[i]);
}

function withHistory(state: EditorState, history: History<Project>, selection = state.selection): EditorState {
  if (history === state.history && selection === state.selection) return state;
  return { ...state, history, selection: pruneSelection(selection, history.present) };
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'run': {
      const next = runCommand(state.history.present, action.command);
      const history = record(state.history, next, action.command.name, action.mergeKey ?? null);
      return withHistory(state, history, action.select ?? state.selection);
    }
    case 'undo':
      return withHistory(state, undo(state.history));
    case 'redo':
      return withHistory(state, redo(state.history));
    case 'select': {
      const selection = pruneSelection(action.selection, state.history.present);
      return sameSelection(selection, state.selection) ? state : { ...state, selection };
    }
    case 'selectDelta': {
      const apply = (ids: readonly string[], delta: Record<string, boolean> = {}) => {
        const set = new Set(ids);
        for (const [id, on] of Object.entries(delta)) if (on) set.add(id); else set.delete(id);
        return [...set];
      };
      const selection = pruneSelection({ nodes: apply(state.selection.nodes, action.nodes), edges: apply(state.selection.edges, action.edges) }, state.history.present);
      return sameSelection(selection, state.selection) ? state : { ...state, selection };
    }
    case 'selectAll': {
      const doc = state.history.present;
      return { ...state, selection: { nodes: doc.graph.nodes.map((n) => n.id), edges: doc.graph.edges.map(edgeId) } };
    }
    case 'closeMerge': {
      const history = closeMerge(state.history);
      return history === state.history ? state : { ...state, history };
    }
    case 'load':
      return createEditorState(action.doc, action.file, action.clean);
    case 'saved':
      return { ...state, file: action.file, savedDoc: action.doc };
  }
}

/** The command Undo / Redo would take back or do again; its words are `commandTitleKey(name)`. */
export function undoLabel(state: EditorState): CommandName | null {
  return (state.history.past[state.history.past.length - 1]?.label as CommandName | undefined) ?? null;
}

export function redoLabel(state: EditorState): CommandName | null {
  return (state.history.future[0]?.label as CommandName | undefined) ?? null;
}
