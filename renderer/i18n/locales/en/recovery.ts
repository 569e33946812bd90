/** Recovery copies of unsaved work (renderer/app/use-recovery.ts, panels/RecoveryDialog.tsx). */
export default {
  dialog: {
    title: 'Recover unsaved work',
    intro_one: 'Layerboard closed before this project was saved. Restore it to keep working: it opens with its changes unsaved.',
    intro_other: 'Layerboard closed before these {{count}} projects were saved. Restore one to keep working: it opens with its changes unsaved.',
    untitled: 'Untitled',
    file: 'File: {{file}}',
    noFile: 'Never saved to a file',
    savedAt: 'Kept at {{time}}',
    restore: 'Restore',
    discard: 'Discard',
    later: 'Decide later',
  },
  damaged: {
    title: 'A recovery copy could not be read',
    kept: 'It was left where it is; nothing was deleted or overwritten.',
  },
  unreadable: {
    title: 'The recovery copy of “{{name}}” could not be opened',
  },
  restoredWithWarnings: 'Restored “{{name}}”; some parts were dropped',
  restoreFailed: 'Could not restore “{{name}}”',
  discardFailed: 'Could not discard the recovery copy',
  writeFailed: 'Could not keep a recovery copy of your unsaved work',
} as const;
