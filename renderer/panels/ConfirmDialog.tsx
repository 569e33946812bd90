/**
 * "Save changes first?" before a project is replaced: the one question asked before work could
 * be lost. A native modal <dialog> traps focus and closes on Escape (as Cancel).
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export type ConfirmChoice = 'save' | 'discard' | 'cancel';

export interface ConfirmDialogProps {
  title: string;
  message: string;
  onChoose(choice: ConfirmChoice): void;
}

export function ConfirmDialog({ title, message, onChoose }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    // The dialog is unmounted rather than closed, so the browser does not give the focus back itself.
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (before?.isConnected) before.focus();
    };
  }, []);
  return (
    <dialog ref={ref} className="lb-dialog" aria-modal="true" aria-labelledby="lb-dialog-title" aria-describedby="lb-dialog-message"
      onCancel={(e) => {
        e.preventDefault();
        onChoose('cancel');
      }}>
      <h2 id="lb-dialog-title" className="lb-dialog__title">{title}</h2>
      <p id="lb-dialog-message">{message}</p>
      <div className="lb-button-row lb-dialog__buttons">
        <button type="button" className="lb-button lb-button--primary" autoFocus onClick={() => onChoose('save')}>{t('panels:confirm.save')}</button>
        <button type="button" className="lb-button lb-button--danger" onClick={() => onChoose('discard')}>{t('panels:confirm.discard')}</button>
        <button type="button" className="lb-button" onClick={() => onChoose('cancel')}>{t('panels:confirm.cancel')}</button>
      </div>
    </dialog>
  );
}
