/** 학습 탭: 마지막 학습의 행렬 곱을 어떻게 계산했는지 (커널 스레드). */
export default {
  backend: { wasm: 'WebAssembly SIMD', js: 'JavaScript' },
  oneThread: '이번 학습의 행렬 곱은 스레드 하나에서 계산했습니다 ({{backend}}).',
  oneThreadNotIsolated: '이번 학습의 행렬 곱은 스레드 하나에서 계산했습니다 ({{backend}}). 이 페이지는 교차 출처 격리(cross-origin isolation)가 되어 있지 않아, 브라우저가 여러 스레드가 함께 쓸 공유 메모리를 주지 않습니다.',
  split_other: '이번 학습의 행렬 곱은 스레드 {{threads}}개로 계산했습니다 ({{backend}}). 그중 {{count, number}}번을 여러 스레드에 나누어 계산했습니다.',
  tooSmall: '이번 학습은 스레드 {{threads}}개를 쓸 수 있었지만 ({{backend}}), 층이 작아서 행렬 곱을 나누어도 빨라지지 않아 나누지 않았습니다.',
} as const;
