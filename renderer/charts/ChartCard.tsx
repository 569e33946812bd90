/**
 * A chart's frame: its title, its legend (drawn by us, so the PNG export can draw it too), its
 * own controls, and the two exports every chart has: PNG (the SVG drawn to a canvas) and CSV
 * (the full data behind it, not the downsampled points).
 */
import { createContext, useContext, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Host } from '../host/host.ts';
import { exportFileName, saveExport, standaloneSvg, svgToPng } from './chart-export.ts';
import { useChartTheme } from './chart-theme.ts';

export interface ChartExportContextValue {
  host: Host;
  projectName: string;
  onError(title: string, message: string): void;
}

export const ChartExportContext = createContext<ChartExportContextValue | null>(null);

export interface LegendItem {
  name: string;
  color: string;
  dashed?: boolean;
}

export interface ChartCardProps {
  title: string;
  testId: string;
  legend?: readonly LegendItem[];
  /** The chart's data as CSV; null while there is none. */
  csv?: () => string | null;
  controls?: ReactNode;
  /** Shown instead of the chart while there is nothing to draw. */
  empty?: string | null;
  note?: ReactNode;
  wide?: boolean;
  /** A card without a chart (the metrics table) has no PNG. */
  png?: boolean;
  children?: ReactNode;
}

/** The chart's main SVG: the largest one in the card (legend icons are SVGs too). */
function mainSvg(root: HTMLElement): SVGSVGElement | null {
  let best: SVGSVGElement | null = null;
  let bestArea = 0;
  for (const svg of root.querySelectorAll<SVGSVGElement>('svg')) {
    const r = svg.getBoundingClientRect();
    if (r.width * r.height > bestArea) {
      best = svg;
      bestArea = r.width * r.height;
    }
  }
  return best;
}

export function ChartCard({ title, testId, legend, csv, controls, empty, note, wide, png = true, children }: ChartCardProps) {
  const { t } = useTranslation();
  const exporter = useContext(ChartExportContext);
  const theme = useChartTheme();
  const body = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  const canExport = exporter !== null && !empty;

  const exportPng = async () => {
    if (!exporter || !body.current) return;
    const svg = mainSvg(body.current);
    if (!svg) return;
    setBusy(true);
    try {
      const image = standaloneSvg(svg, { title, background: theme.panel, color: theme.text, legend: legend ?? [] });
      const png = await svgToPng(image);
      const problem = await saveExport(exporter.host, png, exportFileName(exporter.projectName, title, 'png'));
      if (problem) exporter.onError(t('charts:card.exportFailed', { title }), problem);
    } catch (error) {
      exporter.onError(t('charts:card.exportFailed', { title }), error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const exportCsv = async () => {
    const text = csv?.();
    if (!exporter || !text) return;
    const problem = await saveExport(exporter.host, new Blob([text], { type: 'text/csv' }), exportFileName(exporter.projectName, title, 'csv'));
    if (problem) exporter.onError(t('charts:card.exportFailed', { title }), problem);
  };

  return (
    <section className={`lb-chart${wide ? ' lb-chart--wide' : ''}`} data-testid={testId} aria-label={title}>
      <header className="lb-chart__header">
        <h3 className="lb-chart__title">{title}</h3>
        <div className="lb-chart__controls">
          {controls}
          {png && (
            <button type="button" className="lb-button lb-button--small" disabled={!canExport || busy} onClick={() => void exportPng()}
              aria-label={t('charts:card.exportPng', { title })} title={t('charts:card.exportPngTitle')}>PNG</button>
          )}
          {csv && (
            <button type="button" className="lb-button lb-button--small" disabled={!canExport} onClick={() => void exportCsv()}
              aria-label={t('charts:card.exportCsv', { title })} title={t('charts:card.exportCsvTitle')}>CSV</button>
          )}
        </div>
      </header>
      {legend && legend.length > 0 && !empty && (
        <ul className="lb-chart__legend">
          {legend.map((l) => (
            <li key={l.name}><span className={`lb-chart__swatch${l.dashed ? ' lb-chart__swatch--dashed' : ''}`} style={{ borderColor: l.color, background: l.dashed ? 'transparent' : l.color }} />{l.name}</li>
          ))}
        </ul>
      )}
      <div className="lb-chart__body" ref={body}>
        {empty ? <p className="lb-chart__empty lb-muted">{empty}</p> : children}
      </div>
      {note && <p className="lb-chart__note lb-muted">{note}</p>}
    </section>
  );
}

/** A log-scale switch for a chart's y axis. */
export function LogToggle({ on, onChange, label }: { on: boolean; onChange(on: boolean): void; label?: string }) {
  const { t } = useTranslation();
  return (
    <label className="lb-chart__toggle">
      <input type="checkbox" checked={on} onChange={(e) => onChange(e.target.checked)} />
      {label ?? t('charts:card.logScale')}
    </label>
  );
}
