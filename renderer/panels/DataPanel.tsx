/**
 * Data roles and preprocessing, compact: which column is the target, which are features, the
 * task, scaling, target scaling and missing values; and whether the CSV is there and is the one
 * the project was trained on. Every change is an editor command, so it is undoable like a change
 * to the graph, and the canvas's widths and diagnostics follow at once.
 */
import { memo } from 'react';
import type { Project, TableReport } from '../../core/index.ts';
import type { ColumnRole, Command } from '../document/commands.ts';
import { roleOf, type DataStatus } from '../document/data-context.ts';
import { CheckboxField, ChoiceField } from './fields.tsx';

const ROLES: readonly ColumnRole[] = ['feature', 'target', 'ignored'];
const ROLE_LABELS: Record<ColumnRole, string> = { feature: 'Feature', target: 'Target', ignored: 'Ignored' };

/** Whether the loaded CSV is the one the project recorded (data.hash). */
export type DataFileState = 'unknown' | 'same' | 'changed';

export interface DataPanelProps {
  doc: Project;
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

function DataSummary({ doc, status, dataNotice, fileState, onImportCsv, onAcceptChangedCsv, onShowData }: Pick<DataPanelProps, 'doc' | 'status' | 'dataNotice' | 'fileState' | 'onImportCsv' | 'onAcceptChangedCsv' | 'onShowData'>) {
  const trained = doc.weights !== undefined;
  if (status.type === 'missing') {
    return (
      <div className="lb-data__summary lb-data__summary--missing" data-testid="data-missing">
        <p><strong>{doc.data.path}</strong> is not loaded, so the input width is unknown{trained ? ' and the network cannot train' : ''}.</p>
        {dataNotice && <p className="lb-muted">{dataNotice}</p>}
        <button type="button" className="lb-button" onClick={onImportCsv}>{doc.data.hash || trained ? 'Relink CSV…' : 'Import CSV…'}</button>
      </div>
    );
  }
  const changed = fileState === 'changed' && (
    <div className="lb-data__summary--missing lb-data__changed" role="alert" data-testid="data-changed">
      <p><strong>{doc.data.path} has changed</strong> since the project recorded it (its SHA-256 differs){trained ? ': the saved weights were trained on the earlier file' : ''}.</p>
      <div className="lb-button-row">
        <button type="button" className="lb-button lb-button--small" onClick={onImportCsv}>Relink CSV…</button>
        <button type="button" className="lb-button lb-button--small" onClick={onAcceptChangedCsv}>Use this file</button>
      </div>
    </div>
  );
  if (status.type === 'invalid') {
    return (
      <>
        <div className="lb-data__summary lb-data__summary--invalid" role="alert">
          <p><strong>{doc.data.path}</strong>: {status.error.message}</p>
        </div>
        {changed}
      </>
    );
  }
  const target = status.context.target;
  const targetText = target?.task === 'classification' ? `${target.numClasses} classes` : `${target?.width ?? 1} value${target?.width === 1 ? '' : 's'}`;
  return (
    <div className="lb-data__summary" data-testid="data-summary">
      <p>
        <strong>{doc.data.path}</strong>
        <button type="button" className="lb-link" onClick={onShowData}>view the data</button>
      </p>
      <p className="lb-muted">{status.rows.toLocaleString('en-US')} rows · {status.featureWidth} inputs → {targetText} ({status.task})</p>
      {status.warnings.map((w) => <p key={w.code + w.message} className="lb-data__warning">{w.message}</p>)}
      {changed}
    </div>
  );
}

function DataPanelView({ doc, status, report, dataNotice, fileState, run, closeMerge: _closeMerge, onImportCsv, onAcceptChangedCsv, onShowData, locked }: DataPanelProps) {
  const columns = report?.columns.map((c) => c.name) ?? [...doc.data.features, ...doc.data.targets, ...(doc.data.ignored ?? [])];
  const task = status.type === 'ready' ? status.task : doc.data.task;
  return (
    <section className="lb-data" aria-label="Data">
      <div className="lb-panel-heading">
        <h2 className="lb-panel-title">Data</h2>
        <button type="button" className="lb-button lb-button--small" onClick={onImportCsv}>Import CSV…</button>
      </div>
      <DataSummary doc={doc} status={status} dataNotice={dataNotice} fileState={fileState} onImportCsv={onImportCsv} onAcceptChangedCsv={onAcceptChangedCsv} onShowData={onShowData} />
      <fieldset className="lb-fieldset" disabled={locked}>
        <table className="lb-columns">
          <caption className="visually-hidden">Column roles</caption>
          <thead>
            <tr><th scope="col">Column</th><th scope="col">Kind</th><th scope="col">Role</th></tr>
          </thead>
          <tbody>
            {columns.map((name) => {
              const column = report?.columns.find((c) => c.name === name);
              const role = roleOf(doc.data, name);
              return (
                <tr key={name} className={`lb-columns__row lb-columns__row--${role}`}>
                  <th scope="row" title={column?.note}>{name}</th>
                  <td className="lb-muted">{column?.kind ?? '—'}</td>
                  <td>
                    <select className="lb-input lb-input--compact" value={role} aria-label={`Role of column ${name}`}
                      onChange={(e) => run({ name: 'setColumnRole', args: { column: name, role: e.target.value as ColumnRole, columns } })}>
                      {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="lb-field-grid">
          <ChoiceField label="Task" value={doc.data.task} options={['auto', 'regression', 'classification'] as const}
            onValue={(t) => t && run({ name: 'setTask', args: { task: t } })} />
          <ChoiceField label="Scaling" value={doc.data.preprocessing.scaling} options={['standard', 'minmax', 'none'] as const} testId="scaling"
            onValue={(scaling) => scaling && run({ name: 'setScaling', args: { scaling } })} />
        </div>
        <ChoiceField label="Missing values" value={doc.data.preprocessing.missing} options={['drop', 'mean'] as const} testId="missing"
          optionLabel={(m) => (m === 'drop' ? 'drop the row' : 'fill with the mean / most frequent')}
          onValue={(missing) => missing && run({ name: 'setMissing', args: { missing } })} />
        {task === 'regression' && (
          <CheckboxField label="Standardise the target too" checked={doc.data.preprocessing.scaleTarget} testId="scale-target"
            help="Train on a standardised target; predictions and metrics are still shown in its units."
            onValue={(scaleTarget) => run({ name: 'setScaleTarget', args: { scaleTarget } })} />
        )}
      </fieldset>
    </section>
  );
}

export const DataPanel = memo(DataPanelView);
