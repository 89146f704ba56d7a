import { AppError } from './errors';
import { PERSONAL_FIELDS } from './__generated__/personal-fields';

/**
 * Every access rule of the service, in one place: the roles, which operation each role may do, and
 * which fields hold personal data and how they are masked. The HTTP layer, the resolvers, the
 * store's history reads, the exporter and the CLI all ask this module; none decides on its own.
 * test/unit/access-policy.test.ts walks every role × operation × sensitive field of these tables.
 */

/** Roles, weakest first: each role may do everything the roles before it may. */
export const ROLES = ['viewer', 'analyst', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking: a verified token's subject and role, or an anonymous caller. */
export type Viewer =
  | { readonly anonymous: false; readonly subject: string; readonly role: Role }
  | { readonly anonymous: true; readonly subject: null; readonly role: null };

export const ANONYMOUS: Viewer = Object.freeze({ anonymous: true, subject: null, role: null });

/** The weakest role allowed to do each operation. */
export const OPERATION_ROLES = {
  /** Read the graph (anonymous callers too, when AUTH_ANONYMOUS_READ is on). */
  read: 'viewer',
  /** See personal fields unmasked, and search or filter by them. */
  readPersonal: 'analyst',
  /** Export the graph (personal fields follow the caller's role). */
  export: 'viewer',
  createAdminUnit: 'admin',
  updateAdminUnit: 'editor',
  createOrganization: 'editor',
  updateOrganization: 'editor',
  createPerson: 'editor',
  updatePerson: 'editor',
  createEnterprise: 'editor',
  updateEnterprise: 'editor',
  createHousehold: 'editor',
  updateHousehold: 'editor',
  createProgramme: 'admin',
  updateProgramme: 'editor',
  createPairing: 'editor',
  endPairing: 'editor',
  recordProject: 'editor',
  recordVisit: 'editor',
  recordDispute: 'editor',
  resolveDispute: 'editor',
  recordTenure: 'editor',
  addCitation: 'editor',
  /** Propose a report's facts for review (stored apart from the graph). */
  proposeReport: 'analyst',
  /** Read proposals: a report's text and the names it found, verbatim. */
  readProposals: 'analyst',
  /** Accept a proposed fact (written through the ledger's write paths, with its citation). */
  acceptProposedFact: 'analyst',
  /** Reject a proposed fact (it stays in the proposal, marked rejected). */
  rejectProposedFact: 'analyst',
  /** Bulk import of ledger rows (kinds that create admin units or programmes need importAdmin). */
  import: 'editor',
  /** Bulk import of admin units, programmes or a whole graph dump. */
  importAdmin: 'admin',
  /** Export secret properties (salted ID-number hashes), so that a backup restores completely. */
  exportSecrets: 'admin',
} as const satisfies Record<string, Role>;
export type Operation = keyof typeof OPERATION_ROLES;
export const OPERATIONS = Object.keys(OPERATION_ROLES) as Operation[];

/** How a personal field is shown to a role below `readPersonal`. */
export type MaskKind =
  /** Keep the first character, star the rest: 刘显亮 → 刘**. */
  | 'initial'
  /** Show nothing: null. */
  | 'hidden';

/**
 * Personal fields (个人信息) per label, as the API and exports name them, with their mask. The table
 * is generated from the `@personal` directives of the SDL (schema/*.graphql), the one place that
 * classifies personal data; `npm run codegen` regenerates it and CI fails when it is stale.
 */
export { PERSONAL_FIELDS };
export type PersonalLabel = keyof typeof PERSONAL_FIELDS;

/** Stored properties that never leave the service through the API, whatever the role. */
export const SECRET_PROPS: ReadonlySet<string> = new Set(['idNumberHash']);

const rank = (r: Role) => ROLES.indexOf(r);

/** Whether `viewer` may do `op`. Anonymous callers may only read, and only if `anonymousRead`. */
export function can(viewer: Viewer, op: Operation, anonymousRead = false): boolean {
  if (viewer.anonymous) return anonymousRead && (op === 'read' || op === 'export');
  return rank(viewer.role) >= rank(OPERATION_ROLES[op]);
}

/**
 * Throws unless `viewer` may do `op`: UNAUTHENTICATED for an anonymous caller (a token would
 * help), FORBIDDEN for a role that is too weak (naming the role needed).
 */
export function authorize(viewer: Viewer, op: Operation, anonymousRead = false): void {
  if (can(viewer, op, anonymousRead)) return;
  const needed = OPERATION_ROLES[op];
  if (viewer.anonymous) {
    throw new AppError('UNAUTHENTICATED', `${op} needs a bearer token with role ${needed} or higher`, {
      operation: op,
      requiredRole: needed,
    });
  }
  throw new AppError('FORBIDDEN', `${op} needs role ${needed} or higher; the token has role ${viewer.role}`, {
    operation: op,
    requiredRole: needed,
  });
}

/** Whether a label has personal fields. */
export const isPersonalLabel = (label: string): label is PersonalLabel =>
  Object.prototype.hasOwnProperty.call(PERSONAL_FIELDS, label);

/** The mask of `label.field`, or null when the field is not personal. */
export function maskOf(label: string, field: string): MaskKind | null {
  if (!isPersonalLabel(label)) return null;
  const fields: Readonly<Record<string, MaskKind>> = PERSONAL_FIELDS[label];
  return Object.prototype.hasOwnProperty.call(fields, field) ? fields[field] : null;
}

/** Applies a mask to one value. */
export function applyMask(kind: MaskKind, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (kind === 'hidden') return null;
  const chars = [...String(value)];
  // A fixed number of stars, so the mask does not reveal the length of the name either.
  return chars.length === 0 ? '' : `${chars[0]}**`;
}

/**
 * The value of `label.field` as `viewer` may see it: unchanged when the field is not personal or
 * the viewer may readPersonal; masked otherwise.
 */
export function visibleValue<T>(viewer: Viewer, label: string, field: string, value: T): T | string | null {
  const kind = maskOf(label, field);
  if (kind === null || can(viewer, 'readPersonal')) return value;
  return applyMask(kind, value);
}

/**
 * A record's properties as `viewer` may see them (history before/after values, exports): secret
 * properties dropped (an admin's export may ask to keep them), personal ones masked below
 * readPersonal. Properties that derive
 * from a personal field (`idNumberLast4` from `idNumber`) follow that field's mask.
 */
export function visibleProps(
  viewer: Viewer,
  label: string,
  props: Readonly<Record<string, unknown>>,
  o: { includeSecrets?: boolean } = {},
): Record<string, unknown> {
  const secrets = o.includeSecrets === true && can(viewer, 'exportSecrets');
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) {
    if (SECRET_PROPS.has(k) && !secrets) continue;
    const field = DERIVED_FROM[k] ?? k;
    const shown = visibleValue(viewer, label, field, v);
    if (shown === null && v !== null && v !== undefined) continue;
    out[k] = shown;
  }
  return out;
}

/**
 * Stored properties that reveal a personal field (masked with it): the kept last 4 characters of
 * the ID number, and the search text made from the aliases.
 */
const DERIVED_FROM: Readonly<Record<string, string>> = { idNumberLast4: 'idNumber', aliasText: 'aliases' };

/** The ID number as analysts see it: the stored last 4 characters behind 14 stars. */
export const idNumberDisplay = (last4: unknown): string | null =>
  typeof last4 === 'string' && last4 !== '' ? `${'*'.repeat(14)}${last4}` : null;
