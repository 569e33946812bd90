/**
 * The canvas: React Flow in controlled mode over the project's graph. Every change React Flow
 * reports (a drag, a new connection, a selection) becomes an editor command or a selection
 * update; nothing is kept here that the document does not hold, except measured node sizes and
 * the positions of a drag in progress (committed as one command when the drag ends, so the
 * document, its analysis and the panels do not change on every pointer move). What each node and
 * edge shows reaches its component through the canvas's view stores (view-store.ts), so React
 * Flow's own nodes and edges change only when they move, are selected, resized, added or removed.
 */
import {
  Background,
  Controls,
  ReactFlow,
  useReactFlow,
  useStore,
  useStoreApi,
  type Connection,
  type EdgeChange,
  type IsValidConnection,
  type NodeChange,
} from '@xyflow/react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent, type PointerEvent } from 'react';
import { useFlowAriaLabels } from './flow-aria.ts';
import { useTranslation } from 'react-i18next';
import { NODE_TYPES, type Graph, type GraphAnalysis, type NodeType, type Position } from '../../core/index.ts';
import type { Command } from '../document/commands.ts';
import type { EditorAction, Selection } from '../document/editor.ts';
import { createEdgeMapper, createNodeMapper, withDragPositions, type LayerFlowNode, type Size, type WidthFlowEdge } from './flow-elements.ts';
import { LayerNode } from './LayerNode.tsx';
import { Minimap } from './Minimap.tsx';
import { WidthEdge } from './WidthEdge.tsx';
import { EdgeViewContext, LabelLayerContext, NodeViewContext, usePublishedViews } from './view-store.ts';

/** The dataTransfer type a palette item carries: the node type (xyflow's drag-from-sidebar pattern). */
export const NODE_DRAG_TYPE = 'application/x-layerboard-node';

const nodeTypes = { layer: LayerNode };
const edgeTypes = { width: WidthEdge };
/**
 * Edges end in the canvas's own arrowhead (`ArrowheadDefinition`), named by a string: with a
 * marker object React Flow rebuilt an id for every edge (its keys sorted and joined) on each
 * change of the edges, a few ms on a 200-node graph, and drew it in a fixed grey.
 */
const ARROW_ID = 'lb-arrowhead';
const defaultEdgeOptions = { markerEnd: ARROW_ID };
const fitViewOptions = { padding: 0.15, maxZoom: 1.2 };
/** Where a dropped node's top-left lands relative to the pointer: roughly its centre. */
const DROP_OFFSET = { x: 90, y: 30 };
/**
 * Below this zoom a node's text would be about 4 px high or less: the canvas draws nodes as their boxes,
 * with a bar for the title, and leaves out edge widths (app.css, `.lb-canvas--far`). Drawing that
 * text took most of the canvas's paint and raster time on a 200-node graph seen whole (at zoom
 * ~0.2), which held back frames after edits there (docs/performance.md).
 */
const FAR_ZOOM = 0.35;

export interface CanvasProps {
  graph: Graph;
  analysis: GraphAnalysis;
  selection: Selection;
  showMinimap: boolean;
  /** Changes when another project is opened: the view fits the new graph. */
  projectKey: number;
  run(command: Command, options?: { mergeKey?: string; select?: Selection }): void;
  dispatch(action: EditorAction): void;
  addNodeAt(type: NodeType, position: Position): void;
}

function isNodeType(value: string): value is NodeType {
  return (NODE_TYPES as readonly string[]).includes(value);
}

const NO_DRAG: ReadonlyMap<string, Position> = new Map();

export function Canvas({ graph, analysis, selection, showMinimap, projectKey, run, dispatch, addNodeAt }: CanvasProps) {
  const flow = useReactFlow<LayerFlowNode, WidthFlowEdge>();
  const [measured, setMeasured] = useState<ReadonlyMap<string, Size>>(() => new Map());
  const { t, i18n } = useTranslation();
  const words = useMemo(() => ({ t, locale: i18n.language }), [t, i18n.language]);
  // A drag in progress: positions shown here and committed as one command when it ends.
  const [dragged, setDragged] = useState<ReadonlyMap<string, Position>>(NO_DRAG);
  const dragging = useRef<ReadonlyMap<string, Position>>(NO_DRAG);
  const toFlowNodes = useMemo(createNodeMapper, []);
  const documentNodes = useMemo(() => toFlowNodes(graph, analysis, selection, measured, words), [toFlowNodes, graph, analysis, selection, measured, words]);
  const nodes = useMemo(() => withDragPositions(documentNodes.nodes, dragged), [documentNodes, dragged]);
  const nodeViews = usePublishedViews(documentNodes.views);
  const toFlowEdges = useMemo(createEdgeMapper, []);
  const rfId = useStore((s) => s.rfId);
  // A boolean, so the canvas renders again only when the zoom crosses FAR_ZOOM.
  const far = useStore((s) => s.transform[2] < FAR_ZOOM);
  const documentEdges = useMemo(() => toFlowEdges(graph, analysis, selection, words, `react-flow__edge-desc-${rfId}`), [toFlowEdges, graph, analysis, selection, words, rfId]);
  const edges = documentEdges.edges;
  const edgeViews = usePublishedViews(documentEdges.views);
  const gesture = useRef(0);
  const flowStore = useStoreApi<LayerFlowNode, WidthFlowEdge>();
  const [labelLayer, setLabelLayer] = useState<HTMLElement | null>(null);
  const ariaLabelConfig = useFlowAriaLabels();

  useEffect(() => {
    // After the new graph has rendered and been measured.
    const timer = setTimeout(() => void flow.fitView(fitViewOptions), 50);
    return () => clearTimeout(timer);
  }, [projectKey, flow]);

  const onNodesChange = useCallback((changes: NodeChange<LayerFlowNode>[]) => {
    const positions: Record<string, Position> = {};
    let moved = false;
    let inDrag = false;
    const selected: Record<string, boolean> = {};
    let selectionChanged = false;
    const sizes: [string, Size][] = [];
    for (const change of changes) {
      if (change.type === 'position' && change.position) {
        positions[change.id] = { x: Math.round(change.position.x), y: Math.round(change.position.y) };
        moved = true;
        inDrag ||= change.dragging === true;
      } else if (change.type === 'select') {
        selected[change.id] = change.selected;
        selectionChanged = true;
      } else if (change.type === 'dimensions' && change.dimensions) {
        sizes.push([change.id, { width: change.dimensions.width, height: change.dimensions.height }]);
      }
      // 'remove' is ignored: Delete is handled by the editor's own shortcut, so it is undoable.
    }
    if (sizes.length > 0) {
      setMeasured((old) => {
        const next = new Map(old);
        for (const [id, size] of sizes) next.set(id, size);
        return next;
      });
    }
    if (moved && inDrag) {
      // Each pointer move: only the canvas re-renders, with the dragged nodes where they are now.
      const next = new Map(dragging.current);
      for (const [id, p] of Object.entries(positions)) next.set(id, p);
      dragging.current = next;
      setDragged(next);
    } else if (moved) {
      // The drag's end (one undo step), or a move by the arrow keys.
      const wasDrag = dragging.current.size > 0;
      const all = { ...Object.fromEntries(dragging.current), ...positions };
      dragging.current = NO_DRAG;
      setDragged(NO_DRAG);
      run({ name: 'moveNodes', args: { positions: all } }, { mergeKey: wasDrag ? `drag:${gesture.current}` : 'nudge' });
    }
    if (selectionChanged) dispatch({ type: 'selectDelta', nodes: selected });
  }, [run, dispatch]);

  const onEdgesChange = useCallback((changes: EdgeChange<WidthFlowEdge>[]) => {
    const selected: Record<string, boolean> = {};
    let selectionChanged = false;
    for (const change of changes) {
      if (change.type === 'select') {
        selected[change.id.replace(/#\d+$/, '')] = change.selected;
        selectionChanged = true;
      }
    }
    if (selectionChanged) dispatch({ type: 'selectDelta', edges: selected });
  }, [dispatch]);

  const onConnect = useCallback((connection: Connection) => {
    run({ name: 'connect', args: { from: connection.source, to: connection.target } });
  }, [run]);

  const isValidConnection = useCallback<IsValidConnection<WidthFlowEdge>>((c) => c.source !== c.target, []);

  const onDragStart = useCallback(() => {
    gesture.current += 1;
    dispatch({ type: 'closeMerge' });
  }, [dispatch]);

  // Ctrl/Cmd+click adds to the selection. React Flow would track that key itself, as store state
  // set on every press and release: two updates over all its subscribers on each Ctrl+Z, Ctrl+S
  // or Ctrl+C. The key only matters when a press begins, so the canvas tells React Flow then,
  // before React Flow's own handlers read it.
  const onPointerDownCapture = useCallback((event: PointerEvent) => {
    const multi = event.ctrlKey || event.metaKey;
    if (flowStore.getState().multiSelectionActive !== multi) flowStore.setState({ multiSelectionActive: multi });
  }, [flowStore]);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(NODE_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback((event: DragEvent) => {
    const type = event.dataTransfer.getData(NODE_DRAG_TYPE);
    if (!isNodeType(type)) return;
    event.preventDefault();
    event.stopPropagation();
    const p = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    addNodeAt(type, { x: p.x - DROP_OFFSET.x, y: p.y - DROP_OFFSET.y });
  }, [flow, addNodeAt]);

  return (
    <div className={far ? 'lb-canvas lb-canvas--far' : 'lb-canvas'} onDragOver={onDragOver} onDrop={onDrop} onPointerDownCapture={onPointerDownCapture}>
      <NodeViewContext.Provider value={nodeViews}>
        <EdgeViewContext.Provider value={edgeViews}>
          <LabelLayerContext.Provider value={labelLayer}>
            <ReactFlow<LayerFlowNode, WidthFlowEdge>
              nodes={nodes}
              edges={edges}
              nodeTypes={nodeTypes}
              edgeTypes={edgeTypes}
              defaultEdgeOptions={defaultEdgeOptions}
              onNodesChange={onNodesChange}
              onEdgesChange={onEdgesChange}
              onConnect={onConnect}
              isValidConnection={isValidConnection}
              onNodeDragStart={onDragStart}
              onSelectionDragStart={onDragStart}
              deleteKeyCode={null}
              // The zoom key only matters with panOnScroll (the wheel zooms here anyway); listening for
              // it re-rendered the pane and rebound d3-zoom's handlers on every Ctrl press and release,
              // so on each Ctrl+Z, Ctrl+C and Ctrl+S.
              zoomActivationKeyCode={null}
              selectionKeyCode="Shift"
              multiSelectionKeyCode={null}
              colorMode="system"
              fitView
              fitViewOptions={fitViewOptions}
              minZoom={0.15}
              maxZoom={2.5}
              aria-label={t('canvas:label')}
              ariaLabelConfig={ariaLabelConfig}
            >
              <Background gap={24} />
              <Controls showInteractive={false} position="bottom-left" />
              {showMinimap && <Minimap pannable zoomable nodeClassName={minimapNodeClass} />}
              <FindLabelLayer onFound={setLabelLayer} />
            </ReactFlow>
          </LabelLayerContext.Provider>
        </EdgeViewContext.Provider>
      </NodeViewContext.Provider>
      <ArrowheadDefinition />
      {graph.nodes.length === 0 && (
        <div className="lb-canvas__empty" role="note">
          Drag layers here from the palette, or focus one there and press Enter.
        </div>
      )}
    </div>
  );
}

/** React Flow's closed arrowhead (same shape and size), coloured like the edges by CSS. */
function ArrowheadDefinition() {
  return (
    <svg className="lb-markers" aria-hidden="true" width="0" height="0">
      <defs>
        <marker id={ARROW_ID} className="lb-arrowhead" markerWidth="16" markerHeight="16" viewBox="-10 -10 20 20" markerUnits="strokeWidth" orient="auto-start-reverse" refX="0" refY="0">
          <polyline points="-5,-4 0,0 -5,4 -5,-4" strokeLinecap="round" strokeLinejoin="round" />
        </marker>
      </defs>
    </svg>
  );
}

/** Finds React Flow's edge-label layer once it is in the page, for the edges' labels (LabelLayerContext). */
function FindLabelLayer({ onFound }: { onFound(layer: HTMLElement | null): void }) {
  const root = useStore((s) => s.domNode);
  useLayoutEffect(() => onFound(root?.querySelector<HTMLElement>('.react-flow__edgelabel-renderer') ?? null), [root, onFound]);
  return null;
}

function minimapNodeClass(node: LayerFlowNode): string {
  return node.data.severity ? `lb-minimap-node lb-minimap-node--${node.data.severity}` : 'lb-minimap-node';
}
