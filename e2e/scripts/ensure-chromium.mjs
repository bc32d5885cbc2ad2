// The e2e suite drives Debian's Chromium: Playwright cannot download its own browser here.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Without a CJK font, headless Chromium draws the console's Chinese text as empty boxes.
const CJK_FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

const missing = [
  ...(existsSync(CHROMIUM) ? [] : ['chromium']),
  ...(existsSync(CJK_FONT) ? [] : ['fonts-wqy-microhei']),
];
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot && existsSync(CHROMIUM)) {
  console.warn(
    'No CJK font: screenshots will show boxes for Chinese text (apt-get install fonts-wqy-microhei).',
  );
  process.exit(0);
}
if (!isRoot) {
  console.error(
    `Missing for the browser tests: ${missing.join(', ')}. Install Debian's packages as root:\n` +
      `  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}\n` +
      'or point CHROMIUM_PATH at an existing Chromium binary.',
  );
  process.exit(1);
}

console.log(`Installing Debian's ${missing.join(' and ')} for the browser tests…`);
const run = (args) =>
  execFileSync('apt-get', args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
run(['update']);
run(['install', '-y', '--no-install-recommends', ...missing]);
if (!existsSync(CHROMIUM)) {
  console.error(`apt-get finished but ${CHROMIUM} is still missing.`);
  process.exit(1);
}
