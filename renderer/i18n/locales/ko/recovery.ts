/** 저장하지 않은 작업의 복구본 (renderer/app/use-recovery.ts, panels/RecoveryDialog.tsx). */
export default {
  dialog: {
    title: '저장하지 않은 작업 복구',
    intro_other: 'Layerboard가 프로젝트 {{count}}개를 저장하기 전에 종료되었습니다. 복구하면 저장하지 않은 상태로 열려 이어서 작업할 수 있습니다.',
    untitled: '제목 없음',
    file: '파일: {{file}}',
    noFile: '아직 파일로 저장한 적 없음',
    savedAt: '{{time}}에 보관됨',
    restore: '복구',
    discard: '버리기',
    later: '나중에 결정',
  },
  damaged: {
    title: '복구본을 읽을 수 없습니다',
    kept: '복구본은 그대로 두었습니다. 아무것도 지우거나 덮어쓰지 않았습니다.',
  },
  unreadable: {
    title: '“{{name}}”의 복구본을 열 수 없습니다',
  },
  restoredWithWarnings: '“{{name}}”을(를) 복구했지만 일부는 버려졌습니다',
  restoreFailed: '“{{name}}”을(를) 복구하지 못했습니다',
  discardFailed: '복구본을 버리지 못했습니다',
  writeFailed: '저장하지 않은 작업의 복구본을 보관하지 못했습니다',
} as const;
