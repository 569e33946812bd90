import { diagnostic, DiagnosticCode, nodeName, setParamFix, type Diagnostic } from '../graph/diagnostics.ts';
import type { GraphNode } from '../graph/types.ts';
import type { MessageParams, MessageRef } from '../i18n/message.ts';

/** What a parameter must be, as a phrase from `diagnostics:expected.*` (LB201's `expected`). */
export type ExpectedKey = 'wholeNumber' | 'wholeNumberOrInferred' | 'positive' | 'nonNegative' | 'slope' | 'probability' | 'boolean' | 'oneOf';

export function expected(key: ExpectedKey, params?: MessageParams): MessageRef {
  return params ? { key: `diagnostics:expected.${key}`, params } : { key: `diagnostics:expected.${key}` };
}

/** Checks a numeric parameter and, when it is wrong, says so on the node with a one-click reset. */
export function checkNumberParam(
  node: GraphNode,
  param: string,
  value: unknown,
  rule: { integer?: boolean; min?: number; minExclusive?: boolean; max?: number; maxExclusive?: boolean; optional?: boolean; fallback: number },
  expectation: MessageRef,
): Diagnostic[] {
  if (value === undefined && rule.optional) return [];
  const n = typeof value === 'number' ? value : NaN;
  let ok = Number.isFinite(n);
  if (ok && rule.integer && !Number.isInteger(n)) ok = false;
  if (ok && rule.min !== undefined && (rule.minExclusive ? n <= rule.min : n < rule.min)) ok = false;
  if (ok && rule.max !== undefined && (rule.maxExclusive ? n >= rule.max : n > rule.max)) ok = false;
  if (ok) return [];
  return [invalidParam(node, param, value, expectation, rule.fallback)];
}

export function checkBooleanParam(node: GraphNode, param: string, value: unknown, fallback: boolean): Diagnostic[] {
  if (value === undefined || typeof value === 'boolean') return [];
  return [invalidParam(node, param, value, expected('boolean'), fallback)];
}

/** LB201: `param` of `node` is `value` (shown as JSON, or "missing"), but must be `expectation`; the fix sets `fallback`. */
export function invalidParam(node: GraphNode, param: string, value: unknown, expectation: MessageRef, fallback: number | string | boolean): Diagnostic {
  return diagnostic({
    code: DiagnosticCode.InvalidParam,
    severity: 'error',
    nodeId: node.id,
    ...(value === undefined
      ? { messageKey: 'LB201.message_missing', params: { node: nodeName(node), param, expected: expectation } }
      : { params: { node: nodeName(node), param, value: JSON.stringify(value) ?? String(value), expected: expectation } }),
    fix: setParamFix(node.id, param, fallback),
  });
}

export const same = (width: number): { ok: true; width: number } => ({ ok: true, width });
