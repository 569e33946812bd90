/**
 * An edge that shows the width it carries (`N × 13`), as core's analysis infers it on every
 * change, and for Add/Concat the input's position (the order of inputs is the order of edges).
 * What it shows comes from the canvas's edge view store; React Flow gives its ends and selection.
 */
import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo, useContext, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { edgeWidthElementId, widthText, type WidthFlowEdge } from './flow-elements.ts';
import { LabelLayerContext, useEdgeView } from './view-store.ts';

/** What EdgeLabelRenderer does: the label in the HTML layer above the edges (found once by the canvas). */
function EdgeLabel({ children }: { children: ReactNode }) {
  const layer = useContext(LabelLayerContext);
  return layer ? createPortal(children, layer) : null;
}

function WidthEdgeView({ id, source, target, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, markerEnd }: EdgeProps<WidthFlowEdge>) {
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  const { t } = useTranslation();
  const data = useEdgeView(id);
  const severity = data?.severity ?? null;
  const className = ['lb-edge', severity ? `lb-edge--${severity}` : '', selected ? 'lb-edge--selected' : ''].join(' ');
  return (
    <>
      <BaseEdge id={id} path={path} className={className} markerEnd={markerEnd} interactionWidth={18} />
      <EdgeLabel>
        <div
          id={edgeWidthElementId(id)}
          className={`lb-edge-label ${className}`}
          data-edge={`${source}->${target}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          title={data?.inputIndex ? t('canvas:edge.inputOf', { index: data.inputIndex, target }) : undefined}
        >
          {data?.inputIndex ? <span className="lb-edge-label__order">{data.inputIndex}</span> : null}
          {widthText(data?.width, data?.locale)}
        </div>
      </EdgeLabel>
    </>
  );
}

export const WidthEdge = memo(WidthEdgeView);
