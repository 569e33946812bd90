/**
 * Python source text for values: strings, numbers, lists, and names that are safe identifiers.
 * Used by the PyTorch script exporter so that every literal it writes reads back exactly.
 */

/** A Python string literal; single quotes when nothing needs escaping, as the lecture writes them. */
export function pyStr(s: string): string {
  if (/^[\x20-\x7e]*$/.test(s) && !s.includes("'") && !s.includes('\\')) return `'${s}'`;
  // JSON's escapes (\" \\ \n \uXXXX, lone surrogates included) are all valid in a Python string literal.
  return JSON.stringify(s);
}

/** A finite number as Python reads it back to the same double (`1e-8`, `0.001`, `3`). */
export function pyNum(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`pyNum: ${x} is not finite`);
  if (Object.is(x, -0)) return '-0.0';
  return String(x);
}

/** A float literal (always with a point or exponent), so Python reads a float even for whole numbers. */
export function pyFloat(x: number): string {
  const s = pyNum(x);
  return /[.eE]/.test(s) ? s : `${s}.0`;
}

/**
 * The shortest decimal that rounds to the same float32 as `x` (a float32 value held in a double):
 * `0.1` rather than `0.10000000149011612`. torch.tensor(..., dtype=torch.float32) reads it back bit for bit.
 */
export function pyFloat32(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`pyFloat32: ${x} is not finite`);
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const f = Math.fround(x);
  for (let p = 1; p <= 9; p++) {
    const s = x.toPrecision(p);
    if (Math.fround(Number(s)) === f) return pyFloat(Number(s));
  }
  return pyFloat(x);
}

export function pyBool(b: boolean): string {
  return b ? 'True' : 'False';
}

export function pyOptional<T>(value: T | null | undefined, format: (v: T) => string): string {
  return value === null || value === undefined ? 'None' : format(value);
}

/** A list of literals, wrapped at `width` characters with continuation lines indented by `indent`. */
export function pyList(items: string[], indent: string, width = 100): string {
  if (items.length === 0) return '[]';
  const lines: string[] = [];
  let line = '[';
  for (let i = 0; i < items.length; i++) {
    const piece = items[i] + (i < items.length - 1 ? ', ' : ']');
    if (line.length + piece.trimEnd().length > width && line.trim() !== '[') {
      lines.push(line.trimEnd());
      line = `${indent} `;
    }
    line += piece;
  }
  lines.push(line);
  return lines.join('\n');
}

const PY_KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
  'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
  'return', 'try', 'while', 'with', 'yield',
]);

/** nn.Module's own attributes and the script's own names: a layer called `training` or `x` must not shadow them. */
const RESERVED = new Set([
  'x', 'y', 'self', 'forward', 'training', 'parameters', 'named_parameters', 'modules', 'children', 'state_dict', 'load_state_dict',
  'eval', 'train', 'to', 'cpu', 'cuda', 'apply', 'zero_grad', 'type', 'float', 'double', 'half', 'buffers', 'layer', 'module',
  'register_buffer', 'register_parameter', 'add_module', 'requires_grad_', 'extra_repr', 'get_submodule', 'torch', 'nn', 'F', 'np', 'pd',
]);

/**
 * Python identifiers for node ids, one per id, distinct: characters outside [A-Za-z0-9_] become
 * `_`, a leading digit gets `n_`, keywords and reserved names get a trailing `_`.
 */
export function pyIdentifiers(ids: string[]): Map<string, string> {
  const used = new Set<string>();
  const out = new Map<string, string>();
  for (const id of ids) {
    let base = id.replace(/[^A-Za-z0-9_]/g, '_');
    if (base === '' || /^[0-9]/.test(base)) base = `n_${base}`;
    if (PY_KEYWORDS.has(base) || RESERVED.has(base) || base.startsWith('__')) base = `${base}_`;
    let name = base;
    for (let k = 2; used.has(name); k++) name = `${base}_${k}`;
    used.add(name);
    out.set(id, name);
  }
  return out;
}
