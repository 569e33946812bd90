/**
 * Never lose work: keeps a recovery copy of the unsaved project (RecoveryScheduler, every 30 s
 * while dirty, through Host.recovery) and, once the first project is shown, offers back the
 * copies an earlier session left (RecoveryDialog). A restored copy opens dirty, remembering
 * the file it belongs to; a copy whose project does not load is reported by name and left in
 * place. The interval can be shortened for tests with `?recoveryInterval=<ms>` in the URL.
 */
import { useCallback, useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { serializeProject, type Project } from '../../core/index.ts';
import type { ProjectFile } from '../document/editor.ts';
import type { FoundRecovery, Host } from '../host/host.ts';
import type { Notice } from '../panels/Notices.tsx';
import { RecoveryDialog, type RecoveryOffer } from '../panels/RecoveryDialog.tsx';
import { readProjectFile } from './file-reading.ts';
import { RECOVERY_INTERVAL_MS, RecoveryScheduler } from './recovery.ts';

/** The interval from `?recoveryInterval=<ms>` (tests), else the product's 30 s. */
export function recoveryIntervalFrom(search: string): number {
  const value = Number(new URLSearchParams(search).get('recoveryInterval'));
  return Number.isInteger(value) && value >= 100 && value <= RECOVERY_INTERVAL_MS ? value : RECOVERY_INTERVAL_MS;
}

function newCopyId(): string {
  return crypto.randomUUID();
}

export interface UseRecoveryOptions {
  host: Host;
  /** The first project is shown: copies are offered from then on. */
  ready: boolean;
  dirty: boolean;
  doc: Project;
  file: ProjectFile | null;
  notify(kind: Notice['kind'], title: string, details?: readonly string[]): void;
  /** Runs `then` once unsaved changes are saved or knowingly dropped. */
  whenSafeToReplace(then: () => void): void;
  /** Shows a restored project, dirty, with the file it belongs to. */
  showRestored(project: Project, file: ProjectFile | null): void;
}

type Copy = Extract<FoundRecovery, { type: 'ok' }>;

/** Returns the dialog to render (null when there is nothing to offer). */
export function useRecovery({ host, ready, dirty, doc, file, notify, whenSafeToReplace, showRestored }: UseRecoveryOptions): ReactElement | null {
  const { t } = useTranslation();
  const store = host.recovery;
  const [offers, setOffers] = useState<readonly Copy[]>([]);
  const onError = useRef((message: string) => notify('warning', t('recovery:writeFailed'), [message]));
  useEffect(() => {
    onError.current = (message: string) => notify('warning', t('recovery:writeFailed'), [message]);
  }, [notify, t]);
  const [scheduler] = useState(() => store
    ? new RecoveryScheduler({ store, id: newCopyId(), intervalMs: recoveryIntervalFrom(typeof location === 'undefined' ? '' : location.search), onError: (m) => onError.current(m) })
    : null);

  useEffect(() => () => scheduler?.dispose(), [scheduler]);

  useEffect(() => {
    if (!ready) return;
    scheduler?.update(dirty, doc, () => ({ text: serializeProject(doc), projectName: doc.name, ref: file?.ref ?? null, fileName: file?.name ?? null }));
  }, [scheduler, ready, dirty, doc, file]);

  // Once, after the first project is shown: what an earlier session left.
  const listed = useRef(false);
  useEffect(() => {
    if (!ready || !store || listed.current) return;
    listed.current = true;
    store.list().then((found) => {
      const readable: Copy[] = [];
      for (const copy of found) {
        if (copy.type === 'ok') readable.push(copy);
        else notify('error', t('recovery:damaged.title'), [copy.message, t('recovery:damaged.kept')]);
      }
      setOffers(readable);
    }, (error: unknown) => notify('error', t('recovery:damaged.title'), [error instanceof Error ? error.message : String(error)]));
  }, [ready, store, notify, t]);

  const drop = useCallback((id: string) => setOffers((list) => list.filter((c) => c.id !== id)), []);

  const restore = useCallback((id: string) => {
    const copy = offers.find((c) => c.id === id);
    if (!copy || !store || !scheduler) return;
    const name = copy.projectName.trim() || copy.fileName || id;
    const read = readProjectFile({ name: copy.fileName ?? `${name}.layerboard`, bytes: new TextEncoder().encode(copy.text) }, t);
    if (read.type === 'error') {
      // Reported by name and left where it is: it may still be worth something to someone.
      drop(id);
      notify('error', t('recovery:unreadable.title', { name }), [read.problem.title, ...read.problem.details, t('recovery:damaged.kept')]);
      return;
    }
    whenSafeToReplace(() => {
      void store.restore(id).then((result) => {
        if (result.type !== 'ok') {
          notify('error', t('recovery:restoreFailed', { name }), result.type === 'error' ? [result.message] : []);
          return;
        }
        drop(id);
        scheduler.adopt(id, read.project);
        const fileName = result.value.fileName ?? copy.fileName;
        showRestored(read.project, fileName ? { name: fileName, ref: result.value.ref } : null);
        if (read.warnings.length > 0) notify('warning', t('recovery:restoredWithWarnings', { name }), read.warnings);
      });
    });
  }, [offers, store, scheduler, drop, notify, t, whenSafeToReplace, showRestored]);

  const discard = useCallback((id: string) => {
    if (!store) return;
    void store.remove(id).then((result) => {
      if (result.type === 'error') notify('error', t('recovery:discardFailed'), [result.message]);
      drop(id);
    });
  }, [store, drop, notify, t]);

  const later = useCallback(() => setOffers([]), []);

  if (offers.length === 0) return null;
  const shown: RecoveryOffer[] = offers.map((c) => ({ id: c.id, projectName: c.projectName, fileName: c.fileName, savedAt: c.savedAt }));
  return <RecoveryDialog offers={shown} onRestore={restore} onDiscard={discard} onLater={later} />;
}
