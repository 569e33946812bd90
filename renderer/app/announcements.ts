/**
 * What the screen reader is told, politely, without the user asking: a new problem in the
 * network, all problems gone, the training run starting, pausing, running and how it ended.
 * Pure: the live regions (panels/LiveAnnouncer.tsx) decide when, this decides what.
 */
import type { Severity } from '../../core/index.ts';
import type { TrainingOutcome, TrainingPhase } from '../train/training-state.ts';
import { uiText } from '../i18n/text.ts';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface ProblemLike {
  severity: Severity;
  code: string;
  message: string;
  nodeId?: string;
  edgeId?: string;
}

/** The most problems one announcement reads out; the problems list has them all. */
const MAX_READ = 3;

/** A problem is the same problem while its code and place are (its message may carry a changing width). */
export function problemKey(p: ProblemLike): string {
  return `${p.code}|${p.nodeId ?? p.edgeId ?? ''}`;
}

function counted(list: readonly ProblemLike[]): ProblemLike[] {
  return list.filter((p) => p.severity !== 'info');
}

/** Errors and warnings in `after` that `before` did not have. */
export function newProblems(before: readonly ProblemLike[], after: readonly ProblemLike[]): ProblemLike[] {
  const known = new Set(counted(before).map(problemKey));
  const seen = new Set<string>();
  return counted(after).filter((p) => {
    const key = problemKey(p);
    if (known.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The sentence for going from `before` to `after`, or null when there is nothing new to say. */
export function problemAnnouncement(before: readonly ProblemLike[], after: readonly ProblemLike[], t: Translate): string | null {
  const fresh = newProblems(before, after);
  if (fresh.length === 0) {
    return counted(before).length > 0 && counted(after).length === 0 ? t('a11y:announce.problems.resolved') : null;
  }
  const list = fresh.slice(0, MAX_READ).map((p) => {
    const severity = t(`a11y:announce.problems.severity.${p.severity}`);
    const target = p.nodeId ?? p.edgeId;
    return target === undefined
      ? t('a11y:announce.problems.itemNoTarget', { severity, code: p.code, message: p.message })
      : t('a11y:announce.problems.item', { severity, code: p.code, target, message: p.message });
  }).join(' ');
  return fresh.length === 1 ? t('a11y:announce.problems.newOne', { list }) : t('a11y:announce.problems.newMany', { count: fresh.length, list });
}

/**
 * The sentence for a change of the run's phase or outcome, or null. A phase is told when it is
 * entered; the way a run ended (finished, stopped, diverged, failed) is told once, when it appears.
 */
export function trainingAnnouncement(
  before: { phase: TrainingPhase; outcome: TrainingOutcome | null },
  after: { phase: TrainingPhase; outcome: TrainingOutcome | null },
  t: Translate,
): string | null {
  if (after.outcome && after.outcome !== before.outcome) {
    return t('a11y:announce.training.outcome', { title: uiText(t, after.outcome.title), message: uiText(t, after.outcome.message) });
  }
  if (after.phase === before.phase) return null;
  switch (after.phase) {
    case 'starting':
    case 'running':
    case 'paused':
    case 'stopping':
      return t(`a11y:announce.training.${after.phase}`);
    default:
      return null;
  }
}
