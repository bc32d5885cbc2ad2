// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { collectCodes, csvCodes, fileCodes, parseCsv, splitCodeText } from './parse-codes';

describe('splitCodeText', () => {
  it('splits on newlines, commas, tabs and spaces (and the Chinese comma)', () => {
    expect(splitCodeText('A1\nB2,C3\tD4 E5，F6\r\nG7')).toEqual([
      'A1',
      'B2',
      'C3',
      'D4',
      'E5',
      'F6',
      'G7',
    ]);
  });

  it('drops a BOM, empty entries and the quotes a spreadsheet adds', () => {
    expect(splitCodeText('\uFEFF"A1",, \'B2\'\n\n')).toEqual(['A1', 'B2']);
  });
});

describe('parseCsv', () => {
  it('handles quoted fields, doubled quotes, commas inside quotes and CRLF', () => {
    expect(parseCsv('code,status\r\n"A,1","say ""hi"""\r\nB2,x\n')).toEqual([
      ['code', 'status'],
      ['A,1', 'say "hi"'],
      ['B2', 'x'],
    ]);
  });
});

describe('csvCodes', () => {
  it('takes the first column and skips a header row', () => {
    expect(csvCodes('code,status\nA1,covered\nB2,not_covered\n')).toEqual(['A1', 'B2']);
    expect(csvCodes('商品编码\n6901234567890\n')).toEqual(['6901234567890']);
  });

  it('keeps a first row that is a code, and reads a single row of codes', () => {
    expect(csvCodes('A1\nB2')).toEqual(['A1', 'B2']);
    expect(csvCodes('A1,B2,C3')).toEqual(['A1', 'B2', 'C3']);
  });
});

describe('fileCodes', () => {
  it('reads .csv as CSV and anything else as text', () => {
    expect(fileCodes('list.CSV', 'code,x\nA1,1')).toEqual(['A1']);
    expect(fileCodes('list.txt', 'A1 B2')).toEqual(['A1', 'B2']);
  });
});

describe('collectCodes', () => {
  it('folds duplicates in first-seen order and flags codes over 128 characters', () => {
    const long = 'X'.repeat(129);
    const parsed = collectCodes(['B2', 'A1', 'B2', long, 'Y'.repeat(128)]);
    expect(parsed.codes).toEqual(['B2', 'A1', 'Y'.repeat(128)]);
    expect(parsed.duplicates).toBe(1);
    expect(parsed.invalid).toEqual([{ value: long, reason: 'tooLong' }]);
    expect(parsed.tooMany).toBe(false);
  });

  it('says when there are more codes than one check takes', () => {
    const codes = Array.from({ length: 10_001 }, (_, i) => `C${i}`);
    expect(collectCodes(codes).tooMany).toBe(true);
    expect(collectCodes(codes.slice(1)).tooMany).toBe(false);
  });
});
