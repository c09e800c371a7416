import type { ModelKind, ModelOfKind } from "@/lib/catalog/model-definition";
import { catalog } from "@/lib/catalog/models";

/**
 * The catalog's model `id`, for tests that need a real entry: one missing from the catalog, or
 * of another kind than the test expects, fails the test that asked, by name.
 */
export function catalogModel<K extends ModelKind>(id: string, kind: K): ModelOfKind<K> {
  const model = catalog.find((entry) => entry.id === id);
  if (!model) throw new Error(`${id} is not in the catalog`);
  if (model.kind !== kind) throw new Error(`${id} is ${model.kind}, not ${kind}`);
  // The kind was checked just above; TypeScript cannot follow it into the generic.
  return model as unknown as ModelOfKind<K>;
}
