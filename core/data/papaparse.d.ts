/**
 * The slice of papaparse (5.x) that core/data uses. @types/papaparse is not installed on purpose:
 * it references Node's typings (streams, Buffer), which would leak into core's pure, DOM-free,
 * Node-free compilation. Only what we call is declared, so a papaparse upgrade that changes it
 * shows up here.
 */
declare module 'papaparse' {
  export interface PapaParseError {
    /** 'Quotes' | 'Delimiter' | 'FieldMismatch' */
    type: string;
    /** 'MissingQuotes' | 'InvalidQuotes' | 'UndetectableDelimiter' | ... */
    code: string;
    message: string;
    /** Index of the row (in this call's `data`) the error belongs to. */
    row?: number;
    /** Character index into the input. */
    index?: number;
  }

  export interface PapaParseResult {
    /** One array of field strings per row (no header handling, no dynamic typing in our use). */
    data: string[][];
    errors: PapaParseError[];
    meta: {
      delimiter: string;
      linebreak: string;
      aborted: boolean;
      truncated: boolean;
      /**
       * Character index just past the last complete row that was returned (plus `baseIndex`).
       * With `ignoreLastRow`, the text from here on is an incomplete row to carry over.
       */
      cursor: number;
    };
  }

  export interface PapaParserConfig {
    delimiter?: string;
    newline?: '\n' | '\r\n' | '\r';
    quoteChar?: string;
    escapeChar?: string;
    /** Stop after this many rows. */
    preview?: number;
  }

  /**
   * The core parser behind every papaparse streamer (papaparse's own chunk streamers drive it
   * exactly as we do: `parse(partialLine + chunk, baseIndex, !finished)`, then carry the text
   * after `meta.cursor` into the next call). We drive it directly because papaparse's public
   * streaming entry points want a File, a URL or a Node stream, and core has none of those.
   */
  export class Parser {
    constructor(config: PapaParserConfig);
    parse(input: string, baseIndex: number, ignoreLastRow: boolean): PapaParseResult;
  }

  export interface PapaStatic {
    Parser: typeof Parser;
    /** Whole-string parsing (header: false), used for dialect sniffing. */
    parse(input: string, config: PapaParserConfig): PapaParseResult;
  }

  const Papa: PapaStatic;
  export default Papa;
}
