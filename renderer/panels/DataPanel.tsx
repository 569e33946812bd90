/**
 * Data roles and training settings, compact: which column is the target, which are features,
 * the task and scaling, the optimizer, learning rate, epochs, batch size and validation split.
 * Every change is an editor command, so it is undoable like a change to the graph.
 */
import { memo } from 'react';
import { OPTIMIZER_TYPES, type OptimizerSettings, type Project, type TableReport } from '../../core/index.ts';
import type { ColumnRole, Command } from '../document/commands.ts';
import { roleOf, type DataStatus } from '../document/data-context.ts';
import { BATCH_SIZE_RULE, EPOCHS_RULE, LEARNING_RATE_RULE, VALIDATION_SPLIT_RULE } from '../document/fields.ts';
import { ChoiceField, NumberField } from './fields.tsx';

const OPTIMIZER_LABELS: Record<OptimizerSettings['type'], string> = { sgd: 'SGD', adam: 'Adam', adamw: 'AdamW', rmsprop: 'RMSprop' };
const ROLES: readonly ColumnRole[] = ['feature', 'target', 'ignored'];
const ROLE_LABELS: Record<ColumnRole, string> = { feature: 'Feature', target: 'Target', ignored: 'Ignored' };

export interface DataPanelProps {
  doc: Project;
  status: DataStatus;
  report: TableReport | undefined;
  /** Why the CSV is not loaded, when it is not. */
  dataNotice: string | null;
  run(command: Command, options?: { mergeKey?: string }): void;
  closeMerge(): void;
  onImportCsv(): void;
}

function DataSummary({ doc, status, dataNotice, onImportCsv }: Pick<DataPanelProps, 'doc' | 'status' | 'dataNotice' | 'onImportCsv'>) {
  if (status.type === 'missing') {
    return (
      <div className="lb-data__summary lb-data__summary--missing">
        <p><strong>{doc.data.path}</strong> is not loaded, so the input width is unknown.</p>
        {dataNotice && <p className="lb-muted">{dataNotice}</p>}
        <button type="button" className="lb-button" onClick={onImportCsv}>Import CSV…</button>
      </div>
    );
  }
  if (status.type === 'invalid') {
    return (
      <div className="lb-data__summary lb-data__summary--invalid" role="alert">
        <p><strong>{doc.data.path}</strong>: {status.error.message}</p>
      </div>
    );
  }
  const target = status.context.target;
  const targetText = target?.task === 'classification' ? `${target.numClasses} classes` : `${target?.width ?? 1} value${target?.width === 1 ? '' : 's'}`;
  return (
    <div className="lb-data__summary" data-testid="data-summary">
      <p><strong>{doc.data.path}</strong></p>
      <p className="lb-muted">{status.rows.toLocaleString('en-US')} rows · {status.featureWidth} inputs → {targetText} ({status.task})</p>
      {status.warnings.map((w) => <p key={w.code + w.message} className="lb-data__warning">{w.message}</p>)}
    </div>
  );
}

function DataPanelView({ doc, status, report, dataNotice, run, closeMerge, onImportCsv }: DataPanelProps) {
  const columns = report?.columns.map((c) => c.name) ?? [...doc.data.features, ...doc.data.targets, ...(doc.data.ignored ?? [])];
  const training = doc.training;
  return (
    <section className="lb-data" aria-label="Data and training settings">
      <div className="lb-panel-heading">
        <h2 className="lb-panel-title">Data</h2>
        <button type="button" className="lb-button lb-button--small" onClick={onImportCsv}>Import CSV…</button>
      </div>
      <DataSummary doc={doc} status={status} dataNotice={dataNotice} onImportCsv={onImportCsv} />
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
          onValue={(task) => task && run({ name: 'setTask', args: { task } })} />
        <ChoiceField label="Scaling" value={doc.data.preprocessing.scaling} options={['standard', 'minmax', 'none'] as const}
          onValue={(scaling) => scaling && run({ name: 'setScaling', args: { scaling } })} />
      </div>
      <NumberField label="Validation split" value={doc.data.validationSplit} rule={VALIDATION_SPLIT_RULE} onFocus={closeMerge}
        help="Fraction of rows held out to measure generalisation (0 = none)."
        onValue={(fraction) => fraction !== undefined && run({ name: 'setValidationSplit', args: { fraction } }, { mergeKey: 'validationSplit' })} />

      <h2 className="lb-panel-title">Training</h2>
      <ChoiceField label="Optimizer" value={training.optimizer.type} options={OPTIMIZER_TYPES} optionLabel={(o) => OPTIMIZER_LABELS[o]} testId="optimizer"
        onValue={(type) => type && run({ name: 'setOptimizerType', args: { type } })} />
      <div className="lb-field-grid">
        <NumberField label="Learning rate" value={training.optimizer.lr} rule={LEARNING_RATE_RULE} onFocus={closeMerge} help="e.g. 1e-3" testId="learning-rate"
          onValue={(lr) => lr !== undefined && run({ name: 'setLearningRate', args: { lr } }, { mergeKey: 'lr' })} />
        <NumberField label="Epochs" value={training.epochs} rule={EPOCHS_RULE} onFocus={closeMerge} help="Passes over the data." testId="epochs"
          onValue={(epochs) => epochs !== undefined && run({ name: 'setEpochs', args: { epochs } }, { mergeKey: 'epochs' })} />
      </div>
      <NumberField label="Batch size" value={training.batchSize} rule={BATCH_SIZE_RULE} placeholder="full batch" onFocus={closeMerge} testId="batch-size"
        help="Rows per step; leave empty to train on all rows at once."
        onValue={(batchSize) => run({ name: 'setBatchSize', args: { batchSize: batchSize ?? null } }, { mergeKey: 'batchSize' })} />
    </section>
  );
}

export const DataPanel = memo(DataPanelView);
