// @vitest-environment node
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import adminEn from '@/features/admin/locales/en.json';
import adminZhCN from '@/features/admin/locales/zh-CN.json';
import { auditActionSchema } from '@/lib/audit-contract';
import { roleSchema } from '@/lib/auth-contract';
import mainEn from './en.json';
import mainZhCN from './zh-CN.json';

// The admin pages' words load with their chunk (admin-locales.ts); checked here as one tree.
const zhCN = { ...mainZhCN, ...adminZhCN };
const en = { ...mainEn, ...adminEn };

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

// Plural suffixes are per language (Chinese has one form, English two): compare base keys.
const base = (key: string) => key.replace(/_(one|other)$/, '');
const zhKeys = flatten(zhCN);
const enKeys = flatten(en);
const zhBase = new Set([...zhKeys.keys()].map(base));
const enBase = new Set([...enKeys.keys()].map(base));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.includes('.test.') ? [path] : [];
  });
}

const source = sourceFiles(join(__dirname, '..'))
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');

describe('locales', () => {
  it('have the same keys in zh-CN and en', () => {
    expect([...zhBase].sort()).toEqual([...enBase].sort());
  });

  it('leave no string empty', () => {
    for (const [key, value] of [...zhKeys, ...enKeys]) expect(value.trim(), key).not.toBe('');
  });

  it('hold every literal key the code asks for', () => {
    // Any quoted 'section.key' whose section is one of ours, also inside ternaries.
    const sections = new Set(Object.keys(zhCN));
    const used = [...source.matchAll(/'([a-zA-Z]+)\.([a-zA-Z_.]+)'/g)]
      .filter((match) => sections.has(match[1] ?? ''))
      .map((match) => `${match[1]}.${match[2]}`);
    expect(used.length).toBeGreaterThan(100);
    for (const key of used) {
      expect(zhBase.has(key), `zh-CN ${key}`).toBe(true);
      expect(enBase.has(key), `en ${key}`).toBe(true);
    }
  });

  it('hold every key of the dynamic families the code builds', () => {
    const families = {
      'stock.status': ['unactivated', 'audit', 'running', 'stoped', 'paused'],
      'stock.stockType': ['NORMAL', 'DISCOUNT_CUT', 'OTHER'],
      'stock.kind': ['single_item', 'whole_store', 'not_voucher'],
      'scan.state': ['running', 'done', 'failed', 'interrupted'],
      'coverage.status': ['all', 'covered', 'not_covered', 'unknown'],
      'search.scope': ['complete', 'truncated', 'partial', 'partialUnknownTotal'],
      tabs: ['codes', 'coverage'],
      role: roleSchema.options,
      'users.roleHint': roleSchema.options,
      'users.rules': ['username', 'password'],
      'users.errors': ['taken', 'lastAdmin'],
      'audit.actions': auditActionSchema.options,
      nav: ['console', 'users', 'audit'],
    };
    for (const [family, members] of Object.entries(families)) {
      for (const member of members)
        expect(zhBase.has(`${family}.${member}`), `${family}.${member}`).toBe(true);
    }
  });

  it('keep Chinese text free of Latin words apart from names and ids', () => {
    // Mixed-language screens are a bug: only brand names, field names and placeholders may be Latin.
    const allowed =
      /\{\{\w+\}\}|Request-ID|HTTP|CSV|TXT|JSON|English|Redis|PostgreSQL|stock_creator_mchid|true|false/g;
    for (const [key, value] of zhKeys) {
      expect(value.replace(allowed, '').match(/[A-Za-z]{3,}/), key).toBeNull();
    }
  });

  it('resolve counted Chinese strings without plural suffixes', async () => {
    const instance = i18next.createInstance();
    await instance.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: zhCN } } });
    expect(instance.t('coverage.parsed', { count: 3, formatted: '3' })).toBe('识别到 3 个编码。');
    const english = i18next.createInstance();
    await english.init({ lng: 'en', resources: { en: { translation: en } } });
    expect(english.t('coverage.parsed', { count: 1, formatted: '1' })).toBe('1 code recognised.');
    expect(english.t('coverage.parsed', { count: 2, formatted: '2' })).toBe('2 codes recognised.');
  });
});
