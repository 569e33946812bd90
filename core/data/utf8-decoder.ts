/**
 * Streaming UTF-8 decoding that says where a file stops being UTF-8. `TextDecoder` with
 * `fatal: true` only says *that* it failed; on failure we re-validate the bytes ourselves to find
 * the offset, so the message can point at a byte and a line.
 */

export type Utf8DecodeResult = { type: 'ok'; text: string } | { type: 'error'; byteOffset: number; newlinesBefore: number };

export interface Utf8ChunkDecoder {
  /** Decodes the next chunk; a character split across chunks is carried to the next call. */
  decode(bytes: Uint8Array): Utf8DecodeResult;
  /** Ends the stream: an incomplete character at the very end is an error. */
  end(): Utf8DecodeResult;
  /** Bytes consumed so far (including a carried partial character). */
  readonly bytesRead: number;
}

/**
 * Creates a decoder for a byte stream that arrives in chunks. A leading byte-order mark is
 * dropped. Errors report the 0-based byte offset of the first invalid byte and how many `\n`
 * bytes came before it in the current chunk (the caller knows how many lines came before that).
 */
export function createUtf8ChunkDecoder(): Utf8ChunkDecoder {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // The last (up to 3) bytes of the stream so far: an incomplete character the decoder holds.
  let carried = new Uint8Array(0);
  let bytesRead = 0;
  let failed = false;

  function locate(bytes: Uint8Array): Utf8DecodeResult {
    failed = true;
    const combined = concatBytes(carried, bytes);
    let index = firstInvalidUtf8Index(combined);
    if (index === -1) index = combined.length - incompleteTailLength(combined);
    let newlinesBefore = 0;
    for (let i = carried.length; i < index; i++) if (combined[i] === 10) newlinesBefore++;
    return { type: 'error', byteOffset: bytesRead - carried.length + index, newlinesBefore };
  }

  return {
    get bytesRead() {
      return bytesRead;
    },
    decode(bytes) {
      if (failed) return { type: 'error', byteOffset: bytesRead, newlinesBefore: 0 };
      let text: string;
      try {
        text = decoder.decode(bytes, { stream: true });
      } catch {
        return locate(bytes);
      }
      const tailSource = bytes.length >= 3 ? bytes.subarray(bytes.length - 3) : concatBytes(carried, bytes);
      const tail = tailSource.subarray(Math.max(0, tailSource.length - 3));
      carried = tail.slice(tail.length - incompleteTailLength(tail));
      bytesRead += bytes.length;
      return { type: 'ok', text };
    },
    end() {
      if (failed) return { type: 'error', byteOffset: bytesRead, newlinesBefore: 0 };
      try {
        return { type: 'ok', text: decoder.decode() };
      } catch {
        failed = true;
        return { type: 'error', byteOffset: bytesRead - carried.length, newlinesBefore: 0 };
      }
    },
  };
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** Length of the sequence a lead byte starts, or 0 for a byte that cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** How many bytes at the end of `bytes` begin a character that is not complete yet (0–3). */
export function incompleteTailLength(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = bytes[n - back];
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = sequenceLength(b);
    return need > back ? back : 0;
  }
  return 0;
}

/**
 * Index of the first byte that makes `bytes` invalid UTF-8 (overlong forms, surrogates and code
 * points above U+10FFFF included, as the WHATWG decoder rejects them), or -1 if the bytes are
 * valid up to a possibly incomplete last character.
 */
export function firstInvalidUtf8Index(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = sequenceLength(b);
    if (need === 0) return i;
    let lower = 0x80;
    let upper = 0xbf;
    if (b === 0xe0) lower = 0xa0;
    else if (b === 0xed) upper = 0x9f;
    else if (b === 0xf0) lower = 0x90;
    else if (b === 0xf4) upper = 0x8f;
    for (let k = 1; k < need; k++) {
      if (i + k >= n) return -1;
      const c = bytes[i + k];
      if (c < lower || c > upper) return i;
      lower = 0x80;
      upper = 0xbf;
    }
    i += need;
  }
  return -1;
}
