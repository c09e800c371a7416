/** A few prompts to start from, for an empty generator: each shows what a prompt can say. */
export const examplePrompts = [
  "A lighthouse on a cliff at dawn, oil painting",
  "A red fox asleep in fresh snow, soft morning light, photograph",
  "A cosy reading nook full of plants, isometric 3D render",
  "A bowl of ramen as a loose watercolour illustration",
] as const;

export function ExamplePrompts({ id, onPick }: { id: string; onPick: (prompt: string) => void }) {
  return (
    <div className="space-y-2">
      <p className="text-muted text-sm" id={id}>
        Or start from an example:
      </p>
      <ul aria-labelledby={id} className="flex flex-wrap gap-2">
        {examplePrompts.map((prompt) => (
          <li key={prompt}>
            <button
              type="button"
              className="btn-secondary min-h-11 text-left font-normal"
              onClick={() => onPick(prompt)}
            >
              {prompt}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
