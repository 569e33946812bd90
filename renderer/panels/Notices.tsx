/**
 * Messages about files and data: what went wrong, in which file, where in it. Errors stay until
 * dismissed; information fades. Never a stack trace: the texts come from core's result values.
 */
import { memo, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

export interface Notice {
  id: number;
  kind: 'error' | 'warning' | 'info';
  title: string;
  details: readonly string[];
  /** Buttons that act on the message (Restore, Discard); pressing one also dismisses it. */
  actions?: readonly { label: string; run(): void }[];
}

const INFO_MS = 8000;

function NoticeView({ notice, onDismiss }: { notice: Notice; onDismiss(id: number): void }) {
  const { t } = useTranslation();
  useEffect(() => {
    if (notice.kind !== 'info') return;
    const timer = setTimeout(() => onDismiss(notice.id), INFO_MS);
    return () => clearTimeout(timer);
  }, [notice, onDismiss]);
  return (
    <div className={`lb-notice lb-notice--${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid={`notice-${notice.kind}`}>
      <div className="lb-notice__text">
        <strong className="lb-notice__title">{notice.title}</strong>
        {notice.details.length > 0 && (
          <ul className="lb-notice__details">
            {notice.details.map((d, i) => <li key={i}>{d}</li>)}
          </ul>
        )}
        {notice.actions && (
          <div className="lb-button-row">
            {notice.actions.map((a) => (
              <button key={a.label} type="button" className="lb-button lb-button--small" onClick={() => {
                onDismiss(notice.id);
                a.run();
              }}>{a.label}</button>
            ))}
          </div>
        )}
      </div>
      <button type="button" className="lb-notice__close" aria-label={t('panels:notices.dismiss')} onClick={() => onDismiss(notice.id)}>×</button>
    </div>
  );
}

function NoticesView({ notices, onDismiss }: { notices: readonly Notice[]; onDismiss(id: number): void }) {
  return (
    <div className="lb-notices" aria-live="polite">
      {notices.map((n) => <NoticeView key={n.id} notice={n} onDismiss={onDismiss} />)}
    </div>
  );
}

export const Notices = memo(NoticesView);
