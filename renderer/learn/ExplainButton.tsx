/**
 * The small "?" beside a diagnostic or a health signal: opens its explanation, and the panel
 * gives focus back to this button when it closes.
 */
import { useTranslation } from 'react-i18next';
import { useExplain } from './explain-context.ts';
import { isExplained, type ExplainTarget } from './explanations.ts';
import './learn.css';

export function ExplainButton({ target, className }: { target: ExplainTarget; className?: string }) {
  const explain = useExplain();
  const { t } = useTranslation();
  if (!explain || !isExplained(target.code)) return null;
  const label = t('explain:panel.open', { code: target.code });
  return (
    <button type="button" className={`lb-why nodrag ${className ?? ''}`} aria-label={label} title={label} data-explain={target.code}
      onClick={(event) => {
        event.stopPropagation();
        explain(target, event.currentTarget);
      }}>
      ?
    </button>
  );
}
