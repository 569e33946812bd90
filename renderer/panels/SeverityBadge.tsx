/**
 * A small mark for a problem's severity that does not depend on an emoji font and is told apart
 * by shape as well as colour: a round "!" for errors, a square "!" for warnings, a round "i" for notes.
 */
import type { Severity } from '../../core/index.ts';

const MARK: Record<Severity, string> = { error: '!', warning: '!', info: 'i' };

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span className={`lb-sev lb-sev--${severity}`} aria-hidden="true">{MARK[severity]}</span>;
}
