/**
 * The console's `>` prompt, and lines that must appear above it (background warnings) without
 * landing in the middle of what the person is typing or of a reply being printed.
 */
export class ConsolePrompt {
  private waiting = false;

  constructor(
    private readonly io: { out(text: string): void; err(text: string): void; interactive: boolean },
  ) {}

  /** Shows the prompt; the console is waiting for a line. */
  show(): void {
    if (this.io.interactive) this.io.out('> ');
    this.waiting = true;
  }

  /** A line is being handled; the next output is a reply, not a prompt. */
  busy(): void {
    this.waiting = false;
  }

  /** One line above the prompt: the prompt line is cleared, the line printed, the prompt drawn again. */
  above(line: string): void {
    if (this.io.interactive && this.waiting) {
      this.io.out('\r\x1b[2K');
      this.io.err(`${line}\n`);
      this.io.out('> ');
    } else this.io.err(`${line}\n`);
  }
}
