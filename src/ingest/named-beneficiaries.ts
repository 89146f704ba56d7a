import type { Token } from './segmenter';

/**
 * Words that introduce a poor household or a student by name (贫困户王某某, 困难学生李某). A
 * villager (村民) is not taken for a household: the report may mean a cadre.
 */
const HOUSEHOLD_WORDS = '建档立卡贫困户|建档立卡户|贫困户|困难户|脱贫户|低保户|五保户|特困户|监测户|边缘户';
const STUDENT_WORDS = '贫困大学生|困难大学生|贫困学生|困难学生|受助学生|贫困生|大学生|学生';
const INTRO = new RegExp(`(${HOUSEHOLD_WORDS})|(${STUDENT_WORDS})`, 'gu');
/**
 * Common surnames (the first character of a name written after 贫困户/学生), without those that are
 * also function words or common first characters of other words there (和, 向, 于, 全, 时 …).
 */
const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤常温康施牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕季裴霍涂苗谷盛翁冉骆蓝游辛靳管柴蒙鲍华喻祁蒲房滕屈饶牟艾尤阳穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏瞿桂佟臧闵苟邬卞姬仇栾隋刁沙荣巫寇桑郎甄丛仲虞敖巩佘池乌',
]);
/**
 * Characters that end a name rather than belong to it (王芳家, 李某等, 张三的), among them the first
 * characters of verbs of speech that follow a name (王丽说, 李平介绍, 张华表示, 赵强告诉).
 */
const AFTER_NAME = /^[家等的户们和与、，,。；;：:（(一说讲介表告称]/u;

/**
 * Households and students named in a sentence: a household or student word, then one name or
 * several joined by 、/和 (贫困户王某某, 学生李某、张某某). A name is a common surname and one or two
 * more characters (某/某某 for an anonymised one), ending at a word boundary of jieba's.
 */
export function beneficiariesIn(
  s: string,
  tokens: readonly Token[],
): { type: 'HOUSEHOLD' | 'STUDENT'; start: number; end: number }[] {
  const ends = new Set(tokens.map((t) => t.end));
  const nameAt = (p: number): number | null => {
    if (!SURNAMES.has(s[p] ?? '')) return null;
    const anon = /^某某?/u.exec(s.slice(p + 1))?.[0];
    if (anon) return p + 1 + anon.length;
    for (const len of [3, 2]) {
      const e = p + len;
      if (e > s.length || !/^[\u4e00-\u9fa5]+$/u.test(s.slice(p, e))) continue;
      if (AFTER_NAME.test(s.slice(e - 1, e)) || (len === 3 && AFTER_NAME.test(s[e - 1]))) continue;
      if (ends.has(e) || AFTER_NAME.test(s.slice(e))) return e;
    }
    return null;
  };
  const out: { type: 'HOUSEHOLD' | 'STUDENT'; start: number; end: number }[] = [];
  for (const m of s.matchAll(INTRO)) {
    const type = m[1] ? 'HOUSEHOLD' : 'STUDENT';
    let p = m.index + m[0].length;
    for (let e = nameAt(p); e !== null; e = nameAt(p)) {
      out.push({ type, start: p, end: e });
      if (!/^[、和]/u.test(s.slice(e))) break;
      p = e + 1;
    }
  }
  return out;
}
