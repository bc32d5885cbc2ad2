// Test-only: fast-check arbitraries for what a hostile or careless client sends.
import fc from 'fast-check';

/** Texts people and scripts paste into forms, chosen to trip parsers and path handling. */
const NASTY_TEXTS = [
  '',
  ' ',
  '.',
  '..',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f',
  '%252e%252e%252f',
  '/',
  '\\',
  '\u0000',
  '\r\n',
  '\uFEFF1900000109',
  '\u202E1900000109',
  '１９００００００１０９',
  '١٩٠٠',
  '1900000109 ',
  '__proto__',
  'constructor',
  'toString',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the log4j-style probe is the point.
  '${jndi:ldap://x}',
  '=HYPERLINK("x")',
  '🎟️',
  '批次号',
  'a'.repeat(21),
  'x'.repeat(5_000),
];

/** Any text: unicode, control characters, very long, or one of the nasty ones. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', minLength: 200, maxLength: 4_000 }) },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_TEXTS) },
);

/** Number-ish text that is not a small whole number: negative, fractional, huge, NaN-like. */
export const hostileNumberText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '-1',
    '-0',
    '1.5',
    '1e2',
    '0x10',
    '0b1',
    '+1',
    ' 1',
    '1 ',
    '1_0',
    'NaN',
    'Infinity',
    '-Infinity',
    'null',
    'undefined',
    'true',
    '[]',
    '{}',
    '１',
    '٣',
    '9'.repeat(400),
  ),
  fc.double({ noDefaultInfinity: false }).map(String),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
  fc.integer({ min: 501, max: 2 ** 31 }).map(String),
  hostileText,
);

/** A path segment as sent on the wire: percent-encoded text, or raw tricky encodings. */
export const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: hostileText.map((text) => encodeURIComponent(text)) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '.',
      '..',
      '%2e',
      '%2E%2E',
      '%2e%2e%2f%2e%2e',
      '..%2f..%2f..%2fetc%2fpasswd',
      '..%5c..%5c',
      '%252e%252e',
      '%c0%ae%c0%ae',
      '%',
      '%zz',
      '%E0%A4%A',
      '%00',
      '%0A',
      '16000005%2Fitems',
      '16000005%3Flimit%3D1000',
      '16000005%23',
      '16000005;x=1',
      '16000005%20',
    ),
  },
);

/** Any JSON value (for wrong types): nested objects, arrays, numbers, null. */
export const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3 });

/** Text sent as a JSON body that is not JSON (or not UTF-8 JSON). */
export const notJsonText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('{', '{"stock_creator_mchid": "1900000109",}', "{'a': 1}", 'NaN', '[1,]', ''),
  fc.string({ unit: 'binary', maxLength: 60 }),
);
