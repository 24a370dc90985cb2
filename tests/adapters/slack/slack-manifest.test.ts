import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../../helpers/test-app.ts';

interface Manifest {
  display_information: { name: string; description: string };
  features: { slash_commands: { command: string; description: string }[]; bot_user: { display_name: string }; app_home: { messages_tab_enabled: boolean } };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean }; socket_mode_enabled: boolean };
}

const manifest = parse(readFileSync(join(ROOT, 'adapters/slack/manifest.yml'), 'utf8')) as Manifest;

describe('Slack app manifest', () => {
  it('declares /sco, the events the listeners need and interactivity for the buttons', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/sco']);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(['app_mention', 'message.im']));
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    // Slack's own limits on these fields.
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
    expect(manifest.features.bot_user.display_name.length).toBeLessThanOrEqual(80);
    for (const c of manifest.features.slash_commands) expect(c.description.length).toBeLessThanOrEqual(100);
  });

  it('asks for every scope the adapter uses, and no more', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      [
        'app_mentions:read', 'channels:history', 'chat:write', 'commands', 'groups:history', 'im:history', 'reactions:write', 'users:read',
        // Home tab (issue 13): the channels a person shares with the bot.
        'channels:read', 'groups:read',
        // Link unfurls (issue 13).
        'links:read', 'links:write',
      ].sort(),
    );
  });
});
