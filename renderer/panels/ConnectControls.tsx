/**
 * Connecting layers without a mouse: the inspector lists the selected layer's connections (each
 * can be disconnected) and offers the layers it can take input from or feed, as the `connect`
 * and `deleteElements` commands, so Undo covers them like a drag between handles.
 */
import { memo, useId, useMemo, useRef, useState, type ReactElement, type RefObject } from 'react';
import type { TFunction } from '../../core/i18n/index.ts';
import { useTranslation } from 'react-i18next';
import { edgeId, OPS, type Graph, type GraphEdge } from '../../core/index.ts';
import type { Command } from '../document/commands.ts';
import { acceptsInput, connectSources, connectTargets, producesOutput, type ConnectOption } from '../document/connect-targets.ts';

export interface ConnectControlsProps {
  graph: Graph;
  nodeId: string;
  run(command: Command): void;
}

interface PickerProps {
  label: string;
  buttonLabel: string;
  options: readonly ConnectOption[];
  testId: string;
  onConnect(id: string): void;
  selectRef: RefObject<HTMLSelectElement | null>;
}

/**
 * The `<option>`s of a picker, kept while what they show is unchanged: a 200-layer graph offers
 * ~200 of them, and translating each on every edit of the graph (every keystroke in a parameter
 * field) cost more than the rest of the inspector. An element React gets again is not rendered again.
 */
function useOptionElements(options: readonly ConnectOption[], t: TFunction): ReactElement[] {
  const cache = useRef<{ t: TFunction; byKey: Map<string, ReactElement> }>({ t, byKey: new Map() });
  if (cache.current.t !== t) cache.current = { t, byKey: new Map() };
  const previous = cache.current.byKey;
  const next = new Map<string, ReactElement>();
  const elements = options.map((o) => {
    const key = `${o.id}\u0000${o.label ?? ''}\u0000${o.type}\u0000${o.replaces ?? ''}`;
    let element = previous.get(key);
    if (!element) {
      const name = o.label ? `${o.label} (${o.id})` : o.id;
      const type = OPS[o.type]?.title ?? o.type;
      const text = o.replaces !== undefined ? t('a11y:connect.optionReplaces', { name, type, replaced: o.replaces }) : t('a11y:connect.option', { name, type });
      element = <option key={o.id} value={o.id}>{text}</option>;
    }
    next.set(key, element);
    return element;
  });
  cache.current.byKey = next;
  return elements;
}

const NO_OPTIONS: readonly ConnectOption[] = [];

function ConnectPicker({ label, buttonLabel, options, testId, onConnect, selectRef }: PickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [chosen, setChosen] = useState('');
  // The options are put in the list when it is first focused or pressed (before it opens, and
  // before type-ahead reads them), not when a layer is selected: on a 200-layer graph the two
  // lists are ~400 elements that selecting a layer would otherwise build, and that every later
  // style, layout and hit test of the window would walk, for a list most selections never open.
  const [listed, setListed] = useState(false);
  const list = () => setListed(true);
  const valid = options.some((o) => o.id === chosen);
  if (chosen !== '' && !valid) setChosen('');
  const optionElements = useOptionElements(listed ? options : NO_OPTIONS, t);
  return (
    <div className="lb-field lb-connect__picker">
      {options.length === 0 ? (
        <>
          <span className="lb-field__label">{label}</span>
          <p className="lb-muted lb-connect__none">{t('a11y:connect.none')}</p>
        </>
      ) : (
        <div className="lb-connect__row">
          <label htmlFor={id} className="lb-field__label">{label}</label>
          <select id={id} ref={selectRef} className="lb-input" value={chosen} data-testid={`${testId}-select`} data-listed={listed}
            onFocus={list} onPointerDown={list} onChange={(e) => setChosen(e.target.value)}>
            <option value="">{t('a11y:connect.choose')}</option>
            {optionElements}
          </select>
          <button type="button" className="lb-button" aria-label={buttonLabel} data-testid={`${testId}-button`} disabled={!valid}
            onClick={() => {
              if (!valid) return;
              onConnect(chosen);
              setChosen('');
              // The button is disabled once nothing is chosen: give focus back to the list.
              selectRef.current?.focus();
            }}>
            {t('a11y:connect.connect')}
          </button>
        </div>
      )}
    </div>
  );
}

/** Whether the lists would be the same for `a` as for `b`: the same edges, node ids, types and labels. */
function sameConnectShape(a: Graph, b: Graph): boolean {
  if (a === b) return true;
  if (a.edges !== b.edges || a.nodes.length !== b.nodes.length) return false;
  return a.nodes.every((n, i) => n === b.nodes[i] || (n.id === b.nodes[i].id && n.type === b.nodes[i].type && n.label === b.nodes[i].label));
}

/**
 * The graph as the connect lists see it, kept while only parameters or positions change: typing
 * a width then does not walk a 200-node graph twice more per keystroke (the lists, their ids,
 * types, labels and replaced inputs depend on nothing else).
 */
function useConnectShape(graph: Graph): Graph {
  const [kept, setKept] = useState(graph);
  if (kept !== graph && !sameConnectShape(kept, graph)) {
    setKept(graph);
    return graph;
  }
  return kept;
}

function ConnectControlsView({ graph, nodeId, run }: ConnectControlsProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const node = graph.nodes.find((n) => n.id === nodeId);
  const shape = useConnectShape(graph);
  const sources = useMemo(() => connectSources(shape, nodeId), [shape, nodeId]);
  const targets = useMemo(() => connectTargets(shape, nodeId), [shape, nodeId]);
  const inputRef = useRef<HTMLSelectElement>(null);
  const outputRef = useRef<HTMLSelectElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  if (!node) return null;
  const incoming = graph.edges.filter((e) => e.to === nodeId);
  const outgoing = graph.edges.filter((e) => e.from === nodeId);
  const takesInput = acceptsInput(node);
  const givesOutput = producesOutput(node);

  const disconnect = (edge: GraphEdge, after: RefObject<HTMLSelectElement | null>) => {
    run({ name: 'deleteElements', args: { edgeIds: [edgeId(edge)] } });
    // The pressed button goes away with its edge: focus stays in this section.
    (after.current ?? headingRef.current)?.focus();
  };
  const edgeList = (edges: readonly GraphEdge[], title: string, after: RefObject<HTMLSelectElement | null>) =>
    edges.length > 0 && (
      <>
        <h4 className="lb-connect__subtitle">{title}</h4>
        <ul className="lb-connect__edges">
          {edges.map((e, i) => (
            <li key={`${edgeId(e)}:${i}`}>
              <span>{t('a11y:connect.edge', { from: e.from, to: e.to })}</span>
              <button type="button" className="lb-button lb-button--small" aria-label={t('a11y:connect.disconnectLabel', { from: e.from, to: e.to })}
                onClick={() => disconnect(e, after)}>
                {t('a11y:connect.disconnect')}
              </button>
            </li>
          ))}
        </ul>
      </>
    );

  return (
    <section className="lb-connect" aria-labelledby={headingId} data-testid="connect-controls">
      <h3 id={headingId} ref={headingRef} tabIndex={-1} className="lb-connect__title">{t('a11y:connect.title')}</h3>
      {takesInput && edgeList(incoming, t('a11y:connect.inputs'), inputRef)}
      {givesOutput && edgeList(outgoing, t('a11y:connect.outputs'), outputRef)}
      {takesInput && (
        <ConnectPicker key={`input:${nodeId}`} label={t('a11y:connect.inputFrom')} buttonLabel={t('a11y:connect.connectInputLabel', { id: nodeId })} options={sources}
          testId="connect-input" selectRef={inputRef} onConnect={(from) => run({ name: 'connect', args: { from, to: nodeId } })} />
      )}
      {givesOutput && (
        <ConnectPicker key={`output:${nodeId}`} label={t('a11y:connect.outputTo')} buttonLabel={t('a11y:connect.connectOutputLabel', { id: nodeId })} options={targets}
          testId="connect-output" selectRef={outputRef} onConnect={(to) => run({ name: 'connect', args: { from: nodeId, to } })} />
      )}
    </section>
  );
}

export const ConnectControls = memo(ConnectControlsView);
