import { isPersonalLabel } from '../access-policy';
import { OPEN_END, type Label } from '../model';
import { checkDate, isIsoDate } from './dates';
import { GRAPH_RULES } from './graph-rules';
import type { Issues } from './issues';
import { checkNodeRules } from './node-rules';
import { checkNotMasked, checkText, MAX_TEXT } from './text';
import { checkWhole } from './whole-numbers';

/**
 * Checks one node's properties against its label's rules (GRAPH_RULES) and the rules across its
 * properties the mutations check (DATE_ORDERS); adds an issue per problem (field `props.<name>`)
 * and returns the properties with names and texts normalised as the mutations store them.
 */
export function checkGraphProps(
  issues: Issues,
  label: Label,
  props: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const rules = GRAPH_RULES[label];
  const out: Record<string, unknown> = { ...props };
  if (!rules) return out;
  for (const [prop, rule] of Object.entries(rules.props)) {
    const v = props[prop];
    const field = `props.${prop}`;
    if (v === undefined || v === null) {
      if (rule.required) issues.add(field, `is required on a ${label}`);
      continue;
    }
    const bad = (what: string) => issues.add(field, `must be ${what}, got ${JSON.stringify(v)}`);
    const t = rule.type;
    switch (t.t) {
      case 'name':
      case 'text':
        if (typeof v !== 'string') bad('text');
        else out[prop] = checkText(issues, field, v, t.t === 'text' ? MAX_TEXT : undefined);
        if (t.t === 'name' && isPersonalLabel(label)) checkNotMasked(issues, field, out[prop]);
        break;
      case 'names':
        if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) bad('a list of names');
        else out[prop] = v.map((x: string, i) => checkText(issues, `${field}[${i}]`, x));
        if (isPersonalLabel(label) && Array.isArray(out[prop]))
          (out[prop] as unknown[]).forEach((x, i) => checkNotMasked(issues, `${field}[${i}]`, x));
        break;
      case 'string':
        if (typeof v !== 'string') bad('a string');
        break;
      case 'enum':
        if (typeof v !== 'string' || !t.values.includes(v)) bad(`one of ${t.values.join(', ')}`);
        break;
      case 'enumList':
        if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' && t.values.includes(x)))
          bad(`a list of ${t.values.join(', ')}`);
        break;
      case 'date':
        if (typeof v !== 'string' || !(isIsoDate(v) || (t.open && v === OPEN_END)))
          bad('a date written YYYY-MM-DD');
        // the mutations' bounds (MIN_DATE on), the open end only where it means "open"
        else if (!(t.open && v === OPEN_END)) checkDate(issues, field, v);
        break;
      case 'int':
        checkWhole(issues, field, v, t.range);
        break;
      case 'number':
        if (typeof v !== 'number' || !Number.isFinite(v)) bad('a number');
        break;
      case 'boolean':
        if (typeof v !== 'boolean') bad('true or false');
        break;
    }
  }
  // the rules across properties (validTo after validFrom …), on the values as they are stored
  checkNodeRules(issues, label, out, (p) => `props.${p}`);
  return out;
}
