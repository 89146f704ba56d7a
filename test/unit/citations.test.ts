import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../src/config/paths';
import { loadReport, REPORT_FILE, ReportError, reportedBatch } from '../../src/seed/reported';
import { INDICATOR_QUERIES, isComputeKey } from '../../src/store/indicators/indicators.cypher';

const SOURCE = path.join(REPO_ROOT, 'seeds/sources/ordos-daily-2013-04-16.txt');
const SHARED_SOURCE = path.resolve(REPO_ROOT, '../shared/source/ordos-daily-2013-04-16.txt');
const sourceText = fs.readFileSync(SOURCE, 'utf8');
const raw = JSON.parse(fs.readFileSync(REPORT_FILE, 'utf8')) as {
  citations: { id: string; quote: string }[];
  [section: string]: unknown;
};
const batch = reportedBatch();

describe('seeds/report.json citations', () => {
  it('every quote occurs verbatim in the source text', () => {
    const missing = raw.citations.filter((c) => !sourceText.includes(c.quote)).map((c) => c.id);
    expect(missing).toEqual([]);
  });

  it('every citation reference resolves to a Citation', () => {
    const ids = new Set(raw.citations.map((c) => c.id));
    const dangling: string[] = [];
    const walk = (v: unknown, at: string): void => {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${at}[${i}]`));
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (k === 'citations' && Array.isArray(x) && at !== '') {
            x.forEach((c, i) => !ids.has(String(c)) && dangling.push(`${at}.citations[${i}] = ${String(c)}`));
          } else walk(x, at ? `${at}.${k}` : k);
        }
      }
    };
    walk(raw, '');
    expect(dangling).toEqual([]);
  });

  it('every REPORTED or DERIVED fact node has at least one citation', () => {
    const uncited = batch.nodes
      .filter((n) => n.provenance !== 'SYNTHETIC' && n.label !== 'Source' && n.label !== 'Citation')
      .filter((n) => !n.citations?.length)
      .map((n) => n.id);
    expect(uncited).toEqual([]);
  });

  it('every Citation comes FROM the Source', () => {
    const from = new Set(
      batch.rels.filter((r) => r.type === 'FROM' && r.to.label === 'Source').map((r) => r.from.id),
    );
    expect(raw.citations.filter((c) => !from.has(c.id))).toEqual([]);
  });

  it('ids are unique', () => {
    const seen = new Set<string>();
    const dup = batch.nodes.filter((n) => (seen.has(n.id) ? true : (seen.add(n.id), false))).map((n) => n.id);
    expect(dup).toEqual([]);
  });

  it('every relationship end is a node of the batch with the same label', () => {
    const label = new Map(batch.nodes.map((n) => [n.id, n.label]));
    const bad = batch.rels.filter(
      (r) => label.get(r.from.id) !== r.from.label || label.get(r.to.id) !== r.to.label,
    );
    expect(bad).toEqual([]);
  });

  it('the seeds copy of the source equals the shared original, when that is present', () => {
    if (!fs.existsSync(SHARED_SOURCE)) return;
    expect(sourceText).toBe(fs.readFileSync(SHARED_SOURCE, 'utf8'));
  });
});

describe('seeds/report.json observations', () => {
  const { report } = loadReport();

  it('each names a compute query whose parameters are exactly its dimensions', () => {
    const wrong = report.observations.filter(
      (o) =>
        !isComputeKey(o.computeKey) ||
        [...INDICATOR_QUERIES[o.computeKey].params].sort().join() !== Object.keys(o.dimensions).sort().join(),
    );
    expect(wrong.map((o) => o.id)).toEqual([]);
  });

  it('covers the report’s figures, e.g. 2015 banner pairs and 1079万元', () => {
    const value = (id: string) => report.observations.find((o) => o.id === id)?.value;
    expect(value('obs:banner-pairings')).toBe(2015);
    expect(value('obs:funds')).toBe(10_790_000);
    expect(value('obs:dispute-resolution-rate')).toBe(85.71);
    expect(report.observations).toHaveLength(54);
  });
});

describe('report validation', () => {
  const withEdit = (edit: (json: Record<string, unknown[]>) => void): string => {
    const json = JSON.parse(JSON.stringify(raw)) as Record<string, unknown[]> & {
      source: { textPath: string };
    };
    edit(json);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-'));
    const file = path.join(dir, 'report.json');
    fs.writeFileSync(file, JSON.stringify(json));
    try {
      loadReport(file);
      return '';
    } catch (e) {
      expect(e).toBeInstanceOf(ReportError);
      return (e as Error).message;
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  };

  it('names the JSON path of a dangling reference', () => {
    const msg = withEdit((j) => ((j.pairings[0] as { helperId: string }).helperId = 'org:nobody'));
    expect(msg).toContain('pairings[0].helperId: unknown id "org:nobody"');
  });

  it('names the JSON path of a schema violation', () => {
    const msg = withEdit((j) => ((j.observations[1] as { comparator: string }).comparator = 'ABOUT'));
    expect(msg).toContain('observations[1].comparator');
  });

  it('rejects a quote that is not verbatim', () => {
    const msg = withEdit((j) => ((j.citations[4] as { quote: string }).quote = '准旗有三个帮扶对子'));
    expect(msg).toContain('citations[4].quote: not a verbatim substring');
  });
});
