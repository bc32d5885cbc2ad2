// Runs one row function by hand: npx tsx src/bench/try-row.ts scan-efficiency
const name = process.argv[2] ?? '';
const mod: Record<string, unknown> = await import(`./${name}`);
for (const value of Object.values(mod)) {
  if (typeof value === 'function') console.table(await value());
}

export {};
