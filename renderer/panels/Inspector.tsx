/**
 * The inspector: the selected layer's parameters, validated as you type, its output width and
 * its problems; for several selected layers, what can be done to all of them.
 */
import { memo } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import {
  edgeId,
  type Diagnostic,
  type Fix,
  type Graph,
  type GraphAnalysis,
  type GraphNode,
} from '../../core/index.ts';
import { widthText } from '../canvas/flow-elements.ts';
import type { Command } from '../document/commands.ts';
import type { Selection } from '../document/editor.ts';
import { visibleParamFields, type ParamField } from '../document/fields.ts';
import { ConnectControls } from './ConnectControls.tsx';
import { useDiagnosticWords } from '../i18n/diagnostics.ts';
import { CheckboxField, ChoiceField, NumberField, TextField } from './fields.tsx';
import { SeverityBadge } from './SeverityBadge.tsx';

export interface InspectorProps {
  // The graph and the name, not the whole document: a change to the training or data settings
  // leaves them the same objects, so the inspector (memoised) does not render again for it.
  graph: Graph;
  projectName: string;
  analysis: GraphAnalysis;
  selection: Selection;
  run(command: Command, options?: { mergeKey?: string }): void;
  closeMerge(): void;
  applyFix(fix: Fix, nodeId?: string): void;
  onDelete(): void;
  onDuplicate(): void;
}

function paramValue(node: GraphNode, key: string): unknown {
  return (node as unknown as Record<string, unknown>)[key];
}

function ParamEditor({ node, field, run, closeMerge }: { node: GraphNode; field: ParamField; run: InspectorProps['run']; closeMerge(): void }) {
  const { t } = useTranslation();
  const label = t(`fields:params.${field.key}.label`);
  const help = t(`fields:params.${field.key}.help`);
  const set = (value: number | string | boolean | undefined) =>
    run({ name: 'setNodeParam', args: { nodeId: node.id, param: field.key, value } }, { mergeKey: `param:${node.id}.${field.key}` });
  const value = paramValue(node, field.key);
  switch (field.kind) {
    case 'number':
      return (
        <NumberField label={label} value={typeof value === 'number' ? value : undefined} rule={field.rule}
          placeholder={field.key === 'inFeatures' ? t('fields:params.inFeatures.placeholder') : field.placeholder}
          onValue={set} onFocus={closeMerge} testId={`param-${field.key}`} />
      );
    case 'boolean':
      return <CheckboxField label={label} checked={typeof value === 'boolean' ? value : field.defaultValue} help={help} onValue={(v) => set(v === field.defaultValue ? undefined : v)} />;
    case 'choice':
      return (
        <ChoiceField label={label} value={typeof value === 'string' ? value : undefined} options={field.options}
          defaultLabel={field.optional ? t('panels:inspector.defaultChoice', { value: field.defaultValue }) : undefined} help={help} onValue={set} testId={`param-${field.key}`} />
      );
  }
}

function IssueList({ issues, nodeId, applyFix }: { issues: Diagnostic[]; nodeId: string; applyFix: InspectorProps['applyFix'] }) {
  const { t } = useTranslation();
  const words = useDiagnosticWords();
  if (issues.length === 0) return null;
  return (
    <ul className="lb-inspector__issues" aria-label={t('panels:inspector.issues')}>
      {issues.map((d) => {
        const { message, fix } = words(d);
        return (
          <li key={d.code + d.message} className={`lb-issue lb-issue--${d.severity}`}>
            <SeverityBadge severity={d.severity} /><span className="lb-issue__code">{d.code}</span> {message}
            {d.fix && <button type="button" className="lb-fix" onClick={() => applyFix(d.fix!.patch, nodeId)}>{t('panels:fix', { label: fix ?? d.fix.label })}</button>}
          </li>
        );
      })}
    </ul>
  );
}

function InspectorView({ graph, projectName, analysis, selection, run, closeMerge, applyFix, onDelete, onDuplicate }: InspectorProps) {
  const { t, i18n } = useTranslation();
  const width = (w: number | undefined) => widthText(w, i18n.language);
  const selectedNodes = graph.nodes.filter((n) => selection.nodes.includes(n.id));
  const selectedEdge = selectedNodes.length === 0 && selection.edges.length === 1 ? graph.edges.find((e) => edgeId(e) === selection.edges[0]) : undefined;
  if (selectedEdge) {
    const { from, to } = selectedEdge;
    return (
      <section className="lb-inspector" aria-label={t('panels:inspector.label')}>
        <h2 className="lb-panel-title">{t('panels:inspector.edge')}</h2>
        <p><Trans i18nKey="panels:inspector.edgeText" values={{ from, to, width: width(analysis.edgeWidths[selection.edges[0]]) }}
          components={{ 1: <strong />, 3: <strong />, 5: <strong /> }} /></p>
        <button type="button" className="lb-button" onClick={onDelete}>{t('panels:inspector.deleteEdge')}</button>
      </section>
    );
  }
  if (selectedNodes.length === 0) {
    return (
      <section className="lb-inspector" aria-label={t('panels:inspector.label')}>
        <h2 className="lb-panel-title">{t('panels:inspector.project')}</h2>
        <TextField label={t('panels:inspector.name')} value={projectName} onValue={(name) => run({ name: 'renameProject', args: { name } }, { mergeKey: 'project-name' })} onFocus={closeMerge} testId="project-name" />
        <p className="lb-muted">{t('panels:inspector.hint')}</p>
      </section>
    );
  }
  if (selectedNodes.length > 1) {
    return (
      <section className="lb-inspector" aria-label={t('panels:inspector.label')}>
        <h2 className="lb-panel-title">{t('panels:inspector.selected', { count: selectedNodes.length })}</h2>
        <p className="lb-muted">{selectedNodes.map((n) => n.id).join(', ')}</p>
        <div className="lb-button-row">
          <button type="button" className="lb-button" onClick={onDuplicate}>{t('panels:inspector.duplicate')}</button>
          <button type="button" className="lb-button lb-button--danger" onClick={onDelete}>{t('panels:inspector.delete')}</button>
        </div>
      </section>
    );
  }
  const node = selectedNodes[0];
  const issues = analysis.diagnostics.filter((d) => d.nodeId === node.id);
  const inputs = analysis.structure.inputsOf.get(node.id) ?? [];
  return (
    <section className="lb-inspector" aria-label={t('panels:inspector.label')} data-inspected={node.id}>
      <h2 className="lb-panel-title">{t(`panels:nodeTitle.${node.type}`, { defaultValue: node.type })} <span className="lb-muted">{node.id}</span></h2>
      <dl className="lb-inspector__widths">
        {node.type !== 'input' && (
          <>
            <dt>{t('panels:inspector.in')}</dt>
            <dd>{inputs.length === 0 ? t('panels:inspector.notConnected') : inputs.map((i) => t('panels:inspector.inputFrom', { width: width(analysis.nodeWidths[i]), node: i })).join('; ')}</dd>
          </>
        )}
        {node.type !== 'output' && (
          <>
            <dt>{t('panels:inspector.out')}</dt>
            <dd data-testid="inspector-out-width">{width(analysis.nodeWidths[node.id])}</dd>
          </>
        )}
      </dl>
      <IssueList issues={issues} nodeId={node.id} applyFix={applyFix} />
      <TextField key={`label-${node.id}`} label={t('panels:inspector.labelField')} value={node.label ?? ''} placeholder={node.id}
        onValue={(label) => run({ name: 'setNodeLabel', args: { nodeId: node.id, label } }, { mergeKey: `label:${node.id}` })} onFocus={closeMerge} testId="node-label" />
      {visibleParamFields(node).map((field) => (
        <ParamEditor key={`${node.id}.${field.key}`} node={node} field={field} run={run} closeMerge={closeMerge} />
      ))}
      <ConnectControls graph={graph} nodeId={node.id} run={run} />
      <div className="lb-button-row">
        <button type="button" className="lb-button" onClick={onDuplicate}>{t('panels:inspector.duplicate')}</button>
        <button type="button" className="lb-button lb-button--danger" onClick={onDelete}>{t('panels:inspector.delete')}</button>
      </div>
    </section>
  );
}

export const Inspector = memo(InspectorView);
