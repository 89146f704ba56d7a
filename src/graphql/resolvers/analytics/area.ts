import type { Context } from '../../context';

/** The AdminUnit an analytics answer is scoped to, or null for the whole graph. */
export const area = (s: { areaId: string | null }, _a: unknown, ctx: Context) =>
  s.areaId === null ? null : ctx.loaders.node({ label: 'AdminUnit', id: s.areaId });
