/**
 * "Recover unsaved work": the recovery copies an earlier session left (it crashed, or was
 * closed or killed before saving), one row each with the project's name, its file and when the
 * copy was made, and Restore / Discard. "Decide later" leaves every copy where it is.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface RecoveryOffer {
  id: string;
  projectName: string;
  fileName: string | null;
  savedAt: number;
}

export interface RecoveryDialogProps {
  offers: readonly RecoveryOffer[];
  onRestore(id: string): void;
  onDiscard(id: string): void;
  onLater(): void;
}

export function RecoveryDialog({ offers, onRestore, onDiscard, onLater }: RecoveryDialogProps) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="lb-dialog lb-recovery" aria-labelledby="lb-recovery-title" data-testid="recovery-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onLater();
      }}>
      <h2 id="lb-recovery-title" className="lb-dialog__title">{t('recovery:dialog.title')}</h2>
      <p>{t('recovery:dialog.intro', { count: offers.length })}</p>
      <ul className="lb-recovery__list">
        {offers.map((offer, index) => (
          <li key={offer.id} className="lb-recovery__item" data-testid="recovery-copy">
            <div>
              <strong>{offer.projectName.trim() || t('recovery:dialog.untitled')}</strong>
              <div className="lb-muted">{offer.fileName ? t('recovery:dialog.file', { file: offer.fileName }) : t('recovery:dialog.noFile')}</div>
              <div className="lb-muted">{t('recovery:dialog.savedAt', { time: new Date(offer.savedAt).toLocaleString(i18n.language) })}</div>
            </div>
            <div className="lb-button-row">
              <button type="button" className="lb-button lb-button--primary" autoFocus={index === 0} onClick={() => onRestore(offer.id)}>{t('recovery:dialog.restore')}</button>
              <button type="button" className="lb-button lb-button--danger" onClick={() => onDiscard(offer.id)}>{t('recovery:dialog.discard')}</button>
            </div>
          </li>
        ))}
      </ul>
      <div className="lb-button-row lb-dialog__buttons">
        <button type="button" className="lb-button" onClick={onLater}>{t('recovery:dialog.later')}</button>
      </div>
    </dialog>
  );
}
