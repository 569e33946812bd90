/**
 * File › Export…: asks for the format (ExportDialog), makes the file with core's exportProject
 * (the same function as `layerboard export`; the ONNX encoder is static code, so it runs under the
 * app's CSP) and saves it through the host: Electron's own Save dialog in main, or the browser's
 * file picker / a download. The notice says where the file went.
 */
import { useCallback, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMAT_INFO, type ExportFormat } from '../../core/export/formats.ts';
import { modelText, type CsvTable, type Project } from '../../core/index.ts';
import { suggestedFileName } from '../app/file-reading.ts';
import type { Host } from '../host/host.ts';
import { ExportDialog, type ExportChoice } from '../panels/ExportDialog.tsx';
import type { Notice } from '../panels/Notices.tsx';

/** The file name an export proposes: the project's name, made safe, with the format's suffix. */
export function exportFileName(projectName: string, format: ExportFormat): string {
  const base = suggestedFileName(projectName).replace(/\.layerboard$/, '');
  const suffix = format === 'pytorch-ddp' ? '_ddp' : format === 'weights' ? '-weights' : format === 'predictions' ? '-predictions' : '';
  return `${base}${suffix}.${EXPORT_FORMAT_INFO[format].extension}`;
}

export interface UseExportOptions {
  host: Host;
  doc: Project;
  /** The project's CSV as imported (scripts and predictions need it). */
  table: CsvTable | undefined;
  notify(kind: Notice['kind'], title: string, details?: readonly string[]): void;
}

export function useExport({ host, doc, table, notify }: UseExportOptions): { open(): void; dialog: ReactElement | null } {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);

  const run = useCallback(async ({ format, weights }: ExportChoice) => {
    setShown(false);
    const fileName = exportFileName(doc.name, format);
    const info = EXPORT_FORMAT_INFO[format];
    const script = format === 'pytorch' || format === 'pytorch-ddp';
    let result;
    try {
      // The exporters (script writer, ONNX encoder, predictions) load on first use, not with the app.
      const { exportProject } = await import('../../core/export/index.ts');
      result = exportProject({ format, project: doc, table, ...(script ? { weights, fileName } : {}) });
    } catch (error) {
      result = { type: 'error' as const, message: error instanceof Error ? error.message : String(error) };
    }
    if (result.type === 'error') {
      notify('error', t('export:failed', { name: fileName }), [modelText(t, result)]);
      return;
    }
    if (!host.saveExport) {
      notify('error', t('export:failed', { name: fileName }), [t('export:cannotSave')]);
      return;
    }
    const bytes = typeof result.content === 'string' ? new TextEncoder().encode(result.content) : result.content;
    const saved = await host.saveExport({ bytes, suggestedName: fileName, extension: info.extension, description: t(`export:format.${format}.title`), mimeType: info.mimeType });
    if (saved.type === 'cancelled') return;
    if (saved.type === 'error') {
      notify('error', t('export:failed', { name: fileName }), [saved.message]);
      return;
    }
    const where = saved.value.location !== null ? t('export:done.where', { location: saved.value.location })
      : saved.value.downloaded ? t('export:done.downloaded') : t('export:done.picked');
    notify(result.warnings.length > 0 ? 'warning' : 'info', t('export:done.title', { name: saved.value.name }), [where, `${modelText(t, result.summary)}.`, ...result.warnings.map((w) => modelText(t, w))]);
  }, [host, doc, table, notify, t]);

  const open = useCallback(() => setShown(true), []);
  const dialog = shown
    ? <ExportDialog hasWeights={doc.weights !== undefined} hasData={table !== undefined} onExport={(c) => void run(c)} onCancel={() => setShown(false)} />
    : null;
  return { open, dialog };
}
