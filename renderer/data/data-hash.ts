/**
 * The digest recorded in `data.hash`: SHA-256 of the CSV's bytes, as 64 lowercase hex digits.
 * Web Crypto (`crypto.subtle`) exists in every renderer (a secure context: app://, localhost,
 * https) and in Node, so this runs in the unit tests too.
 */
import type { DataHash } from '../../core/index.ts';

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function dataHashOf(bytes: Uint8Array): Promise<DataHash> {
  return { algorithm: 'sha256', value: await sha256Hex(bytes) };
}

export function sameDataHash(a: DataHash | undefined, b: DataHash | undefined): boolean {
  return a !== undefined && b !== undefined && a.algorithm === b.algorithm && a.value === b.value;
}
