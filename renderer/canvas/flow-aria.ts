/**
 * React Flow's screen-reader texts (the node and edge descriptions, the message after a node is
 * moved with the arrow keys, the zoom controls and the minimap) in the window's language.
 */
import type { AriaLabelConfig } from '@xyflow/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export function useFlowAriaLabels(): Partial<AriaLabelConfig> {
  const { t, i18n } = useTranslation();
  return useMemo(() => ({
    // React Flow's names are the wrong way round: `default` is shown when keyboard a11y is off,
    // `keyboardDisabled` when it is on (the text that mentions the arrow keys).
    'node.a11yDescription.default': t('a11y:flow.nodeDescriptionNoKeys'),
    'node.a11yDescription.keyboardDisabled': t('a11y:flow.nodeDescription'),
    'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }: { direction: string; x: number; y: number }) =>
      t('a11y:flow.moved', { direction: t(`a11y:flow.directions.${direction}`, { defaultValue: direction }), x, y }),
    'edge.a11yDescription.default': t('a11y:flow.edgeDescription'),
    'controls.ariaLabel': t('a11y:flow.controls'),
    'controls.zoomIn.ariaLabel': t('a11y:flow.zoomIn'),
    'controls.zoomOut.ariaLabel': t('a11y:flow.zoomOut'),
    'controls.fitView.ariaLabel': t('a11y:flow.fitView'),
    'controls.interactive.ariaLabel': t('a11y:flow.interactive'),
    'minimap.ariaLabel': t('a11y:flow.minimap'),
    'handle.ariaLabel': t('a11y:flow.handle'),
  }), [t, i18n.language]);
}
