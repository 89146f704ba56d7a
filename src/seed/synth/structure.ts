import type { Post } from '../../domain/model';

/**
 * The per-banner structure of the synthetic layer: the report's counts for 准格尔旗 plus the
 * choices that fill its gaps (marked "choice"). Every synthetic banner is built from these numbers,
 * so scale N is N structural copies with the same ratios. docs/model.md explains each choice.
 */
export const STRUCTURE = {
  townships: 9, // choice: 苏木乡镇 (the first is 城壕村's township in 准格尔旗)
  streets: 4, // choice: 街道 (社区 lie under streets)
  gachaVillages: 159,
  communities: 23, // 182 − 159
  registeredHouseholds: 2000, // choice: ≥ 1924, so that some registered households are unpaired

  regionAgencies: 2,
  regionProgrammes: 3, // choice: one pairing per programme each region agency pursues → 2 × 3 = 6
  regionProjects: 2,

  cityAgencies: 25,
  cityPairings: 649,
  cityProjects: 84,

  countyCadres: 54, // each: 1 township LIAISON (not counted) + 1 village + 2 households
  countyCadreHouseholds: 2,
  bannerAgencies: 76, // each ≥ 1 village, ≥ 3 households, seconds 1 cadre
  bannerAgencyPublicInstitutions: 16, // choice: 机关事业单位 = 60 机关 + 16 事业单位
  agencyVillagePairings: 182, // choice: every village-level unit exactly once
  agencyHouseholdPairings: 1357, // 2015 − 162 − 155 − 159 − 182
  agencyMinHouseholds: 3,
  enterprises: 155, // each exactly 1 嘎查村
  secondedCadres: 159, // each stationed in its own 嘎查村
  secondedFromAgencies: 76, // the rest (83) come from township/street organs

  townshipCadres: 459, // choice: 1924 − 54 × 2 − 1357; each 1 household + 1 student

  projects: 696,
  fundsYuan: 10_790_000,
  fundsGranularityYuan: 100, // choice: amounts are whole hundreds of yuan
  visits: 1192,
  disputes: 35,
  disputesResolved: 30,
  backwardVillages: 16,
  demonstrationVillages: 40,
  plans: 213, // choice: "200余项"
  casework: 2046, // choice: "2000多件"
  events: 205,
  brochures: 257_839,
  inspections: 5,
  promotions: 7,
  sponsoredStudents: 38,
  sponsorFirstYear: 1991, // 2013 − 22
  sponsorLastYear: 2012,
  featuredOrganizations: 6,
  featuredPersons: 8,
} as const;

/** Posts of the 132 大学生村官 in the 两委 (8 reported, COMMITTEE_MEMBER = 132 − 78 is a choice). */
export const COLLEGE_OFFICIAL_POSTS: readonly (readonly [Post, number])[] = [
  ['VILLAGE_SECRETARY', 4],
  ['VILLAGE_DEPUTY_SECRETARY', 21],
  ['VILLAGE_DIRECTOR', 3],
  ['VILLAGE_DEPUTY_DIRECTOR', 23],
  ['COMMUNITY_SECRETARY', 4],
  ['COMMUNITY_DEPUTY_SECRETARY', 6],
  ['COMMUNITY_DIRECTOR', 6],
  ['COMMUNITY_DEPUTY_DIRECTOR', 11],
  ['COMMITTEE_MEMBER', 54],
];

/** Households paired at all levels; must equal the report's 1924. */
export const PAIRED_HOUSEHOLDS =
  STRUCTURE.countyCadres * STRUCTURE.countyCadreHouseholds +
  STRUCTURE.agencyHouseholdPairings +
  STRUCTURE.townshipCadres;
