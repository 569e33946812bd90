/**
 * Two polite live regions, visually hidden: one tells the training run's phases and how it
 * ended, the other new problems in the network (after typing settles, so a half-typed width is
 * not read out). They listen to the training client directly, so progress events re-render
 * nothing here; only a change of phase or outcome does.
 */
import { memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Diagnostic } from '../../core/index.ts';
import { problemAnnouncement, trainingAnnouncement } from '../app/announcements.ts';
import type { TrainingClient } from '../train/training-client.ts';

/** Quiet time after the last change before new problems are told. */
const PROBLEMS_SETTLE_MS = 900;

export interface LiveAnnouncerProps {
  client: TrainingClient;
  diagnostics: readonly Diagnostic[];
  /** Changes when another project is opened: its problems are not news. */
  projectKey: number;
}

function LiveAnnouncerView({ client, diagnostics, projectKey }: LiveAnnouncerProps) {
  const { t } = useTranslation();
  const [training, setTraining] = useState('');
  const [problems, setProblems] = useState('');

  useEffect(() => {
    let last = client.getState();
    return client.subscribe(() => {
      const next = client.getState();
      if (next.phase === last.phase && next.outcome === last.outcome) return;
      const said = trainingAnnouncement(last, next, t);
      last = next;
      if (said) setTraining(said);
    });
  }, [client, t]);

  const told = useRef<{ key: number; diagnostics: readonly Diagnostic[] } | null>(null);
  useEffect(() => {
    if (told.current === null || told.current.key !== projectKey) {
      told.current = { key: projectKey, diagnostics };
      return;
    }
    const timer = setTimeout(() => {
      const said = problemAnnouncement(told.current!.diagnostics, diagnostics, t);
      told.current = { key: projectKey, diagnostics };
      if (said) setProblems(said);
    }, PROBLEMS_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [diagnostics, projectKey, t]);

  return (
    <div className="visually-hidden">
      <div role="status" aria-live="polite" aria-atomic="true" data-testid="announce-training">{training}</div>
      <div role="status" aria-live="polite" aria-atomic="true" data-testid="announce-problems">{problems}</div>
    </div>
  );
}

export const LiveAnnouncer = memo(LiveAnnouncerView);
