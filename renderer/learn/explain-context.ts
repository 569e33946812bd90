/**
 * Opens the explanation panel from anywhere (a node on the canvas, a row of the problems list, a
 * health signal in the Training tab) without threading callbacks through memoised components.
 * Null where no panel is mounted: the "Why?" buttons are then left out.
 */
import { createContext, useContext } from 'react';
import type { ExplainTarget } from './explanations.ts';

export type Explain = (target: ExplainTarget, opener?: HTMLElement | null) => void;

export const ExplainContext = createContext<Explain | null>(null);

export function useExplain(): Explain | null {
  return useContext(ExplainContext);
}
