/**
 * Electron's security checklist, the parts that are event handlers: no navigation away from
 * our pages, no new windows, no <webview>, no permissions beyond writing to the clipboard, and
 * the CSP header on every response. Applied to every webContents the app ever creates
 * (app 'web-contents-created'), not only to the windows main builds itself.
 */

export interface PreventableEvent {
  preventDefault(): void;
}

/** The part of WebContents hardened here. */
export interface HardenableContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface HardenOptions {
  isTrustedUrl(url: string): boolean;
  /** Hands an https link to the system browser (shell.openExternal). */
  openExternal(url: string): Promise<void>;
  log(message: string): void;
}

/** Only https links leave the app, and only to the system browser; file:, smb:, custom schemes never do. */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

export function hardenWebContents(contents: HardenableContents, options: HardenOptions): void {
  const guard = (kind: string) => (event: PreventableEvent, url: string) => {
    // A reload of our own page is fine; anything else would put foreign content in a window that has our preload.
    if (options.isTrustedUrl(url)) return;
    event.preventDefault();
    options.log(`blocked ${kind} to ${url.slice(0, 200)}`);
  };
  contents.on('will-navigate', guard('navigation'));
  contents.on('will-redirect', guard('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    options.log('blocked a <webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLinkAllowed(url)) {
      options.openExternal(url).catch((e: unknown) => options.log(`could not open ${url.slice(0, 200)}: ${String(e)}`));
    } else {
      options.log(`blocked a new window for ${url.slice(0, 200)}`);
    }
    return { action: 'deny' };
  });
}

/** The one permission our pages get: writing to the clipboard (navigator.clipboard.writeText). */
export function isPermissionGranted(permission: string, requestingUrl: string, isTrustedUrl: (url: string) => boolean): boolean {
  return permission === 'clipboard-sanitized-write' && isTrustedUrl(requestingUrl);
}

export type ResponseHeaders = Record<string, string | string[]>;

/** The response headers with our CSP in place of any the response brought (dev server responses, mostly). */
export function withCsp(headers: ResponseHeaders | undefined, csp: string): ResponseHeaders {
  const result: ResponseHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [csp];
  return result;
}

/** The part of Electron's Session configured here. */
export interface SessionPort {
  webRequest: {
    onHeadersReceived(listener: (details: { responseHeaders?: Record<string, string[]> }, callback: (response: { responseHeaders?: ResponseHeaders }) => void) => void): void;
  };
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl?: string }) => void): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string, requestingOrigin: string) => boolean): void;
}

export function configureSession(session: SessionPort, options: { csp: string; isTrustedUrl(url: string): boolean; log(message: string): void }): void {
  session.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withCsp(details.responseHeaders, options.csp) }));
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = isPermissionGranted(permission, details.requestingUrl ?? '', options.isTrustedUrl);
    if (!granted) options.log(`denied permission ${permission}`);
    callback(granted);
  });
  // requestingOrigin is an origin ("app://layerboard"); make it a URL for the same check.
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionGranted(permission, `${requestingOrigin}/`, options.isTrustedUrl));
}
