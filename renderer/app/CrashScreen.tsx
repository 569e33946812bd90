/**
 * The last line of defence: if rendering throws, show what happened in one sentence and offer
 * the project for download, so no work is lost. No stack trace on screen.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { serializeProject, type Project } from '../../core/index.ts';
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
    return (
      <div className="lb-crash" role="alert">
        <h1>Layerboard stopped drawing the window</h1>
        <p>{this.state.error.message || 'An unexpected error happened.'}</p>
        <p>Your project is still here. Download it, then reload the window and open it again.</p>
        <div className="lb-button-row">
          <button type="button" className="lb-button lb-button--primary" onClick={this.download}>Download the project</button>
          <button type="button" className="lb-button" onClick={() => location.reload()}>Reload</button>
        </div>
      </div>
    );
  }
}
