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
} as const;
