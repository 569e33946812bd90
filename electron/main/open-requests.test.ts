import { describe, expect, it } from 'vitest';
import { createOpenQueue, projectPathsFromArgv } from './open-requests.ts';

describe('projectPathsFromArgv', () => {
  // One row per command line (packaged app, `electron .`, a second instance with Chromium's flags).
  const rows: [string, string[], string[]][] = [
    ['packaged, no file', ['/opt/Layerboard/layerboard'], []],
    ['packaged, relative file', ['/opt/Layerboard/layerboard', 'nets/a.layerboard'], ['/home/u/nets/a.layerboard']],
    ['electron ., absolute file', ['/x/electron', '.', '/tmp/b.layerboard'], ['/tmp/b.layerboard']],
    ['second instance with flags', ['/opt/layerboard', '--allow-file-access-from-files', '--original-process-start-time=1', '/tmp/c.LAYERBOARD'], ['/tmp/c.LAYERBOARD']],
    ['a flag that looks like a file', ['app', '--open=/tmp/x.layerboard'], []],
    ['other files are not projects', ['app', 'data.csv', 'notes.txt', 'x.layerboard.bak'], []],
    ['the same file twice', ['app', 'a.layerboard', './a.layerboard'], ['/home/u/a.layerboard']],
    ['two files', ['app', 'a.layerboard', 'b.layerboard'], ['/home/u/a.layerboard', '/home/u/b.layerboard']],
  ];
  it.each(rows)('%s', (_name, argv, expected) => {
    expect(projectPathsFromArgv(argv, '/home/u')).toEqual(expected);
  });
});

describe('createOpenQueue', () => {
  it('holds requests until drained, then passes them straight through', () => {
    const queue = createOpenQueue();
    queue.push('/a');
    queue.push('/b');
    queue.push('/a');
    const opened: string[] = [];
    expect(queue.drain((p) => opened.push(p))).toBe(2);
    queue.push('/c');
    expect(opened).toEqual(['/a', '/b', '/c']);
  });
});
