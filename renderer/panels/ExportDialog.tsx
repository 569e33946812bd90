/**
 * File › Export…: the same choices as `layerboard export` (docs/export.md): the format, and for a
 * PyTorch script the weights it starts from. The caller makes the file and saves it through the
 * host; this only asks.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS, SCRIPT_WEIGHTS, type ExportFormat } from '../../core/export/formats.ts';
import type { ScriptWeights } from '../../core/export/pytorch-script.ts';

export interface ExportChoice {
  format: ExportFormat;
  weights: ScriptWeights;
}

export interface ExportDialogProps {
  hasWeights: boolean;
  hasData: boolean;
  onExport(choice: ExportChoice): void;
  onCancel(): void;
}

const isScript = (format: ExportFormat) => format === 'pytorch' || format === 'pytorch-ddp';

export function ExportDialog({ hasWeights, hasData, onExport, onCancel }: ExportDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const [format, setFormat] = useState<ExportFormat>(hasWeights ? 'onnx' : 'pytorch');
  const [weights, setWeights] = useState<ScriptWeights>(hasWeights ? 'trained' : 'initial');
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const needsTraining = !hasWeights && (!isScript(format) || weights === 'trained');
  const needsData = !hasData && (isScript(format) || format === 'predictions');
  return (
    <dialog ref={ref} className="lb-dialog lb-export" aria-labelledby="lb-export-title" data-testid="export-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}>
      <h2 id="lb-export-title" className="lb-dialog__title">{t('export:dialog.title')}</h2>
      <fieldset className="lb-export__formats">
        <legend>{t('export:dialog.format')}</legend>
        {EXPORT_FORMATS.map((f) => (
          <label key={f} className="lb-export__format">
            <input type="radio" name="lb-export-format" value={f} checked={format === f} onChange={() => setFormat(f)} data-format={f} />
            <span>
              <strong>{t(`export:format.${f}.title`)}</strong>
              <span className="lb-muted"> {t(`export:format.${f}.about`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {isScript(format) && (
        <label className="lb-export__weights">
          {t('export:dialog.weights')}
          <select value={weights} onChange={(e) => setWeights(e.target.value as ScriptWeights)} data-testid="export-weights">
            {SCRIPT_WEIGHTS.map((w) => (
              <option key={w} value={w} disabled={w === 'trained' && !hasWeights}>{t(`export:weights.${w}`)}</option>
            ))}
          </select>
        </label>
      )}
      {needsTraining && <p className="lb-muted" role="note">{t('export:dialog.needsTraining')}</p>}
      {!needsTraining && needsData && <p className="lb-muted" role="note">{t('export:dialog.needsData')}</p>}
      <div className="lb-button-row lb-dialog__buttons">
        <button type="button" className="lb-button lb-button--primary" disabled={needsTraining || needsData} onClick={() => onExport({ format, weights })}>
          {t('export:dialog.export')}
        </button>
        <button type="button" className="lb-button" onClick={onCancel}>{t('export:dialog.cancel')}</button>
      </div>
    </dialog>
  );
}
