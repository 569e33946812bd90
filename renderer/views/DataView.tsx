/**
 * The Data tab: every column's type, missing count, mean, std, min, max and a small histogram
 * (roles can be changed here too), and the table itself, virtualized: only the rows in view are
 * in the DOM, so a million rows scroll as lightly as ten.
 */
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/i18n.ts';
import type { CsvTable, Project, TableColumn, TableReport } from '../../core/index.ts';
import type { ColumnRole, Command } from '../document/commands.ts';
import { roleOf } from '../document/data-context.ts';
import { columnBars, type ColumnBar } from '../data/column-histograms.ts';
import { rowWindow } from '../data/virtual-rows.ts';
import { SAMPLE_DATA, type SampleData } from '../data/sample-data.ts';

const ROW_HEIGHT = 24;
const COLUMN_WIDTH = 112;
const INDEX_WIDTH = 72;

/** A statistic in five significant digits as the locale writes numbers; very large or small ones in scientific notation. */
function stat(v: number | undefined, locale: string): string {
  if (v === undefined || !Number.isFinite(v)) return '—';
  const a = Math.abs(v);
  return a !== 0 && (a >= 1e6 || a < 1e-3)
    ? formatNumber(v, locale, { notation: 'scientific', minimumFractionDigits: 3, maximumFractionDigits: 3 })
    : formatNumber(v, locale, { maximumSignificantDigits: 5 });
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
  const { t, i18n } = useTranslation();
  const max = Math.max(1, ...bars.map((b) => b.count));
  const width = 120;
  const height = 28;
  const w = width / Math.max(1, bars.length);
  return (
    <svg className="lb-spark" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('dataset:view.histogramOf', { name: label })}>
      {bars.map((b, i) => {
        const h = Math.max(b.count > 0 ? 1 : 0, (b.count / max) * (height - 2));
        return <rect key={i} x={i * w + 0.5} y={height - h} width={Math.max(1, w - 1)} height={h}><title>{`${b.label}: ${formatNumber(b.count, i18n.language)}`}</title></rect>;
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
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const bars = useMemo(() => new Map(table.columns.map((c) => [c.name, columnBars(c)])), [table]);
  const names = report.columns.map((c) => c.name);
  return (
    <table className="lb-stats" data-testid="column-stats">
      <caption className="visually-hidden">{t('dataset:view.columnsOf', { path: doc.data.path })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('dataset:panel.column')}</th><th scope="col">{t('dataset:view.type')}</th><th scope="col">{t('dataset:panel.role')}</th><th scope="col">{t('dataset:view.missing')}</th>
          <th scope="col">{t('dataset:view.mean')}</th><th scope="col">{t('dataset:view.std')}</th><th scope="col">{t('dataset:view.min')}</th><th scope="col">{t('dataset:view.max')}</th>
          <th scope="col">{t('dataset:view.distribution')}</th>
        </tr>
      </thead>
      <tbody>
        {report.columns.map((c) => {
          const role = roleOf(doc.data, c.name);
          return (
            <tr key={c.name} className={`lb-stats__row--${role}`} data-column={c.name}>
              <th scope="row" title={c.note}>{c.name}</th>
              <td>{t(`dataset:kinds.${c.kind}`)}{c.categorical ? <span className="lb-muted"> · {t('dataset:view.distinct', { count: `${formatNumber(c.categorical.distinctCount, locale)}${c.categorical.distinctCountIsLowerBound ? '+' : ''}` })}</span> : null}</td>
              <td>
                <select className="lb-input lb-input--compact" value={role} disabled={locked} aria-label={t('dataset:view.roleOf', { name: c.name })}
                  onChange={(e) => run({ name: 'setColumnRole', args: { column: c.name, role: e.target.value as ColumnRole, columns: names } })}>
                  <option value="feature">{t('dataset:roles.feature')}</option><option value="target">{t('dataset:roles.target')}</option><option value="ignored">{t('dataset:roles.ignored')}</option>
                </select>
              </td>
              <td className={c.missingCount > 0 ? 'lb-stats__missing' : undefined}>{formatNumber(c.missingCount, locale)}</td>
              <td>{stat(c.numeric?.mean, locale)}</td>
              <td>{stat(c.numeric?.std, locale)}</td>
              <td>{stat(c.numeric?.min, locale)}</td>
              <td>{stat(c.numeric?.max, locale)}</td>
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
  const { t, i18n } = useTranslation();
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
        <div className="lb-rows__index" role="rowheader">{formatNumber(r + 1, i18n.language)}</div>
        {table.columns.map((c) => <div key={c.name} className="lb-rows__cell" role="gridcell">{cellText(c, r)}</div>)}
      </div>,
    );
  }
  return (
    <div className="lb-rows" ref={viewport} onScroll={onScroll} role="grid" aria-rowcount={table.rowCount + 1} aria-colcount={table.columns.length + 1}
      aria-label={t('dataset:view.rowsLabel')} data-testid="rows-preview" tabIndex={0}>
      <div className="lb-rows__header" role="row" style={{ width }}>
        <div className="lb-rows__index" role="columnheader">{t('dataset:view.row')}</div>
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
  const { t } = useTranslation();
  return (
    <div className="lb-data-view" data-testid="data-view">
      <div className="lb-data-view__bar">
        <div>
          <strong>{doc.data.path}</strong>
          {report && <span className="lb-muted"> · {t('dataset:view.summary', {
            rows: t('dataset:panel.rows', { count: report.rowCount }), columns: t('dataset:view.columns', { count: report.columnCount }),
            delimiter: report.delimiter === '\t' ? t('dataset:view.tab') : report.delimiter,
          })}</span>}
        </div>
        <div className="lb-button-row">
          <button type="button" className="lb-button lb-button--small" onClick={onImportCsv}>{t('dataset:panel.importCsv')}</button>
          <select className="lb-input lb-input--compact lb-data-view__samples" value="" aria-label={t('dataset:view.openSample')} data-testid="sample-data" disabled={locked}
            onChange={(e) => {
              const sample = SAMPLE_DATA.find((s) => s.file === e.target.value);
              if (sample) onOpenSample(sample);
            }}>
            <option value="">{t('dataset:view.sampleData')}</option>
            {SAMPLE_DATA.map((s) => <option key={s.file} value={s.file}>{t(`dataset:samples.${s.label}`)}</option>)}
          </select>
        </div>
      </div>
      {!table || !report ? (
        <div className="lb-data-view__empty">
          <p><Trans i18nKey="dataset:view.notLoaded" values={{ path: doc.data.path, why: dataNotice ?? '' }} components={[<strong />]} /></p>
          <p className="lb-muted">{t('dataset:view.emptyHint')}</p>
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
