export default {
  divergedNaN: '에포크 {{epoch}}의 스텝 {{step}}(이번 학습의 {{globalStep}}번째 스텝)에서 손실이 NaN이 되어 학습이 발산했습니다. ' +
    '마지막으로 유한했던 가중치를 유지합니다. 학습률({{lr}})이 너무 높은 것 같습니다. {{suggestedLr}} 이하로 낮추거나 기울기 클리핑을 켜세요.',
  divergedInfinite: '에포크 {{epoch}}의 스텝 {{step}}(이번 학습의 {{globalStep}}번째 스텝)에서 손실이 무한대가 되어 학습이 발산했습니다. ' +
    '마지막으로 유한했던 가중치를 유지합니다. 학습률({{lr}})이 너무 높은 것 같습니다. {{suggestedLr}} 이하로 낮추거나 기울기 클리핑을 켜세요.',
  earlyStopped_other: '검증 손실이 {{count}} 에포크 동안 나아지지 않아 학습을 멈추고 가장 좋았던 가중치(에포크 {{bestEpoch}})로 되돌렸습니다.',
  failed: {
    projectInvalid: '프로젝트가 올바르지 않습니다: {{problems}}',
    problemAt: '{{path}}: {{text}}',
    problems: '{{first}}; {{rest}}',
    dataAt: '{{file}}: {{problem}}',
    dataAtLine: '{{file}}, {{line}}행: {{problem}}',
    dataAtColumn: '{{file}}, "{{column}}" 열: {{problem}}',
    dataAtLineColumn: '{{file}}, {{line}}행, "{{column}}" 열: {{problem}}',
    graphErrors: '신경망에 오류가 있습니다. 학습하기 전에 고치세요.',
    weightsDoNotFit: '저장된 가중치가 더 이상 신경망과 맞지 않습니다({{reason}}). 가중치를 초기화해 처음부터 학습하세요.',
    busy: '이미 학습이 진행 중입니다. 먼저 멈추세요.',
    internal: '내부 오류로 학습이 멈췄습니다: {{error}}. 마지막으로 저장한 가중치는 그대로입니다.',
  },
  settings: {
    learningRate: '학습률은 0보다 큰 수여야 합니다(지금은 {{value}}).',
    notNegative: '{{name}}은(는) 0 이상이어야 합니다(지금은 {{value}}).',
    nesterov: 'Nesterov 모멘텀을 쓰려면 모멘텀(momentum)이 0보다 크고 dampening이 0이어야 합니다.',
    betas: 'betas(β₁, β₂)는 둘 다 0 이상 1 미만이어야 합니다(지금은 {{beta1}}, {{beta2}}).',
    epochs: '에포크 수(epochs)는 1 이상의 정수여야 합니다(지금은 {{value}}).',
    batchSize: '배치 크기(batchSize)는 1 이상의 정수여야 합니다. 전체 배치를 쓰려면 비워 두세요(지금은 {{value}}).',
    gradClipNorm: '그레디언트 클리핑 최댓값(gradClipNorm)은 0보다 커야 합니다(지금은 {{value}}).',
    patience: '조기 종료의 인내 에포크(earlyStopping.patience)는 1 이상의 정수여야 합니다.',
    names: { weightDecay: '가중치 감쇠(weightDecay)', momentum: '모멘텀(momentum)', eps: 'ε(eps)', alpha: 'α(alpha)' },
  },
} as const;
