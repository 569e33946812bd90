/**
 * The canvas's minimap: React Flow's MiniMap drawn from one store subscription. React Flow's own
 * subscribes once per node and computes the bounds of every node in a store selector, so each
 * update of React Flow's store (a pointer move while dragging, a click on the pane, a selection)
 * walked all nodes: on a 200-node graph that was two thirds of every update's cost (2.5 ms of
 * 3.7). This one listens to the user nodes, the transform and the pane's size only, and redraws a
 * node's rectangle only when that node changed. Panning and zooming in it are React Flow's
 * (XYMinimap), and it keeps React Flow's class names, so React Flow's styles and ours apply.
 */
import { Panel, useStore, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { XYMinimap, type XYMinimapInstance } from '@xyflow/system';
import { memo, useEffect, useMemo, useRef } from 'react';
import type { LayerFlowNode, WidthFlowEdge } from './flow-elements.ts';
import { boundsOf, MINIMAP_SIZE, minimapGeometry, viewRect, type Rect } from './minimap-geometry.ts';

// useStore is not generic over the node type; the canvas gives React Flow LayerFlowNodes only.
function select(s: ReactFlowState) {
  return {
    nodes: s.nodes as LayerFlowNode[],
    transform: s.transform,
    width: s.width,
    height: s.height,
    panZoom: s.panZoom,
    translateExtent: s.translateExtent,
    rfId: s.rfId,
    label: s.ariaLabelConfig['minimap.ariaLabel'],
  };
}

function sameSelection(a: ReturnType<typeof select>, b: ReturnType<typeof select>): boolean {
  return a.nodes === b.nodes && a.transform === b.transform && a.width === b.width && a.height === b.height
    && a.panZoom === b.panZoom && a.translateExtent === b.translateExtent && a.rfId === b.rfId && a.label === b.label;
}

interface NodeBox extends Rect {
  id: string;
  className: string;
}

/** A measured node's rectangle; a node not yet measured is not drawn (as in React Flow's minimap). */
function nodeBox(node: LayerFlowNode, nodeClassName: (node: LayerFlowNode) => string): NodeBox | null {
  const width = node.measured?.width ?? node.width;
  const height = node.measured?.height ?? node.height;
  if (node.hidden || !width || !height) return null;
  return { id: node.id, x: node.position.x, y: node.position.y, width, height, className: `react-flow__minimap-node ${nodeClassName(node)}${node.selected ? ' selected' : ''}` };
}

// Chromium draws crisp rectangles fastest; React Flow's minimap makes the same choice.
const shapeRendering = typeof window !== 'undefined' && 'chrome' in window ? 'crispEdges' : 'geometricPrecision';

const MinimapNode = memo(function MinimapNode({ box }: { box: NodeBox }) {
  return <rect className={box.className} x={box.x} y={box.y} width={box.width} height={box.height} rx={5} ry={5} shapeRendering={shapeRendering} />;
});

export interface MinimapProps {
  nodeClassName(node: LayerFlowNode): string;
  pannable?: boolean;
  zoomable?: boolean;
}

function MinimapView({ nodeClassName, pannable = false, zoomable = false }: MinimapProps) {
  const store = useStoreApi<LayerFlowNode, WidthFlowEdge>();
  const { nodes, transform, width, height, panZoom, translateExtent, rfId, label } = useStore(select, sameSelection);
  // A node object React Flow still holds keeps its rectangle object: while a node is dragged only
  // that node is new on each pointer move, so only its rectangle is made (and drawn) again.
  const known = useMemo(() => new WeakMap<LayerFlowNode, NodeBox | null>(), [nodeClassName]);
  const boxes = useMemo(() => {
    const list: NodeBox[] = [];
    for (const n of nodes) {
      let box = known.get(n);
      if (box === undefined) {
        box = nodeBox(n, nodeClassName);
        known.set(n, box);
      }
      if (box) list.push(box);
    }
    return list;
  }, [nodes, nodeClassName, known]);
  const nodesBounds = useMemo(() => boundsOf(boxes), [boxes]);
  const view = viewRect(transform, width, height);
  const { viewBox, viewScale, maskPath } = minimapGeometry(nodesBounds, view);
  const svg = useRef<SVGSVGElement>(null);
  const viewScaleRef = useRef(viewScale);
  viewScaleRef.current = viewScale;
  const instance = useRef<XYMinimapInstance | null>(null);

  useEffect(() => {
    if (!svg.current || !panZoom) return;
    instance.current = XYMinimap({ domNode: svg.current, panZoom, getTransform: () => store.getState().transform, getViewScale: () => viewScaleRef.current });
    return () => {
      instance.current?.destroy();
      instance.current = null;
    };
  }, [panZoom, store]);

  useEffect(() => {
    instance.current?.update({ translateExtent, width, height, pannable, zoomable, zoomStep: 1 });
  }, [panZoom, translateExtent, width, height, pannable, zoomable]);

  const labelId = `react-flow__minimap-desc-${rfId}`;
  return (
    <Panel position="bottom-right" className="react-flow__minimap" data-testid="rf__minimap">
      <svg ref={svg} width={MINIMAP_SIZE.width} height={MINIMAP_SIZE.height} viewBox={viewBox} className="react-flow__minimap-svg" role="img" aria-labelledby={labelId}>
        <title id={labelId}>{label}</title>
        {boxes.map((box) => <MinimapNode key={box.id} box={box} />)}
        <path className="react-flow__minimap-mask" d={maskPath} fillRule="evenodd" pointerEvents="none" />
      </svg>
    </Panel>
  );
}

/** Memoised: the canvas renders on every edit, the minimap only when what it shows changed. */
export const Minimap = memo(MinimapView);
