/**
 * One explanation: what a diagnostic or a training signal means, why it happens and how to fix
 * it, in the lecture's concepts (the `explain` catalogs), with the node it concerns, the message
 * as it was shown, and core's one-click fix when there is one. A native modal <dialog>: focus
 * stays inside, Escape closes, and focus goes back to the button that opened it.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { diagnosticText, fixText, healthText, type Fix } from '../../core/index.ts';
import type { ExplainTarget } from './explanations.ts';
import './learn.css';

export interface ExplanationPanelProps {
  target: ExplainTarget;
  onClose(): void;
  applyFix(fix: Fix, nodeId?: string): void;
}

export function ExplanationPanel({ target, onClose, applyFix }: ExplanationPanelProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const key = (section: string) => `explain:codes.${target.code}.${section}`;
  const where = target.nodeId ?? target.edgeId;
  const message = target.diagnostic ? diagnosticText(t, target.diagnostic).message : target.signal ? healthText(t, target.signal) : target.message;
  return (
    <dialog ref={ref} className="lb-dialog lb-explain" aria-labelledby="lb-explain-title" data-testid="explanation" data-code={target.code}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}>
      <h2 id="lb-explain-title" className="lb-dialog__title">
        <span className="lb-explain__code">{target.code}</span> {t(key('title'))}
      </h2>
      <p className="lb-explain__where">
        <span className="lb-muted">{t('explain:panel.node')}: </span>
        <code data-testid="explanation-node">{where ?? t('explain:panel.wholeGraph')}</code>
      </p>
      {message && <p className="lb-explain__message lb-muted">{message}</p>}
      <section className="lb-explain__section" aria-labelledby="lb-explain-what">
        <h3 id="lb-explain-what">{t('explain:panel.what')}</h3>
        <p>{t(key('what'))}</p>
      </section>
      <section className="lb-explain__section" aria-labelledby="lb-explain-why">
        <h3 id="lb-explain-why">{t('explain:panel.why')}</h3>
        <p>{t(key('why'))}</p>
      </section>
      <section className="lb-explain__section" aria-labelledby="lb-explain-fix">
        <h3 id="lb-explain-fix">{t('explain:panel.fix')}</h3>
        <p>{t(key('fix'))}</p>
      </section>
      <div className="lb-button-row lb-dialog__buttons">
        {target.fix && (
          <button type="button" className="lb-button lb-button--primary" onClick={() => {
            applyFix(target.fix!.patch, target.nodeId);
            onClose();
          }}>
            {t('explain:panel.applyFix', { label: fixText(t, target.fix) })}
          </button>
        )}
        <button type="button" className="lb-button" autoFocus onClick={onClose}>{t('explain:panel.close')}</button>
      </div>
    </dialog>
  );
}
