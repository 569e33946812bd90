/**
 * A value that follows another once the browser has painted the frame the change caused: for
 * work the user does not need in that frame (the inspector's form for a newly selected layer),
 * so a click's frame shows the selection on the canvas and nothing more. The update is then a
 * transition, which React can interrupt.
 */
import { startTransition, useEffect, useState } from 'react';

export function useValueAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(shown, value)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // requestAnimationFrame runs just before the next paint; a task queued from there runs after it.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setShown(() => value)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [value, shown]);
  return shown;
}
