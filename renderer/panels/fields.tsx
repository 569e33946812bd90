/**
 * Form fields that validate as you type. The text a person types lives here; only a value that
 * parses reaches the document (through `onValue`), so a half-typed number never corrupts it, and
 * the problem is shown under the field. When the document value changes from elsewhere (undo,
 * a fix), the field shows it.
 *
 * A typed value reaches the document as a React transition: the keystroke's own frame shows just
 * the character, and what the change brings (every width inferred again, the canvas, the problems
 * list) renders after it, instead of holding that frame back (on a 200-node graph it made typing
 * frames 50 ms). Until the document catches up it hands the field values the field sent itself,
 * which must not replace newer text: `useSentValues` (sent-values.ts) tells those echoes apart.
 */
import { startTransition, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SeverityBadge } from './SeverityBadge.tsx';
import { latest, receive, type SentValues } from './sent-values.ts';
import { describeRule, numberToText, parseNumberText, type NumberRule } from '../document/fields.ts';

interface FieldFrameProps {
  id: string;
  label: string;
  help?: string;
  error?: string | null;
  children: ReactNode;
}

/**
 * A field's values sent to the document and not yet back (sent-values.ts). State, not a ref, so a
 * render that React throws away and repeats finds the list as it was. `stored` is what the
 * document makes of a sent value (a name is trimmed).
 */
function useSentValues<V>(current: V, stored: (value: V) => V = (value) => value) {
  const [sent, setSent] = useState<SentValues<V>>([]);
  return {
    latest: latest(sent, current),
    send(value: V, onValue: (value: V) => void) {
      setSent((list) => [...list, stored(value)]);
      startTransition(() => onValue(value));
    },
    /** Called while rendering, when the document's value has changed: is it this field's own edit? */
    echo(value: V): boolean {
      const next = receive(sent, value);
      if (next.sent !== sent) setSent(next.sent);
      return next.echo;
    },
    /** Leaving the field: whatever arrives later is the document's to show. */
    forget() {
      setSent([]);
    },
  };
}

function FieldFrame({ id, label, help, error, children }: FieldFrameProps) {
  return (
    <div className={`lb-field${error ? ' lb-field--invalid' : ''}`}>
      <label htmlFor={id} className="lb-field__label">{label}</label>
      {children}
      {error ? (
        <p id={`${id}-message`} className="lb-field__error" aria-live="polite"><SeverityBadge severity="error" />{error}</p>
      ) : help ? (
        <p id={`${id}-message`} className="lb-field__help">{help}</p>
      ) : null}
    </div>
  );
}

export interface NumberFieldProps {
  label: string;
  value: number | undefined | null;
  rule: NumberRule;
  placeholder?: string;
  help?: string;
  onValue(value: number | undefined): void;
  onFocus?(): void;
  testId?: string;
}

export function NumberField({ label, value, rule, placeholder, help, onValue, onFocus, testId }: NumberFieldProps) {
  const id = useId();
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [text, setText] = useState(() => numberToText(value));
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(value);
  const sent = useSentValues<number | undefined>(value ?? undefined);
  if (!Object.is(value, shown)) {
    // The document moved (undo, a fix, another field): show its value unless the text already
    // means it, or it is this field's own earlier edit arriving.
    setShown(value);
    const parsed = parseNumberText(text, rule, t, locale);
    if (!sent.echo(value ?? undefined) && (parsed.type !== 'ok' || parsed.value !== (value ?? undefined))) {
      setText(numberToText(value));
      setError(null);
    }
  }
  const onChange = (next: string) => {
    setText(next);
    const parsed = parseNumberText(next, rule, t, locale);
    if (parsed.type === 'error') {
      setError(parsed.message);
      return;
    }
    setError(null);
    if (parsed.value !== sent.latest) sent.send(parsed.value, onValue);
  };
  return (
    <FieldFrame id={id} label={label} help={help ?? (rule.optional && placeholder ? t('fields:help.enterOrEmpty', { rule: describeRule(rule, t, locale), placeholder }) : t('fields:help.enter', { rule: describeRule(rule, t, locale) }))} error={error}>
      <input
        id={id}
        className="lb-input"
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={text}
        placeholder={placeholder}
        aria-invalid={error !== null}
        aria-describedby={`${id}-message`}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value)}
        onFocus={onFocus}
        onBlur={sent.forget}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && error) {
            setText(numberToText(value));
            setError(null);
          }
        }}
      />
    </FieldFrame>
  );
}

export interface ChoiceFieldProps<T extends string> {
  label: string;
  value: T | undefined;
  options: readonly T[];
  /** Shown for `undefined` (the engine's default), when the field may be left unset. */
  defaultLabel?: string;
  optionLabel?(option: T): string;
  help?: string;
  onValue(value: T | undefined): void;
  testId?: string;
}

export function ChoiceField<T extends string>({ label, value, options, defaultLabel, optionLabel, help, onValue, testId }: ChoiceFieldProps<T>) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} help={help}>
      <select
        id={id}
        className="lb-input"
        value={value ?? ''}
        aria-describedby={help ? `${id}-message` : undefined}
        data-testid={testId}
        onChange={(e) => onValue(e.target.value === '' ? undefined : (e.target.value as T))}
      >
        {defaultLabel !== undefined && <option value="">{defaultLabel}</option>}
        {options.map((o) => <option key={o} value={o}>{optionLabel ? optionLabel(o) : o}</option>)}
      </select>
    </FieldFrame>
  );
}

export interface CheckboxFieldProps {
  label: string;
  checked: boolean;
  help?: string;
  onValue(value: boolean): void;
  testId?: string;
}

export function CheckboxField({ label, checked, help, onValue, testId }: CheckboxFieldProps) {
  const id = useId();
  return (
    <div className="lb-field lb-field--checkbox">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onValue(e.target.checked)} aria-describedby={help ? `${id}-message` : undefined} data-testid={testId} />
      <label htmlFor={id} className="lb-field__label">{label}</label>
      {help && <p id={`${id}-message`} className="lb-field__help">{help}</p>}
    </div>
  );
}

export interface TextFieldProps {
  label: string;
  value: string;
  placeholder?: string;
  help?: string;
  onValue(value: string): void;
  onFocus?(): void;
  testId?: string;
}

export function TextField({ label, value, placeholder, help, onValue, onFocus, testId }: TextFieldProps) {
  const id = useId();
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  const sent = useSentValues(value, (name) => name.trim());
  if (value !== shown) {
    // Commands trim names: keep the person's trailing space while the document agrees otherwise.
    // This field's own earlier edits arriving leave the newer text alone.
    setShown(value);
    if (!sent.echo(value) && text.trim() !== value) setText(value);
  }
  return (
    <FieldFrame id={id} label={label} help={help}>
      <input id={id} className="lb-input" type="text" value={text} placeholder={placeholder} autoComplete="off" spellCheck={false} data-testid={testId}
        aria-describedby={help ? `${id}-message` : undefined} onFocus={onFocus} onBlur={sent.forget}
        onChange={(e) => {
          setText(e.target.value);
          sent.send(e.target.value, onValue);
        }} />
    </FieldFrame>
  );
}
