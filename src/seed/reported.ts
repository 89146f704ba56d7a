import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, SEEDS_DIR } from '../config/paths';
import type { GraphBatch } from '../domain/records';
import { INDICATOR_QUERIES, isComputeKey } from '../store/indicators/indicators.cypher';
import { reportToBatch } from './report-batch';
import { ReportSchema, type Report } from './report-schema';

/** The curated facts of the 2013 report. */
export const REPORT_FILE = path.join(SEEDS_DIR, 'report.json');

/** seeds/report.json is invalid; `problems` name each JSON path and what is wrong there. */
export class ReportError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`${file}: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
    this.name = 'ReportError';
  }
}

export interface LoadedReport {
  report: Report;
  /** The full text of report.source.textPath, against which every quote was checked. */
  sourceText: string;
}

/** The REPORTED layer as records for the loader (Source, Citations, facts, Indicators, Observations). */
export function reportedBatch(file: string = REPORT_FILE): GraphBatch {
  const { report, sourceText } = loadReport(file);
  return reportToBatch(report, sourceText);
}

/** Reads, parses and cross-checks the report file; throws ReportError listing every problem found. */
export function loadReport(file: string = REPORT_FILE): LoadedReport {
  const shown = path.relative(REPO_ROOT, file) || file;
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ReportError(shown, [`cannot read JSON: ${(e as Error).message}`]);
  }
  const parsed = ReportSchema.safeParse(json);
  if (!parsed.success) {
    throw new ReportError(
      shown,
      parsed.error.issues.map((i) => `${jsonPath(i.path)}: ${i.message}`),
    );
  }
  const report = parsed.data;
  const textFile = path.resolve(REPO_ROOT, report.source.textPath);
  let sourceText: string;
  try {
    sourceText = fs.readFileSync(textFile, 'utf8');
  } catch (e) {
    throw new ReportError(shown, [
      `source.textPath: cannot read ${report.source.textPath}: ${(e as Error).message}`,
    ]);
  }
  const problems = crossCheck(report, sourceText);
  if (problems.length) throw new ReportError(shown, problems);
  return { report, sourceText };
}

/** `['pairings', 3, 'helperId']` → `pairings[3].helperId`. */
function jsonPath(p: readonly PropertyKey[]): string {
  return (
    p.reduce<string>(
      (s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)),
      '',
    ) || '(root)'
  );
}

type Kind =
  'src' | 'cit' | 'au' | 'org' | 'person' | 'prog' | 'pair' | 'goal' | 'budget' | 'rec' | 'ind' | 'obs';

/**
 * Checks what a schema cannot: unique ids, every reference resolving to the right kind of entity,
 * quotes occurring verbatim in the source text, intervals that end after they start, and each
 * observation's computeKey and dimensions matching a query in indicators.cypher.ts.
 */
export function crossCheck(r: Report, sourceText: string): string[] {
  const problems: string[] = [];
  const kinds = new Map<string, Kind>();
  const sections: [string, Kind, readonly { id: string }[]][] = [
    ['citations', 'cit', r.citations],
    ['adminUnits', 'au', r.adminUnits],
    ['organizations', 'org', r.organizations],
    ['persons', 'person', r.persons],
    ['programmes', 'prog', r.programmes],
    ['pairings', 'pair', r.pairings],
    ['goals', 'goal', r.goals],
    ['budgets', 'budget', r.budgets],
    ['recognitions', 'rec', r.recognitions],
    ['indicators', 'ind', r.indicators],
    ['observations', 'obs', r.observations],
  ];
  kinds.set(r.source.id, 'src');
  for (const [name, kind, xs] of sections) {
    xs.forEach((x, i) => {
      if (kinds.has(x.id)) problems.push(`${name}[${i}].id: duplicate id ${JSON.stringify(x.id)}`);
      kinds.set(x.id, kind);
    });
  }
  const ref = (at: string, v: string | null | undefined, ...want: Kind[]) => {
    if (v == null) return;
    const k = kinds.get(v);
    if (!k) problems.push(`${at}: unknown id ${JSON.stringify(v)}`);
    else if (!want.includes(k))
      problems.push(`${at}: ${JSON.stringify(v)} is a ${k}, expected ${want.join(' or ')}`);
  };
  const interval = (at: string, from: string, to: string) => {
    if (!(from < to)) problems.push(`${at}: validFrom ${from} is not before validTo ${to}`);
  };

  r.source.citations.forEach((c, j) => ref(`source.citations[${j}]`, c, 'cit'));
  r.citations.forEach((c, i) => {
    if (!sourceText.includes(c.quote))
      problems.push(`citations[${i}].quote: not a verbatim substring of ${r.source.textPath}`);
  });
  for (const [name, , xs] of sections) {
    (xs as readonly { citations?: string[] }[]).forEach((x, i) =>
      x.citations?.forEach((c, j) => ref(`${name}[${i}].citations[${j}]`, c, 'cit')),
    );
  }
  r.adminUnits.forEach((u, i) => ref(`adminUnits[${i}].parentId`, u.parentId, 'au'));
  r.organizations.forEach((o, i) => {
    ref(`organizations[${i}].locatedIn`, o.locatedIn, 'au');
    ref(`organizations[${i}].partOf`, o.partOf, 'org');
  });
  r.persons.forEach((p, i) => ref(`persons[${i}].locatedIn`, p.locatedIn, 'au'));
  r.programmes.forEach((p, i) => {
    ref(`programmes[${i}].partOf`, p.partOf, 'prog');
    interval(`programmes[${i}]`, p.validFrom, p.validTo);
  });
  r.pairings.forEach((p, i) => {
    ref(`pairings[${i}].helperId`, p.helperId, 'org', 'person');
    ref(`pairings[${i}].beneficiaryId`, p.beneficiaryId, 'au');
    ref(`pairings[${i}].programmeId`, p.programmeId, 'prog');
    interval(`pairings[${i}]`, p.validFrom, p.validTo);
  });
  r.goals.forEach((g, i) => {
    ref(`goals[${i}].forId`, g.forId, 'au');
    g.programmeIds.forEach((p, j) => ref(`goals[${i}].programmeIds[${j}]`, p, 'prog'));
    interval(`goals[${i}]`, g.validFrom, g.validTo);
  });
  r.budgets.forEach((b, i) => {
    ref(`budgets[${i}].forId`, b.forId, 'org');
    ref(`budgets[${i}].programmeId`, b.programmeId, 'prog');
  });
  r.recognitions.forEach((x, i) => ref(`recognitions[${i}].forId`, x.forId, 'au'));
  r.observations.forEach((o, i) => {
    const at = `observations[${i}]`;
    ref(`${at}.indicatorId`, o.indicatorId, 'ind');
    ref(`${at}.areaId`, o.areaId, 'au');
    if (typeof o.dimensions.programmeId === 'string')
      ref(`${at}.dimensions.programmeId`, o.dimensions.programmeId, 'prog');
    if (!isComputeKey(o.computeKey)) {
      problems.push(
        `${at}.computeKey: no query named ${JSON.stringify(o.computeKey)} in indicators.cypher.ts`,
      );
      return;
    }
    const want = [...INDICATOR_QUERIES[o.computeKey].params].sort().join(',');
    const got = Object.keys(o.dimensions).sort().join(',');
    if (want !== got) problems.push(`${at}.dimensions: ${o.computeKey} needs {${want}}, got {${got}}`);
  });
  return problems;
}
