/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** What kind of beneficiary a pairing assists (帮扶对象类别). */
export type BeneficiaryKind =
  /** A poor household (贫困户). */
  | 'HOUSEHOLD'
  /** A poor university student (贫困大学生). */
  | 'STUDENT'
  /** A township-level unit: 苏木乡镇 or 街道 (a county-level cadre's liaison). */
  | 'TOWNSHIP'
  /** A village-level unit: 嘎查村 or 社区. */
  | 'VILLAGE';

/** 四类: the category of a helper (帮扶主体类别). */
export type Category =
  /** 机关单位: agencies and public institutions. */
  | 'AGENCY'
  /** 民营企业: private enterprises. */
  | 'ENTERPRISE'
  /** 党员领导干部: leading cadres (with a rank). */
  | 'LEADING_CADRE'
  /** 下挂干部: reserve cadres seconded to live and work in a village. */
  | 'SECONDED_CADRE';

/** Designations of village-level units (村级称号). */
export type Designation =
  /** 相对后进的嘎查村 (backward village). */
  | 'BACKWARD'
  /** 新农村建设示范村 (new-countryside demonstration village). */
  | 'NEW_COUNTRYSIDE_DEMONSTRATION';

/** What kind of change a ledger event reports. */
export type LedgerEventKind =
  /** A citation (出处) was added to a record. */
  | 'CITATION_ADDED'
  /** A dispute (矛盾纠纷) was recorded. */
  | 'DISPUTE_RECORDED'
  /** A dispute was resolved. */
  | 'DISPUTE_RESOLVED'
  /** An admin unit, organization, person, enterprise, household or programme was created. */
  | 'ENTITY_CREATED'
  /** An admin unit, organization, person, enterprise, household or programme was changed. */
  | 'ENTITY_UPDATED'
  /** A bulk import (导入) ran; reload what you show. */
  | 'IMPORTED'
  /** A pairing (结对帮扶) was created. */
  | 'PAIRING_CREATED'
  /** A pairing was ended (解除). */
  | 'PAIRING_ENDED'
  /** A project (帮扶项目) was recorded. */
  | 'PROJECT_RECORDED'
  /** A reviewed fact of a report (报道) was accepted into the graph (an entity, pairing, source or observation). */
  | 'REPORT_FACT_ACCEPTED'
  /** A tenure (任职) was recorded. */
  | 'TENURE_RECORDED'
  /** A visit (调研) was recorded. */
  | 'VISIT_RECORDED';

/** 五级: the level of a helper in the network (帮扶层级). */
export type Level =
  /** 旗级 (banner, county level). */
  | 'BANNER'
  /** 市级 (city). */
  | 'CITY'
  /** 自治区级 (region). */
  | 'REGION'
  /** 苏木乡镇/街道级 (township or street). */
  | 'TOWNSHIP'
  /** 嘎查村/社区级 (village or community). */
  | 'VILLAGE';

/** Organization types (组织类型). */
export type OrgType =
  /** 机关单位 (agency). */
  | 'AGENCY'
  /** 领导小组 and its office and groups (leading group). */
  | 'LEADING_GROUP'
  /** 媒体 (media). */
  | 'MEDIA'
  /** 基层党组织 (party organization). */
  | 'PARTY_ORGANIZATION'
  /** 事业单位 (public institution). */
  | 'PUBLIC_INSTITUTION';

/** Filters pairings. Fields combine with AND; use AND/OR/NOT for more. */
export type PairingFilter = {
  /** All of these filters match. */
  AND?: Array<PairingFilter> | null | undefined;
  /** This filter does not match. */
  NOT?: PairingFilter | null | undefined;
  /** At least one of these filters matches. */
  OR?: Array<PairingFilter> | null | undefined;
  /** Valid on this day (validFrom ≤ day < validTo). */
  activeOn?: string | null | undefined;
  /** The beneficiary lies in this administrative unit or below it (an AdminUnit id). */
  areaId?: string | number | null | undefined;
  /** The beneficiary is of one of these kinds. */
  beneficiaryKind?: Array<BeneficiaryKind> | null | undefined;
  /** Helper category is one of these (四类). */
  category?: Array<Category> | null | undefined;
  /** Kind is one of these. */
  kind?: Array<PairingKind> | null | undefined;
  /** Helper level is one of these (五级). */
  level?: Array<Level> | null | undefined;
  /** Mode is one of these. */
  mode?: Array<PairingMode> | null | undefined;
  /** Carried out under this programme (a Programme id). */
  programmeId?: string | number | null | undefined;
  /** Provenance is one of these. */
  provenance?: Array<Provenance> | null | undefined;
};

/** What a pairing does (对子类型). */
export type PairingKind =
  /** 包扶/帮扶: assistance — counted among the report's 帮扶对子. */
  | 'ASSIST'
  /** 联系: a county-level cadre's liaison with a township (not a 帮扶对子). */
  | 'LIAISON'
  /** 助学: sponsoring a student's studies (e.g. 刘显亮's 38 students). */
  | 'SPONSOR'
  /** 驻村: a seconded cadre stationed in a village — counted among the 帮扶对子. */
  | 'STATIONED';

/** 一对一 / 一对多: whether the helper assists one beneficiary or many in this arrangement. */
export type PairingMode =
  /** 一对多 (one to many). */
  | 'ONE_TO_MANY'
  /** 一对一 (one to one). */
  | 'ONE_TO_ONE';

/** Roles a person may have (人员身份). */
export type PersonRole =
  /** 大学生村官 (college-graduate village official). */
  | 'COLLEGE_VILLAGE_OFFICIAL'
  /** 先进典型 (exemplar). */
  | 'EXEMPLAR'
  /** 后备干部 (reserve cadre). */
  | 'RESERVE_CADRE'
  /** 转聘的村干部 (village cadre transferred to township work). */
  | 'TRANSFERRED_VILLAGE_CADRE';

/** Where a fact comes from (来源类型), in the manner of Wikidata's references. */
export type Provenance =
  /** Computed from reported facts (推导). */
  | 'DERIVED'
  /** Stated in a source (报道所载); see its citations. */
  | 'REPORTED'
  /** Generated to fill in what a source only counts (合成); names start with 示例 so no reader mistakes them for real. */
  | 'SYNTHETIC';

/** A cadre's rank (职级). */
export type Rank =
  /** 县级 (county level, e.g. the banner's leading bodies). */
  | 'COUNTY'
  /** 副科级 (deputy section level). */
  | 'DEPUTY_SECTION'
  /** No rank recorded. */
  | 'NONE'
  /** 科级 (section level). */
  | 'SECTION';

/** Kinds of entity that search can return. */
export type SearchKind =
  /** Administrative units (行政区划). */
  | 'ADMIN_UNIT'
  /** Private enterprises (民营企业). */
  | 'ENTERPRISE'
  /** Poor households (贫困户). */
  | 'HOUSEHOLD'
  /** Organizations (组织). */
  | 'ORGANIZATION'
  /** People (人员). */
  | 'PERSON'
  /** Programmes (活动/工程). */
  | 'PROGRAMME'
  /** Poor university students (贫困大学生). */
  | 'STUDENT';

/** Kinds of administrative unit (行政区划类别). 嘎查村 and 社区 are the village level. */
export type UnitKind =
  /** 旗 (banner). */
  | 'BANNER'
  /** 市 (city). */
  | 'CITY'
  /** 社区 (urban community). */
  | 'COMMUNITY'
  /** 嘎查村 (village). */
  | 'GACHA_VILLAGE'
  /** 自治区 (autonomous region). */
  | 'REGION'
  /** 街道 (street). */
  | 'STREET'
  /** 苏木乡镇 (township). */
  | 'TOWNSHIP';

export type ExplorerSearchQueryVariables = Exact<{
  text: string;
}>;


export type ExplorerSearchQuery = { search: { edges: Array<{ kind: SearchKind, node:
        | { id: string, name: string, aliases: Array<string>, provenance: Provenance }
        | { id: string, name: string, aliases: Array<string>, provenance: Provenance }
        | { id: string, name: string, aliases: Array<string>, provenance: Provenance }
        | { id: string, name: string, aliases: Array<string>, provenance: Provenance }
        | { id: string, name: string, aliases: Array<string>, provenance: Provenance }
        | { id: string, name: string, aliases: Array<string>, provenance: Provenance }
        | { id: string, name: string, aliases: Array<string>, provenance: Provenance }
        | { id: string, name: string, aliases: Array<string>, provenance: Provenance }
       }> } };

export type ExplorerPairingRowFragment = { id: string, level: Level | null, category: Category | null, kind: PairingKind, mode: PairingMode | null, validFrom: string, validTo: string | null, provenance: Provenance, programme: { name: string } | null };

export type ExplorerViewQueryVariables = Exact<{
  rootIds: Array<string | number> | string | number;
  depth: number;
  activeOn?: string | null | undefined;
  filter?: PairingFilter | null | undefined;
  maxNodes: number;
  focus: string | number;
}>;


export type ExplorerViewQuery = { pairingGraph: { truncated: boolean, nodes: Array<{ id: string, kind: string, name: string, level: Level | null, category: Category | null, unitKind: UnitKind | null, provenance: Provenance, root: boolean, depth: number }>, edges: Array<{ id: string, source: string, target: string, kind: PairingKind, level: Level | null, category: Category | null, provenance: Provenance, validFrom: string, validTo: string | null }> }, focus:
    | { __typename: 'AdminUnit', key: string, name: string, aliases: Array<string>, provenance: Provenance, designations: Array<Designation>, id: string, unitKind: UnitKind, citations: Array<{ quote: string, source: { title: string, publisher: string | null, published: string | null } }>, parent: { id: string, name: string } | null, assistedBy: { totalCount: number, edges: Array<{ node: { id: string, level: Level | null, category: Category | null, kind: PairingKind, mode: PairingMode | null, validFrom: string, validTo: string | null, provenance: Provenance, other:
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
            , programme: { name: string } | null } }> } }
    | { __typename: 'Budget', id: string }
    | { __typename: 'Casework', id: string }
    | { __typename: 'Citation', id: string }
    | { __typename: 'Dispute', id: string }
    | { __typename: 'Enterprise', key: string, name: string, aliases: Array<string>, provenance: Provenance, id: string, citations: Array<{ quote: string, source: { title: string, publisher: string | null, published: string | null } }>, unit: { id: string, name: string } | null, pairings: { totalCount: number, edges: Array<{ node: { id: string, level: Level | null, category: Category | null, kind: PairingKind, mode: PairingMode | null, validFrom: string, validTo: string | null, provenance: Provenance, other:
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
            , programme: { name: string } | null } }> } }
    | { __typename: 'Event', id: string }
    | { __typename: 'Goal', id: string }
    | { __typename: 'Household', key: string, name: string, aliases: Array<string>, provenance: Provenance, id: string, citations: Array<{ quote: string, source: { title: string, publisher: string | null, published: string | null } }>, assistedBy: { totalCount: number, edges: Array<{ node: { id: string, level: Level | null, category: Category | null, kind: PairingKind, mode: PairingMode | null, validFrom: string, validTo: string | null, provenance: Provenance, other:
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
            , programme: { name: string } | null } }> } }
    | { __typename: 'Indicator', id: string }
    | { __typename: 'Inspection', id: string }
    | { __typename: 'Observation', id: string }
    | { __typename: 'Organization', key: string, name: string, aliases: Array<string>, provenance: Provenance, level: Level | null, orgType: OrgType | null, id: string, citations: Array<{ quote: string, source: { title: string, publisher: string | null, published: string | null } }>, unit: { id: string, name: string } | null, pairings: { totalCount: number, edges: Array<{ node: { id: string, level: Level | null, category: Category | null, kind: PairingKind, mode: PairingMode | null, validFrom: string, validTo: string | null, provenance: Provenance, other:
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
            , programme: { name: string } | null } }> } }
    | { __typename: 'Pairing', id: string }
    | { __typename: 'Person', key: string, name: string, aliases: Array<string>, provenance: Provenance, rank: Rank, roles: Array<PersonRole>, id: string, citations: Array<{ quote: string, source: { title: string, publisher: string | null, published: string | null } }>, memberOf: { id: string, name: string } | null, pairings: { totalCount: number, edges: Array<{ node: { id: string, level: Level | null, category: Category | null, kind: PairingKind, mode: PairingMode | null, validFrom: string, validTo: string | null, provenance: Provenance, other:
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
            , programme: { name: string } | null } }> } }
    | { __typename: 'Plan', id: string }
    | { __typename: 'Programme', key: string, name: string, aliases: Array<string>, provenance: Provenance, id: string, citations: Array<{ quote: string, source: { title: string, publisher: string | null, published: string | null } }> }
    | { __typename: 'Project', id: string }
    | { __typename: 'Recognition', key: string, name: string, aliases: Array<string>, provenance: Provenance, id: string, citations: Array<{ quote: string, source: { title: string, publisher: string | null, published: string | null } }> }
    | { __typename: 'Source', id: string }
    | { __typename: 'Student', key: string, name: string, aliases: Array<string>, provenance: Provenance, id: string, citations: Array<{ quote: string, source: { title: string, publisher: string | null, published: string | null } }>, assistedBy: { totalCount: number, edges: Array<{ node: { id: string, level: Level | null, category: Category | null, kind: PairingKind, mode: PairingMode | null, validFrom: string, validTo: string | null, provenance: Provenance, other:
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
            , programme: { name: string } | null } }> } }
    | { __typename: 'Tenure', id: string }
    | { __typename: 'Visit', id: string }
   | null };

export type ExplorerPairingQueryVariables = Exact<{
  id: string | number;
}>;


export type ExplorerPairingQuery = { pairing:
    | { key: string, id: string, level: Level | null, category: Category | null, kind: PairingKind, mode: PairingMode | null, validFrom: string, validTo: string | null, provenance: Provenance, helper:
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
      , beneficiary:
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
      , programme: { name: string } | null, citations: Array<{ quote: string, source: { title: string, publisher: string | null, published: string | null } }>, projects: { totalCount: number, edges: Array<{ node: { name: string, amountYuan: number | null, provenance: Provenance } }> } }
    | Record<PropertyKey, never>
   | null };

export type ExplorerLiveSubscriptionVariables = Exact<{
  since?: string | null | undefined;
}>;


export type ExplorerLiveSubscription = { ledgerChanged: { position: string, kind: LedgerEventKind, recordId: string | null, node:
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string, helper:
          | { id: string }
          | { id: string }
          | { id: string }
        , beneficiary:
          | { id: string }
          | { id: string }
          | { id: string }
         }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
     | null } };

export type ExplorerTimeQueryVariables = Exact<{
  areaId?: string | number | null | undefined;
  helperId?: string | number | null | undefined;
  from: string;
  to: string;
  id: string | number;
}>;


export type ExplorerTimeQuery = { timeline: { periods: Array<{ start: string, active: number, started: number, ended: number }> }, terms:
    | { sponsorships: { totalCount: number, edges: Array<{ node: { id: string, validFrom: string, validTo: string | null, beneficiary:
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
             } }> } }
    | { sponsorships: { totalCount: number, edges: Array<{ node: { id: string, validFrom: string, validTo: string | null, beneficiary:
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
             } }> } }
    | { sponsorships: { totalCount: number, edges: Array<{ node: { id: string, validFrom: string, validTo: string | null, beneficiary:
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
             } }> } }
    | Record<PropertyKey, never>
   | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ExplorerPairingRowFragmentDoc = new TypedDocumentString(`
    fragment ExplorerPairingRow on Pairing {
  id
  level
  category
  kind
  mode
  validFrom
  validTo
  provenance
  programme {
    name
  }
}
    `, {"fragmentName":"ExplorerPairingRow"}) as unknown as TypedDocumentString<ExplorerPairingRowFragment, unknown>;
export const ExplorerSearchDocument = new TypedDocumentString(`
    query ExplorerSearch($text: String!) {
  search(
    query: $text
    kinds: [ADMIN_UNIT, ORGANIZATION, PERSON, ENTERPRISE, HOUSEHOLD, STUDENT]
    first: 10
  ) {
    edges {
      kind
      node {
        id
        name
        aliases
        provenance
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerSearchQuery, ExplorerSearchQueryVariables>;
export const ExplorerViewDocument = new TypedDocumentString(`
    query ExplorerView($rootIds: [ID!]!, $depth: Int!, $activeOn: Date, $filter: PairingFilter, $maxNodes: Int!, $focus: ID!) {
  pairingGraph(
    rootIds: $rootIds
    depth: $depth
    activeOn: $activeOn
    filter: $filter
    maxNodes: $maxNodes
  ) {
    truncated
    nodes {
      id
      kind
      name
      level
      category
      unitKind
      provenance
      root
      depth
    }
    edges {
      id
      source
      target
      kind
      level
      category
      provenance
      validFrom
      validTo
    }
  }
  focus: node(id: $focus) {
    __typename
    id
    ... on Entity {
      key
      name
      aliases
      provenance
      citations {
        quote
        source {
          title
          publisher
          published
        }
      }
    }
    ... on AdminUnit {
      unitKind: kind
      designations
      parent {
        id
        name
      }
    }
    ... on Organization {
      level
      orgType
      unit {
        id
        name
      }
    }
    ... on Person {
      rank
      roles
      memberOf {
        id
        name
      }
    }
    ... on Enterprise {
      unit {
        id
        name
      }
    }
    ... on Helper {
      pairings(first: 50, filter: $filter) {
        totalCount
        edges {
          node {
            ...ExplorerPairingRow
            other: beneficiary {
              id
              name
            }
          }
        }
      }
    }
    ... on Beneficiary {
      assistedBy(first: 50, filter: $filter) {
        totalCount
        edges {
          node {
            ...ExplorerPairingRow
            other: helper {
              id
              name
            }
          }
        }
      }
    }
  }
}
    fragment ExplorerPairingRow on Pairing {
  id
  level
  category
  kind
  mode
  validFrom
  validTo
  provenance
  programme {
    name
  }
}`) as unknown as TypedDocumentString<ExplorerViewQuery, ExplorerViewQueryVariables>;
export const ExplorerPairingDocument = new TypedDocumentString(`
    query ExplorerPairing($id: ID!) {
  pairing: node(id: $id) {
    ... on Pairing {
      ...ExplorerPairingRow
      key
      helper {
        id
        name
      }
      beneficiary {
        id
        name
      }
      programme {
        name
      }
      citations {
        quote
        source {
          title
          publisher
          published
        }
      }
      projects(first: 20) {
        totalCount
        edges {
          node {
            name
            amountYuan
            provenance
          }
        }
      }
    }
  }
}
    fragment ExplorerPairingRow on Pairing {
  id
  level
  category
  kind
  mode
  validFrom
  validTo
  provenance
  programme {
    name
  }
}`) as unknown as TypedDocumentString<ExplorerPairingQuery, ExplorerPairingQueryVariables>;
export const ExplorerLiveDocument = new TypedDocumentString(`
    subscription ExplorerLive($since: String) {
  ledgerChanged(kinds: [PAIRING_CREATED, PAIRING_ENDED], since: $since) {
    position
    kind
    recordId
    node {
      id
      ... on Pairing {
        helper {
          id
        }
        beneficiary {
          id
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerLiveSubscription, ExplorerLiveSubscriptionVariables>;
export const ExplorerTimeDocument = new TypedDocumentString(`
    query ExplorerTime($areaId: ID, $helperId: ID, $from: Date!, $to: Date!, $id: ID!) {
  timeline(
    areaId: $areaId
    helperId: $helperId
    from: $from
    to: $to
    interval: YEAR
  ) {
    periods {
      start
      active
      started
      ended
    }
  }
  terms: node(id: $id) {
    ... on Helper {
      sponsorships: pairings(first: 100, filter: {kind: [SPONSOR]}) {
        totalCount
        edges {
          node {
            id
            validFrom
            validTo
            beneficiary {
              id
              name
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerTimeQuery, ExplorerTimeQueryVariables>;