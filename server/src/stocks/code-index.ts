/**
 * The codes a scan has read so far, indexed as each page arrives so that adding a page costs
 * O(page) and a membership check O(1): a 50,100-code scan never re-reads what it holds.
 */
export class CodeIndex {
  readonly codes: string[] = [];
  /** codes[i] lower-cased, for case-insensitive substring search. */
  readonly lower: string[] = [];
  private readonly members = new Set<string>();
  private readonly positionsByLower = new Map<string, number[]>();
  /** Codes a page repeated from an earlier page (kept once). */
  repeated = 0;

  get size(): number {
    return this.codes.length;
  }

  add(page: readonly string[]): void {
    for (const code of page) {
      if (this.members.has(code)) {
        this.repeated += 1;
        continue;
      }
      const lower = code.toLowerCase();
      const position = this.codes.push(code) - 1;
      this.lower.push(lower);
      this.members.add(code);
      const same = this.positionsByLower.get(lower);
      if (same) same.push(position);
      else this.positionsByLower.set(lower, [position]);
    }
  }

  /** Exact (case-sensitive) membership: what coverage checks rely on. */
  has(code: string): boolean {
    return this.members.has(code);
  }

  /** Positions of codes equal to `lowerQuery` ignoring case, in scan order. */
  equalIgnoringCase(lowerQuery: string): readonly number[] {
    return this.positionsByLower.get(lowerQuery) ?? [];
  }
}
