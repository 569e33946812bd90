export default {
  projectType: 'Layerboard 프로젝트',
  saveFailed: '{{name}}을(를) 저장하지 못했습니다: {{why}}',
  readFailed: '{{name}}을(를) 읽지 못했습니다: {{why}}',
  cannotReadNextTo: '브라우저에서는 Layerboard가 직접 고른 파일만 읽을 수 있어서, 프로젝트 옆의 "{{path}}"을(를) 스스로 열 수 없습니다. 파일 › CSV 가져오기…로 {{name}}을(를) 골라 연결하세요.',
  cannotWrite: '이 브라우저는 파일에 쓸 수 없습니다',
  noPermission: '파일에 쓸 권한을 받지 못했습니다',
  trainerUnreadable: '학습 프로세스가 읽을 수 없는 메시지를 보냈습니다.',
  trainerNotStarted: '학습 프로세스가 시작되지 않았습니다.',
  trainerStartFailed: '학습 프로세스를 시작하지 못했습니다: {{why}}',
  sampleFailed: '예제 프로젝트를 불러오지 못했습니다: {{why}}',
  sampleCancelled: '예제 프로젝트 불러오기가 취소되었습니다',
  startFailed: 'Layerboard를 시작하지 못했습니다: {{why}}',
} as const;
