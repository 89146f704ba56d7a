import { z } from 'zod';
import { piiSalt } from './auth-config';
import { secret } from './env-schemas';

/** The environment variable of this section, merged into config.ts's schema. */
export const CURSOR_ENV = {
  CURSOR_SECRET: secret(z.string().min(32, 'expected a secret of at least 32 characters')).optional(),
};

/**
 * The secret that encrypts and authenticates page cursors (CURSOR_SECRET). Every process behind one
 * load balancer must share it, or a cursor from one is refused by another; when unset it derives
 * from PII_HASH_SALT, which production already requires and shares. Changing it refuses the
 * cursors issued before (clients start their lists again).
 */
export const cursorSecret = (e: { CURSOR_SECRET?: string; PII_HASH_SALT?: string }): string =>
  e.CURSOR_SECRET ?? `pii-salt:${piiSalt(e)}`;
