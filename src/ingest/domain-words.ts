/**
 * Words the report vocabulary needs that jieba's general dictionary splits (嘎查 is cut as 嘎/查,
 * 驻村 as 驻/村): entered with a high frequency so they win over the general split.
 */
export const DOMAIN_WORDS: readonly [string, string][] = [
  ['嘎查', 'n'],
  ['嘎查村', 'n'],
  ['苏木', 'n'],
  ['苏木乡镇', 'n'],
  ['驻村', 'v'],
  ['包联', 'v'],
  ['包扶', 'v'],
  ['结对', 'v'],
  ['第一书记', 'n'],
  ['工作队', 'n'],
  ['下挂干部', 'n'],
  ['后旗', 'n'],
  ['前旗', 'n'],
  ['中旗', 'n'],
  ['金融办', 'nt'],
];
