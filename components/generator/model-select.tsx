import type { ComponentProps } from "react";
import { type ModelDefinition, takesImage } from "@/lib/catalog/model-definition";

type Props = Omit<ComponentProps<"select">, "value" | "onChange"> & {
  models: readonly ModelDefinition[];
  value: string;
  onChange: (model: ModelDefinition) => void;
};

// The picker says which models need an image before one is chosen, not after a refusal.
const groups = [
  { label: "From a description", needsImage: false },
  { label: "Change an image (needs an image)", needsImage: true },
] as const;

/** The catalog's models, grouped by whether they start from words or from an image. */
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
      {groups.map(({ label, needsImage }) => {
        const members = models.filter((model) => takesImage(model) === needsImage);
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
