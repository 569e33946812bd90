/**
 * File › Open sample…: the guided samples in their groups, each with its title and what to try,
 * and an Open button. A native modal <dialog> (as ConfirmDialog): focus stays inside, Escape
 * closes. Choosing one only reports it; the app asks about unsaved changes and opens it.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { GUIDED_SAMPLES, SAMPLE_GROUPS, type GuidedSample } from './catalog.ts';

export interface SampleDialogProps {
  onOpen(sample: GuidedSample): void;
  onClose(): void;
}

export function SampleDialog({ onOpen, onClose }: SampleDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="lb-dialog lb-samples" aria-labelledby="lb-samples-title" aria-describedby="lb-samples-intro" data-testid="sample-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}>
      <h2 id="lb-samples-title" className="lb-dialog__title">{t('samples:dialog.title')}</h2>
      <p id="lb-samples-intro" className="lb-muted">{t('samples:dialog.intro')}</p>
      <div className="lb-samples__list">
        {SAMPLE_GROUPS.map((group) => (
          <section key={group} className="lb-samples__group" aria-labelledby={`lb-samples-group-${group}`}>
            <h3 id={`lb-samples-group-${group}`} className="lb-samples__group-title">{t(`samples:groups.${group}`)}</h3>
            <ul>
              {GUIDED_SAMPLES.filter((s) => s.group === group).map((sample) => {
                const title = t(`samples:items.${sample.id}.title`);
                return (
                  <li key={sample.id} className="lb-samples__item" data-sample={sample.id}>
                    <div className="lb-samples__text">
                      <h4 className="lb-samples__title">{title}</h4>
                      <p className="lb-samples__description">{t(`samples:items.${sample.id}.description`)}</p>
                    </div>
                    <button type="button" className="lb-button lb-button--primary" aria-label={t('samples:dialog.openNamed', { title })}
                      onClick={() => onOpen(sample)}>{t('samples:dialog.open')}</button>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
      <div className="lb-button-row lb-dialog__buttons">
        <button type="button" className="lb-button" autoFocus onClick={onClose}>{t('samples:dialog.close')}</button>
      </div>
    </dialog>
  );
}
