import { ImporterProgress } from '../../src/store/import-tool/importer-progress';

/**
 * The offline importer's progress as the seed counts it, from lines as Neo4j 5.26's importer
 * prints them (taken from a scale-1000 import.log, bars shortened).
 */
const LOG = `Import starting 2026-12-02 21:43:10.531+0000
  High parallel IO: true

Nodes, started 2026-12-02 21:43:10.635+0000

[*Nodes:0B/s 1.004GiB---------------]    0 ∆    0
[*Nodes:0B/s 1.004GiB---------------] 190K ∆ 190K
[*Nodes:0B/s 1.011GiB---------------]1.14M ∆ 450K
[*Nodes:0B/s 1.011GiB---------------] 1.4M ∆ 260K
Done in 1m 26s 590ms
Prepare node index, started 2026-12-02 21:44:37.222+0000

[*:1.138GiB-------------------------]36.4M ∆1.46M
Done in 16s 591ms
Relationships, started 2026-12-02 21:44:53.826+0000

[*Relationships:0B/s 1.138GiB-------] 190K ∆ 190K
[*Relationships:0B/s 1.138GiB-------] 2.5M ∆ 2.3M
Done in 2m 8s 584ms
Node Degrees, started 2026-12-02 21:47:02.644+0000
[*>:??----------------------------]3.01M ∆3.01M
Done in 1s 654ms
IMPORT DONE in 4m 10s 3ms.`.split('\n');

describe('the offline importer’s progress, in records', () => {
  it('counts the Nodes and Relationships stages from their lines and tops each up to its total at its close', () => {
    const p = new ImporterProgress({ nodes: 1_500_123, rels: 2_600_456 });
    const adds = LOG.map((l) => p.line(l));
    expect(adds.filter((a) => a > 0)).toEqual([
      190_000, // 190K
      950_000, // 1.14M
      260_000, // 1.4M
      100_123, // Done: up to the 1,500,123 nodes of the files
      190_000,
      2_310_000, // 2.5M
      100_456, // Done: up to the 2,600,456 relationships
    ]);
    expect(adds.reduce((a, b) => a + b, 0)).toBe(1_500_123 + 2_600_456);
  });

  it('never counts past a stage’s total, nor the other stages’ counters', () => {
    const p = new ImporterProgress({ nodes: 1_000, rels: 0 });
    const adds = LOG.map((l) => p.line(l));
    expect(adds.reduce((a, b) => a + b, 0)).toBe(1_000);
  });
});
