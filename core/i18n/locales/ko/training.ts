export default {
  divergedNaN: '에포크 {{epoch}}의 스텝 {{step}}(이번 학습의 {{globalStep}}번째 스텝)에서 손실이 NaN이 되어 학습이 발산했습니다. ' +
    '마지막으로 유한했던 가중치를 유지합니다. 학습률({{lr}})이 너무 높은 것 같습니다. {{suggestedLr}} 이하로 낮추거나 기울기 클리핑을 켜세요.',
  divergedInfinite: '에포크 {{epoch}}의 스텝 {{step}}(이번 학습의 {{globalStep}}번째 스텝)에서 손실이 무한대가 되어 학습이 발산했습니다. ' +
    '마지막으로 유한했던 가중치를 유지합니다. 학습률({{lr}})이 너무 높은 것 같습니다. {{suggestedLr}} 이하로 낮추거나 기울기 클리핑을 켜세요.',
  earlyStopped_other: '검증 손실이 {{count}} 에포크 동안 나아지지 않아 학습을 멈추고 가장 좋았던 가중치(에포크 {{bestEpoch}})로 되돌렸습니다.',
} as const;
