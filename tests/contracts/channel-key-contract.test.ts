import { channelKeyContract } from './channel-key-contract.ts';
import { consoleChannel } from './platforms/console.ts';
import { discordKeys } from './platforms/discord.ts';
import { slackKeys } from './platforms/slack.ts';

// The console has one channel and no key functions: its key is checked as another platform's.
channelKeyContract([slackKeys, discordKeys], [consoleChannel]);
