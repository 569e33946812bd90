/**
 * F6 and Shift+F6 move the focus between the window's parts, as in VS Code and most desktop
 * apps, so a keyboard user does not Tab through every node of the canvas to reach the
 * inspector: menu bar, toolbar, training bar, palette, tabs, the open view (canvas, Data or
 * Training), problems, inspector, data panel, training settings. A part is entered at its
 * selected layer (the canvas) or its first control.
 */
import { useEffect } from 'react';

/** The parts, in the window's reading order (which is also their order in the DOM). */
export const REGION_SELECTORS = [
  '.lb-menubar',
  '.lb-toolbar',
  '.lb-trainbar',
  '.lb-palette',
  '.lb-tabs',
  '.lb-canvas',
  '.lb-view--overlay',
  '.lb-problems',
  '.lb-inspector',
  '.lb-sidebar .lb-data:not(.lb-settings)',
  '.lb-settings',
] as const;

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function visible(el: Element): boolean {
  return el.checkVisibility ? el.checkVisibility({ visibilityProperty: true }) : true;
}

/** The parts on screen now, in order. */
export function visibleRegions(root: ParentNode = document): HTMLElement[] {
  const all = root.querySelectorAll<HTMLElement>(REGION_SELECTORS.join(', '));
  return [...all].filter(visible);
}

function entryPoint(region: HTMLElement): HTMLElement {
  if (region.matches('.lb-canvas')) {
    const node = region.querySelector<HTMLElement>('.react-flow__node.selected') ?? region.querySelector<HTMLElement>('.react-flow__node');
    if (node) return node;
  }
  // tabIndex -1 marks a control reached otherwise (the tabs other than the selected one).
  const first = [...region.querySelectorAll<HTMLElement>(FOCUSABLE)].find((el) => el.tabIndex >= 0 && visible(el));
  if (first) return first;
  if (!region.hasAttribute('tabindex')) region.tabIndex = -1;
  return region;
}

/** Moves focus to the next (or previous) part from the one holding it; returns the element focused. */
export function focusNextRegion(backwards: boolean, root: ParentNode = document): HTMLElement | null {
  const regions = visibleRegions(root);
  if (regions.length === 0) return null;
  const active = document.activeElement;
  const at = regions.findIndex((r) => active !== null && r.contains(active));
  const next = at < 0 ? (backwards ? regions.length - 1 : 0) : (at + (backwards ? -1 : 1) + regions.length) % regions.length;
  const target = entryPoint(regions[next]);
  target.focus();
  return target;
}

/** Installs F6 / Shift+F6 on the window. */
export function useRegionCycling(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'F6' || event.ctrlKey || event.altKey || event.metaKey) return;
      if (document.querySelector('dialog[open]')) return; // a modal dialog keeps the focus
      event.preventDefault();
      focusNextRegion(event.shiftKey);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
