/**
 * The toolbar's "Step through" button and its panel, wired with a few lines in App: the panel
 * follows the current project and data, highlights each step's node on the canvas by selecting
 * it, and gives focus back to the button when it closes.
 */
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CsvTable, Project } from '../../core/index.ts';
import StepThrough from './StepThrough.tsx';

/** `showNetwork` brings the Network tab forward: the panel lives under the canvas. */
export function useStepThrough(doc: Project, table: CsvTable | undefined, selectNode: (nodeId: string, centre: boolean) => void, showNetwork: () => void): { button: ReactNode; panel: ReactNode; open(): void } {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => {
    setOpen(false);
    requestAnimationFrame(() => opener.current?.focus());
  }, []);
  const openPanel = useCallback(() => {
    showNetwork();
    setOpen(true);
  }, [showNetwork]);
  const highlight = useCallback((nodeId: string) => selectNode(nodeId, true), [selectNode]);
  const button = (
    <button ref={opener} type="button" className="lb-button" aria-pressed={open} onClick={() => {
        if (!open) showNetwork();
        setOpen(!open);
      }} title={t('learn:openTitle')} data-testid="open-step-through">
      {t('learn:open')}
    </button>
  );
  const panel = open ? <StepThrough doc={doc} table={table} onClose={close} onHighlight={highlight} /> : null;
  return { button, panel, open: openPanel };
}
