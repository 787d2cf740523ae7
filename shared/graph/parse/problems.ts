import type ts from "typescript";

/** A place in a file the graph cannot represent, or cannot read. Lines and columns are 1-based. */
export interface SourceProblem {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

export class Problems {
  readonly list: SourceProblem[] = [];
  private readonly file: ts.SourceFile;

  constructor(file: ts.SourceFile) {
    this.file = file;
  }

  at(node: ts.Node, message: string): void {
    this.range(node.getStart(this.file), node.end, message);
  }

  range(start: number, end: number, message: string): void {
    const a = this.file.getLineAndCharacterOfPosition(start);
    const b = this.file.getLineAndCharacterOfPosition(end);
    this.list.push({ line: a.line + 1, column: a.character + 1, endLine: b.line + 1, endColumn: b.character + 1, message });
  }

  get any(): boolean {
    return this.list.length > 0;
  }
}
