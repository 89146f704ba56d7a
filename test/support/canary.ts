import {
  getNamedType,
  isAbstractType,
  isLeafType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/**
 * Canary personal data: values no seed record, synthetic name or fixed text of the service could
 * contain, so finding one (or the first two characters of a canary name) in any output is a leak.
 */
export const CANARY = {
  householdName: '麤鱻龘',
  householdAliases: ['爨齉靐', '龖驫灪'],
  idNumber: '15062219870417531X',
  phone: '+8613712340417',
  studentName: '齾龗鸞',
  studentAliases: ['麣齼龞'],
} as const;

/** Every string whose appearance in an output below analyst is a leak. */
export function forbiddenStrings(): string[] {
  const names = [
    CANARY.householdName,
    ...CANARY.householdAliases,
    CANARY.studentName,
    ...CANARY.studentAliases,
  ];
  // a masked name shows its first character: any longer prefix reveals more
  const prefixes = names.flatMap((n) => [...n].slice(2).map((_, i) => [...n].slice(0, i + 2).join('')));
  return [
    ...new Set([
      ...names,
      ...prefixes,
      CANARY.idNumber,
      CANARY.idNumber.slice(0, 14),
      CANARY.phone,
      CANARY.phone.slice(3),
    ]),
  ];
}

/** Tokens that may be base64 or base64url (cursors, ids): long runs of the alphabets. */
const TOKEN = /[A-Za-z0-9+/_-]{12,}={0,2}/g;

/** The canary strings in `text`, as is and inside any base64/base64url token of it. */
export function canariesIn(text: string, forbidden: readonly string[]): string[] {
  const decoded = [...text.matchAll(TOKEN)].map((m) =>
    Buffer.from(m[0].replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''), 'base64url').toString(
      'utf8',
    ),
  );
  const found = new Set<string>();
  for (const s of forbidden) {
    if (text.includes(s)) found.add(s);
    if (decoded.some((d) => d.includes(s))) found.add(`${s} (decoded from base64)`);
  }
  return [...found];
}

/**
 * A selection of every field of `type` that needs no argument (connections get `first: 5`),
 * down to `depth` levels of objects: the widest answer a client can ask of one field about the
 * type `only`. An interface or union is expanded on `only` when it is one of its types (fragments
 * on several types would conflict where they share field names), else just named.
 */
export function fullSelection(
  schema: GraphQLSchema,
  named: GraphQLNamedType,
  depth: number,
  only: string,
): string {
  if (isLeafType(named)) return '';
  if (depth <= 0) return isObjectType(named) && named.getFields().id ? '{ __typename id }' : '{ __typename }';
  if (isAbstractType(named)) {
    const target = schema.getPossibleTypes(named).find((t) => t.name === only);
    return target
      ? `{ __typename ... on ${only} ${fullSelection(schema, target, depth, only)} }`
      : '{ __typename }';
  }
  const type = named as GraphQLObjectType;
  const fields = Object.values(type.getFields()).flatMap((f) => {
    const args = argsFor(f);
    if (args === null) return [];
    const sub = fullSelection(schema, getNamedType(f.type), depth - 1, only);
    return [`${f.name}${args}${sub ? ` ${sub}` : ''}`];
  });
  return `{ __typename ${fields.join(' ')} }`;
}

/** Arguments that make a field answerable without anything from the caller, or null. */
function argsFor(f: GraphQLField<unknown, unknown>): string | null {
  const required = f.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  if (required.length) return null;
  return f.args.some((a) => a.name === 'first') ? '(first: 5)' : '';
}
