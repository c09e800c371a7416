/** A few prompts to start from, for an empty generator: each shows what a prompt can say. */
export const examplePrompts = [
  "A lighthouse on a cliff at dawn, oil painting",
  "A red fox asleep in fresh snow, soft morning light, photograph",
  "A cosy reading nook full of plants, isometric 3D render",
  "A bowl of ramen as a loose watercolour illustration",
] as const;

export function ExamplePrompts({ id, onPick }: { id: string; onPick: (prompt: string) => void }) {
  return (
    <div className="space-y-1 sm:space-y-2">
      <p className="text-muted text-xs sm:text-sm" id={id}>
        Or start from an example:
      </p>
      <ul
        aria-labelledby={id}
        className="-mx-1 flex gap-2 overflow-x-auto px-1 pb-1 sm:mx-0 sm:flex-wrap sm:overflow-visible sm:px-0 sm:pb-0"
      >
        {examplePrompts.map((prompt) => (
          <li key={prompt}>
            <button
              type="button"
              className="btn-secondary min-h-11 px-3 text-left text-xs font-normal whitespace-nowrap sm:text-sm sm:whitespace-normal"
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
