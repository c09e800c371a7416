import type { ComponentProps } from "react";
import type { CatalogModel, ModelKind } from "@/lib/catalog/model-definition";

type Props = Omit<ComponentProps<"select">, "value" | "onChange"> & {
  models: readonly CatalogModel[];
  value: string;
  onChange: (model: CatalogModel) => void;
};

// The picker says what each model makes, and which need an image, before one is chosen.
const groups: readonly { label: string; kinds: readonly ModelKind[] }[] = [
  { label: "Images from a description", kinds: ["text-to-image"] },
  { label: "Change an image (needs an image)", kinds: ["image-edit", "image-to-image"] },
  { label: "Video from a description", kinds: ["text-to-video"] },
  { label: "Video from an image (needs an image)", kinds: ["image-to-video"] },
];

/** The catalog's models, grouped by what they make and whether they start from an image. */
export function ModelSelect({ models, value, onChange, ...select }: Props) {
  return (
    <select
      {...select}
      value={value}
      onChange={(event) => {
        const model = models.find((entry) => entry.id === event.target.value);
        if (model) onChange(model);
      }}
      className="field"
    >
      {groups.map(({ label, kinds }) => {
        const members = models.filter((model) => kinds.includes(model.kind));
        return (
          members.length > 0 && (
            <optgroup key={label} label={label}>
              {members.map((model) => (
                <option key={model.id} value={model.id}>
                  {model.name}
                </option>
              ))}
            </optgroup>
          )
        );
      })}
    </select>
  );
}
