/**
 * One layer on the canvas: its type and id, its parameters, the width it outputs, and any
 * problem the analysis pinned to it, with the one-click fix where core proposes one. What it
 * shows comes from the canvas's view store (`useNodeView`), React Flow gives its place and selection.
 * Memoised and defined at module level, as React Flow asks of custom nodes.
 */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditorActions } from '../app/editor-actions.ts';
import { SeverityBadge } from '../panels/SeverityBadge.tsx';
import { ExplainButton } from '../learn/ExplainButton.tsx';
import { widthText, type LayerFlowNode } from './flow-elements.ts';
import { useNodeView } from './view-store.ts';

/**
 * Handles are for the pointer (React Flow gives them no role or focus): a tooltip says what they
 * do, and screen readers skip them. The keyboard connects in the inspector's Connections.
 */
function handleA11y(title: string) {
  return { title, 'aria-hidden': true } as const;
}

function LayerNodeView({ id, selected }: NodeProps<LayerFlowNode>) {
  const actions = useEditorActions();
  const { t } = useTranslation();
  const data = useNodeView(id);
  // The canvas publishes a node's view before React Flow adds the node; this is only a guard.
  if (!data) return null;
  const { node, title, summary, outWidth, issues, severity } = data;
  const shown = issues.filter((i) => i.severity !== 'info');
  const notes = issues.filter((i) => i.severity === 'info');
  const className = ['lb-node', `lb-node--${node.type}`, severity ? `lb-node--${severity}` : '', selected ? 'lb-node--selected' : ''].join(' ');
  return (
    <div className={className} data-node-id={id} data-severity={severity ?? 'none'}>
      {data.acceptsInput && (
        <Handle type="target" position={Position.Left} className="lb-handle" {...handleA11y(t('a11y:handle.input', { id }))} />
      )}
      <div className="lb-node__title">
        {title}
        {notes.length > 0 && (
          <span className="lb-node__note" role="img" aria-label={t('canvas:node.note', { text: notes.map((n) => n.message).join(' ') })} title={notes.map((n) => n.message).join('\n')}>
            <SeverityBadge severity="info" />
          </span>
        )}
        {notes.map((n) => <ExplainButton key={n.code} target={{ code: n.code, nodeId: id, message: n.message, fix: n.fix }} />)}
      </div>
      <div className="lb-node__meta">
        <span className="lb-node__id" title={node.label ? t('canvas:node.idTitle', { id }) : undefined}>{node.label ?? id}</span>
        {summary && <span className="lb-node__summary"> · {summary}</span>}
        <span className="visually-hidden">{t('canvas:node.outputWidth', { width: widthText(outWidth, data.locale) })}</span>
      </div>
      {shown.length > 0 && (
        <div className="lb-node__callout">
          {shown.map((issue) => (
            <div key={issue.code + issue.message} className={`lb-node__issue lb-node__issue--${issue.severity}`} role={issue.severity === 'error' ? 'alert' : undefined}>
              <span className="lb-node__issue-text">
                <SeverityBadge severity={issue.severity} />
                <span className="visually-hidden">{t(`panels:severityTitle.${issue.severity}`)}: </span>
                {issue.message}
                <ExplainButton target={{ code: issue.code, nodeId: id, message: issue.message, fix: issue.fix }} />
              </span>
              {issue.fix && (
                <button type="button" className="lb-fix nodrag" onClick={() => actions.applyFix(issue.fix!.patch, id)} title={t('canvas:node.fixTitle', { code: issue.code })}>
                  {t('panels:fix', { label: issue.fixLabel ?? issue.fix.label })}
                </button>
              )}
            </div>
          ))}
        </div>
      )}
      {data.producesOutput && <Handle type="source" position={Position.Right} className="lb-handle" {...handleA11y(t('a11y:handle.output', { id }))} />}
    </div>
  );
}

export const LayerNode = memo(LayerNodeView);
