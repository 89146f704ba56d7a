import type { NodeRow } from '../../store/reads/reads';
import type { Resolvers } from '../__generated__/resolvers-types';
import { readsProps } from '../execution';
import {
  activeOnDay,
  entityFields,
  nodeFields,
  relatedConnection,
  relatedOne,
  requiredOne,
  today,
  validToOf,
} from '../resolve';
import { resolveType, rootConnection } from './node';
import type { Designation, OrgType, PersonRole } from '../../domain/model';

const one = relatedOne;
const required = requiredOne;

const strings = (v: unknown) => (Array.isArray(v) ? (v as string[]) : []);

const helperPairings = relatedConnection('helperPairings', 'Pairing');
const assistedBy = relatedConnection('assistedBy', 'Pairing');

/** Resolvers of schema/network.graphql. */
export const networkResolvers: Resolvers = {
  Helper: { __resolveType: resolveType },
  Beneficiary: { __resolveType: resolveType },
  Query: {
    adminUnits: rootConnection('AdminUnit'),
    organizations: rootConnection('Organization'),
    people: rootConnection('Person'),
    enterprises: rootConnection('Enterprise'),
    households: rootConnection('Household'),
    students: rootConnection('Student'),
    programmes: rootConnection('Programme'),
    pairings: rootConnection('Pairing'),
    projects: rootConnection('Project'),
  },
  AdminUnit: {
    ...entityFields,
    designations: readsProps((row: NodeRow) => strings(row.designations) as Designation[], ['designations']),
    parent: one('unit'),
    children: relatedConnection('children', 'AdminUnit'),
    households: relatedConnection('households', 'Household'),
    assistedBy,
  },
  Organization: {
    ...entityFields,
    orgType: readsProps((row: NodeRow) => (row.type as OrgType | undefined) ?? null, ['type']),
    unit: one('unit'),
    partOf: one('partOf'),
    pairings: helperPairings,
  },
  Person: {
    ...entityFields,
    rank: readsProps((row: NodeRow) => (row.rank as never) ?? 'NONE', ['rank']),
    roles: readsProps((row: NodeRow) => strings(row.roles) as PersonRole[], ['roles']),
    memberOf: one('memberOf'),
    unit: one('unit'),
    pairings: helperPairings,
  },
  Enterprise: { ...entityFields, unit: one('unit'), pairings: helperPairings },
  Household: {
    ...entityFields,
    memberCount: readsProps((row: NodeRow) => (row.members as number | undefined) ?? null, ['members']),
    unit: one('unit'),
    assistedBy,
  },
  Student: { ...entityFields, unit: one('unit'), assistedBy },
  Programme: { ...entityFields, pairings: relatedConnection('programmePairings', 'Pairing') },
  Pairing: {
    ...nodeFields,
    validTo: validToOf,
    activeOn: readsProps(
      (row: NodeRow, { date }: { date?: string | null }) => activeOnDay(row, date ?? today()),
      ['validFrom', 'validTo'],
    ),
    citations: entityFields.citations,
    helper: required('helper'),
    beneficiary: required('beneficiary'),
    programme: one('programme'),
    projects: relatedConnection('projects', 'Project'),
    visits: relatedConnection('visits', 'Visit'),
  },
  Project: { ...nodeFields, citations: entityFields.citations, pairing: one('projectPairing') },
  Visit: { ...nodeFields, citations: entityFields.citations, pairing: one('visitPairing') },
};
