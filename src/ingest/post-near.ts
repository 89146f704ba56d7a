import type { Span } from './spans';

const POSTS =
  /驻村干部|干部|驻村第一书记|第一书记|驻村工作队队长|驻村工作队员|工作队长|工作队员|嘎查党支部书记|村党支部书记|党支部书记|社区党委书记|嘎查达|村主任|村委会主任|书记|主任|局长|副局长|旗长|副旗长|县长|副县长|镇长|乡长|队长|厂长|董事长|总经理/gu;

/** The post written right before or after a person's name in the same clause. */
export function postNear(s: string, span: Span): string | null {
  const before = s.slice(Math.max(0, span.start - 12), span.start);
  const after = s.slice(span.end, span.end + 40).split(/[，,。；;]/)[0];
  const b = [...before.matchAll(POSTS)].pop();
  const a = [...after.matchAll(POSTS)].find((x) => !/^(?:驻村)?干部$/.test(x[0]));
  const adjacent = b && b.index + b[0].length === before.length ? b[0] : null;
  // A named post (第一书记, 队长 …) wins over the generic 干部 written before the name.
  if (adjacent && !/干部$/.test(adjacent)) return adjacent;
  return a ? a[0] : adjacent;
}
