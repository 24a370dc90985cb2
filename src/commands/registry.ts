import type { Services } from '../services.ts';
import type { Reply } from '../bot/reply.ts';
import type { Request } from '../bot/request.ts';

/** An option of a command, as Discord's slash command builder and the help text need it. */
export interface CommandOption {
  name: string;
  description: string;
  type: 'string' | 'integer';
  required?: boolean;
  choices?: { name: string; value: string }[];
  /** Offer completions (Discord autocomplete): topic names, or release titles and topics. */
  autocomplete?: 'topics' | 'titles';
  /**
   * How the option joins the command text that the core parses: without `keyword` the value
   * is appended as is; with it, `keyword value` (e.g. `tz Europe/Paris`).
   */
  keyword?: string;
}

/** What a command runs with: the person's request and the narrow services, never the whole app. */
export interface CommandContext {
  request: Request;
  services: Services;
  /** The text after the command word (`/sco latest drugs` gives `drugs`). */
  args: string;
}

/**
 * One command of `/sco`, shared by Slack, Discord, the console and the help text.
 * Handlers return a neutral Reply; rendering is the adapters' job.
 */
export interface CommandSpec {
  /** The subcommand word: `/sco <id> ...`. */
  id: string;
  aliases?: string[];
  /** One line for the help list and Discord's description (at most 100 characters). */
  summary: string;
  /** E.g. `search <words> [since:2020] [topic:afghanistan]`. */
  usage: string;
  /** Full examples as a person types them, e.g. `/sco latest drugs`. */
  examples: string[];
  options: CommandOption[];
  /** Only people who may manage the channel can run it; others get a polite refusal. */
  requiresManage?: boolean;
  run(ctx: CommandContext): Promise<Reply>;
}

/** A button press handler; `action` ids are matched by prefix before the first `.` or exactly. */
export interface ActionSpec {
  /** Exact action id, e.g. `results.more`. */
  id: string;
  run(ctx: CommandContext & { value: string }): Promise<Reply>;
}

export class Registry {
  private readonly byWord = new Map<string, CommandSpec>();
  private readonly actionsById = new Map<string, ActionSpec>();
  readonly commands: CommandSpec[] = [];

  add(...specs: CommandSpec[]): this {
    for (const spec of specs) {
      for (const word of [spec.id, ...(spec.aliases ?? [])]) {
        if (this.byWord.has(word)) throw new Error(`command word registered twice: ${word}`);
        this.byWord.set(word, spec);
      }
      this.commands.push(spec);
    }
    return this;
  }

  addAction(...specs: ActionSpec[]): this {
    for (const spec of specs) this.actionsById.set(spec.id, spec);
    return this;
  }

  find(word: string): CommandSpec | undefined {
    return this.byWord.get(word.toLowerCase());
  }

  action(id: string): ActionSpec | undefined {
    return this.actionsById.get(id);
  }
}
