/**
 * Window bounds and the maximized flag, remembered in userData so a window reopens where it
 * was. A saved position that no longer lies on any display (a monitor was unplugged) is
 * dropped and the window is centred; sizes are clamped to the largest display.
 */
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const WINDOW_STATE_FILE = 'window-state.json';
export const MIN_WINDOW_WIDTH = 720;
export const MIN_WINDOW_HEIGHT = 480;
export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, maximized: false };
/** How much of a window must overlap a display for its saved position to be kept (pixels). */
const MIN_VISIBLE = { width: 120, height: 60 };
/** Offset between windows opened on top of each other. */
export const CASCADE_OFFSET = 28;

const coordinate = z.number().int().min(-100_000).max(100_000);
const stateSchema = z.object({
  x: coordinate.optional(),
  y: coordinate.optional(),
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
  maximized: z.boolean(),
});

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

/** The state to open a window with, from whatever was saved (anything, validated here) and the displays' work areas. */
export function restoreWindowState(saved: unknown, workAreas: readonly Rect[]): WindowState {
  const parsed = stateSchema.safeParse(saved);
  const state: WindowState = parsed.success ? { ...parsed.data } : { ...DEFAULT_WINDOW_STATE };
  const maxWidth = Math.max(MIN_WINDOW_WIDTH, ...workAreas.map((a) => a.width));
  const maxHeight = Math.max(MIN_WINDOW_HEIGHT, ...workAreas.map((a) => a.height));
  state.width = Math.min(Math.max(state.width, MIN_WINDOW_WIDTH), maxWidth);
  state.height = Math.min(Math.max(state.height, MIN_WINDOW_HEIGHT), maxHeight);
  if (state.x === undefined || state.y === undefined) {
    delete state.x;
    delete state.y;
    return state;
  }
  const rect = { x: state.x, y: state.y, width: state.width, height: state.height };
  const visible = workAreas.some((area) => {
    const o = overlap(rect, area);
    return o.width >= Math.min(MIN_VISIBLE.width, rect.width) && o.height >= Math.min(MIN_VISIBLE.height, rect.height)
      // The title bar must be reachable, or the user cannot drag the window back.
      && rect.y >= area.y - 8 && rect.y < area.y + area.height - 20;
  });
  if (!visible) {
    delete state.x;
    delete state.y;
  }
  return state;
}

/** Moves a new window down and right until it does not sit exactly on an open one. */
export function cascade(state: WindowState, openWindows: readonly Rect[]): WindowState {
  if (state.x === undefined || state.y === undefined) return state;
  let { x, y } = state;
  for (let i = 0; i < 20 && openWindows.some((w) => w.x === x && w.y === y); i++) {
    x += CASCADE_OFFSET;
    y += CASCADE_OFFSET;
  }
  return { ...state, x, y };
}

/** The part of BrowserWindow the tracker uses. */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isDestroyed(): boolean;
}

export interface TrackOptions {
  save(state: WindowState): void;
  debounceMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/** The state of `window` right now (its normal bounds even while maximized or full screen). */
export function snapshotWindowState(window: Pick<TrackedWindow, 'getNormalBounds' | 'isMaximized'>): WindowState {
  const b = window.getNormalBounds();
  return { x: Math.round(b.x), y: Math.round(b.y), width: Math.round(b.width), height: Math.round(b.height), maximized: window.isMaximized() };
}

/** Saves the window's state after it stops moving or resizing, and once more as it closes. */
export function trackWindowState(window: TrackedWindow, options: TrackOptions): void {
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  const debounceMs = options.debounceMs ?? 500;
  let timer: unknown = null;
  const saveNow = () => {
    if (timer !== null) clearTimer(timer);
    timer = null;
    if (!window.isDestroyed()) options.save(snapshotWindowState(window));
  };
  const schedule = () => {
    if (timer !== null) clearTimer(timer);
    timer = setTimer(saveNow, debounceMs);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event, schedule);
  window.on('close', saveNow);
}
