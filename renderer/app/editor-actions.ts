/**
 * Actions that components deep in the canvas need (a node's one-click fix), passed through
 * context so node components stay memoised: their props never carry fresh callbacks.
 */
import { createContext, useContext } from 'react';
import type { Fix } from '../../core/index.ts';

export interface EditorActions {
  applyFix(fix: Fix, nodeId?: string): void;
  selectNode(nodeId: string, centre: boolean): void;
}

const noop: EditorActions = { applyFix() {}, selectNode() {} };

export const EditorActionsContext = createContext<EditorActions>(noop);

export function useEditorActions(): EditorActions {
  return useContext(EditorActionsContext);
}
