import type { NumberRange } from "@/lib/catalog/model-definition";
import { describedBy, FormField } from "./form-field";

type Props = { id: string; range: NumberRange; value: number; onChange: (value: number) => void };

/** How far image-to-image may move away from the input image, within the catalog's range. */
export function StrengthField({ id, range, value, onChange }: Props) {
  return (
    <FormField
      id={id}
      label={`Strength: ${value.toFixed(2)}`}
      hint="Low keeps the input image; high follows the prompt."
      className="col-span-2"
    >
      <input
        id={id}
        type="range"
        min={range.min}
        max={range.max}
        step={range.step}
        value={value}
        onChange={(event) => onChange(Number(event.target.value))}
        className="w-full accent-accent"
        aria-describedby={describedBy(id, "hint")}
      />
    </FormField>
  );
}
