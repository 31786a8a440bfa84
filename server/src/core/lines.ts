/** Offsets to 0-based lines and UTF-16 columns, for the edges that show positions (term-file problems, CLI). */
import { lastAtMost } from './search';

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  /** 0-based line and column of `offset`. */
  at(offset: number): { line: number; column: number } {
    // Before the text (a negative offset) counts as line 0, as the first line starts at 0.
    const line = Math.max(0, lastAtMost(this.starts, offset));
    return { line, column: offset - this.starts[line]! };
  }
}
