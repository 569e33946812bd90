/**
 * A value that follows another once the browser has painted the frame the change caused: for
 * work the user does not need in that frame (the inspector's form for a newly selected layer),
 * so a click's frame shows the selection on the canvas and nothing more. The update is then a
 * transition, which React can interrupt.
 *
 * With `afterPress`, a change made while a pointer button is held (a press that selects a layer,
 * and perhaps starts dragging it) waits for the release as well: the form is not needed while the
 * button is down, and mounting it in the middle of a drag's first moves held back one of its
 * frames (on a 200-node graph, the 50-67 ms frame at a drag's start in ui-bench).
 */
import { startTransition, useEffect, useState } from 'react';

/** Whether a pointer button is held in this window, and who waits for its release. */
const press = { held: false, waiting: new Set<() => void>() };
let listening = false;

function listen(): void {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  const release = () => {
    press.held = false;
    const waiting = [...press.waiting];
    press.waiting.clear();
    for (const resume of waiting) resume();
  };
  window.addEventListener('pointerdown', () => { press.held = true; }, { capture: true });
  // A release, a cancelled pointer or the window losing focus (the release may then happen
  // elsewhere) all end a press. The window's own blur only: an element's blur does not bubble, so
  // this listener, not capturing, does not hear the focus leave a field at the press.
  for (const type of ['pointerup', 'pointercancel']) window.addEventListener(type, release, { capture: true });
  window.addEventListener('blur', release);
}

/** Calls `then` once no pointer button is held (now, if none is); returns a cancel function. */
export function whenReleased(then: () => void): () => void {
  listen();
  if (!press.held) {
    then();
    return () => {};
  }
  press.waiting.add(then);
  return () => press.waiting.delete(then);
}

/**
 * `value` as of the last painted frame (see above). With `afterPress`, also as of the last release
 * of a pointer button.
 */
export function useValueAfterPaint<T>(value: T, { afterPress = false }: { afterPress?: boolean } = {}): T {
  const [shown, setShown] = useState(value);
  // Listening from the first render, so the press that changes the value has been seen.
  useEffect(() => {
    if (afterPress) listen();
  }, [afterPress]);
  useEffect(() => {
    if (Object.is(shown, value)) return;
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // requestAnimationFrame runs just before the next paint; a task queued from there runs after it.
    const afterNextPaint = () => {
      frame = requestAnimationFrame(() => {
        timer = setTimeout(() => startTransition(() => setShown(() => value)), 0);
      });
    };
    const cancelWait = afterPress ? whenReleased(afterNextPaint) : (afterNextPaint(), () => {});
    return () => {
      cancelWait();
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [value, shown, afterPress]);
  return shown;
}
