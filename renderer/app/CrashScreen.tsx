/**
 * The last line of defence: if rendering throws, show what happened in one sentence and offer
 * the project for download, so no work is lost. No stack trace on screen.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { serializeProject, type Project } from '../../core/index.ts';
import { appI18n } from '../i18n/i18n.ts';
import { suggestedFileName } from './file-reading.ts';

interface CrashScreenProps {
  children: ReactNode;
  lastDocument(): Project | null;
}

export class CrashScreen extends Component<CrashScreenProps, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // For whoever opens the developer tools; the window shows a sentence instead.
    console.error('Layerboard crashed while rendering', error, info.componentStack);
  }

  private download = () => {
    const doc = this.props.lastDocument();
    if (!doc) return;
    const url = URL.createObjectURL(new Blob([serializeProject(doc)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = suggestedFileName(doc.name);
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };

  override render() {
    if (!this.state.error) return this.props.children;
    // A class component outside the tree that failed: the window's translator, not a hook.
    const t = appI18n().t;
    return (
      <div className="lb-crash" role="alert">
        <h1>{t('panels:crash.title')}</h1>
        <p>{this.state.error.message || t('panels:crash.unexpected')}</p>
        <p>{t('panels:crash.safe')}</p>
        <div className="lb-button-row">
          <button type="button" className="lb-button lb-button--primary" onClick={this.download}>{t('panels:crash.download')}</button>
          <button type="button" className="lb-button" onClick={() => location.reload()}>{t('panels:crash.reload')}</button>
        </div>
      </div>
    );
  }
}
