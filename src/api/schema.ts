// Building blocks of the OpenAPI document (openapi.ts for the views, engines.ts for the engine routes).

/** A uint256 amount: a decimal string of base units. */
export const amount = { type: "string", pattern: "^[0-9]+$", description: "Decimal integer in base units" };
/** A signed amount (a net profit, a difference): a decimal string of base units. */
export const signedAmount = { type: "string", pattern: "^-?[0-9]+$", description: "Decimal integer in base units" };
export const address = { type: "string", pattern: "^0x[0-9a-f]{40}$", description: "Lowercase 0x address" };
export const seconds = { type: "integer", description: "Unix seconds" };
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const arrayOf = (items: unknown) => ({ type: "array", items });
/** An object whose every listed property is required. */
export const object = (properties: Record<string, unknown>) => ({
  type: "object",
  required: Object.keys(properties),
  properties,
});
export const json = (schema: unknown, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
export const query = (name: string, description: string, schema: Record<string, unknown>) => ({
  name,
  in: "query",
  required: false,
  description,
  schema,
});
export const addressParam = (description: string) => ({
  name: "address",
  in: "path",
  required: true,
  description,
  schema: { type: "string", pattern: "^0x[0-9a-fA-F]{40}$" },
});
