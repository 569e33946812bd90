export default {
  rule: {
    number: '수',
    integer: '정수',
    range: '{{min}}부터 {{max}}까지의 {{noun}}',
    bounded: '{{bounds}}인 {{noun}}',
    and: '{{a}}, {{b}}',
    gt: '{{value}} 초과', ge: '{{value}} 이상', lt: '{{value}} 미만', le: '{{value}} 이하',
  },
  parse: {
    required: '값이 필요합니다: {{rule}}를 입력하세요.',
    notNumber: '"{{text}}"은(는) 숫자가 아닙니다. {{rule}}를 입력하세요.',
    tooLarge: '"{{text}}"은(는) 너무 큽니다. {{rule}}를 입력하세요.',
    outOfRange: '{{rule}}를 입력하세요.',
  },
  help: {
    enter: '{{rule}}를 입력하세요.',
    enterOrEmpty: '{{rule}}를 입력하거나, 비워 두면 {{placeholder}}입니다.',
  },
  params: {
    outFeatures: { label: '출력 특성 수', help: '이 계층의 너비: 한 행마다 내보내는 숫자의 개수 (nn.Linear out_features).' },
    inFeatures: { label: '입력 특성 수', help: '비워 두면 들어오는 연결에서 가져옵니다. 값을 넣으면 그 너비와 같아야 합니다.', placeholder: '자동' },
    bias: { label: '편향', help: '더해지는 편향을 학습합니다 (nn.Linear bias=True).' },
    init: { label: '초기화', help: 'pytorch: nn.Linear의 기본값 (Kaiming 균등, a = √5), xavier: Glorot 균등, he: Kaiming 정규.' },
    slope: { label: '음수 기울기', help: '음수 입력에 곱하는 기울기 (nn.LeakyReLU negative_slope).' },
    alpha: { label: 'Alpha', help: '음수 입력이 수렴하는 값 (nn.ELU alpha).' },
    beta: { label: 'Beta', help: '곡선의 날카로운 정도 (nn.Softplus beta).' },
    threshold: { label: '임곗값', help: '이 값보다 크면 선형 함수가 됩니다 (nn.Softplus threshold).' },
    p: { label: '드롭 확률', help: '학습 중에 각 값을 0으로 만들 확률 (nn.Dropout p).' },
    loss: { label: '손실 함수', help: '회귀는 mse / mae / huber, 분류는 crossEntropy (클래스마다 로짓 하나) 또는 bce (로짓 하나).' },
    delta: { label: 'Huber 델타', help: 'Huber 손실이 이차에서 선형으로 바뀌는 지점 (nn.HuberLoss delta).' },
  },
  summary: {
    out: '출력 {{n}}',
    noBias: '편향 없음',
    slope: '기울기 {{value}}',
  },
} as const;
