/**
 * The palette: every node type, in the order a network is read (Input, Linear, activations,
 * Dropout, Add, Concat, Output). Drag an item onto the canvas (the node type travels in
 * dataTransfer), or press Enter / click to add it: after the selected node and connected to it
 * when exactly one node is selected, else in the middle of the view.
 */
import { memo, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTIVATION_TYPES, type NodeType } from '../../core/index.ts';
import { NODE_DRAG_TYPE } from '../canvas/Canvas.tsx';

const GROUPS: { id: 'input' | 'layers' | 'activations' | 'combine' | 'output'; types: readonly NodeType[] }[] = [
  { id: 'input', types: ['input'] },
  { id: 'layers', types: ['linear'] },
  { id: 'activations', types: ACTIVATION_TYPES },
  { id: 'combine', types: ['dropout', 'add', 'concat'] },
  { id: 'output', types: ['output'] },
];

export interface PaletteProps {
  onAdd(type: NodeType): void;
}

function onDragStart(event: DragEvent, type: NodeType) {
  event.dataTransfer.setData(NODE_DRAG_TYPE, type);
  event.dataTransfer.effectAllowed = 'copy';
}

function PaletteView({ onAdd }: PaletteProps) {
  const { t } = useTranslation();
  return (
    <nav className="lb-palette" aria-label={t('panels:palette.label')}>
      <h2 className="lb-panel-title">{t('panels:palette.title')}</h2>
      {GROUPS.map((group) => (
        <section key={group.id} className="lb-palette__group" aria-label={t(`panels:palette.groups.${group.id}`)}>
          <h3 className="lb-palette__group-title">{t(`panels:palette.groups.${group.id}`)}</h3>
          <ul className="lb-palette__list">
            {group.types.map((type) => (
              <li key={type}>
                <button
                  type="button"
                  className={`lb-palette__item lb-palette__item--${type}`}
                  draggable
                  data-node-type={type}
                  aria-label={t('panels:palette.add', { title: t(`panels:nodeTitle.${type}`) })}
                  title={t('panels:palette.itemTitle', { hint: t(`panels:palette.hints.${type}`) })}
                  onDragStart={(e) => onDragStart(e, type)}
                  onClick={() => onAdd(type)}
                >
                  <span className="lb-palette__name">{t(`panels:nodeTitle.${type}`)}</span>
                  <span className="lb-palette__hint">{t(`panels:palette.hints.${type}`)}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}

export const Palette = memo(PaletteView);
