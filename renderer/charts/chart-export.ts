/**
 * A chart as a PNG: its SVG is copied with every computed style written inline (so it looks the
 * same outside the page), drawn into a canvas through an <img>, and encoded. A chart's data as
 * CSV goes out the same way. Both are saved through the host when it offers a way to save a file,
 * else as a download (a browser's downloads; Electron asks where).
 */
import type { Host } from '../host/host.ts';
import { appI18n } from '../i18n/i18n.ts';

/** Saving any file, where a host offers it (optional: a download works everywhere). */
type HostWithSaveFile = Host & {
  saveFile?(data: Blob, options: { suggestedName: string; mimeType: string }): Promise<{ type: 'ok' | 'cancelled' | 'error'; message?: string }>;
};

const STYLE_PROPERTIES = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'opacity',
  'font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline', 'visibility', 'display',
] as const;

/** A self-contained copy of `svg`: computed styles inline, a background, the given title on top. */
export function standaloneSvg(svg: SVGSVGElement, options: { title: string; background: string; color: string; legend?: readonly { name: string; color: string }[] }): { text: string; width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width));
  const chartHeight = Math.max(1, Math.round(box.height));
  const legend = options.legend ?? [];
  const headerHeight = legend.length > 0 ? 46 : 28;
  const height = chartHeight + headerHeight;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  originals.forEach((el, i) => {
    const target = copies[i] as SVGElement | undefined;
    if (!target) return;
    const computed = getComputedStyle(el);
    const inline = STYLE_PROPERTIES.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';');
    target.setAttribute('style', `${target.getAttribute('style') ?? ''};${inline}`);
  });
  const ns = 'http://www.w3.org/2000/svg';
  const font = getComputedStyle(document.body).fontFamily;
  const text = (x: number, y: number, content: string, style: string): SVGTextElement => {
    const t = document.createElementNS(ns, 'text');
    t.setAttribute('x', String(x));
    t.setAttribute('y', String(y));
    t.setAttribute('fill', options.color);
    t.setAttribute('style', `font: ${style} ${font}`);
    t.textContent = content;
    return t;
  };
  const root = document.createElementNS(ns, 'svg');
  root.setAttribute('xmlns', ns);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const background = document.createElementNS(ns, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', options.background);
  root.append(background, text(12, 19, options.title, '600 13px'));
  // The legend as a line of coloured squares and names (the page's legend is HTML, not in the SVG).
  let x = 12;
  for (const item of legend) {
    const square = document.createElementNS(ns, 'rect');
    square.setAttribute('x', String(x));
    square.setAttribute('y', '29');
    square.setAttribute('width', '10');
    square.setAttribute('height', '10');
    square.setAttribute('fill', item.color);
    root.append(square, text(x + 14, 38, item.name, '400 11px'));
    x += 14 + 6.5 * item.name.length + 16;
  }
  copy.setAttribute('x', '0');
  copy.setAttribute('y', String(headerHeight));
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(chartHeight));
  root.append(copy);
  return { text: new XMLSerializer().serializeToString(root), width, height };
}

/** Draws an SVG text into a canvas at `scale` and encodes it as PNG. */
export async function svgToPng(svg: { text: string; width: number; height: number }, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error(appI18n().t('charts:card.drawFailed')));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(svg.width * scale);
    canvas.height = Math.round(svg.height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error(appI18n().t('charts:card.noCanvas'));
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, svg.width, svg.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error(appI18n().t('charts:card.encodeFailed')))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Saves an exported file through the host if it can, else as a download. Resolves to an error message or null. */
export async function saveExport(host: Host, blob: Blob, suggestedName: string): Promise<string | null> {
  const saver = (host as HostWithSaveFile).saveFile;
  if (typeof saver === 'function') {
    const result = await saver.call(host, blob, { suggestedName, mimeType: blob.type });
    return result.type === 'error' ? (result.message ?? `Could not save ${suggestedName}`) : null;
  }
  download(blob, suggestedName);
  return null;
}

/** `loss-curve`, from a title and the project name: safe on every file system. */
export function exportFileName(projectName: string, chart: string, extension: 'png' | 'csv'): string {
  const slug = (s: string) => s.replace(/\(.*?\)/g, '').trim().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').toLowerCase();
  const base = [slug(projectName).slice(0, 40), slug(chart)].filter(Boolean).join('-');
  return `${base || 'chart'}.${extension}`;
}
