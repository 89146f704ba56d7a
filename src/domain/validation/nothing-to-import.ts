/**
 * The error of an import file that holds no row or record (`why`: "is empty", "holds only blank
 * lines", "has a header but no rows", …): an import that reads nothing is a mistake (the wrong
 * file, a truncated copy), so it is refused before anything is written or audited.
 */
export const nothingToImport = (file: string, why: string): Error =>
  new Error(`${file} ${why}: nothing to import`);
