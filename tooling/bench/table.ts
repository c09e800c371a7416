/** A Markdown table with padded columns: the same text reads well in a terminal and a file. */
export function table(headers: string[], rows: string[][], rightAligned = new Set<number>()) {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const cell = (text: string, column: number) => {
    const width = widths[column] ?? 0;
    return rightAligned.has(column) ? text.padStart(width) : text.padEnd(width);
  };
  const line = (cells: string[]) => `| ${cells.map(cell).join(" | ")} |`;
  const rule = widths.map((width, column) =>
    rightAligned.has(column) ? `${"-".repeat(width - 1)}:` : "-".repeat(width),
  );
  return [line(headers), `| ${rule.join(" | ")} |`, ...rows.map(line)].join("\n");
}
