import { describe, expect, it } from 'vitest';
import { sampleProject } from '../testing/sample.ts';
import { createEditorState, currentDoc, editorReducer, isDirty, redoLabel, undoLabel, type EditorAction, type EditorState } from './editor.ts';

function run(state: EditorState, ...actions: EditorAction[]): EditorState {
  return actions.reduce(editorReducer, state);
}

describe('editor', () => {
  const doc = sampleProject();

  it('every command is undoable, and the project is clean again at the saved document', () => {
    let s = createEditorState(doc, { name: 'sample.layerboard', ref: null });
    expect(isDirty(s)).toBe(false);
    s = run(s,
      { type: 'run', command: { name: 'setNodeParam', args: { nodeId: 'linear4', param: 'outFeatures', value: 13 } } },
      { type: 'run', command: { name: 'setEpochs', args: { epochs: 5 } } },
      { type: 'run', command: { name: 'setColumnRole', args: { column: 'B', role: 'ignored', columns: ['B'] } } });
    expect(isDirty(s)).toBe(true);
    expect(undoLabel(s)).toBe('setColumnRole');
    s = run(s, { type: 'undo' }, { type: 'undo' });
    expect(currentDoc(s).training.epochs).toBe(doc.training.epochs);
    expect(redoLabel(s)).toBe('setEpochs');
    s = run(s, { type: 'undo' });
    expect(currentDoc(s)).toBe(doc);
    expect(isDirty(s)).toBe(false);
  });

  it('a command that changes nothing is not recorded', () => {
    const s = createEditorState(doc);
    expect(editorReducer(s, { type: 'run', command: { name: 'setEpochs', args: { epochs: doc.training.epochs } } })).toBe(s);
  });

  it('typing into one field is one undo step; a closed merge starts another', () => {
    const set = (value: number): EditorAction => ({ type: 'run', command: { name: 'setNodeParam', args: { nodeId: 'linear1', param: 'outFeatures', value } }, mergeKey: 'linear1.outFeatures' });
    let s = run(createEditorState(doc), set(1), set(12), set(128));
    expect(s.history.past).toHaveLength(1);
    s = run(s, { type: 'closeMerge' }, set(64));
    expect(s.history.past).toHaveLength(2);
  });

  it('selection follows commands and is pruned when nodes go away, by command or by undo', () => {
    let s = run(createEditorState(doc), { type: 'selectAll' });
    expect(s.selection.nodes).toHaveLength(9);
    s = run(s, { type: 'run', command: { name: 'deleteElements', args: { nodeIds: ['act1'] } } });
    expect(s.selection.nodes).not.toContain('act1');
    expect(s.selection.edges.some((e) => e.includes('act1'))).toBe(false);
    s = run(s, { type: 'run', command: { name: 'addNode', args: { node: { id: 'relu1', type: 'relu', position: { x: 0, y: 0 } } } }, select: { nodes: ['relu1'], edges: [] } });
    expect(s.selection).toEqual({ nodes: ['relu1'], edges: [] });
    s = run(s, { type: 'undo' });
    expect(s.selection.nodes).toEqual([]);
    expect(run(s, { type: 'select', selection: { nodes: ['ghost'], edges: [] } }).selection.nodes).toEqual([]);
  });

  it('node and edge selection changes arrive separately and combine', () => {
    let s = run(createEditorState(doc), { type: 'select', selection: { nodes: [], edges: ['input->linear1'] } });
    s = run(s, { type: 'selectDelta', nodes: { linear1: true } }, { type: 'selectDelta', edges: { 'input->linear1': false } });
    expect(s.selection).toEqual({ nodes: ['linear1'], edges: [] });
    expect(run(s, { type: 'selectDelta', nodes: { linear1: true } })).toBe(s);
  });

  it('saving marks the saved document; edits made while saving keep the project dirty', () => {
    let s = run(createEditorState(doc, null, false));
    expect(isDirty(s)).toBe(true);
    const saving = currentDoc(s);
    s = run(s, { type: 'run', command: { name: 'setEpochs', args: { epochs: 7 } } });
    s = run(s, { type: 'saved', doc: saving, file: { name: 'a.layerboard', ref: 'fs:1' } });
    expect(isDirty(s)).toBe(true);
    expect(s.file).toEqual({ name: 'a.layerboard', ref: 'fs:1' });
    s = run(s, { type: 'undo' });
    expect(isDirty(s)).toBe(false);
  });

  it('loading a project starts a fresh history', () => {
    let s = run(createEditorState(doc), { type: 'run', command: { name: 'setEpochs', args: { epochs: 7 } } });
    s = run(s, { type: 'load', doc, file: null, clean: true });
    expect(s.history.past).toEqual([]);
    expect(isDirty(s)).toBe(false);
  });
});
