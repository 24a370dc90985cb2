import { consoleTransport } from './platforms/console.ts';
import { discordTransport } from './platforms/discord.ts';
import { fakeTransport } from './platforms/fake.ts';
import { slackTransport } from './platforms/slack.ts';
import { transportContract } from './transport-contract.ts';

transportContract('Slack', slackTransport);
transportContract('Discord', discordTransport);
transportContract('console', consoleTransport);
transportContract('fake', fakeTransport);
