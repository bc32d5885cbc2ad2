import { MAX_COVERAGE_CODES, productCodeSchema } from 'server/contract';

export interface InvalidCode {
  value: string;
  reason: 'tooLong';
}

export interface ParsedCodes {
  /** Distinct valid codes, in the order first given. */
  codes: string[];
  duplicates: number;
  invalid: InvalidCode[];
  /** More than the server checks in one request. */
  tooMany: boolean;
}

// Newline, comma, tab or space, as the issue lists; the full-width comma is what a Chinese
// keyboard types between items.
const SEPARATORS = /[\s,，]+/u;
const QUOTED = /^(["'])(.*)\1$/su;
const BOM = /^\uFEFF/u;
// Column names our own CSV and common spreadsheets use; a first cell like this is a header.
const HEADER =
  /^(code|codes|product[ _-]?code|item[ _-]?code|goods[ _-]?id|sku|barcode|编码|商品编码|单品编码|商品条码|条码)$/iu;

const unquote = (token: string) => token.replace(QUOTED, '$2');

/** Splits pasted text into tokens: newline, comma, tab or space separated, quotes removed. */
export function splitCodeText(text: string): string[] {
  return text
    .replace(BOM, '')
    .split(SEPARATORS)
    .map(unquote)
    .filter((token) => token.length > 0);
}

/** Parses CSV (RFC 4180: quoted fields, doubled quotes, CRLF) into records of fields. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  const source = text.replace(BOM, '');
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i];
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i += 1;
      records.push([...record, field]);
      record = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records.filter((fields) => fields.some((value) => value.trim() !== ''));
}

/**
 * The codes of a CSV file: the first column of every row (a header row is skipped), or every
 * field when the file is one single row of codes.
 */
export function csvCodes(text: string): string[] {
  const records = parseCsv(text);
  if (records.length === 1) return (records[0] ?? []).filter((value) => !HEADER.test(value.trim()));
  const first = records.map((fields) => fields[0] ?? '');
  return HEADER.test(first[0]?.trim() ?? '') ? first.slice(1) : first;
}

/** Codes from a dropped or chosen file: CSV by its name, anything else as plain text. */
export function fileCodes(name: string, text: string): string[] {
  return /\.csv$/iu.test(name) ? csvCodes(text) : splitCodeText(text);
}

/** Validates tokens with the server's code rule (1..128 characters after trimming) and folds duplicates. */
export function collectCodes(tokens: readonly string[]): ParsedCodes {
  const seen = new Set<string>();
  const invalid: InvalidCode[] = [];
  let duplicates = 0;
  for (const token of tokens) {
    const parsed = productCodeSchema.safeParse(token);
    if (!parsed.success) {
      if (token.trim() !== '') invalid.push({ value: token, reason: 'tooLong' });
      continue;
    }
    if (seen.has(parsed.data)) duplicates += 1;
    else seen.add(parsed.data);
  }
  const codes = [...seen];
  return { codes, duplicates, invalid, tooMany: codes.length > MAX_COVERAGE_CODES };
}
