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
  /**
   * How a mention or a direct message that starts with this command's word reaches it (a slash
   * command always does): `true` (the default) runs it with the words after it, `'alone'` only
   * when the word is all there is (`@sco search` runs the lookup, `@sco search treaties` is a
   * question), `false` never. A mention or direct message that ends with `?` is always a question,
   * whatever its first word: `@sco latest drugs?` asks "latest drugs?", `@sco latest drugs` runs
   * `latest drugs`.
   */
  mentionable?: boolean | 'alone';
  /**
   * This command takes the questions: every mention or direct message that runs no command by
   * its word. Its own word in front is dropped (`@sco ask when ...` asks `when ...`).
   */
  answersQuestions?: boolean;
  /** This command takes `/sco <words>` when the first word is no command's (the lookup). */
  takesUnknownWords?: boolean;
  /** This command is what `/sco` alone runs (the help). */
  runsWhenEmpty?: boolean;
  /**
   * Who first sees the reply to the slash command where the platform must decide before the
   * command runs (Discord defers the interaction): `'private'` (the default) or `'channel'`
   * (an answer to a question is for everyone).
   */
  replyVisibility?: 'private' | 'channel';
  /** The form a platform with forms (Slack's modals) opens when the command is run with nothing after it. */
  formWhenBare?: 'subscribe';
  run(ctx: CommandContext): Promise<Reply>;
}

/** A button press handler; `action` ids are matched by prefix before the first `.` or exactly. */
export interface ActionSpec {
  /** Exact action id, e.g. `results.more`. */
  id: string;
  run(ctx: CommandContext & { value: string }): Promise<Reply>;
}

/** The parts in routing that one command plays for all: see the fields of CommandSpec. */
export type RoutingRole = 'answersQuestions' | 'takesUnknownWords' | 'runsWhenEmpty';
const ROLES: readonly RoutingRole[] = ['answersQuestions', 'takesUnknownWords', 'runsWhenEmpty'];

export class Registry {
  private readonly byWord = new Map<string, CommandSpec>();
  private readonly actionsById = new Map<string, ActionSpec>();
  readonly commands: CommandSpec[] = [];

  add(...specs: CommandSpec[]): this {
    for (const spec of specs) {
      for (const role of ROLES) {
        const holder = spec[role] ? this.withRole(role) : undefined;
        if (holder) throw new Error(`two commands claim ${role}: ${holder.id} and ${spec.id}`);
      }
      for (const word of [spec.id, ...(spec.aliases ?? [])]) {
        if (this.byWord.has(word)) throw new Error(`command word registered twice: ${word}`);
        this.byWord.set(word, spec);
      }
      this.commands.push(spec);
    }
    return this;
  }

  addAction(...specs: ActionSpec[]): this {
    for (const spec of specs) {
      // A second handler under the same id would silently take the first one's buttons.
      if (this.actionsById.has(spec.id)) throw new Error(`action id registered twice: ${spec.id}`);
      this.actionsById.set(spec.id, spec);
    }
    return this;
  }

  /** The one command that plays this part in routing (at most one may claim each). */
  withRole(role: RoutingRole): CommandSpec | undefined {
    return this.commands.find((c) => c[role] === true);
  }

  find(word: string): CommandSpec | undefined {
    return this.byWord.get(word.toLowerCase());
  }

  action(id: string): ActionSpec | undefined {
    return this.actionsById.get(id);
  }
}
