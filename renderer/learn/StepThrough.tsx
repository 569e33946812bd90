/**
 * Step through one row: pick a data row, then go one layer at a time, forward (the numbers on
 * every edge, up to the prediction and the row's loss) and backward (the gradient on every edge
 * and parameter, with the chain-rule product that made it). Every number is read off core's
 * plan by `traceRow` (step-through.ts); nothing here computes a value of the network.
 *
 * A non-modal panel under the canvas (the Network view), so the graph stays in view: the current step's
 * node is selected and centred there. Escape closes it and focus returns to the button that opened it.
 */
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isActivation, modelText, type CsvTable, type Project } from '../../core/index.ts';
import { formatNumber } from '../i18n/i18n.ts';
import { prepareStepThrough, stepsOf, traceDatasetRow, truncated, type Step, type TracedRow } from './step-through.ts';
import './learn.css';

export interface StepThroughProps {
  doc: Project;
  table: CsvTable | undefined;
  onClose(): void;
  /** Shows the node of the current step on the canvas. */
  onHighlight(nodeId: string): void;
}

const SHOWN = 6;
const EXAMPLES = 3;

function useNumber(): (v: number) => string {
  const { i18n } = useTranslation();
  return (v: number) => {
    if (!Number.isFinite(v)) return String(v);
    const a = Math.abs(v);
    if (a !== 0 && (a >= 1e5 || a < 1e-3)) return v.toExponential(3);
    return formatNumber(v, i18n.language, { maximumSignificantDigits: 4 });
  };
}

/** A vector: the first few values, the rest on request. The full values are in `data-values`. */
function Vector({ values, testId }: { values: readonly number[]; testId?: string }) {
  const { t } = useTranslation();
  const fmt = useNumber();
  const [open, setOpen] = useState(false);
  const { shown, hidden } = open ? { shown: values, hidden: 0 } : truncated(values, SHOWN);
  return (
    <span className="lb-vec" data-testid={testId} data-values={JSON.stringify(values)}>
      [{shown.map((v) => fmt(v)).join(', ')}{hidden > 0 ? ', …' : ''}]
      {hidden > 0 && <button type="button" className="lb-vec__more" onClick={() => setOpen(true)}>{t('learn:more', { count: hidden })}</button>}
      {open && values.length > SHOWN && <button type="button" className="lb-vec__more" onClick={() => setOpen(false)}>{t('learn:less')}</button>}
    </span>
  );
}

function Matrix({ rows, testId }: { rows: readonly number[][]; testId?: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const shown = open ? rows : rows.slice(0, 4);
  return (
    <span className="lb-matrix" data-testid={testId}>
      {shown.map((row, o) => <span key={o} className="lb-matrix__row"><Vector values={row} /></span>)}
      {!open && rows.length > shown.length && (
        <button type="button" className="lb-vec__more" onClick={() => setOpen(true)}>{t('learn:more', { count: rows.length - shown.length })}</button>
      )}
    </span>
  );
}

/** Whether the target's scaling leaves these values as they are (no target scaling): then one line says it. */
function sameValues(units: readonly number[] | null, scaled: readonly number[]): boolean {
  return units !== null && units.every((u, j) => Math.abs(u - scaled[j]) <= 1e-9 * Math.max(1, Math.abs(u)));
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="lb-step__field">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function ForwardDetail({ step, traced, doc }: { step: Extract<Step, { phase: 'forward' }>; traced: TracedRow; doc: Project }) {
  const { t } = useTranslation();
  const fmt = useNumber();
  const f = step.forward;
  if (f.type === 'output') {
    const units = traced.predictionInUnits;
    const targetName = doc.data.targets.join(', ');
    return (
      <>
        <p>{t('learn:forwardText.output')}</p>
        <dl>
          <Field label={t('learn:prediction')}>
            {units && <span data-testid="step-prediction" data-value={units[0]}>{units.map(fmt).join(', ')} <span className="lb-muted">({t('learn:inUnits', { name: targetName })})</span></span>}
            {!sameValues(units, traced.trace.prediction) && <div><Vector values={traced.trace.prediction} testId="step-prediction-scaled" /> <span className="lb-muted">({t('learn:scaled')})</span></div>}
          </Field>
          <Field label={t('learn:target')}>
            {traced.targetInUnits && <span data-testid="step-target" data-value={traced.targetInUnits[0]}>{traced.targetInUnits.map(fmt).join(', ')} </span>}
            {!sameValues(traced.targetInUnits, traced.target) && <Vector values={traced.target} />}
          </Field>
          <Field label={t('learn:loss')}>
            <span data-testid="step-loss" data-value={traced.trace.loss}>{fmt(traced.trace.loss)}</span>
          </Field>
        </dl>
      </>
    );
  }
  const kind = f.type === 'input' ? 'input' : f.type === 'linear' ? 'linear' : isActivation(f.type) ? 'activation' : 'other';
  return (
    <>
      <p>{t(`learn:forwardText.${kind}`)}</p>
      <dl>
        {f.inputs.map((input, i) => (
          <Field key={i} label={`${t('learn:forwardText.input_label')} ${kind === 'activation' ? 'z' : 'x'}${f.inputs.length > 1 ? i + 1 : ''}`}><Vector values={input} /></Field>
        ))}
        <Field label={`${t('learn:forwardText.output_label')} ${kind === 'activation' ? 'a' : kind === 'input' ? 'x' : 'y'}`}><Vector values={f.output} testId="step-output" /></Field>
      </dl>
    </>
  );
}

function BackwardDetail({ step, traced, doc }: { step: Extract<Step, { phase: 'backward' }>; traced: TracedRow; doc: Project }) {
  const { t } = useTranslation();
  const fmt = useNumber();
  const b = step.backward;
  if (b.kind === 'output') {
    const output = doc.graph.nodes.find((n) => n.id === b.nodeId);
    const mse = output?.type === 'output' && output.loss === 'mse';
    const n = b.dPrediction.length;
    return (
      <>
        <p>{t('learn:backwardText.output')}</p>
        {mse && (
          <p className="lb-step__formula">
            {t('learn:backwardText.mse')}
            {b.dPrediction.slice(0, EXAMPLES).map((g, j) => (
              <span key={j} className="lb-step__example"> {t('learn:backwardText.example')} 2 × ({fmt(traced.trace.prediction[j])} − {fmt(traced.target[j])}) / {n} = {fmt(g)}</span>
            ))}
          </p>
        )}
        <dl>
          <Field label={t('learn:loss')}>{fmt(b.loss)}</Field>
          <Field label="dL/dŷ"><Vector values={b.dPrediction} testId="step-gradient" /></Field>
        </dl>
      </>
    );
  }
  if (b.kind === 'activation') {
    return (
      <>
        <p>{t('learn:backwardText.activation')}</p>
        <p className="lb-step__formula">
          {b.dInput.slice(0, EXAMPLES).map((g, j) => (
            <span key={j} className="lb-step__example">dL/dz[{j}] = {fmt(b.upstream[j])} × {fmt(b.localDerivative[j])} = {fmt(g)}</span>
          ))}
        </p>
        <dl>
          <Field label={t('learn:backwardText.upstream')}><Vector values={b.upstream} /></Field>
          <Field label={t('learn:backwardText.localDerivative')}><Vector values={b.localDerivative} /></Field>
          <Field label={t('learn:backwardText.dInputActivation')}><Vector values={b.dInput} testId="step-gradient" /></Field>
        </dl>
      </>
    );
  }
  if (b.kind === 'linear') {
    const x = traced.trace.forward.find((s) => s.nodeId === b.nodeId)?.inputs[0] ?? [];
    const examples: [number, number][] = [];
    for (let o = 0; o < b.dWeight.length && examples.length < EXAMPLES; o++) {
      for (let k = 0; k < b.dWeight[o].length && examples.length < EXAMPLES; k++) examples.push([o, k]);
    }
    return (
      <>
        <p>{t('learn:backwardText.linear')}</p>
        <p className="lb-step__formula">
          {examples.map(([o, k]) => (
            <span key={`${o}:${k}`} className="lb-step__example">dL/dW[{o}][{k}] = dL/dy[{o}] · x[{k}] = {fmt(b.upstream[o])} × {fmt(x[k])} = {fmt(b.dWeight[o][k])}</span>
          ))}
        </p>
        <dl>
          <Field label="dL/dy"><Vector values={b.upstream} /></Field>
          <Field label={t('learn:backwardText.dWeight')}><Matrix rows={b.dWeight} testId="step-gradient-weight" /></Field>
          {b.dBias && <Field label={t('learn:backwardText.dBias')}><Vector values={b.dBias} /></Field>}
          <Field label={t('learn:backwardText.dInput')}>
            {b.dInput ? <Vector values={b.dInput} testId="step-gradient" /> : <span className="lb-muted">{t('learn:backwardText.noDInput')}</span>}
          </Field>
        </dl>
      </>
    );
  }
  return (
    <>
      <p>{t('learn:backwardText.other')}</p>
      <dl><Field label="dL/dy"><Vector values={b.upstream} testId="step-gradient" /></Field></dl>
    </>
  );
}

/** A short preview of what a step puts on its edge, for the list. */
function preview(step: Step): readonly number[] {
  if (step.phase === 'forward') return step.forward.output;
  const b = step.backward;
  return b.kind === 'output' ? b.dPrediction : b.kind === 'other' ? b.upstream : b.dInput ?? b.upstream;
}

export default function StepThrough({ doc, table, onClose, onHighlight }: StepThroughProps) {
  const { t } = useTranslation();
  const fmt = useNumber();
  const ref = useRef<HTMLElement>(null);
  const [row, setRow] = useState(0);
  const [rowText, setRowText] = useState('1');
  const [index, setIndex] = useState(0);

  const { graph, data, weights, training } = doc;
  const prepared = useMemo(
    () => (table ? prepareStepThrough({ ...doc, graph, data, weights, training }, table) : null),
    // The rest of the project (positions aside, names) does not change the numbers.
    [table, graph, data, weights, training.seed],
  );
  const session = prepared?.type === 'ok' ? prepared.session : null;
  const n = session?.dataset.n ?? 0;
  const traced = useMemo(() => (session ? traceDatasetRow(session, Math.min(row, session.dataset.n - 1)) : null), [session, row]);
  const steps = useMemo(() => (traced ? stepsOf(traced.trace) : []), [traced]);
  const current = steps[Math.min(index, steps.length - 1)];
  const lossIndex = steps.findIndex((s) => s.phase === 'forward' && s.forward.type === 'output');

  useEffect(() => ref.current?.focus(), []);
  useEffect(() => {
    if (current) onHighlight(current.nodeId);
  }, [current?.nodeId, onHighlight]);

  const goRow = (next: number) => {
    const r = Math.max(0, Math.min(n - 1, next));
    setRow(r);
    setRowText(String(r + 1));
  };

  return (
    <section ref={ref} className="lb-step" role="dialog" aria-modal="false" aria-labelledby="lb-step-title" tabIndex={-1} data-testid="step-through"
      data-step={index} data-phase={current?.phase} data-node={current?.nodeId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}>
      <header className="lb-step__header">
        <h2 id="lb-step-title" className="lb-panel-title">{t('learn:title')}</h2>
        {session && (
          <div className="lb-step__row">
            <label>
              {t('learn:row')}{' '}
              <input type="number" min={1} max={n} value={rowText} data-testid="step-row" aria-describedby="lb-step-rowof"
                onChange={(e) => {
                  setRowText(e.target.value);
                  const v = Number(e.target.value);
                  if (Number.isInteger(v) && v >= 1 && v <= n) setRow(v - 1);
                }} />
            </label>
            <span id="lb-step-rowof" className="lb-muted">{t('learn:rowOf', { count: n })}</span>
            <button type="button" className="lb-button lb-button--small" aria-label={t('learn:previousRow')} disabled={row === 0} onClick={() => goRow(row - 1)}>‹</button>
            <button type="button" className="lb-button lb-button--small" aria-label={t('learn:nextRow')} disabled={row >= n - 1} onClick={() => goRow(row + 1)}>›</button>
            <span className="lb-muted">{t('learn:csvRow', { row: session.sourceRows[row] + 1 })}</span>
          </div>
        )}
        <button type="button" className="lb-notice__close" aria-label={t('learn:close')} onClick={onClose}>×</button>
      </header>
      {!table ? (
        <p className="lb-muted" role="status">{t('learn:noData')}</p>
      ) : prepared?.type === 'error' ? (
        <p className="lb-muted" role="status">{modelText(t, prepared)}</p>
      ) : session && traced && current ? (
        <>
          <div className="lb-step__controls">
            <button type="button" className="lb-button lb-button--small" disabled={index === 0} onClick={() => setIndex(0)}>{t('learn:first')}</button>
            <button type="button" className="lb-button" disabled={index === 0} onClick={() => setIndex(index - 1)} data-testid="step-back">{t('learn:back')}</button>
            <button type="button" className="lb-button lb-button--primary" disabled={index >= steps.length - 1} onClick={() => setIndex(index + 1)} data-testid="step-forward">{t('learn:forward')}</button>
            <button type="button" className="lb-button lb-button--small" onClick={() => setIndex(lossIndex)}>{t('learn:toLoss')}</button>
            <button type="button" className="lb-button lb-button--small" disabled={index >= steps.length - 1} onClick={() => setIndex(steps.length - 1)}>{t('learn:last')}</button>
            <span className="lb-muted" aria-live="polite">
              {t('learn:stepOf', { step: index + 1, count: steps.length })} · {t(`learn:phase.${current.phase}`)} · <code>{current.nodeId}</code>
            </span>
            <span className="lb-muted lb-step__weights">{session.weights === 'saved' ? t('learn:weightsSaved') : t('learn:weightsInitial', { seed: doc.training.seed })}</span>
          </div>
          <div className="lb-step__body">
            <ol className="lb-step__list" aria-label={t('learn:steps')}>
              {steps.map((s, i) => (
                <li key={`${s.phase}:${s.nodeId}`} className={`lb-step__item lb-step__item--${s.phase}${i === index ? ' lb-step__item--current' : ''}${i > index ? ' lb-step__item--pending' : ''}`}>
                  <button type="button" aria-current={i === index ? 'step' : undefined} onClick={() => setIndex(i)} data-testid={`step-item-${s.phase}-${s.nodeId}`}>
                    <span className="lb-step__arrow" aria-hidden="true">{s.phase === 'forward' ? '→' : '←'}</span> <code>{s.nodeId}</code>
                    {i <= index && <span className="lb-step__preview"> [{truncated(preview(s), 3).shown.map(fmt).join(', ')}{preview(s).length > 3 ? ', …' : ''}]</span>}
                  </button>
                </li>
              ))}
            </ol>
            <div className="lb-step__detail" data-testid="step-detail">
              <h3><span aria-hidden="true">{current.phase === 'forward' ? '→' : '←'}</span> {current.nodeId}</h3>
              {current.phase === 'forward'
                ? <ForwardDetail step={current} traced={traced} doc={doc} />
                : <BackwardDetail step={current} traced={traced} doc={doc} />}
            </div>
          </div>
        </>
      ) : null}
    </section>
  );
}
