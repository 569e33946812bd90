/** The Training tab's note on how the last run's matrix products were computed (kernel threads). */
export default {
  backend: { wasm: 'WebAssembly SIMD', js: 'JavaScript' },
  oneThread: "This run's matrix products ran on one thread ({{backend}}).",
  oneThreadNotIsolated: "This run's matrix products ran on one thread ({{backend}}): the page is not cross-origin isolated, so the browser lends it no shared memory for more.",
  split_one: "This run's matrix products ran on {{threads}} threads ({{backend}}); {{count, number}} of them was split across the threads.",
  split_other: "This run's matrix products ran on {{threads}} threads ({{backend}}); {{count, number}} of them were split across the threads.",
  tooSmall: "This run could use {{threads}} threads ({{backend}}), but its layers are too small for splitting a matrix product to pay.",
} as const;
