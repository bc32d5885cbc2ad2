// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatCount, formatDateTime, highlightParts, splitDuration, toBeijingIso } from './format';

describe('formatCount', () => {
  it('groups thousands in both languages', () => {
    expect(formatCount(60000, 'en')).toBe('60,000');
    expect(formatCount(50100, 'zh-CN')).toBe('50,100');
  });
});

describe('formatDateTime', () => {
  it('shows an instant in the given time zone, to the second', () => {
    const text = formatDateTime('2025-11-26T15:43:05Z', 'en', 'Asia/Shanghai');
    expect(text).toContain('23:43:05');
    expect(text).toContain('2025');
  });

  it('gives back text it cannot read as a time', () => {
    expect(formatDateTime('not a time', 'en')).toBe('not a time');
  });
});

describe('splitDuration', () => {
  it('rounds up so an ETA never promises too little time', () => {
    expect(splitDuration(0.2)).toEqual({ minutes: 0, seconds: 1 });
    expect(splitDuration(125)).toEqual({ minutes: 2, seconds: 5 });
    expect(splitDuration(-3)).toEqual({ minutes: 0, seconds: 0 });
  });
});

describe('highlightParts', () => {
  it('marks every case-insensitive occurrence, keeping the code as written', () => {
    expect(highlightParts('AB-ab-c', 'ab')).toEqual([
      { text: 'AB', match: true },
      { text: '-', match: false },
      { text: 'ab', match: true },
      { text: '-c', match: false },
    ]);
  });

  it('marks nothing for an empty search', () => {
    expect(highlightParts('6901234567890', '  ')).toEqual([
      { text: '6901234567890', match: false },
    ]);
  });
});

describe('toBeijingIso', () => {
  it('writes the same instant at +08:00, crossing midnight correctly', () => {
    expect(toBeijingIso('2025-11-26T15:43:05.123Z')).toBe('2025-11-26T23:43:05+08:00');
    expect(toBeijingIso('2025-12-31T16:00:00Z')).toBe('2026-01-01T00:00:00+08:00');
    expect(toBeijingIso('2025-11-27T00:00:00+08:00')).toBe('2025-11-27T00:00:00+08:00');
    expect(toBeijingIso('soon')).toBe('soon');
  });
});
