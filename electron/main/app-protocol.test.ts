import { describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, contentTypeOf, createAppProtocolHandler, resolveAppPath } from './app-protocol.ts';
import { devServerOriginOf, isTrustedPageUrl } from './app-url.ts';
import { contentSecurityPolicy } from './csp.ts';

const ROOT = '/app/out/renderer';
const FILES: Record<string, string> = {
  [`${ROOT}/index.html`]: '<!doctype html>',
  [`${ROOT}/assets/index-abc.js`]: 'console.log(1)',
  [`${ROOT}/assets/my file.css`]: 'body{}',
  '/app/out/main/main.js': 'secret main code',
  '/etc/passwd': 'root:x:0:0',
};

const handler = createAppProtocolHandler({
  root: ROOT,
  csp: contentSecurityPolicy(),
  readFile: async (path) => {
    if (!(path in FILES)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    return new TextEncoder().encode(FILES[path]);
  },
});

describe('app:// serves the renderer folder and nothing else', () => {
  it('registers a standard, secure scheme with fetch support', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } });
  });

  // One row per URL: what it must serve (null: 404).
  const rows: [string, string | null][] = [
    ['app://layerboard/index.html', '<!doctype html>'],
    ['app://layerboard/', '<!doctype html>'],
    ['app://layerboard/assets/index-abc.js', 'console.log(1)'],
    ['app://layerboard/assets/my%20file.css', 'body{}'],
    ['app://layerboard/../main/main.js', null],
    ['app://layerboard/%2e%2e/main/main.js', null],
    ['app://layerboard/assets/..%2f..%2fmain%2fmain.js', null],
    ['app://layerboard/..%5c..%5cmain%5cmain.js', null],
    ['app://layerboard/%2Fetc%2Fpasswd', null],
    ['app://layerboard//etc/passwd', null],
    ['app://layerboard/index.html%00.js', null],
    ['app://layerboard/%E0%A4%A', null],
    ['app://layerboard/missing.js', null],
    ['app://other/index.html', null],
    ['app://layerboard.evil/index.html', null],
  ];

  it.each(rows)('%s', async (url, body) => {
    const response = await handler(new Request(url));
    if (body === null) {
      expect(response.status).toBe(404);
    } else {
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(body);
      expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('answers with the right content types, and only to GET and HEAD', async () => {
    expect((await handler(new Request('app://layerboard/assets/index-abc.js'))).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('x.wasm')).toBe('application/wasm');
    expect(contentTypeOf('x.unknown')).toBe('application/octet-stream');
    expect((await handler(new Request('app://layerboard/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
    const head = await handler(new Request('app://layerboard/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('resolveAppPath keeps every path inside the root', () => {
    expect(resolveAppPath(ROOT, '/a/b/../c.js')).toBe(`${ROOT}/a/c.js`);
    expect(resolveAppPath(ROOT, '/a/%2e%2e/%2e%2e/x')).toBeNull();
    expect(resolveAppPath(ROOT, '/%')).toBeNull();
  });
});

describe('trusted pages and the CSP', () => {
  it('trusts app://layerboard and, when given, the dev server origin only', () => {
    expect(isTrustedPageUrl('app://layerboard/index.html')).toBe(true);
    expect(isTrustedPageUrl('app://layerboard/index.html#x?y')).toBe(true);
    expect(isTrustedPageUrl('app://Layerboard/index.html')).toBe(true);
    expect(isTrustedPageUrl('app://layerboard.evil/')).toBe(false);
    expect(isTrustedPageUrl('file:///app/index.html')).toBe(false);
    expect(isTrustedPageUrl('http://localhost:5173/')).toBe(false);
    expect(isTrustedPageUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isTrustedPageUrl('http://localhost:5173.evil.com/', 'http://localhost:5173')).toBe(false);
    expect(isTrustedPageUrl('not a url')).toBe(false);
    expect(devServerOriginOf('http://localhost:5173/')).toBe('http://localhost:5173');
    expect(devServerOriginOf('file:///x')).toBeNull();
    expect(devServerOriginOf(undefined)).toBeNull();
  });

  it('allows only our own scripts, no eval, no foreign connections, no frames or plugins', () => {
    const csp = contentSecurityPolicy();
    const directives = Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'", 'blob:', 'data:']);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/https?:/);
  });

  it('loosens only what the dev server needs in development', () => {
    const csp = contentSecurityPolicy('http://localhost:5173');
    expect(csp).toContain("script-src 'self' 'unsafe-inline'");
    expect(csp).toContain("connect-src 'self' blob: data: ws://localhost:5173");
    expect(csp).not.toContain('unsafe-eval');
  });
});
