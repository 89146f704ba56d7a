import fs from 'node:fs';
import path from 'node:path';
import { proposeReport } from '../../src/ingest/propose-report';
import type { KnownEntity, Proposal } from '../../src/ingest/proposal';
import type { GoldEntity, GoldFigure } from '../../src/ingest/score';

const ROOT = path.resolve(__dirname, '../..');
export const SEED_ARTICLE = path.join(ROOT, 'seeds/sources/ordos-daily-2013-04-16.txt');

interface Report {
  source: { title: string; publisher: string; published: string };
  citations: { id: string; quote: string }[];
  adminUnits: {
    id: string;
    name: string;
    kind: string;
    aliases: string[];
    parentId: string | null;
    provenance?: string;
  }[];
  organizations: { id: string; name: string; aliases: string[]; provenance?: string }[];
  observations: {
    id: string;
    value: number;
    unit: string;
    computeKey: string;
    dimensions: Record<string, unknown>;
    citations: string[];
    provenance?: string;
  }[];
}

export const seedReport = (): Report =>
  JSON.parse(fs.readFileSync(path.join(ROOT, 'seeds/report.json'), 'utf8')) as Report;

/** The admin tree of the curated report, as linking sees the graph (what an empty store plus the tree holds). */
export function seedAdminTree(): KnownEntity[] {
  return seedReport().adminUnits.map((u) => ({
    id: u.id,
    label: 'AdminUnit',
    name: u.name,
    aliases: u.aliases,
    kind: u.kind,
    level: null,
    parentId: u.parentId,
  }));
}

/** The seed article proposed against the admin tree only. */
export function proposeSeedReport(): { proposal: Proposal } {
  const r = seedReport();
  const proposal = proposeReport(
    fs.readFileSync(SEED_ARTICLE, 'utf8'),
    { title: r.source.title, publisher: r.source.publisher, published: r.source.published, url: null },
    { known: seedAdminTree() },
  );
  return { proposal };
}

/**
 * The gold: every REPORTED observation (DERIVED ones are not in the text) with the spans of its
 * quotes in the normalised text, and the REPORTED units and organisations whose name or an alias
 * is written in the text.
 */
export function goldOfSeedReport(text: string): { figures: GoldFigure[]; entities: GoldEntity[] } {
  const r = seedReport();
  const quotes = new Map(r.citations.map((c) => [c.id, c.quote]));
  const figures = r.observations
    .filter((o) => o.provenance !== 'DERIVED')
    .map((o) => ({
      id: o.id,
      value: o.value,
      unit: o.unit,
      computeKey: o.computeKey,
      dimensions: o.dimensions,
      spans: o.citations
        .map((c) => quotes.get(c) ?? '')
        .map((q) => ({ start: text.indexOf(q), end: text.indexOf(q) + q.length }))
        .filter((s) => s.start >= 0),
    }));
  const entities = [...r.adminUnits, ...r.organizations]
    .filter((e) => e.provenance !== 'DERIVED')
    .map((e) => ({ id: e.id, names: [e.name, ...e.aliases].filter((n) => text.includes(n)) }))
    .filter((e) => e.names.length > 0);
  return { figures, entities };
}
