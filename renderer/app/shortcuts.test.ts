import { describe, expect, it } from 'vitest';
import { shortcutFor, shortcutLabel, type KeyStroke } from './shortcuts.ts';

function key(k: string, mods: Partial<KeyStroke> = {}): KeyStroke {
  return { key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods };
}
const pc = { mac: false, typing: false };
const mac = { mac: true, typing: false };

describe('shortcuts', () => {
  it.each([
    [key('Delete'), 'delete'],
    [key('Backspace'), 'delete'],
    [key('z', { ctrlKey: true }), 'undo'],
    [key('Z', { ctrlKey: true, shiftKey: true }), 'redo'],
    [key('y', { ctrlKey: true }), 'redo'],
    [key('s', { ctrlKey: true }), 'save'],
    [key('S', { ctrlKey: true, shiftKey: true }), 'saveAs'],
    [key('o', { ctrlKey: true }), 'open'],
    [key('n', { ctrlKey: true }), 'new'],
    [key('d', { ctrlKey: true }), 'duplicate'],
    [key('a', { ctrlKey: true }), 'selectAll'],
    [key('i', { ctrlKey: true }), 'importCsv'],
    [key('L', { ctrlKey: true, shiftKey: true }), 'autoLayout'],
    [key('F', { ctrlKey: true, shiftKey: true }), 'fitView'],
    [key('M', { ctrlKey: true, shiftKey: true }), 'toggleMinimap'],
    [key('Enter', { ctrlKey: true }), 'train'],
    [key('z'), null],
    [key('z', { ctrlKey: true, altKey: true }), null],
    [key('z', { metaKey: true }), null],
  ])('Windows/Linux %o -> %s', (stroke, command) => {
    expect(shortcutFor(stroke, pc)).toBe(command);
  });

  it('macOS uses Cmd', () => {
    expect(shortcutFor(key('z', { metaKey: true }), mac)).toBe('undo');
    expect(shortcutFor(key('z', { metaKey: true, shiftKey: true }), mac)).toBe('redo');
    expect(shortcutFor(key('z', { ctrlKey: true }), mac)).toBeNull();
  });

  it('while typing, only file commands pass; editing keys belong to the field', () => {
    const typing = { mac: false, typing: true };
    expect(shortcutFor(key('Backspace'), typing)).toBeNull();
    expect(shortcutFor(key('z', { ctrlKey: true }), typing)).toBeNull();
    expect(shortcutFor(key('a', { ctrlKey: true }), typing)).toBeNull();
    expect(shortcutFor(key('s', { ctrlKey: true }), typing)).toBe('save');
  });

  it('labels', () => {
    expect(shortcutLabel('undo', false)).toBe('Ctrl+Z');
    expect(shortcutLabel('saveAs', false)).toBe('Ctrl+Shift+S');
    expect(shortcutLabel('redo', true)).toBe('⇧⌘Z');
    expect(shortcutLabel('fitView', false)).toBe('Ctrl+Shift+F');
    expect(shortcutLabel('about', true)).toBeNull();
  });
});
