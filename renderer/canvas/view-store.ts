/**
 * What each canvas node and edge shows, in stores of the canvas's own that node and edge
 * components read by id (React's useSyncExternalStore). React Flow's nodes and edges then change
 * only when they move, are selected, resized, added or removed: an edit that changes what a node
 * or an edge shows re-renders that element alone, instead of a React Flow store update that every
 * node, handle and edge wrapper hears.
 */
import { createContext, useContext, useLayoutEffect, useState, useSyncExternalStore, type Context } from 'react';
import type { EdgeView, NodeView } from './flow-elements.ts';

export interface ViewStore<T> {
  get(id: string): T | undefined;
  /** Replaces the views; listeners hear of it only when the map is another one. */
  set(views: ReadonlyMap<string, T>): void;
  subscribe(listener: () => void): () => void;
}

export function createViewStore<T>(initial: ReadonlyMap<string, T>): ViewStore<T> {
  let views = initial;
  const listeners = new Set<() => void>();
  return {
    get: (id) => views.get(id),
    set(next) {
      if (next === views) return;
      views = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * A store that holds `views`, renewed in a layout effect: before React Flow's own (passive)
 * effects add new nodes or edges, so a new element finds its view.
 */
export function usePublishedViews<T>(views: ReadonlyMap<string, T>): ViewStore<T> {
  const [store] = useState(() => createViewStore(views));
  useLayoutEffect(() => store.set(views), [store, views]);
  return store;
}

/** What the element `id` shows; the component re-renders only when that view is another object. */
function useView<T>(context: Context<ViewStore<T>>, id: string): T | undefined {
  const store = useContext(context);
  return useSyncExternalStore(store.subscribe, () => store.get(id));
}

export const NodeViewContext = createContext<ViewStore<NodeView>>(createViewStore(new Map()));
export const EdgeViewContext = createContext<ViewStore<EdgeView>>(createViewStore(new Map()));

/** What the node `id` shows. */
export function useNodeView(id: string): NodeView | undefined {
  return useView(NodeViewContext, id);
}

/** What the edge `id` (React Flow's id) shows. */
export function useEdgeView(id: string): EdgeView | undefined {
  return useView(EdgeViewContext, id);
}

/**
 * React Flow's edge-label layer, found once by the canvas. React Flow's own EdgeLabelRenderer
 * looks for it with a querySelector inside a store subscription of each edge: 199 more
 * subscribers (and queries) on every store update of a 200-node graph.
 */
export const LabelLayerContext = createContext<HTMLElement | null>(null);
