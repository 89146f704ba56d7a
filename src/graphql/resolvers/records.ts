import { EXPOSED_LABELS, type Label } from '../../domain/model';
import type { NodeRow } from '../../store/reads/reads';
import type { RelName } from '../../store/reads/specs';
import type { Resolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { entityFields, keyOfRow, nodeFields, relatedAll, relatedOne, validToOf } from '../resolve';
import { rootConnection } from './node';

const one = relatedOne;
const all = relatedAll;
const citations = entityFields.citations;

/** Linked nodes whose label the API exposes (a Node field must not return an unknown type). */
const exposed = (rel: RelName) => async (row: NodeRow, _a: unknown, ctx: Context) =>
  (await ctx.loaders.all(rel, keyOfRow(row))).filter((n) => EXPOSED_LABELS.has(n.__label as Label));

/** Resolvers of schema/records.graphql: the dated and counted facts around the pairings. */
export const recordsResolvers: Resolvers = {
  Query: {
    disputes: rootConnection('Dispute'),
    tenures: rootConnection('Tenure'),
  },
  Person: { tenures: all('tenures') },
  Programme: { validTo: validToOf, partOf: one('programmePartOf') },
  Tenure: {
    ...nodeFields,
    citations,
    validTo: validToOf,
    holder: one('holder'),
    place: async (row, _a, ctx) => {
      const n = await ctx.loaders.one('place', keyOfRow(row));
      return n && EXPOSED_LABELS.has(n.__label) ? n : null;
    },
    secondedFrom: one('secondedFrom'),
  },
  Dispute: { ...nodeFields, citations, unit: one('unit') },
  Event: { ...nodeFields, citations, unit: one('heldIn') },
  Inspection: { ...nodeFields, citations, unit: one('heldIn') },
  Plan: { ...nodeFields, citations, unit: one('forUnit') },
  Casework: { ...nodeFields, citations, unit: one('forUnit') },
  Budget: { ...nodeFields, citations, organization: one('forOrganization') },
  Goal: { ...nodeFields, citations, validTo: validToOf, unit: one('forUnit') },
  Recognition: { ...entityFields, featured: exposed('features') },
  Indicator: { ...nodeFields, observations: all('observations') },
  Observation: { ...nodeFields, citations, indicator: one('indicator') },
};
