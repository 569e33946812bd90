export default {
  file: {
    title: '파일', mnemonic: '파일(&F)',
    new: '새 프로젝트', newWindow: '새 창', open: '열기…', openSample: '예제 열기…', openRecent: '최근 항목 열기', clearMenu: '메뉴 지우기',
    noRecent: '최근 프로젝트 없음', clearRecent: '최근 항목 지우기', save: '저장', saveAs: '다른 이름으로 저장…',
    importCsv: 'CSV 가져오기…', export: '내보내기…', closeWindow: '창 닫기', exit: '끝내기(&X)',
  },
  edit: {
    title: '편집', mnemonic: '편집(&E)',
    undo: '실행 취소', redo: '다시 실행', cut: '잘라내기', copy: '복사', paste: '붙여넣기', duplicate: '복제', delete: '삭제', selectAll: '모두 선택',
  },
  view: {
    title: '보기', mnemonic: '보기(&V)',
    autoLayout: '자동 배치', fitView: '창에 맞추기', toggleMinimap: '미니맵 보기/숨기기',
    resetZoom: '실제 크기', zoomIn: '확대', zoomOut: '축소', fullScreen: '전체 화면 전환',
    reload: '강제 새로 고침', devTools: '개발자 도구 전환', language: '언어',
  },
  language: { system: '시스템 설정 ({{language}})' },
  train: { title: '학습', mnemonic: '학습(&T)', train: '학습 시작', stop: '중지' },
  app: {
    about: '{{appName}} 정보', services: '서비스', hide: '{{appName}} 가리기', hideOthers: '기타 가리기', showAll: '모두 보기', quit: '{{appName}} 종료',
  },
  window: { title: '창' },
  help: { title: '도움말', mnemonic: '도움말(&H)' },
  bar: { label: '주 메뉴' },
} as const;
