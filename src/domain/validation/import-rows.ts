import {
  OPEN_END,
  TOWNSHIP_LEVEL_KINDS,
  VILLAGE_LEVEL_KINDS,
  type Category,
  type Label,
  type Level,
  type PairingKind,
  type Post,
  type UnitKind,
} from '../model';
import type { PropValue } from '../records';
import { checkDependentsWithin, type DatedRecord } from './dated-within';
import { checkInterval, checkWithin } from './dates';
import { checkEntityState, checkTenure } from './entity-rules';
import { storedValue } from './entity-fields';
import { coerceCell, type ImportKind } from './import-kinds';
import { Issues } from './issues';
import { checkNodeRules } from './node-rules';
import { checkPairing, helperFacts } from './pairing-rules';
import { checkKey } from './text';

/** One row of an import file as read: its line in the file and its cells by column. */
export interface RawRow {
  line: number;
  /** The line naming the row's columns, when not its own: a CSV file's header. */
  columnsLine?: number;
  values: Readonly<Record<string, unknown>>;
  /** Cells are text (a CSV's), whose numbers and booleans are written out; else JSON values. */
  text?: boolean;
}

/** A problem with one row: the file line, the column, what is wrong. */
export interface RowIssue {
  line: number;
  field: string;
  problem: string;
}

/** A row whose cells are checked: the record's key, its stored properties and its references. */
export interface PreparedRow {
  line: number;
  key: string;
  props: Record<string, PropValue>;
  /** Reference column → the referenced record's key. */
  refs: Record<string, string>;
}

/** A record a row refers to (or the row's own record), as found in the graph or earlier in the file. */
export interface RecordFacts {
  label: Label;
  props: Readonly<Record<string, unknown>>;
}

/**
 * Checks every row's cells on their own (first pass; no database): the key, each field's type and
 * rules (dates, enums, ID numbers, phones, amounts), required fields and references, and keys
 * repeated within the file. Unknown columns are `fileIssues`: a misspelt column would silently
 * drop data, so they stop the whole import (reported at the CSV's header, or at the first JSON Lines
 * row that has them).
 */
export function prepareRows(
  kind: ImportKind,
  rows: readonly RawRow[],
  piiSalt: string,
): { prepared: PreparedRow[]; issues: RowIssue[]; fileIssues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const fileIssues: RowIssue[] = [];
  const prepared: PreparedRow[] = [];
  const known = new Set(['key', ...Object.keys(kind.fields), ...Object.keys(kind.refs)]);
  const firstLine = new Map<string, number>();
  const unknownReported = new Set<string>();
  for (const row of rows) {
    const is = new Issues('');
    for (const col of Object.keys(row.values)) {
      if (!known.has(col) && !unknownReported.has(col)) {
        unknownReported.add(col);
        fileIssues.push({
          line: row.columnsLine ?? row.line,
          field: col,
          problem: `unknown column for kind ${kind.name} (columns: ${[...known].join(', ')})`,
        });
      }
    }
    const key = typeof row.values.key === 'string' ? row.values.key.trim() : '';
    if (key === '') is.add('key', 'is required');
    else checkKey(is, 'key', key);
    if (key !== '' && firstLine.has(key)) is.add('key', `repeats the key of line ${firstLine.get(key)}`);
    else if (key !== '') firstLine.set(key, row.line);
    const props: Record<string, PropValue> = {};
    for (const [field, spec] of Object.entries(kind.fields)) {
      const v = coerceCell(spec, row.values[field], row.text === true);
      if (v === undefined) {
        if (spec.required) is.add(field, 'is required');
        continue;
      }
      Object.assign(props, storedValue(is, field, spec, v, piiSalt));
    }
    if (Array.isArray(props.aliases)) props.aliasText = props.aliases.join(' ');
    const refs: Record<string, string> = {};
    for (const [col, ref] of Object.entries(kind.refs)) {
      const v = row.values[col];
      const k = typeof v === 'string' ? v.trim() : '';
      if (k !== '') refs[col] = k;
      else if (ref.required) is.add(col, 'is required');
    }
    for (const i of is.list) issues.push({ line: row.line, ...i });
    if (is.ok) prepared.push({ line: row.line, key, props, refs });
  }
  return { prepared, issues, fileIssues };
}

/**
 * Checks a prepared row against the records it refers to and the record it updates (second
 * pass): the same domain rules as the mutations — legal pairings, units of the right kind,
 * dates within the pairing they belong to. Adds issues naming the row's line and column.
 */
export function checkRowFacts(
  kind: ImportKind,
  row: PreparedRow,
  refs: Readonly<Record<string, RecordFacts | null>>,
  existing: Readonly<Record<string, unknown>> | null,
  out: RowIssue[],
  /** The records dated within the row's record (a pairing's projects and visits). */
  dependents: readonly DatedRecord[] = [],
): void {
  const is = new Issues('');
  const props: Readonly<Record<string, unknown>> = { ...(existing ?? {}), ...row.props };
  const kindOf = (col: string) => (refs[col]?.props.kind ?? null) as UnitKind | null;
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  /** A stored open end (the sentinel) reads as no end. */
  const end = (v: unknown) => (v === OPEN_END ? null : str(v));
  switch (kind.name) {
    case 'pairing': {
      const helper = refs.helperKey;
      const beneficiary = refs.beneficiaryKey;
      checkInterval(is, 'validFrom', String(props.validFrom), 'validTo', end(props.validTo));
      if (is.ok)
        checkDependentsWithin(
          is,
          row.props.validFrom !== undefined && row.props.validTo === undefined ? 'validFrom' : 'validTo',
          'pairing',
          String(props.validFrom),
          end(props.validTo) ?? OPEN_END,
          dependents,
        );
      if (helper && beneficiary) {
        checkPairing(
          is,
          {
            category: props.category as Category,
            kind: props.kind as PairingKind,
            level: props.level as Level,
          },
          helperFacts(helper.label, helper.props),
          { label: beneficiary.label, unitKind: (beneficiary.props.kind as UnitKind) ?? null },
        );
      }
      break;
    }
    case 'project':
    case 'visit': {
      const p = refs.pairingKey;
      if (p)
        checkWithin(
          is,
          'date',
          String(props.date),
          'pairing',
          String(p.props.validFrom),
          String(p.props.validTo),
        );
      break;
    }
    case 'dispute': {
      const k = kindOf('unitKey');
      if (k && ![...VILLAGE_LEVEL_KINDS, ...TOWNSHIP_LEVEL_KINDS].includes(k))
        is.add(
          'unitKey',
          `disputes are recorded in a village- or township-level unit, not a unit of kind ${k}`,
        );
      checkNodeRules(is, kind.label, props);
      if (props.resolution != null && !str(props.resolvedOn))
        is.add('resolvedOn', 'is required when a resolution is given');
      break;
    }
    case 'tenure': {
      checkInterval(is, 'validFrom', String(props.validFrom), 'validTo', end(props.validTo));
      const k = kindOf('unitKey');
      if (k) checkTenure(is, props.post as Post, k);
      break;
    }
    default: {
      // Entity kinds: the mutations' rules, on the record as it will be.
      const state: Record<string, Readonly<Record<string, unknown>> | null> = {};
      for (const col of Object.keys(kind.refs)) state[col.replace(/Key$/, 'Id')] = refs[col]?.props ?? null;
      const entityIssues = new Issues('');
      checkEntityState(entityIssues, kind.label, { props, refs: state });
      is.merge(entityIssues.list);
    }
  }
  // The rules name the mutations' `…Id` arguments; an import row names the same references `…Key`.
  for (const i of is.list)
    out.push({ line: row.line, field: i.field.replace(/Id$/, 'Key'), problem: i.problem });
}
