/**
 * A text field sends what is typed to the document as a React transition (fields.tsx), so the
 * document catches up a render or more later. Until it does, the values it hands the field are
 * ones the field sent itself, oldest first; those must not replace the newer text. This is the
 * bookkeeping, kept pure so that it is tested on its own.
 */

/** The values sent and not yet seen come back, oldest first. */
export type SentValues<V> = readonly V[];

/**
 * The document's value changed to `value`. If it is one of the values sent, it is this field's own
 * edit arriving (`echo`), and it and every older one are forgotten; any other value is a change
 * from elsewhere (undo, a fix), and all of them are forgotten.
 */
export function receive<V>(sent: SentValues<V>, value: V): { echo: boolean; sent: SentValues<V> } {
  const i = sent.findIndex((v) => Object.is(v, value));
  return i >= 0 ? { echo: true, sent: sent.slice(i + 1) } : { echo: false, sent: sent.length === 0 ? sent : [] };
}

/** What the document will hold once everything sent has arrived. */
export function latest<V>(sent: SentValues<V>, current: V): V {
  return sent.length > 0 ? sent[sent.length - 1] : current;
}
