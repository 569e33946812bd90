/** The Training tab's way into "Step through one row" (the toolbar has the other). */
import { useTranslation } from 'react-i18next';

export function StepThroughButton({ onOpen }: { onOpen(): void }) {
  const { t } = useTranslation();
  return (
    <p className="lb-training-view__step">
      <button type="button" className="lb-button lb-button--small" title={t('learn:openTitle')} onClick={onOpen} data-testid="training-step-through">
        {t('learn:openFromTraining')}
      </button>
    </p>
  );
}
