import type { VideoModel } from "@/lib/catalog/model-definition";
import { durationSeconds, type VideoChoice } from "@/lib/catalog/video-options";
import { FormField } from "./form-field";

type Props = {
  /** The prefix of each control's id. */
  id: string;
  model: VideoModel;
  value: VideoChoice;
  onChange: (value: VideoChoice) => void;
};

const aspectLabels: Readonly<Record<string, string>> = {
  auto: "As the image",
  "16:9": "Landscape 16:9",
  "9:16": "Portrait 9:16",
};

/**
 * A video's choices, each only from the values the catalog entry lists (the proxy's check
 * refuses any other); everything else about the run is fixed by the entry.
 */
export function VideoFields({ id, model, value, onChange }: Props) {
  const { durations, aspectRatios, resolutions, audio } = model.video;
  const set = <K extends keyof VideoChoice>(key: K, next: VideoChoice[K]) =>
    onChange({ ...value, [key]: next });
  const select = (
    name: "duration" | "aspectRatio" | "resolution",
    label: string,
    values: readonly string[],
    labelOf: (value: string) => string,
  ) => (
    <FormField id={`${id}-${name}`} label={label}>
      <select
        id={`${id}-${name}`}
        value={value[name]}
        onChange={(event) => set(name, event.target.value)}
        className="field"
      >
        {values.map((option) => (
          <option key={option} value={option}>
            {labelOf(option)}
          </option>
        ))}
      </select>
    </FormField>
  );
  return (
    <>
      {select("duration", "Duration", durations, (d) => `${durationSeconds(d) ?? d} seconds`)}
      {select("aspectRatio", "Aspect ratio", aspectRatios, (a) => aspectLabels[a] ?? a)}
      {select("resolution", "Resolution", resolutions, (r) => r)}
      {audio && (
        <div className="flex min-h-11 items-center gap-2 self-end">
          <input
            id={`${id}-audio`}
            type="checkbox"
            checked={value.audio}
            onChange={(event) => set("audio", event.target.checked)}
            className="size-5 accent-accent"
          />
          <label htmlFor={`${id}-audio`} className="text-sm font-medium">
            With audio (dearer per second)
          </label>
        </div>
      )}
    </>
  );
}
