import { canonicalJson } from './canonical-json.js';

/** `{ field: { from, to } }` for each listed field whose value differs: the details of an "updated" event. */
export type FieldChanges = Record<string, { readonly from: unknown; readonly to: unknown }>;

export function fieldChanges<T extends object>(
  before: T,
  after: T,
  fields: readonly (keyof T & string)[],
): FieldChanges {
  const changes: FieldChanges = {};
  for (const field of fields) {
    if (canonicalJson(before[field]) !== canonicalJson(after[field])) {
      changes[field] = { from: before[field], to: after[field] };
    }
  }
  return changes;
}
