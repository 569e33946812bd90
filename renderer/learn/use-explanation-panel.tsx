/**
 * The App's side of explanations: which one is open, and where focus goes when it closes.
 * App wraps its tree in `<ExplainContext.Provider value={explain}>` and renders `panel`.
 */
import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { Fix } from '../../core/index.ts';
import type { Explain } from './explain-context.ts';
import { ExplanationPanel } from './ExplanationPanel.tsx';
import type { ExplainTarget } from './explanations.ts';

export function useExplanationPanel(applyFix: (fix: Fix, nodeId?: string) => void): { explain: Explain; panel: ReactNode } {
  const [target, setTarget] = useState<ExplainTarget | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const explain = useCallback<Explain>((next, from) => {
    opener.current = from ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null);
    setTarget(next);
  }, []);
  const close = useCallback(() => {
    setTarget(null);
    const back = opener.current;
    opener.current = null;
    // After the dialog has left the DOM; a button that went away with a fix cannot take focus.
    requestAnimationFrame(() => {
      if (back?.isConnected) back.focus();
    });
  }, []);
  const panel = target ? <ExplanationPanel key={`${target.code}:${target.nodeId ?? ''}`} target={target} onClose={close} applyFix={applyFix} /> : null;
  return { explain, panel };
}
