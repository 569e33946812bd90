import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { cascade, DEFAULT_WINDOW_STATE, restoreWindowState, trackWindowState, type Rect } from './window-state.ts';

const ONE_SCREEN: Rect[] = [{ x: 0, y: 0, width: 1920, height: 1040 }];
const TWO_SCREENS: Rect[] = [...ONE_SCREEN, { x: 1920, y: 0, width: 1280, height: 1024 }];

describe('restoreWindowState', () => {
  // One row per saved state: what the window opens with.
  const rows: [string, unknown, Rect[], object][] = [
    ['nothing saved', undefined, ONE_SCREEN, DEFAULT_WINDOW_STATE],
    ['garbage', { width: 'wide' }, ONE_SCREEN, DEFAULT_WINDOW_STATE],
    ['a normal state', { x: 10, y: 20, width: 1000, height: 700, maximized: true }, ONE_SCREEN, { x: 10, y: 20, width: 1000, height: 700, maximized: true }],
    ['on a second screen that is there', { x: 2000, y: 50, width: 1000, height: 700, maximized: false }, TWO_SCREENS, { x: 2000, y: 50, width: 1000, height: 700, maximized: false }],
    ['on a second screen that was unplugged', { x: 2000, y: 50, width: 1000, height: 700, maximized: false }, ONE_SCREEN, { width: 1000, height: 700, maximized: false }],
    ['title bar above the screen', { x: 100, y: -300, width: 1000, height: 700, maximized: false }, ONE_SCREEN, { width: 1000, height: 700, maximized: false }],
    ['too small', { x: 0, y: 0, width: 10, height: 10, maximized: false }, ONE_SCREEN, { x: 0, y: 0, width: 720, height: 480, maximized: false }],
    ['larger than any screen', { x: 0, y: 0, width: 5000, height: 4000, maximized: false }, TWO_SCREENS, { x: 0, y: 0, width: 1920, height: 1040, maximized: false }],
    ['fractional numbers', { x: 0.5, y: 0, width: 1000, height: 700, maximized: false }, ONE_SCREEN, DEFAULT_WINDOW_STATE],
  ];
  it.each(rows)('%s', (_name, saved, screens, expected) => {
    expect(restoreWindowState(saved, screens)).toEqual(expected);
  });
});

describe('cascade', () => {
  it('shifts a window that would sit exactly on another', () => {
    const state = { x: 100, y: 100, width: 800, height: 600, maximized: false };
    expect(cascade(state, [])).toEqual(state);
    expect(cascade(state, [{ x: 100, y: 100, width: 1, height: 1 }, { x: 128, y: 128, width: 1, height: 1 }])).toMatchObject({ x: 156, y: 156 });
    expect(cascade({ width: 800, height: 600, maximized: false }, [{ x: 0, y: 0, width: 1, height: 1 }])).toEqual({ width: 800, height: 600, maximized: false });
  });
});

describe('trackWindowState', () => {
  class Window extends EventEmitter {
    bounds: Rect = { x: 1, y: 2, width: 800, height: 600 };
    maximized = false;
    destroyed = false;
    getNormalBounds() { return this.bounds; }
    isMaximized() { return this.maximized; }
    isDestroyed() { return this.destroyed; }
  }

  it('saves once after moving stops, and at once on close', () => {
    const window = new Window();
    const saved: unknown[] = [];
    const timers: (() => void)[] = [];
    let cleared = 0;
    trackWindowState(window, { save: (s) => saved.push(s), setTimer: (fn) => timers.push(fn), clearTimer: () => { cleared++; } });
    window.emit('move');
    window.emit('resize');
    window.emit('move');
    expect(saved).toEqual([]);
    expect(cleared).toBe(2);
    window.bounds = { x: 5, y: 6, width: 900, height: 700 };
    timers.at(-1)!();
    expect(saved).toEqual([{ x: 5, y: 6, width: 900, height: 700, maximized: false }]);
    window.maximized = true;
    window.emit('maximize');
    window.emit('close');
    expect(saved.at(-1)).toEqual({ x: 5, y: 6, width: 900, height: 700, maximized: true });
  });

  it('does not read a destroyed window', () => {
    const window = new Window();
    const saved: unknown[] = [];
    trackWindowState(window, { save: (s) => saved.push(s), setTimer: () => 0, clearTimer: () => undefined });
    window.destroyed = true;
    window.emit('close');
    expect(saved).toEqual([]);
  });
});
