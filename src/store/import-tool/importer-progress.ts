/**
 * Records written so far by Neo4j's offline importer, read from its output: in its "Nodes" and
 * "Relationships" stages it ends each progress line with the stage's count so far, rounded to three
 * digits ("[*Nodes:0B/s 1.004GiB-----] 1.14M ∆ 450K"), and closes each stage with "Done in …".
 * Fed every line, it says how many records that line adds, and at the close of each stage tops the
 * stage up to its exact total from the import files, so a run adds up to nodes + relationships.
 */
export class ImporterProgress {
  private stage: 'nodes' | 'rels' | null = null;
  private counted = 0;

  constructor(private readonly totals: { nodes: number; rels: number }) {}

  /** The records `line` adds to the count (0 for a line that is no progress of a counted stage). */
  line(line: string): number {
    const started = /^(.+), started \d{4}-\d{2}-\d{2} /.exec(line);
    if (started) {
      this.stage = started[1] === 'Nodes' ? 'nodes' : started[1] === 'Relationships' ? 'rels' : null;
      this.counted = 0;
      return 0;
    }
    if (!this.stage) return 0;
    if (/^Done in /.test(line)) {
      const rest = Math.max(0, this.totals[this.stage] - this.counted);
      this.stage = null;
      return rest;
    }
    const m = /\]\s*(\d+(?:\.\d+)?)([KMG]?)\s*∆/.exec(line);
    if (!m) return 0;
    const seen = Math.min(this.totals[this.stage], Math.round(Number(m[1]) * UNIT[m[2]]));
    const add = Math.max(0, seen - this.counted);
    this.counted += add;
    return add;
  }
}

const UNIT: Readonly<Record<string, number>> = { '': 1, K: 1e3, M: 1e6, G: 1e9 };
