/** 파일 › 내보내기… (renderer/export/use-export.tsx, panels/ExportDialog.tsx). */
export default {
  dialog: {
    title: '내보내기',
    format: '형식',
    weights: '스크립트의 시작 가중치',
    export: '내보내기…',
    cancel: '취소',
    needsTraining: '먼저 신경망을 학습시키세요. 이 형식에는 학습된 가중치가 필요합니다.',
    needsData: '먼저 CSV를 연결하세요. 이 형식에는 데이터가 필요합니다.',
  },
  format: {
    pytorch: { title: 'PyTorch 스크립트', about: '강의와 같은 스타일의 .py 파일 하나: 데이터, 전처리, nn.Module 모델, 학습 루프가 들어 있습니다.' },
    'pytorch-ddp': { title: 'torchrun용 PyTorch 스크립트', about: '같은 스크립트를 DistributedDataParallel로 여러 프로세스에서 실행할 수 있게 만든 것입니다.' },
    onnx: { title: 'ONNX 모델', about: 'ONNX Runtime 등에서 추론에 쓰는 학습된 신경망입니다.' },
    weights: { title: '가중치 (JSON)', about: '각 층의 학습된 가중치와 편향을 PyTorch의 [out, in] 배치로 담습니다.' },
    predictions: { title: '예측값 (CSV)', about: '데이터의 입력 열과 타깃 옆에 각 행의 예측값을 원래 단위로 붙입니다.' },
  },
  weights: {
    trained: '학습됨: 이 프로젝트에 저장된 가중치',
    initial: '초기값: Layerboard의 시드 고정 시작값 (스크립트가 Layerboard와 같은 손실을 보여 줍니다)',
    fresh: '새로 초기화: PyTorch 자체 초기화',
  },
  done: {
    title: '{{name}} 내보내기 완료',
    where: '저장 위치: {{location}}',
    downloaded: '브라우저의 다운로드 폴더에 저장했습니다',
    picked: '선택한 위치에 저장했습니다',
  },
  failed: '“{{name}}”을(를) 내보내지 못했습니다',
  cannotSave: '이 빌드에서는 파일을 저장할 수 없습니다.',
} as const;
