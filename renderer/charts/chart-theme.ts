/**
 * Chart colours as literal values, read from the app's CSS tokens (light or dark). Recharts
 * writes colours into SVG attributes, where CSS variables are not resolved reliably, and a chart
 * exported as PNG is drawn outside the page, where they are not resolved at all: so the charts
 * get real colours, and re-render when the colour scheme changes.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/i18n.ts';

export interface ChartTheme {
  text: string;
  muted: string;
  grid: string;
  panel: string;
  /** Series colours: train, validation, then one per layer. */
  series: readonly string[];
  error: string;
  ok: string;
  /** The y = ŷ line and other references. */
  reference: string;
  /** Confusion-matrix cells: from empty to full. */
  heatLow: string;
  heatHigh: string;
}

const FALLBACK: ChartTheme = {
  text: '#1c2330', muted: '#5b6472', grid: '#d6dae1', panel: '#ffffff',
  series: ['#2563d9', '#d9661a', '#2f9e5a', '#8b4fd6', '#c2185b', '#0f8f8f', '#9a5b00', '#5b6472'],
  error: '#b42318', ok: '#1f7a35', reference: '#8a93a3', heatLow: '#ffffff', heatHigh: '#2563d9',
};

function read(): ChartTheme {
  if (typeof document === 'undefined') return FALLBACK;
  const style = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    text: v('--lb-text', FALLBACK.text),
    muted: v('--lb-muted', FALLBACK.muted),
    grid: v('--lb-border', FALLBACK.grid),
    panel: v('--lb-panel', FALLBACK.panel),
    series: FALLBACK.series.map((c, i) => v(`--lb-chart-${i + 1}`, c)),
    error: v('--lb-error', FALLBACK.error),
    ok: v('--lb-ok', FALLBACK.ok),
    reference: v('--lb-edge', FALLBACK.reference),
    heatLow: v('--lb-panel-2', FALLBACK.heatLow),
    heatHigh: v('--lb-chart-1', FALLBACK.heatHigh),
  };
}

let cached: ChartTheme | null = null;
let cachedDark: boolean | null = null;

let query: MediaQueryList | null | undefined;

/** One MediaQueryList for the page: its `matches` is live, so it is read, not asked for again. */
function darkQuery(): MediaQueryList | null {
  if (query === undefined) query = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  return query;
}

function snapshot(): ChartTheme {
  const dark = darkQuery()?.matches ?? false;
  if (cached === null || cachedDark !== dark) {
    cached = read();
    cachedDark = dark;
  }
  return cached;
}

function subscribe(listener: () => void): () => void {
  const query = darkQuery();
  if (!query) return () => {};
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}

export function useChartTheme(): ChartTheme {
  return useSyncExternalStore(subscribe, snapshot, () => FALLBACK);
}

/** Numbers on axes: 4 significant digits; 150k and 2M for large round numbers; exponents for the tiny and huge. */
export function formatTick(value: number, locale = 'en'): string {
  if (!Number.isFinite(value)) return '';
  const a = Math.abs(value);
  // Large ticks in the language's own short form: 12K, 1.5M in English; 1.2만, 150만 in Korean.
  if (a >= 1e4 && a < 1e10) return formatNumber(value, locale, { notation: 'compact', maximumSignificantDigits: 3 });
  if (a !== 0 && (a >= 1e10 || a < 1e-3)) return value.toExponential(1).replace('e+', 'e');
  return formatNumber(value, locale, { maximumSignificantDigits: 4 });
}

/** `formatTick` in the window's language, one function per language (Recharts compares formatters by identity). */
export function useTickFormatter(): (value: number) => string {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(() => (value: number) => formatTick(value, locale), [locale]);
}
