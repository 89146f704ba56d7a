import { z } from 'zod';

/**
 * Builders of environment-variable schemas that declare, on the schema itself, what an error
 * message may say about the variable: its value, only its length (a secret), or a URL with its
 * credentials hidden; and the bounds of an integer. Each module states this next to the variable's
 * name, so a new variable is declared where it is defined; `loadConfig` prints a refused value with
 * `shownValue`, and the tests read the declarations back with `envDeclarationOf`.
 */
export interface EnvDeclaration {
  /** How a refused value is shown: as it is (the default), by its length only, or as a URL without credentials. */
  readonly shown?: 'length' | 'url';
  /** Inclusive bounds of an integer variable. */
  readonly integer?: { readonly min: number; readonly max: number };
}

/**
 * Longest delay setTimeout and setInterval honour: Node runs a longer one after 1 ms (with only a
 * TimeoutOverflowWarning), so a variable that becomes a timer must stay within it.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

const declarations = z.registry<EnvDeclaration>();

function declare<T extends z.ZodType>(schema: T, declaration: EnvDeclaration): T {
  declarations.add(schema, { ...declarations.get(schema), ...declaration });
  return schema;
}

/** A secret (password, token, salt, key): an error names it and its length, never its value. */
export const secret = <T extends z.ZodType>(schema: T): T => declare(schema, { shown: 'length' });

/**
 * A URL that may carry credentials (`user:password@`, `?token=`): an error shows it with everything
 * up to the last `@` after the scheme, and any query or fragment, replaced by `***`.
 */
export const credentialUrl = <T extends z.ZodType>(schema: T): T => declare(schema, { shown: 'url' });

const integerMessage = (min: number, max: number) =>
  max === Number.MAX_SAFE_INTEGER
    ? `expected an integer ≥ ${min}`
    : `expected an integer from ${min} to ${max}`;

/** A decimal integer within [min, max]; anything else is refused with `message`. */
export function integer(min: number, max = Number.MAX_SAFE_INTEGER, message = integerMessage(min, max)) {
  if (!(Number.isSafeInteger(min) && Number.isSafeInteger(max) && min <= max))
    throw new RangeError(`bad integer bounds ${min}..${max}`);
  const schema = z
    .string()
    .regex(/^\d+$/, message)
    .transform(Number)
    .refine((n) => n >= min && n <= max, message);
  return declare(schema, { integer: { min, max } });
}

/** A delay or timeout in milliseconds that becomes a timer: at most MAX_TIMER_MS. */
export function milliseconds(min: number, max = MAX_TIMER_MS) {
  const most = Math.min(max, MAX_TIMER_MS);
  return integer(min, most, `expected milliseconds as an integer from ${min} to ${most}`);
}

/** The declaration of a variable's schema, looking through `.optional()`, `.default()` and the like. */
export function envDeclarationOf(schema: z.ZodType): EnvDeclaration {
  const found: EnvDeclaration[] = [];
  for (let s: z.ZodType | undefined = schema; s;) {
    const d = declarations.get(s);
    if (d) found.push(d);
    s = (s._zod.def as { innerType?: z.ZodType }).innerType;
  }
  return Object.assign({}, ...found.reverse());
}

/** `NAME="value"` for an error message, or what of it may be shown (see EnvDeclaration.shown). */
export function shownValue(name: string, raw: string, schema: z.ZodType): string {
  switch (envDeclarationOf(schema).shown) {
    case 'length':
      return `${name} (${raw.length} character${raw.length === 1 ? '' : 's'}, value not shown)`;
    case 'url':
      return `${name}=${JSON.stringify(withoutCredentials(raw))}`;
    default:
      return `${name}=${JSON.stringify(raw)}`;
  }
}

/**
 * A URL-like string without what may be a credential. Everything up to the LAST `@` goes, not
 * just a well-formed userinfo: a password holding `/`, `?` or `#` still ends before its `@`. So do
 * a query or fragment, and anything from the first whitespace on (`bolt://h:7687 password`).
 */
export function withoutCredentials(raw: string): string {
  return raw
    .replace(/^([a-z][a-z0-9+.-]*:\/+)?[^]*@/i, '$1***@')
    .replace(/[?#][^]*$/, '?***')
    .replace(/\s[^]*$/, ' ***');
}

/** Whether `raw` is one URL: no whitespace or control character, and one the WHATWG parser accepts. */
export const isUrl = (raw: string): boolean => !/[\s\p{Cc}]/u.test(raw) && URL.canParse(raw);

/**
 * `message` (say, a driver's error that repeats the URL it was given) with `url` shown as
 * withoutCredentials shows it, and each part of it that may be a credential (userinfo and its
 * password, query and fragment and each of their values, a tail after whitespace), as given or
 * percent-decoded, replaced by `***`.
 */
export function hideCredentials(message: string, url: string): string {
  const forms = [url, ...(URL.canParse(url) ? [new URL(url).href] : [])];
  const secrets = forms.flatMap((u) => {
    const userinfo = /^[a-z][a-z0-9+.-]*:\/+([^]*)@/i.exec(u)?.[1];
    const tail = /[?#\s][^]*$/.exec(u)?.[0].slice(1);
    const values = tail?.split(/[&#\s]/).flatMap((kv) => [kv, kv.replace(/^[^=]*=/, '')]) ?? [];
    return [userinfo, userinfo?.replace(/^[^:]*:/, ''), tail, ...values];
  });
  // Shorter pieces would hide letters of the message, not a credential worth the name.
  const hidden = [...new Set(secrets.flatMap((p) => (p === undefined ? [] : [p, decoded(p)])))].filter(
    (p) => p.trim().length >= 3,
  );
  let out = message;
  for (const u of forms.sort((a, b) => b.length - a.length)) out = out.split(u).join(withoutCredentials(u));
  for (const p of hidden.sort((a, b) => b.length - a.length)) out = out.split(p).join('***');
  return out;
}

function decoded(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
