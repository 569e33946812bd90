/**
 * The Data tab: every column's type, missing count, mean, std, min, max and a small histogram
 * (roles can be changed here too), and the table itself, virtualized: only the rows in view are
 * in the DOM, so a million rows scroll as lightly as ten.
 */
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CsvTable, Project, TableColumn, TableReport } from '../../core/index.ts';
import type { ColumnRole, Command } from '../document/commands.ts';
import { roleOf } from '../document/data-context.ts';
import { columnBars, type ColumnBar } from '../data/column-histograms.ts';
import { rowWindow } from '../data/virtual-rows.ts';
import { SAMPLE_DATA, type SampleData } from '../data/sample-data.ts';

const ROW_HEIGHT = 24;
const COLUMN_WIDTH = 112;
const INDEX_WIDTH = 72;

function stat(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return '—';
  const a = Math.abs(v);
  return a !== 0 && (a >= 1e6 || a < 1e-3) ? v.toExponential(3) : String(Number(v.toPrecision(5)));
}

/** A column's cell as text: numbers as written (shortest form), categories by name, missing empty. */
function cellText(column: TableColumn, row: number): string {
  if (column.kind === 'numeric') {
    const v = column.values[row];
    return Number.isNaN(v) ? '' : String(column.values instanceof Float32Array ? Number(v.toPrecision(7)) : v);
  }
  if (!column.codes) return '…';
  const code = column.codes[row];
  return code < 0 ? '' : column.categories[code];
}

const Sparkline = memo(function Sparkline({ bars, label }: { bars: ColumnBar[]; label: string }) {
  const max = Math.max(1, ...bars.map((b) => b.count));
  const width = 120;
  const height = 28;
  const w = width / Math.max(1, bars.length);
  return (
    <svg className="lb-spark" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Histogram of ${label}`}>
      {bars.map((b, i) => {
        const h = Math.max(b.count > 0 ? 1 : 0, (b.count / max) * (height - 2));
        return <rect key={i} x={i * w + 0.5} y={height - h} width={Math.max(1, w - 1)} height={h}><title>{`${b.label}: ${b.count.toLocaleString('en-US')}`}</title></rect>;
      })}
    </svg>
  );
});

interface ColumnStatsProps {
  doc: Project;
  table: CsvTable;
  report: TableReport;
  run(command: Command): void;
  locked: boolean;
}

function ColumnStats({ doc, table, report, run, locked }: ColumnStatsProps) {
  const bars = useMemo(() => new Map(table.columns.map((c) => [c.name, columnBars(c)])), [table]);
  const names = report.columns.map((c) => c.name);
  return (
    <table className="lb-stats" data-testid="column-stats">
      <caption className="visually-hidden">Columns of {doc.data.path}</caption>
      <thead>
        <tr>
          <th scope="col">Column</th><th scope="col">Type</th><th scope="col">Role</th><th scope="col">Missing</th>
          <th scope="col">Mean</th><th scope="col">Std</th><th scope="col">Min</th><th scope="col">Max</th><th scope="col">Distribution</th>
        </tr>
      </thead>
      <tbody>
        {report.columns.map((c) => {
          const role = roleOf(doc.data, c.name);
          return (
            <tr key={c.name} className={`lb-stats__row--${role}`} data-column={c.name}>
              <th scope="row" title={c.note}>{c.name}</th>
              <td>{c.kind}{c.categorical ? <span className="lb-muted"> · {c.categorical.distinctCount.toLocaleString('en-US')}{c.categorical.distinctCountIsLowerBound ? '+' : ''} values</span> : null}</td>
              <td>
                <select className="lb-input lb-input--compact" value={role} disabled={locked} aria-label={`Role of ${c.name}`}
                  onChange={(e) => run({ name: 'setColumnRole', args: { column: c.name, role: e.target.value as ColumnRole, columns: names } })}>
                  <option value="feature">Feature</option><option value="target">Target</option><option value="ignored">Ignored</option>
                </select>
              </td>
              <td className={c.missingCount > 0 ? 'lb-stats__missing' : undefined}>{c.missingCount.toLocaleString('en-US')}</td>
              <td>{stat(c.numeric?.mean)}</td>
              <td>{stat(c.numeric?.std)}</td>
              <td>{stat(c.numeric?.min)}</td>
              <td>{stat(c.numeric?.max)}</td>
              <td><Sparkline bars={bars.get(c.name) ?? []} label={c.name} /></td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The CSV's rows, windowed: a fixed row height, and only the rows in view rendered. */
export const ROWS_MEASURE = 'layerboard:rows';

function RowsPreview({ table }: { table: CsvTable }) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);
  useLayoutEffect(() => {
    const el = viewport.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    setHeight(el.clientHeight);
    return () => observer.disconnect();
  }, []);
  // The time from a scroll event to the rows being committed is recorded as a `layerboard:rows`
  // measure when it takes 4 ms or more, so a test can tell our own work from other long tasks.
  const scrolledAt = useRef<number | null>(null);
  const onScroll = useCallback(() => {
    scrolledAt.current ??= performance.now();
    setScrollTop(viewport.current?.scrollTop ?? 0);
  }, []);
  useLayoutEffect(() => {
    const start = scrolledAt.current;
    scrolledAt.current = null;
    if (start === null || typeof performance.measure !== 'function') return;
    const end = performance.now();
    if (end - start >= 4) performance.measure(ROWS_MEASURE, { start, end });
  }, [scrollTop]);
  const header = ROW_HEIGHT;
  const win = rowWindow(scrollTop, Math.max(0, height - header), table.rowCount, ROW_HEIGHT, 6);
  const width = INDEX_WIDTH + table.columns.length * COLUMN_WIDTH;
  const rows = [];
  for (let r = win.first; r < win.last; r++) {
    rows.push(
      <div key={r} className="lb-rows__row" role="row" aria-rowindex={r + 2} style={{ transform: `translateY(${win.top + (r - win.first) * ROW_HEIGHT}px)` }}>
        <div className="lb-rows__index" role="rowheader">{(r + 1).toLocaleString('en-US')}</div>
        {table.columns.map((c) => <div key={c.name} className="lb-rows__cell" role="gridcell">{cellText(c, r)}</div>)}
      </div>,
    );
  }
  return (
    <div className="lb-rows" ref={viewport} onScroll={onScroll} role="grid" aria-rowcount={table.rowCount + 1} aria-colcount={table.columns.length + 1}
      aria-label="Rows of the CSV" data-testid="rows-preview" tabIndex={0}>
      <div className="lb-rows__header" role="row" style={{ width }}>
        <div className="lb-rows__index" role="columnheader">row</div>
        {table.columns.map((c) => <div key={c.name} className="lb-rows__cell" role="columnheader" title={c.name}>{c.name}</div>)}
      </div>
      <div className="lb-rows__content" style={{ height: win.contentHeight, width }}>{rows}</div>
    </div>
  );
}

export interface DataViewProps {
  doc: Project;
  table: CsvTable | undefined;
  report: TableReport | undefined;
  /** Why the project's CSV is not loaded. */
  dataNotice: string | null;
  run(command: Command): void;
  onImportCsv(): void;
  onOpenSample(sample: SampleData): void;
  locked: boolean;
}

function DataViewView({ doc, table, report, dataNotice, run, onImportCsv, onOpenSample, locked }: DataViewProps) {
  return (
    <div className="lb-data-view" data-testid="data-view">
      <div className="lb-data-view__bar">
        <div>
          <strong>{doc.data.path}</strong>
          {report && <span className="lb-muted"> · {report.rowCount.toLocaleString('en-US')} rows × {report.columnCount} columns · delimiter “{report.delimiter === '\t' ? 'tab' : report.delimiter}”</span>}
        </div>
        <div className="lb-button-row">
          <button type="button" className="lb-button lb-button--small" onClick={onImportCsv}>Import CSV…</button>
          <select className="lb-input lb-input--compact lb-data-view__samples" value="" aria-label="Open sample data" data-testid="sample-data" disabled={locked}
            onChange={(e) => {
              const sample = SAMPLE_DATA.find((s) => s.file === e.target.value);
              if (sample) onOpenSample(sample);
            }}>
            <option value="">Sample data…</option>
            {SAMPLE_DATA.map((s) => <option key={s.file} value={s.file}>{s.label}</option>)}
          </select>
        </div>
      </div>
      {!table || !report ? (
        <div className="lb-data-view__empty">
          <p><strong>{doc.data.path}</strong> is not loaded. {dataNotice}</p>
          <p className="lb-muted">Import a CSV, pick a sample above, or drop a CSV file anywhere on the window.</p>
        </div>
      ) : (
        <>
          <div className="lb-data-view__stats"><ColumnStats doc={doc} table={table} report={report} run={run} locked={locked} /></div>
          <RowsPreview key={doc.data.path} table={table} />
        </>
      )}
    </div>
  );
}

export const DataView = memo(DataViewView);
