import {
  buildSchema,
  getNamedType,
  isInputObjectType,
  isObjectType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { Label } from '../../src/domain/model';
import { declarationsOf, propsOf } from '../../src/graphql/execution/declarations';
import { loadTypeDefs, resolvers } from '../../src/graphql/schema';

/** An output field typed Int (Int, Int!, [Int] …) of a stored record, and the property it reads. */
export interface IntOutputField {
  label: Label;
  field: string;
  /** The stored properties its resolver reads (one for every field today). */
  props: readonly string[] | null;
}

/** A mutation input field that writes an IntOutputField's property (same name on the payload's type). */
export interface IntInputField {
  op: string;
  input: string;
  field: string;
  label: Label;
  prop: string;
}

export const schema: GraphQLSchema = buildSchema(loadTypeDefs().join('\n'));
const declarations = declarationsOf([resolvers()]);

const isNode = (t: unknown): t is GraphQLObjectType =>
  isObjectType(t) && t.getInterfaces().some((i) => i.name === 'Node');

/**
 * Every field typed Int on a type implementing Node (a stored record), with the stored property
 * its resolver declares it reads (readsProps) or, undeclared, the property of its own name.
 */
export function intOutputFields(): IntOutputField[] {
  return Object.values(schema.getTypeMap())
    .filter(isNode)
    .flatMap((t) =>
      Object.values(t.getFields())
        .filter((f) => getNamedType(f.type).name === 'Int' && f.args.length === 0)
        .map((f) => ({
          label: t.name as Label,
          field: f.name,
          props: propsOf(declarations, t.name, f.name),
        })),
    );
}

/**
 * Every mutation input field that writes a property an Int output field reads: a mutation whose
 * payload holds a record of type T, and an input field named like T's Int field.
 */
export function intInputFields(): IntInputField[] {
  const outputs = intOutputFields();
  const out: IntInputField[] = [];
  for (const m of Object.values(schema.getMutationType()!.getFields())) {
    const arg = m.args.find((a) => a.name === 'input');
    const input = arg && getNamedType(arg.type);
    const payload = getNamedType(m.type);
    if (!input || !isInputObjectType(input) || !isObjectType(payload)) continue;
    for (const p of Object.values(payload.getFields())) {
      const record = getNamedType(p.type).name;
      for (const f of Object.values(input.getFields())) {
        const o = outputs.find((x) => x.label === record && x.field === f.name);
        if (o?.props?.length === 1)
          out.push({ op: m.name, input: input.name, field: f.name, label: o.label, prop: o.props[0] });
      }
    }
  }
  return out;
}
