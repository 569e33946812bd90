/**
 * Diagnostics are data, never exceptions: the compiler collects every problem it finds
 * and returns them all at once, each pinned to the node or edge that caused it.
 * Codes are stable (`LB1xx` structure, `LB2xx` parameters, `LB3xx` widths, `LB4xx` lecture
 * warnings), so docs, tests and translations can key on them.
 */
import { english, type MessageParams } from '../i18n/message.ts';
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
  /** Plain English words, e.g. "Set linear4.outFeatures to 1", rendered from `diagnostics:fix.<labelKey>`. */
  label: string;
  /** The label's key under `diagnostics:fix.` (e.g. `setParam`); absent on a label written by hand. */
  labelKey?: string;
  params?: MessageParams;
  patch: Fix;
}

export interface Diagnostic {
  code: string;
  severity: Severity;
  nodeId?: string;
  edgeId?: string;
  /** English text, rendered from the `diagnostics` catalog (docs, tests and files use it). */
  message: string;
  /** The message's key in the `diagnostics` namespace when it is not `<code>.message` (e.g. `LB306.message_bceMulticlass`). */
  messageKey?: string;
  /** The values the message needs: node names, widths, column names, counts. */
  params: MessageParams;
  fix?: FixSuggestion;
}

/** The key of a diagnostic's message in the `diagnostics` namespace. */
export function diagnosticMessageKey(d: Pick<Diagnostic, 'code' | 'messageKey'>): string {
  return d.messageKey ?? `${d.code}.message`;
}

/** A diagnostic with its English `message` rendered from the catalog (key `messageKey` or `<code>.message`). */
export function diagnostic(d: Omit<Diagnostic, 'message'>): Diagnostic {
  return { ...d, message: english(`diagnostics:${diagnosticMessageKey(d)}`, d.params) };
}

/** The labels a fix can have, as keys under `diagnostics:fix.`. */
export type FixLabelKey =
  | 'setParam' | 'deleteNode' | 'removeNode' | 'removeEdge' | 'removeExtraEdge' | 'insertRelu' | 'replaceWithConcat' | 'replaceWithLeakyRelu';

/** A one-click repair whose English label comes from `diagnostics:fix.<labelKey>`. */
export function fixSuggestion(labelKey: FixLabelKey, params: MessageParams, patch: Fix): FixSuggestion {
  return { label: english(`diagnostics:fix.${labelKey}`, params), labelKey, params, patch };
}

/** The repair that sets one parameter, labelled "Set node.param to value". */
export function setParamFix(nodeId: string, param: string, value: number | string | boolean): FixSuggestion {
  return fixSuggestion('setParam', { id: nodeId, param, value }, { kind: 'setParam', nodeId, param, value });
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
