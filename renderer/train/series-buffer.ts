/**
 * A fixed-size store for values that arrive over a whole training run (up to 20 progress events
 * a second, for hours): typed columns preallocated once, so recording a point never allocates.
 *
 * A ring buffer would forget the start of the run, which is where the lessons are (the loss
 * falling, the gradients of a deep sigmoid stack vanishing from the first steps). So when the
 * buffer is full it thins instead: every other stored point is dropped and from then on only
 * every second push is kept (then every fourth, ...). Memory stays bounded, the whole run stays
 * covered at an even resolution, and the newest value is always kept aside for display.
 */
export class SeriesBuffer {
  readonly width: number;
  readonly capacity: number;
  private readonly data: Float64Array[];
  private readonly newest: Float64Array;
  private count = 0;
  private pushes = 0;
  private keepEvery = 1;

  constructor(width: number, capacity: number) {
    if (!(Number.isInteger(width) && width >= 1)) throw new Error(`width must be a whole number ≥ 1 (it is ${width})`);
    if (!(Number.isInteger(capacity) && capacity >= 2 && capacity % 2 === 0)) throw new Error(`capacity must be an even whole number ≥ 2 (it is ${capacity})`);
    this.width = width;
    this.capacity = capacity;
    this.data = Array.from({ length: width }, () => new Float64Array(capacity));
    this.newest = new Float64Array(width);
  }

  /** Points stored now. */
  get length(): number {
    return this.count;
  }

  /** Points pushed since the last clear (stored or thinned away). */
  get pushed(): number {
    return this.pushes;
  }

  /** Every how many pushes one is stored: 1 until the buffer first fills, then 2, 4, ... */
  get stride(): number {
    return this.keepEvery;
  }

  /** Records one point: `values[c]` for column c (missing ones are NaN). */
  push(values: ArrayLike<number>): void {
    for (let c = 0; c < this.width; c++) this.newest[c] = c < values.length ? values[c] : NaN;
    const index = this.pushes++;
    if (index % this.keepEvery !== 0) return;
    if (this.count === this.capacity) {
      this.thin();
      // After thinning only every (2 × stride)-th push is kept; this one may not be.
      if (index % this.keepEvery !== 0) return;
    }
    for (let c = 0; c < this.width; c++) this.data[c][this.count] = this.newest[c];
    this.count++;
  }

  /** Column `c` of the stored points, oldest first (a view: copy it to keep it). */
  column(c: number): Float64Array {
    return this.data[c].subarray(0, this.count);
  }

  /** The last point pushed (stored or not), or null before the first. */
  latest(): Float64Array | null {
    return this.pushes === 0 ? null : this.newest;
  }

  /**
   * Column `c` with the newest push appended when thinning skipped it, so a chart always ends
   * at the current value. A fresh array.
   */
  columnWithLatest(c: number): Float64Array {
    const stored = this.column(c);
    const lastStored = (this.pushes - 1) % this.keepEvery === 0;
    if (this.pushes === 0 || lastStored) return stored.slice();
    const out = new Float64Array(stored.length + 1);
    out.set(stored);
    out[stored.length] = this.newest[c];
    return out;
  }

  clear(): void {
    this.count = 0;
    this.pushes = 0;
    this.keepEvery = 1;
  }

  private thin(): void {
    const half = this.count >> 1;
    for (const column of this.data) for (let i = 0; i < half; i++) column[i] = column[2 * i];
    this.count = half;
    this.keepEvery *= 2;
  }
}
