/**
 * One quiet line under the Training tab's charts: how the last run's matrix products were
 * computed, on how many threads and how many of them were split. Threads change no number (the
 * kernels give the same bits on any thread count), only the time; the line says whether a
 * browser page got them (it needs cross-origin isolation, docs/performance.md "Threads").
 */
import { useTranslation } from 'react-i18next';
import type { KernelReport } from '../../core/index.ts';

export interface KernelReportNoteProps {
  report: KernelReport;
  /** Where the trainer ran: the browser build's worker, or Electron's utility process (no isolation needed). */
  hostKind: 'electron' | 'browser';
}

export function KernelReportNote({ report, hostKind }: KernelReportNoteProps) {
  const { t } = useTranslation();
  const backends = [...new Set(report.layers.map((l) => l.backend))];
  const backend = backends.map((b) => t(`kernels:backend.${b}`, { defaultValue: b })).join(', ') || t('kernels:backend.js');
  let text: string;
  if (report.threads <= 1) {
    // A browser page without isolation gets no shared memory (renderer/train/kernel-threads.ts);
    // elsewhere one thread means one core.
    const notIsolated = hostKind === 'browser' && !globalThis.crossOriginIsolated && (navigator.hardwareConcurrency ?? 1) > 1;
    text = t(notIsolated ? 'kernels:oneThreadNotIsolated' : 'kernels:oneThread', { backend });
  } else if (report.splitProducts > 0) {
    text = t('kernels:split', { threads: report.threads, count: report.splitProducts, backend });
  } else {
    text = t('kernels:tooSmall', { threads: report.threads, backend });
  }
  return (
    <p className="lb-kernel-report lb-muted" data-testid="kernel-report" data-threads={report.threads} data-split-products={report.splitProducts}>{text}</p>
  );
}
