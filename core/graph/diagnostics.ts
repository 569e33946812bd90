/**
 * Diagnostics are data, never exceptions: the compiler collects every problem it finds
 * and returns them all at once, each pinned to the node or edge that caused it.
 * Codes are stable (`LB1xx` structure, `LB2xx` parameters, `LB3xx` widths, `LB4xx` lecture
 * warnings), so docs, tests and translations can key on them.
 */
import type { GraphNode, NodeType } from './types.ts';

export type Severity = 'error' | 'warning' | 'info';

/** A one-click repair, as a patch on the graph document. */
export type Fix =
  | { kind: 'setParam'; nodeId: string; param: string; value: number | string | boolean | null }
  | { kind: 'removeNode'; nodeId: string }
  | { kind: 'replaceNodeType'; nodeId: string; nodeType: NodeType; params?: Record<string, unknown> }
  | { kind: 'insertNode'; from: string; to: string; node: { type: NodeType } & Record<string, unknown> }
  | { kind: 'removeEdge'; from: string; to: string };

export interface FixSuggestion {
  /** Plain words, e.g. "Set linear4.outFeatures to 1". */
  label: string;
  patch: Fix;
}

export interface Diagnostic {
  code: string;
  severity: Severity;
  nodeId?: string;
  edgeId?: string;
  message: string;
  fix?: FixSuggestion;
}

export const DiagnosticCode = {
  Cycle: 'LB101',
  NoInput: 'LB102',
  MultipleInputs: 'LB103',
  NoOutput: 'LB104',
  MultipleOutputs: 'LB105',
  Unreachable: 'LB106',
  DeadEnd: 'LB107',
  MissingInput: 'LB108',
  TooManyInputs: 'LB109',
  DanglingEdge: 'LB110',
  DuplicateId: 'LB111',
  DuplicateEdge: 'LB112',
  SelfLoop: 'LB113',
  OutputHasSuccessor: 'LB114',
  InvalidParam: 'LB201',
  UnknownType: 'LB202',
  InFeaturesMismatch: 'LB301',
  AddWidthMismatch: 'LB302',
  OutputWidthMismatch: 'LB303',
  ClassCountMismatch: 'LB304',
  InputWidthUnknown: 'LB305',
  LossTaskMismatch: 'LB306',
  LinearCollapse: 'LB401',
  ActivationBeforeRegressionOutput: 'LB402',
  VanishingGradientStack: 'LB403',
  SigmoidNonBinaryTarget: 'LB404',
} as const;

/** The name a message uses for a node: its label when it has one, else its id. */
export function nodeName(node: Pick<GraphNode, 'id' | 'label'>): string {
  return node.label && node.label !== node.id ? `${node.label} (${node.id})` : node.id;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
