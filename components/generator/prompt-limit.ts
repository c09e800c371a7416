/**
 * The prompt against its model's limit (`maxPromptLength`, which the proxy enforces). A paste
 * over the limit is kept whole, never cut: the counter says how much is over, and Generate
 * says what to do instead of sending a prompt the proxy would refuse.
 */
const count = new Intl.NumberFormat("en-US");

export type PromptLength = { over: number; counter: string };

export function promptLength(prompt: string, maxLength: number): PromptLength {
  const over = Math.max(0, prompt.length - maxLength);
  const counter = `${count.format(prompt.length)} / ${count.format(maxLength)} characters`;
  return { over, counter: over > 0 ? `${counter}, ${count.format(over)} over the limit` : counter };
}

/** What keeps the prompt from being sent, in words for the person typing; none when it can go. */
export function promptProblem(prompt: string, maxLength: number): string | undefined {
  if (prompt.trim() === "") return "Enter a prompt.";
  const { over } = promptLength(prompt, maxLength);
  if (over === 0) return undefined;
  const characters = over === 1 ? "1 character" : `${count.format(over)} characters`;
  return `The prompt is ${characters} too long (at most ${count.format(maxLength)}): shorten it to generate.`;
}
