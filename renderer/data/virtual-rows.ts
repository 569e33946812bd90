/**
 * The window of rows a virtualized table draws: only the rows in view (plus a few either side)
 * exist in the DOM, so a million-row CSV scrolls as lightly as a ten-row one.
 *
 * Browsers cap an element's height (Chromium ~33.5 million px, Firefox ~17.9 million px), and
 * a million 22-px rows is 22 million px. Above `MAX_SCROLL_HEIGHT` the scroll range is therefore
 * scaled: scrolling through the (shorter) content moves through all rows proportionally, and
 * the rows themselves are drawn at their real height around the scroll position.
 */

/** Well under every browser's limit on element height. */
export const MAX_SCROLL_HEIGHT = 8_000_000;

export interface RowWindow {
  /** First and last (exclusive) row to draw. */
  first: number;
  last: number;
  /** Where the first drawn row's top goes, in content pixels. */
  top: number;
  /** Height of the scrollable content. */
  contentHeight: number;
}

export function contentHeight(rowCount: number, rowHeight: number): number {
  return Math.min(rowCount * rowHeight, MAX_SCROLL_HEIGHT);
}

/**
 * The rows to draw for a scroll position. `overscan` rows are added on both sides so a fast
 * scroll does not show blank space before the next frame.
 */
export function rowWindow(scrollTop: number, viewportHeight: number, rowCount: number, rowHeight: number, overscan = 4): RowWindow {
  const height = contentHeight(rowCount, rowHeight);
  if (rowCount <= 0 || viewportHeight <= 0) return { first: 0, last: 0, top: 0, contentHeight: height };
  const visible = Math.ceil(viewportHeight / rowHeight) + 1;
  const maxScroll = Math.max(0, height - viewportHeight);
  const scroll = Math.min(Math.max(0, scrollTop), maxScroll);
  let exact: number;
  if (rowCount * rowHeight <= MAX_SCROLL_HEIGHT) {
    exact = scroll / rowHeight;
  } else {
    // Scaled: the scroll fraction picks the row at the top of the view.
    const lastTop = Math.max(0, rowCount - viewportHeight / rowHeight);
    exact = maxScroll === 0 ? 0 : (scroll / maxScroll) * lastTop;
  }
  const topRow = Math.floor(exact);
  const first = Math.max(0, topRow - overscan);
  const last = Math.min(rowCount, topRow + visible + overscan);
  // The row at the top of the view sits (exact − topRow) of a row above the viewport's top edge.
  const top = scroll - (exact - first) * rowHeight;
  return { first, last, top, contentHeight: height };
}
