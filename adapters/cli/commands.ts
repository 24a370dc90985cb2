import { askCli } from './ask-command.ts';
import type { CliCommand } from './cli-command.ts';
import { digestCli } from './digest-command.ts';
import { latestCli, searchCli, showCli, topicsCli } from './lookup-commands.ts';
import { startCli } from './start-command.ts';
import { syncCli } from './sync-command.ts';

/** Every `sco` subcommand; `sco help` is built from this list. */
export const cliCommands: CliCommand[] = [searchCli, askCli, latestCli, showCli, topicsCli, startCli, syncCli, digestCli];
