export default {
  usage: `사용법: layerboard <명령> [옵션]

명령:
  check <project> [--json]                       컴파일러의 진단을 보여 줍니다. 오류가 하나라도 있으면 종료 코드 1
  train <project> [--data CSV] [--epochs N] [--out FILE [--embed]] [--json]
                                                 프로젝트 설정으로 학습합니다(저장된 가중치가 있으면 거기서부터).
                                                 --embed는 CSV를 저장하는 프로젝트 안에 넣습니다
  predict <project> --data CSV [--out CSV]       타깃의 원래 단위로 예측합니다
  inspect <csv> [--json]                         열 타입, 결측 개수, 평균, 표준편차, 최솟값, 최댓값
  {{exportUsage}}
                                                 PyTorch 스크립트, ONNX 모델, 가중치 또는 예측값으로 내보냅니다(docs/export.md)

모든 명령에 쓸 수 있는 옵션:
  --lang en|ko                                   메시지 언어(기본값: LC_ALL, LC_MESSAGES, LANG에서 정함)

종료 코드: 0 성공, 1 잘못된 입력, 2 내부 오류.`,
  unknownCommand: '알 수 없는 명령입니다: "{{command}}".',
  badLang: '--lang은 en 또는 ko여야 합니다(입력: "{{value}}").',
  internalError: '내부 오류: {{error}}. 문제를 알려 주세요{{debugHint}}.',
  debugHint: ' (자세한 내용은 LAYERBOARD_DEBUG=1로 실행)',
  warning: '경고: {{text}}',
  severity: { error: '오류', warning: '경고', info: '정보' },
  graph: '그래프',
  fix: '고치기: {{label}}',
  save: {
    noFolder: '{{path}}을(를) 저장할 수 없습니다: {{folder}} 폴더가 없습니다.',
    denied: '{{path}}을(를) 저장할 수 없습니다: 권한이 없습니다.',
    isFolder: '{{path}}을(를) 저장할 수 없습니다: 폴더입니다.',
    diskFull: '{{path}}을(를) 저장할 수 없습니다: 디스크가 가득 찼습니다. 이전 파일이 있었다면 그대로 남아 있습니다.',
  },
  check: {
    usage: 'check에는 프로젝트 파일 하나가 필요합니다: layerboard check <project>',
    dataNotPrepared: '데이터를 준비할 수 없어서 데이터 없이 너비를 검사했습니다: {{reason}}',
    dataNotRead: '데이터를 읽을 수 없어서 데이터 없이 너비를 검사했습니다: {{reason}}',
    summary: '{{file}}: {{errors}}, {{warnings}}',
    errors_other: '오류 {{count}}개',
    warnings_other: '경고 {{count}}개',
  },
  train: {
    usage: 'train에는 프로젝트 파일 하나가 필요합니다: layerboard train <project> [--data CSV] [--epochs N] [--out FILE [--embed]] [--json]',
    embedNeedsOut: '--embed는 CSV를 저장하는 프로젝트 안에 넣으므로 --out FILE이 필요합니다.',
    badEpochs: '--epochs는 1 이상의 정수여야 합니다(입력: "{{value}}").',
    badSettings: '{{file}}: 학습 설정: {{problem}}',
    reading: '{{file}} 읽는 중 {{bar}}',
    dataChanged: '프로젝트를 저장한 뒤 {{file}}이(가) 바뀌었습니다. 가중치는 다른 데이터로 학습된 것입니다.',
    stopping: '현재 스텝을 마치고 멈춥니다(바로 끝내려면 Ctrl-C를 한 번 더 누르세요)…',
    epochsPerSecond: '초당 {{value}} 에포크',
    rowsPerSecond: '초당 {{value}}행',
    progress: '에포크 {{epoch}}/{{epochs}} {{bar}} 손실 {{loss}}{{validation}}  {{rate}}  남은 시간 {{eta}}',
    progressValidation: ' 검증 {{loss}}',
    done: {
      completed_other: '{{count}} 에포크 학습 완료({{duration}}): 학습 손실 {{loss}}{{validation}}',
      stopped_other: '{{count}} 에포크 후 중지({{duration}}): 학습 손실 {{loss}}{{validation}}',
      earlyStopped_other: '{{count}} 에포크 후 조기 종료({{duration}}): 학습 손실 {{loss}}{{validation}}',
      diverged_other: '{{count}} 에포크 후 발산({{duration}}): 학습 손실 {{loss}}{{validation}}',
    },
    doneValidation: ', 검증 손실 {{loss}}',
    saved: '학습한 프로젝트를 {{file}}에 저장했습니다',
  },
  metrics: {
    train: '학습',
    validation: '검증',
    regression: '{{set}} {{target}}: MSE {{mse}}  RMSE {{rmse}}  MAE {{mae}}  R² {{r2}}',
    accuracy: '{{set}} 정확도 {{accuracy}}',
    perClass: '{{class}}: 정밀도 {{precision}}  재현율 {{recall}}',
    confusion: '혼동 행렬(행 = 실제, 열 = 예측): {{matrix}}',
  },
  predict: {
    usage: 'predict에는 프로젝트와 CSV가 필요합니다: layerboard predict <project> --data CSV [--out CSV]',
    noWeights: '{{file}}에는 아직 학습된 가중치가 없습니다. 먼저 학습하세요: layerboard train {{file}} --out {{file}}',
    wrote_other: '예측 {{count}}개를 {{file}}에 썼습니다',
  },
  inspect: {
    usage: 'inspect에는 CSV 파일 하나가 필요합니다: layerboard inspect <csv> [--json]',
    summary_other: '{{file}}: {{count}}행, {{columns}}열',
    heading: { column: '열', type: '타입', missing: '결측', mean: '평균', std: '표준편차', min: '최솟값', max: '최댓값', distinct: '고유값' },
  },
  files: {
    noSuchFile: '{{file}}: 파일이 없습니다.',
    isFolder: '{{file}}은(는) .layerboard 파일이 아니라 폴더입니다.',
    moreErrors: ' (그 밖에 {{count}}개 더)',
    dataNotFound: '{{file}}: 데이터 파일을 찾을 수 없습니다. --data FILE로 다시 연결하세요.',
    line: '{{line}}행',
    column: '"{{column}}" 열',
    raggedHint: ' 명령줄에서는 --skip-ragged-rows 옵션입니다.',
    weightsDoNotFit: '프로젝트에 저장된 가중치가 그래프와 맞지 않습니다: {{reason}}',
  },
  export: {
    usage: 'export에는 프로젝트, 형식, 출력 파일이 필요합니다: layerboard {{exportUsage}}',
    badFormat: '--format은 {{formats}} 중 하나여야 합니다(입력: "{{value}}").',
    weightsNeedScript: '--weights는 PyTorch 스크립트의 시작 가중치를 고르는 옵션이라 --format pytorch 또는 pytorch-ddp가 필요합니다.',
    badWeights: '--weights는 {{choices}} 중 하나여야 합니다(입력: "{{value}}").',
    dataNeedsPredictions: '--data는 예측할 CSV를 지정하는 옵션이라 --format predictions가 필요합니다.',
    embeddedCsv: '프로젝트 안에 CSV가 들어 있습니다. 스크립트 옆에 {{file}}(으)로 저장하거나, 스크립트에 --csv FILE을 넘기세요.',
    wrote: '{{file}}을(를) 썼습니다: {{summary}}.',
    runIt: '실행 방법: {{command}}',
  },
} as const;
