/**
 * The closed vocabulary of the knowledge graph: node labels, relationship types and the enums
 * stored on them. Cypher may only interpolate labels and types taken from these lists; every
 * value goes through `$parameters`. See docs/model.md for the reason behind each choice.
 */

/** Node labels. Every node carries exactly one of these plus a unique `id`. */
export const LABELS = [
  'Source', // a document the facts come from (the 2013 report)
  'Citation', // a verbatim quote of a Source supporting a fact
  'AdminUnit', // 行政区划: region → city → banner → township/street → 嘎查村/社区
  'Organization', // 机关单位/事业单位/党组织/领导小组 …
  'Person', // 党员领导干部, 下挂干部, 大学生村官, exemplars …
  'Enterprise', // 民营企业
  'Household', // 贫困户 (personal data is protected)
  'Student', // 贫困大学生
  'Programme', // 活动/工程: 三到, 北疆基层党组织固本工程 …
  'Pairing', // 帮扶对子: reified helper → beneficiary assistance, time-bounded
  'Project', // 帮扶项目, amount in yuan
  'Visit', // 调研 (a research visit to an assisted village)
  'Dispute', // 矛盾纠纷
  'Tenure', // a dated post: 两委 posts, secondments, promotions
  'Event', // 文艺演出/宣讲 with materials distributed
  'Inspection', // 督查
  'Plan', // 发展计划
  'Casework', // 帮助解决的困难 (a difficulty solved for villagers)
  'Budget', // a yearly working budget (工作经费)
  'Goal', // a stated target (脱贫目标)
  'Recognition', // a featuring/award, e.g. 《七月聚焦》
  'Indicator', // what a reported figure measures (W3C Data Cube: measure)
  'Observation', // a reported figure with dimensions and comparator
  'AuditEntry', // one recorded write: who, when, which operation, before/after (append-only)
  'IdempotencyKey', // a client's idempotency key and the result of the write it first made
  'AuditSequence', // the counter that gives each AuditEntry its ledger position (`seq`), in commit order
  'Proposal', // a report's proposed facts awaiting review (never part of the published graph)
] as const;
export type Label = (typeof LABELS)[number];

/** The labels that can help (帮扶主体): a pairing's HELPER end. */
export const HELPER_LABELS: readonly Label[] = ['Organization', 'Person', 'Enterprise'];
/** The labels that can be assisted (帮扶对象): a pairing's BENEFICIARY end. */
export const BENEFICIARY_LABELS: readonly Label[] = ['AdminUnit', 'Household', 'Student'];
/** Either end of a pairing: what a pairing-graph traversal starts from and reaches. */
export const PAIRING_END_LABELS: readonly Label[] = [...BENEFICIARY_LABELS, ...HELPER_LABELS];
/** What is placed in an administrative unit by `LOCATED_IN`. */
export const LOCATED_LABELS: readonly Label[] = [
  'AdminUnit',
  'Organization',
  'Person',
  'Enterprise',
  'Household',
  'Student',
  'Dispute',
];

/** The service's own bookkeeping: stored beside the graph, never a GraphQL object type. */
const BOOKKEEPING_LABELS: ReadonlySet<Label> = new Set<Label>([
  'AuditEntry',
  'IdempotencyKey',
  'AuditSequence',
  'Proposal',
]);

/** Labels that have a GraphQL object type of the same name: every label but the bookkeeping. */
export const EXPOSED_LABELS: ReadonlySet<Label> = new Set(LABELS.filter((l) => !BOOKKEEPING_LABELS.has(l)));

/**
 * Labels that are not facts: the provenance nodes themselves (a Source, the Citation that quotes
 * it), an Indicator (our definition of what a figure measures — the report states its
 * Observations, which are cited, not the measure), and the service's own bookkeeping.
 */
const NOT_FACTS: ReadonlySet<Label> = new Set<Label>([
  'Source',
  'Citation',
  'Indicator',
  ...BOOKKEEPING_LABELS,
]);

/**
 * The facts a citation may support, `(fact)-[:SUPPORTED_BY]->(:Citation)`: every other label.
 * One set for both sides: `addCitation` accepts exactly these, and exactly these GraphQL types
 * expose `citations` (test/unit/citable-labels.test.ts checks the built schema against it).
 */
export const CITABLE_LABELS: readonly Label[] = LABELS.filter((l) => !NOT_FACTS.has(l));

/** Relationship types. Direction is fixed and documented in docs/model.md. */
export const REL_TYPES = [
  'LOCATED_IN', // (AdminUnit|Organization|Enterprise|Household|Student|Person|Dispute)-[:LOCATED_IN]->(AdminUnit)
  'PART_OF', // (Organization)-[:PART_OF]->(Organization) ; (Programme)-[:PART_OF]->(Programme) (carrier of)
  'MEMBER_OF', // (Person)-[:MEMBER_OF]->(Organization)  (cadre's home unit)
  'HELPER', // (Pairing)-[:HELPER]->(Organization|Person|Enterprise)
  'BENEFICIARY', // (Pairing)-[:BENEFICIARY]->(AdminUnit|Household|Student)
  'UNDER', // (Pairing|Project|Event|Goal|Budget)-[:UNDER]->(Programme)
  'HAS_PROJECT', // (Pairing)-[:HAS_PROJECT]->(Project)
  'HAS_VISIT', // (Pairing)-[:HAS_VISIT]->(Visit)
  'HOLDS', // (Person)-[:HOLDS]->(Tenure)
  'IN', // (Tenure)-[:IN]->(AdminUnit|Organization)
  'SECONDED_FROM', // (Tenure)-[:SECONDED_FROM]->(Organization)
  'FOR', // (Budget)-[:FOR]->(Organization) ; (Plan|Casework|Goal|Recognition)-[:FOR]->(AdminUnit)
  'HELD_IN', // (Event|Inspection)-[:HELD_IN]->(AdminUnit)
  'FEATURES', // (Recognition)-[:FEATURES]->(Organization|Person)
  'OF', // (Observation)-[:OF]->(Indicator)
  'ABOUT', // (Observation)-[:ABOUT]->(AdminUnit|Programme) — the area or programme observed
  'SUPPORTED_BY', // (any fact)-[:SUPPORTED_BY]->(Citation)
  'FROM', // (Citation)-[:FROM]->(Source)
] as const;
export type RelType = (typeof REL_TYPES)[number];

/** Where a fact comes from (Wikidata-style provenance). */
export const PROVENANCES = ['REPORTED', 'DERIVED', 'SYNTHETIC'] as const;
export type Provenance = (typeof PROVENANCES)[number];

/** 五级: the five levels of the helper network. */
export const LEVELS = ['REGION', 'CITY', 'BANNER', 'TOWNSHIP', 'VILLAGE'] as const;
export type Level = (typeof LEVELS)[number];

/** 四类: the four helper categories. */
export const CATEGORIES = ['AGENCY', 'LEADING_CADRE', 'ENTERPRISE', 'SECONDED_CADRE'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Kinds of administrative unit. 嘎查村 and 社区 are the village level. */
export const UNIT_KINDS = [
  'REGION',
  'CITY',
  'BANNER',
  'TOWNSHIP', // 苏木乡镇
  'STREET', // 街道
  'GACHA_VILLAGE', // 嘎查村
  'COMMUNITY', // 社区
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const VILLAGE_LEVEL_KINDS: readonly UnitKind[] = ['GACHA_VILLAGE', 'COMMUNITY'];
export const TOWNSHIP_LEVEL_KINDS: readonly UnitKind[] = ['TOWNSHIP', 'STREET'];

/** What a pairing does: 包扶/帮扶 (assist), 联系 (liaise), 驻村 (stationed), 助学 (sponsor). */
export const PAIRING_KINDS = ['ASSIST', 'LIAISON', 'STATIONED', 'SPONSOR'] as const;
export type PairingKind = (typeof PAIRING_KINDS)[number];

/** 一对一 / 一对多. */
export const PAIRING_MODES = ['ONE_TO_ONE', 'ONE_TO_MANY'] as const;
export type PairingMode = (typeof PAIRING_MODES)[number];

/** Cadre ranks (职级). */
export const RANKS = ['COUNTY', 'SECTION', 'DEPUTY_SECTION', 'NONE'] as const;
export type Rank = (typeof RANKS)[number];

/** Organization types. */
export const ORG_TYPES = [
  'AGENCY', // 机关单位
  'PUBLIC_INSTITUTION', // 事业单位
  'PARTY_ORGANIZATION', // 基层党组织
  'LEADING_GROUP', // 领导小组 and its office and groups
  'MEDIA', // 媒体 (e.g. 新华社内蒙古分社, counted as a region-level agency)
] as const;
export type OrgType = (typeof ORG_TYPES)[number];

/** Dated posts (Tenure.post). */
export const POSTS = [
  'VILLAGE_SECRETARY', // 村党支部书记
  'VILLAGE_DEPUTY_SECRETARY', // 村党支部副书记
  'VILLAGE_DIRECTOR', // 村主任
  'VILLAGE_DEPUTY_DIRECTOR', // 村副主任
  'COMMUNITY_SECRETARY', // 社区党支部书记
  'COMMUNITY_DEPUTY_SECRETARY', // 社区党支部副书记
  'COMMUNITY_DIRECTOR', // 社区主任
  'COMMUNITY_DEPUTY_DIRECTOR', // 社区副主任
  'COMMITTEE_MEMBER', // 两委委员
  'STATIONED_CADRE', // 下挂驻村干部 (secondment)
  'DEPUTY_SECTION_CHIEF', // 副科级 (promotion)
] as const;
export type Post = (typeof POSTS)[number];

/** The far-future date standing for an open validity interval (so MERGE and range indexes work). */
export const OPEN_END = '9999-12-31';

/** The reference date of the report: facts it states are valid on this day. */
export const REPORT_DATE = '2013-04-16';

// ---- Added with the seed data (seeds/report.json, src/seed/*): enums stored on nodes. ----

/** How an Observation's value relates to the truth: 35 件 (EXACT), 2000多件 (MORE_THAN), 至少 (AT_LEAST). */
export const COMPARATORS = ['EXACT', 'MORE_THAN', 'AT_LEAST'] as const;
export type Comparator = (typeof COMPARATORS)[number];

/** Who launched a Programme (Programme.scope): 中央, 自治区, 市, 旗. */
export const PROGRAMME_SCOPES = ['NATIONAL', 'REGION', 'CITY', 'BANNER'] as const;
export type ProgrammeScope = (typeof PROGRAMME_SCOPES)[number];

/** Person.roles (a person may have several; rank is separate). */
export const PERSON_ROLES = [
  'RESERVE_CADRE', // 后备干部 (the 159 下挂干部 are drawn from them)
  'COLLEGE_VILLAGE_OFFICIAL', // 大学生村官
  'TRANSFERRED_VILLAGE_CADRE', // 村干部 transferred (转聘) to township work in 2011
  'EXEMPLAR', // 先进典型 (e.g. 刘显亮)
] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** AdminUnit.designations of village-level units. */
export const DESIGNATIONS = [
  'BACKWARD', // 相对后进的嘎查村
  'NEW_COUNTRYSIDE_DEMONSTRATION', // 新农村建设示范村
] as const;
export type Designation = (typeof DESIGNATIONS)[number];

/** Organization.groupRole inside a 领导小组. */
export const GROUP_ROLES = ['GROUP', 'OFFICE', 'FUNCTIONAL_GROUP', 'MERGED_OFFICE'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

/** Event.kind: 赴基层文艺演出 / 宣讲活动. */
export const EVENT_KINDS = ['PERFORMANCE', 'LECTURE'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Event.theme: the 五送 (送理论、送文化、送法律、送技能、送健康). */
export const WUSONG_THEMES = ['THEORY', 'CULTURE', 'LAW', 'SKILLS', 'HEALTH'] as const;
export type WusongTheme = (typeof WUSONG_THEMES)[number];

/** Inspection.kind: 配合市“三到”活动督查 / 结合村级“两委”换届选举督查. */
export const INSPECTION_KINDS = ['SANDAO', 'VILLAGE_ELECTION'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

/** Plan.sector: 村级道路改造、村级阵地建设、吃水用电困难、现代农牧业发展、劳动力就业、危房改造. */
export const PLAN_SECTORS = [
  'ROADS',
  'PREMISES',
  'WATER_POWER',
  'AGRICULTURE',
  'EMPLOYMENT',
  'HOUSING',
] as const;
export type PlanSector = (typeof PLAN_SECTORS)[number];

/** Casework.kind: 创业就业、医疗、上学. */
export const CASEWORK_KINDS = ['EMPLOYMENT', 'MEDICAL', 'SCHOOLING'] as const;
export type CaseworkKind = (typeof CASEWORK_KINDS)[number];

/** Goal.horizon: 解决5000贫困人口脱贫 (this year) / 三年内解决1.5万人. */
export const GOAL_HORIZONS = ['THIS_YEAR', 'THREE_YEARS'] as const;
export type GoalHorizon = (typeof GOAL_HORIZONS)[number];

/** The 两委 posts (村/社区党支部 and 村/居委会), as opposed to secondments and promotions. */
export const COMMITTEE_POSTS: readonly Post[] = [
  'VILLAGE_SECRETARY',
  'VILLAGE_DEPUTY_SECRETARY',
  'VILLAGE_DIRECTOR',
  'VILLAGE_DEPUTY_DIRECTOR',
  'COMMUNITY_SECRETARY',
  'COMMUNITY_DEPUTY_SECRETARY',
  'COMMUNITY_DIRECTOR',
  'COMMUNITY_DEPUTY_DIRECTOR',
  'COMMITTEE_MEMBER',
];

/** Pairing kinds counted as 帮扶对子 in the report's figures (LIAISON and SPONSOR are not). */
export const COUNTED_PAIRING_KINDS: readonly PairingKind[] = ['ASSIST', 'STATIONED'];
