import { DiagnosticCode, nodeName, type Diagnostic } from '../graph/diagnostics.ts';
import type { GraphNode } from '../graph/types.ts';

/** Checks a numeric parameter and, when it is wrong, says so on the node with a one-click reset. */
export function checkNumberParam(
  node: GraphNode,
  param: string,
  value: unknown,
  rule: { integer?: boolean; min?: number; minExclusive?: boolean; max?: number; maxExclusive?: boolean; optional?: boolean; fallback: number },
  expected: string,
): Diagnostic[] {
  if (value === undefined && rule.optional) return [];
  const n = typeof value === 'number' ? value : NaN;
  let ok = Number.isFinite(n);
  if (ok && rule.integer && !Number.isInteger(n)) ok = false;
  if (ok && rule.min !== undefined && (rule.minExclusive ? n <= rule.min : n < rule.min)) ok = false;
  if (ok && rule.max !== undefined && (rule.maxExclusive ? n >= rule.max : n > rule.max)) ok = false;
  if (ok) return [];
  const shown = value === undefined ? 'missing' : JSON.stringify(value);
  return [{
    code: DiagnosticCode.InvalidParam,
    severity: 'error',
    nodeId: node.id,
    message: `${nodeName(node)}: ${param} is ${shown}, but it must be ${expected}.`,
    fix: { label: `Set ${node.id}.${param} to ${rule.fallback}`, patch: { kind: 'setParam', nodeId: node.id, param, value: rule.fallback } },
  }];
}

export function checkBooleanParam(node: GraphNode, param: string, value: unknown, fallback: boolean): Diagnostic[] {
  if (value === undefined || typeof value === 'boolean') return [];
  return [{
    code: DiagnosticCode.InvalidParam,
    severity: 'error',
    nodeId: node.id,
    message: `${nodeName(node)}: ${param} is ${JSON.stringify(value)}, but it must be true or false.`,
    fix: { label: `Set ${node.id}.${param} to ${fallback}`, patch: { kind: 'setParam', nodeId: node.id, param, value: fallback } },
  }];
}

export const same = (width: number): { ok: true; width: number } => ({ ok: true, width });
