import fs from 'node:fs';
import path from 'node:path';
import type { ImportFileSet } from './import-files';
import { FIX_LABEL } from './import-files';

/**
 * The plan of what the offline importer cannot write (ImportFiles' `fixed`: empty lists, lists of
 * one empty string), kept in the store directory from before the import until the store has
 * written it. The launcher applies it when the store starts, before it reports ready
 * (neo4j/…/ImportFixup.java), and then deletes it: a seed killed between the import and that start
 * is finished by whichever process starts the store next.
 *
 * One line per temporary label and property: `label TAB property TAB n`, the value a list of n
 * (0 or 1) empty strings — the only values ImportFiles sets aside.
 */
export const FIXUP_PLAN = 'import-fixup.tsv';

export const fixupPlanPath = (storeDir: string) => path.join(storeDir, FIXUP_PLAN);

/** Writes the plan (nothing when nothing is to be fixed), replacing any earlier one. */
export function writeFixupPlan(storeDir: string, fixed: ImportFileSet['fixed']): void {
  removeFixupPlan(storeDir);
  if (!fixed.length) return;
  const lines = ['# bangfu offline import: label, property, the value as a list of n empty strings'];
  for (const { label, props } of fixed) {
    if (!FIX_LABEL.test(label)) throw new TypeError(`not a fix-up label: ${label}`);
    for (const [key, v] of Object.entries(props)) {
      if (!Array.isArray(v) || v.length > 1 || v.some((x) => x !== ''))
        throw new TypeError(
          `${label}.${key}: only [] and [''] are set after the import, got ${JSON.stringify(v)}`,
        );
      lines.push(`${label}\t${key}\t${v.length}`);
    }
  }
  fs.mkdirSync(storeDir, { recursive: true });
  // written whole or not at all: a plan cut short would leave labels without their values
  const tmp = `${fixupPlanPath(storeDir)}.tmp`;
  fs.writeFileSync(tmp, `${lines.join('\n')}\n`);
  fs.renameSync(tmp, fixupPlanPath(storeDir));
}

export function removeFixupPlan(storeDir: string): void {
  fs.rmSync(fixupPlanPath(storeDir), { force: true });
}

/** The launcher's record of each fix-up it applied (`<store>/logs/import-fixup.log`): the last one's milliseconds. */
export function lastFixupMs(storeDir: string): number | undefined {
  try {
    const lines = fs
      .readFileSync(path.join(storeDir, 'logs', 'import-fixup.log'), 'utf8')
      .trim()
      .split('\n');
    const m = / in (\d+) ms$/.exec(lines[lines.length - 1]);
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}
