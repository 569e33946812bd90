/**
 * The palette: every node type, in the order a network is read (Input, Linear, activations,
 * Dropout, Add, Concat, Output). Drag an item onto the canvas (the node type travels in
 * dataTransfer), or press Enter / click to add it: after the selected node and connected to it
 * when exactly one node is selected, else in the middle of the view.
 */
import { memo, type DragEvent } from 'react';
import { ACTIVATION_TYPES, OPS, type NodeType } from '../../core/index.ts';
import { NODE_DRAG_TYPE } from '../canvas/Canvas.tsx';

const HINTS: Record<NodeType, string> = {
  input: 'The feature columns of a row: the network’s input',
  linear: 'y = x·Wᵀ + b (nn.Linear)',
  relu: 'max(0, x)',
  leakyRelu: 'x, or slope·x below zero',
  sigmoid: '1 / (1 + e⁻ˣ)',
  tanh: 'tanh(x)',
  elu: 'x, or α(eˣ − 1) below zero',
  gelu: 'x·Φ(x)',
  softplus: 'log(1 + e^(βx)) / β',
  silu: 'x·sigmoid(x)',
  dropout: 'Zeroes values at random while training',
  add: 'Sums its inputs element-wise (equal widths)',
  concat: 'Joins its inputs side by side, in edge order',
  output: 'The prediction, compared with the target by a loss',
};

const GROUPS: { label: string; types: readonly NodeType[] }[] = [
  { label: 'Input', types: ['input'] },
  { label: 'Layers', types: ['linear'] },
  { label: 'Activations', types: ACTIVATION_TYPES },
  { label: 'Regularise and combine', types: ['dropout', 'add', 'concat'] },
  { label: 'Output', types: ['output'] },
];

export interface PaletteProps {
  onAdd(type: NodeType): void;
}

function onDragStart(event: DragEvent, type: NodeType) {
  event.dataTransfer.setData(NODE_DRAG_TYPE, type);
  event.dataTransfer.effectAllowed = 'copy';
}

function PaletteView({ onAdd }: PaletteProps) {
  return (
    <nav className="lb-palette" aria-label="Layer palette">
      <h2 className="lb-panel-title">Layers</h2>
      {GROUPS.map((group) => (
        <section key={group.label} className="lb-palette__group" aria-label={group.label}>
          <h3 className="lb-palette__group-title">{group.label}</h3>
          <ul className="lb-palette__list">
            {group.types.map((type) => (
              <li key={type}>
                <button
                  type="button"
                  className={`lb-palette__item lb-palette__item--${type}`}
                  draggable
                  data-node-type={type}
                  aria-label={`Add ${OPS[type].title}`}
                  title={`${HINTS[type]}. Drag onto the canvas, or press Enter.`}
                  onDragStart={(e) => onDragStart(e, type)}
                  onClick={() => onAdd(type)}
                >
                  <span className="lb-palette__name">{OPS[type].title}</span>
                  <span className="lb-palette__hint">{HINTS[type]}</span>
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
