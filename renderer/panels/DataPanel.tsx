/**
 * Data roles and preprocessing, compact: which column is the target, which are features, the
 * task, scaling, target scaling and missing values; and whether the CSV is there and is the one
 * the project was trained on. Every change is an editor command, so it is undoable like a change
 * to the graph, and the canvas's widths and diagnostics follow at once.
 */
import { memo } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { dataIssueText, type Project, type TableReport } from '../../core/index.ts';
import type { ColumnRole, Command } from '../document/commands.ts';
import { roleOf, type DataStatus } from '../document/data-context.ts';
import { CheckboxField, ChoiceField } from './fields.tsx';

const ROLES: readonly ColumnRole[] = ['feature', 'target', 'ignored'];

/** Whether the loaded CSV is the one the project recorded (data.hash). */
export type DataFileState = 'unknown' | 'same' | 'changed';

export interface DataPanelProps {
  // The document's data settings, not the document: an edit to the graph leaves them the same
  // object, so the panel (memoised) does not render again for it.
  data: Project['data'];
  /** Whether the project holds trained weights (a relinked CSV then matters more). */
  trained: boolean;
  status: DataStatus;
  report: TableReport | undefined;
  /** Why the CSV is not loaded, when it is not. */
  dataNotice: string | null;
  fileState: DataFileState;
  run(command: Command, options?: { mergeKey?: string }): void;
  closeMerge(): void;
  onImportCsv(): void;
  /** Keeps the changed CSV: records its digest. */
  onAcceptChangedCsv(): void;
  onShowData(): void;
  locked: boolean;
}

function DataSummary({ data, trained, status, dataNotice, fileState, onImportCsv, onAcceptChangedCsv, onShowData }: Pick<DataPanelProps, 'data' | 'trained' | 'status' | 'dataNotice' | 'fileState' | 'onImportCsv' | 'onAcceptChangedCsv' | 'onShowData'>) {
  const { t } = useTranslation();
  const path = data.path;
  if (status.type === 'missing') {
    return (
      <div className="lb-data__summary lb-data__summary--missing" data-testid="data-missing">
        <p><Trans i18nKey={trained ? 'dataset:panel.missingTrained' : 'dataset:panel.missing'} values={{ path }} components={[<strong />]} /></p>
        {dataNotice && <p className="lb-muted">{dataNotice}</p>}
        <button type="button" className="lb-button" onClick={onImportCsv}>{data.hash || trained ? t('dataset:panel.relinkCsv') : t('dataset:panel.importCsv')}</button>
      </div>
    );
  }
  const changed = fileState === 'changed' && (
    <div className="lb-data__summary--missing lb-data__changed" role="alert" data-testid="data-changed">
      <p><Trans i18nKey={trained ? 'dataset:panel.changedTrained' : 'dataset:panel.changed'} values={{ path }} components={[<strong />]} /></p>
      <div className="lb-button-row">
        <button type="button" className="lb-button lb-button--small" onClick={onImportCsv}>{t('dataset:panel.relinkCsv')}</button>
        <button type="button" className="lb-button lb-button--small" onClick={onAcceptChangedCsv}>{t('dataset:panel.useThisFile')}</button>
      </div>
    </div>
  );
  if (status.type === 'invalid') {
    return (
      <>
        <div className="lb-data__summary lb-data__summary--invalid" role="alert">
          <p><strong>{data.path}</strong>: {dataIssueText(t, status.error)}</p>
        </div>
        {changed}
      </>
    );
  }
  const target = status.context.target;
  const targetText = target?.task === 'classification' ? t('dataset:panel.classes', { count: target.numClasses }) : t('dataset:panel.values', { count: target?.width ?? 1 });
  return (
    <div className="lb-data__summary" data-testid="data-summary">
      <p>
        <strong>{data.path}</strong>
        <button type="button" className="lb-link" onClick={onShowData}>{t('dataset:panel.viewData')}</button>
      </p>
      <p className="lb-muted">{t('dataset:panel.summary', {
        rows: t('dataset:panel.rows', { count: status.rows }), inputs: t('dataset:panel.inputs', { count: status.featureWidth }), target: targetText, task: t(`dataset:tasks.${status.task}`),
      })}</p>
      {status.warnings.map((w) => <p key={w.code + w.message} className="lb-data__warning">{dataIssueText(t, w)}</p>)}
      {changed}
    </div>
  );
}

function DataPanelView({ data, trained, status, report, dataNotice, fileState, run, closeMerge: _closeMerge, onImportCsv, onAcceptChangedCsv, onShowData, locked }: DataPanelProps) {
  const columns = report?.columns.map((c) => c.name) ?? [...data.features, ...data.targets, ...(data.ignored ?? [])];
  const task = status.type === 'ready' ? status.task : data.task;
  const { t } = useTranslation();
  return (
    <section className="lb-data" aria-label={t('dataset:panel.label')}>
      <div className="lb-panel-heading">
        <h2 className="lb-panel-title">{t('dataset:panel.title')}</h2>
        <button type="button" className="lb-button lb-button--small" onClick={onImportCsv}>{t('dataset:panel.importCsv')}</button>
      </div>
      <DataSummary data={data} trained={trained} status={status} dataNotice={dataNotice} fileState={fileState} onImportCsv={onImportCsv} onAcceptChangedCsv={onAcceptChangedCsv} onShowData={onShowData} />
      <fieldset className="lb-fieldset" disabled={locked}>
        <table className="lb-columns">
          <caption className="visually-hidden">{t('dataset:panel.columnRoles')}</caption>
          <thead>
            <tr><th scope="col">{t('dataset:panel.column')}</th><th scope="col">{t('dataset:panel.kind')}</th><th scope="col">{t('dataset:panel.role')}</th></tr>
          </thead>
          <tbody>
            {columns.map((name) => {
              const column = report?.columns.find((c) => c.name === name);
              const role = roleOf(data, name);
              return (
                <tr key={name} className={`lb-columns__row lb-columns__row--${role}`}>
                  <th scope="row" title={column?.note}>{name}</th>
                  <td className="lb-muted">{column ? t(`dataset:kinds.${column.kind}`) : '—'}</td>
                  <td>
                    <select className="lb-input lb-input--compact" value={role} aria-label={t('dataset:panel.roleOf', { name })}
                      onChange={(e) => run({ name: 'setColumnRole', args: { column: name, role: e.target.value as ColumnRole, columns } })}>
                      {ROLES.map((r) => <option key={r} value={r}>{t(`dataset:roles.${r}`)}</option>)}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="lb-field-grid">
          <ChoiceField label={t('dataset:panel.task')} value={data.task} options={['auto', 'regression', 'classification'] as const}
            optionLabel={(o) => t(`dataset:tasks.${o}`)}
            onValue={(t) => t && run({ name: 'setTask', args: { task: t } })} />
          <ChoiceField label={t('dataset:panel.scaling')} value={data.preprocessing.scaling} options={['standard', 'minmax', 'none'] as const} testId="scaling"
            optionLabel={(o) => t(`dataset:scalings.${o}`)}
            onValue={(scaling) => scaling && run({ name: 'setScaling', args: { scaling } })} />
        </div>
        <ChoiceField label={t('dataset:panel.missingValues')} value={data.preprocessing.missing} options={['drop', 'mean'] as const} testId="missing"
          optionLabel={(m) => (m === 'drop' ? t('dataset:panel.dropRow') : t('dataset:panel.fillMean'))}
          onValue={(missing) => missing && run({ name: 'setMissing', args: { missing } })} />
        {task === 'regression' && (
          <CheckboxField label={t('dataset:panel.scaleTarget')} checked={data.preprocessing.scaleTarget} testId="scale-target"
            help={t('dataset:panel.scaleTargetHelp')}
            onValue={(scaleTarget) => run({ name: 'setScaleTarget', args: { scaleTarget } })} />
        )}
      </fieldset>
    </section>
  );
}

export const DataPanel = memo(DataPanelView);
