import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Role } from '../../src/domain/access-policy';
import { importCommand, type ImportOutcome } from '../../src/cli/import-command';
import type { Gateway } from '../../src/store/gateway';

/** The PII salt of the test server (startTestServer), so hashes written by imports and mutations agree. */
export const TEST_PII_SALT = 'test-pii-salt-of-the-integration-tests';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-trust-'));
let seq = 0;

/**
 * Runs `bangfu import` of `records` (written as JSON Lines, one per line from line 1) as `role`
 * with subject `subject`, against `gw`; returns the outcome and what the command printed.
 */
export async function importRecords(
  gw: Gateway,
  subject: string,
  kind: string,
  records: readonly Record<string, unknown>[],
  o: { dryRun?: boolean; role?: Role } = {},
): Promise<ImportOutcome & { text: string }> {
  const file = path.join(dir, `${++seq}.jsonl`);
  fs.writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const lines: string[] = [];
  const out = { write: (s: string) => (lines.push(s), true) } as unknown as NodeJS.WritableStream;
  const r = await importCommand(
    gw,
    { anonymous: false, subject, role: o.role ?? 'admin' },
    file,
    { kind, dryRun: o.dryRun ?? false, skipInvalid: false, piiSalt: TEST_PII_SALT },
    out,
  );
  fs.rmSync(file);
  return { ...r, text: lines.join('') };
}
