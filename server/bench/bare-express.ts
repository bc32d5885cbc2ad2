// Row 4's baseline: a bare Express route answering the same JSON the console's lookup answers.
//   PORT=… npx tsx bench/bare-express.ts /path/to/page.json
import { readFileSync } from 'node:fs';
import express from 'express';

const body: unknown = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8'));
const app = express();
app.get('/api/stocks/:stockId/items', (_req, res) => {
  res.json(body);
});
app.get('/api/health', (_req, res) => {
  res.json({ ok: true });
});
app.listen(Number(process.env.PORT), '127.0.0.1');
