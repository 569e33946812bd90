export default {
  LB101: { message: '다음 노드들이 루프를 이룹니다: {{cycle}}. 신경망은 입력에서 출력 쪽으로만 흘러야 하므로, 루프에 있는 연결 하나를 지우세요.' },
  LB102: { message: '그래프에 Input 노드가 없습니다. 특성(feature) 열을 신경망에 넣어 주는 Input 노드를 하나 추가하세요.' },
  LB103: { message: '그래프에 Input 노드가 둘 이상 있습니다({{inputs}}). 모든 특성은 Input 하나로 들어옵니다. {{id}}을(를) 지우고, 거기에 연결된 노드들을 {{first}}에 연결하세요.' },
  LB104: { message: '그래프에 Output 노드가 없습니다. 마지막 계층 뒤에 하나 추가하세요. Output 노드가 예측을 타깃과 비교하고 손실을 계산합니다.' },
  LB105: { message: '그래프에 Output 노드가 둘 이상 있습니다({{outputs}}). Output은 하나만 두세요. 타깃 여러 개를 예측하려면 마지막 계층의 출력을 타깃마다 하나씩 두면 됩니다.' },
  LB106: { message: '{{node}}은(는) 입력 {{input}}에서 이어지지 않아 데이터가 전혀 흐르지 않습니다. 신경망에 연결하거나 지우세요.' },
  LB107: { message: '{{node}}은(는) 출력 {{output}}까지 이어지지 않아 손실로 학습시킬 수 없습니다. 다음 노드에 연결하거나 지우세요.' },
  LB108: {
    message_none: '{{node}}에 입력이 없습니다. 다른 노드를 연결하거나 이 노드를 지우세요.',
    message_other: '{{node}}에는 입력이 {{count}}개 이상 필요하지만 지금은 {{actual}}개입니다.',
  },
  LB109: {
    message: '{{node}}은(는) 입력을 하나만 받는데 {{actual}}개가 연결되어 있습니다({{producers}}). 먼저 Add나 Concat으로 합치세요.',
    message_input: '{{node}}은(는) Input이라서 다른 노드가 여기로 연결될 수 없습니다(연결된 노드: {{producers}}).',
  },
  LB110: { message: '연결 {{from}} → {{to}}의 한쪽 끝 "{{missing}}"은(는) 이 그래프에 없는 노드입니다.' },
  LB111: { message: '두 노드가 같은 id "{{id}}"를 쓰고 있습니다. 노드마다 서로 다른 id가 필요합니다.' },
  LB112: { message: '{{from}}에서 {{to}}(으)로 가는 연결이 두 번 있습니다.' },
  LB113: { message: '{{node}}이(가) 자기 자신에게 연결되어 있습니다. 신경망은 입력에서 출력 쪽으로 흘러야 합니다.' },
  LB114: { message: '{{node}}은(는) Output이라서 뒤에 아무것도 올 수 없는데, {{successors}}에 연결되어 있습니다.' },
  LB201: {
    message: '{{node}}: {{param}} 값 {{value}}은(는) 쓸 수 없습니다. 허용되는 값: {{expected}}.',
    message_missing: '{{node}}: {{param}} 값이 없습니다. 허용되는 값: {{expected}}.',
  },
  LB202: { message: '{{node}}의 타입 "{{type}}"은(는) 알 수 없는 타입입니다. 사용할 수 있는 타입: {{known}}.' },
  LB301: { message: '{{node}}은(는) 입력 특성 {{expected}}개(inFeatures)를 기대하지만, {{producer}}에서 {{actual}}개가 들어옵니다.' },
  LB302: {
    message: '{{node}}은(는) 입력을 원소별로 더하므로 입력의 너비가 모두 같아야 하는데, {{widths}}입니다. 너비를 맞추거나, Concat으로 나란히 이어 붙이세요(너비 {{total}}).',
    inputWidth: '{{input}}의 너비는 {{width}}',
  },
  LB303: {
    message: '{{source}}은(는) 행마다 {{predicted}}를 예측하지만, 타깃 {{target}}은(는) {{columns}}입니다. ' +
      '{{loss}} 손실은 [N, {{width}}] 모양의 예측과 [N, {{targetWidth}}] 모양의 타깃을 비교하게 되는데, PyTorch는 경고만 하고 브로드캐스팅하므로 의미 없는 손실로 학습하게 됩니다. ' +
      '마지막 계층의 출력을 {{targetWidth}}(으)로 맞추세요.',
  },
  LB304: {
    message: 'crossEntropy는 클래스마다 출력(로짓)이 하나씩 필요합니다. {{target}}에는 {{classes}}가 있지만 {{source}}의 출력은 {{width}}개입니다. 마지막 계층의 출력을 {{k}}(으)로 맞추세요.',
    message_bce: '클래스가 두 개인 타깃에 bce를 쓰려면 출력이 하나(두 번째 클래스의 로짓)여야 하는데, {{source}}의 출력은 {{width}}개입니다. 마지막 계층의 출력을 1로 맞추세요.',
  },
  LB305: { message: '아직 데이터가 연결되지 않아 입력 너비를 알 수 없습니다. CSV를 가져오고 특성 열을 고르세요.' },
  LB306: {
    message_crossEntropyOnRegression: '{{node}}은(는) 클래스 레이블이 필요한 crossEntropy를 쓰는데, {{target}}은(는) 수치 타깃(회귀)입니다. mse를 쓰거나, 타깃을 클래스로 다루세요.',
    message_bceMulticlass: 'bce는 예/아니오 타깃에 쓰는 손실인데, {{target}}에는 {{classes}}가 있습니다. 출력이 {{k}}개인 crossEntropy를 쓰세요.',
    message_numericLossOnClasses: '{{node}}은(는) 수치끼리 비교하는 {{loss}}를 쓰는데, {{target}}은(는) 클래스 레이블({{classes}})입니다. 출력이 {{k}}개인 crossEntropy를 쓰세요.',
  },
  LB401: {
    message: '{{previous}}이(가) 활성화 함수 없이 {{node}}에 바로 이어져 있어, 둘을 합치면 선형 계층 하나와 같습니다: ' +
      '(x·W₁ + b₁)·W₂ + b₂ = x·(W₁W₂) + (b₁W₂ + b₂). 선형 계층을 이렇게 쌓아도 곡선 모양의 데이터를 더 잘 맞추지 못합니다. 두 계층 사이에 ReLU 같은 비선형 함수를 넣으세요.',
  },
  LB402: {
    message: '{{node}}({{title}})이(가) 회귀 문제의 마지막 선형 계층 뒤에 있습니다: {{limit}}. 회귀의 마지막 계층에는 활성화 함수를 두지 않으니 지우세요.',
    limit: {
      relu: 'ReLU의 출력은 음수가 될 수 없어 음수 값을 예측하지 못하고, 예측이 0보다 작아야 하는 곳에서는 기울기가 0이 됩니다',
      leakyRelu: 'LeakyReLU는 음수 예측을 기울기만큼 줄이므로 음수 값에 도달하기가 훨씬 어렵습니다',
      sigmoid: '시그모이드는 모든 예측을 0…1 사이로 눌러 담습니다',
      tanh: 'tanh는 모든 예측을 −1…1 사이로 눌러 담습니다',
      softplus: 'softplus의 출력은 항상 양수입니다',
      elu: 'ELU의 출력은 −alpha보다 작아지지 않습니다',
      gelu: 'GELU의 출력은 약 −0.17보다 작아지지 않습니다',
      silu: 'SiLU의 출력은 약 −0.28보다 작아지지 않습니다',
    },
  },
  LB403: {
    message: '입력과 출력 사이에 시그모이드/tanh 계층이 {{layers}}개 쌓여 있습니다. 이 함수들의 미분값은 1보다 작고(시그모이드는 최대 0.25), ' +
      '역전파는 연쇄 법칙(chain rule)에 따라 이 값들을 계속 곱하므로, {{node}}와(과) 그 앞 계층들에 도달하는 기울기가 소실될 수 있습니다(기울기 소실). 대신 ReLU나 LeakyReLU를 쓰세요.',
  },
  LB404: {
    message_sigmoid: '{{node}}은(는) 예측을 0…1 사이로 눌러 담아 예/아니오 타깃에 맞는데, 이 타깃은 이진값이 아닙니다. 시그모이드를 지우고, 클래스가 여러 개라면 crossEntropy를 쓰세요.',
    message_sigmoidWithCrossEntropy: '{{node}}은(는) 예측을 0…1 사이로 눌러 담아 예/아니오 타깃에 맞는데, 이 타깃은 이진값이 아닙니다. 시그모이드를 지우세요. crossEntropy가 소프트맥스를 직접 적용합니다.',
    message_bce: '{{node}}은(는) 타깃을 0 또는 1일 확률로 다루는 bce를 쓰는데, {{target}}에는 다른 값도 있습니다. 수치 타깃에는 mse를 쓰세요.',
  },
  expected: {
    wholeNumber: '{{min}}부터 {{max}}까지의 정수',
    wholeNumberOrInferred: '{{min}}부터 {{max}}까지의 정수, 또는 비워 두어 자동으로 추론',
    positive: '0보다 큰 수',
    nonNegative: '0 이상의 수',
    slope: '0 이상의 수 (기울기가 음수이면 음수 입력의 부호가 뒤집힙니다)',
    probability: '[0, 1) 범위의 확률',
    boolean: 'true 또는 false',
    oneOf: '{{choices}} 중 하나',
  },
  units: {
    number_other: '값 {{count}}개',
    column_other: '열 {{count}}개',
    class_other: '클래스 {{count}}개',
  },
  words: {
    lastLayer: '마지막 계층',
    target: '타깃',
  },
  fix: {
    setParam: '{{id}}.{{param}} 값을 {{value}}(으)로 설정',
    deleteNode: '{{id}} 삭제',
    removeNode: '{{id}} 제거',
    removeEdge: '연결 {{from}} → {{to}} 제거',
    removeExtraEdge: '중복된 연결 제거',
    insertRelu: '{{from}}와(과) {{to}} 사이에 ReLU 넣기',
    replaceWithConcat: '{{id}}을(를) Concat으로 바꾸기',
    replaceWithLeakyRelu: '{{id}}을(를) LeakyReLU로 바꾸기',
  },
} as const;
