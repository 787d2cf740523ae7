/** The compiled file as lines, with a record of which lines came from which node, for diagnostics. */

export type SpanRole = "header" | "definition" | "body" | "call" | "flow";

export interface CompiledSpan {
  /** The node the lines belong to; null for the header and the flow's own lines. */
  nodeId: string | null;
  role: SpanRole;
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  /** Columns added in front of each line of the node's own code (bodies and header). */
  indent: number;
}

export class Output {
  readonly lines: string[] = [];
  readonly spans: CompiledSpan[] = [];

  /** Appends text (which may hold several lines) and returns its 1-based line range. */
  add(text: string): [number, number] {
    const start = this.lines.length + 1;
    const parts = text.split("\n");
    this.lines.push(...parts);
    return [start, start + parts.length - 1];
  }

  blank(): void {
    if (this.lines.length > 0 && this.lines[this.lines.length - 1] !== "") this.lines.push("");
  }

  span(nodeId: string | null, role: SpanRole, [startLine, endLine]: [number, number], indent = 0): void {
    this.spans.push({ nodeId, role, startLine, endLine, indent });
  }

  get nextLine(): number {
    return this.lines.length + 1;
  }

  text(): string {
    return this.lines.join("\n") + "\n";
  }
}
