import { InvalidArgumentError } from 'commander';
import type { AuthConfig } from '../config/auth-config';
import { ROLES, type Role, type Viewer } from '../domain/access-policy';
import { createAuthenticator } from '../server/token';

/** How a CLI command says who runs it: a token (verified like the service does), or a role and a name. */
export interface CliIdentity {
  token?: string;
  role?: string;
  sub?: string;
}

export const roleOption = (v: string): Role => {
  if (!(ROLES as readonly string[]).includes(v))
    throw new InvalidArgumentError(`expected one of ${ROLES.join(', ')}`);
  return v as Role;
};

/**
 * The viewer of a CLI run. With `--token`, the token is verified with the service's settings
 * (secret or JWKS). Without one, `--role` (default `fallback`) is taken as stated: whoever runs
 * the CLI already holds the database credentials, so the role guards against mistakes and names
 * the actor in the audit log (`--sub`, default the OS user), it is not a security boundary.
 */
export async function cliViewer(
  id: CliIdentity,
  auth: AuthConfig,
  fallback: Role,
): Promise<Viewer & { anonymous: false }> {
  if (id.token) {
    const v = await createAuthenticator(auth).authenticate(`Bearer ${id.token}`);
    if (v.anonymous) throw new Error('the token names no caller');
    return v;
  }
  const role = id.role ? roleOption(id.role) : fallback;
  const sub = id.sub ?? `cli:${process.env.USER ?? process.env.USERNAME ?? 'operator'}`;
  return { anonymous: false, subject: sub, role };
}
