import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDiscord } from '../../../adapters/discord/start.ts';
import { registerCommands } from '../../../adapters/discord/register-commands.ts';
import { buildRegistry } from '../../../src/commands/index.ts';
import { loadConfig } from '../../../src/config.ts';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/discord/fake-discord.ts';
import { makeTestApp, ROOT, type TestApp } from '../../helpers/test-app.ts';

let fake: FakeDiscord | undefined;
let test: TestApp | undefined;
afterEach(async () => {
  await fake?.close();
  await test?.cleanup();
  fake = undefined;
  test = undefined;
});

/** Runs `npm run discord:register`'s command with the given environment. */
function register(env: Record<string, string>, cwd = ROOT): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/run.js'), join(ROOT, 'adapters/discord/register.ts')], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run discord:register', () => {
  it('sends exactly the registry commands as /sco subcommands to DISCORD_GUILD_ID', async () => {
    fake = await startFakeDiscord();
    const out = await register({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, DISCORD_GUILD_ID: fake.guildId });
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const puts = fake.calls.filter((c) => c.method === 'PUT');
    expect(puts.map((c) => c.path)).toEqual([`/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`]);
    const [sco, ...others] = fake.commands.get(fake.guildId) as any[];
    // Beside /sco, the message context menu command of issue 13.
    expect(others.map((o: any) => [o.type, o.name])).toEqual([[3, 'Find SCO releases']]);
    expect(sco.name).toBe('sco');
    const registry = buildRegistry();
    expect(sco.options.map((o: any) => o.name)).toEqual(registry.commands.map((c) => c.id));
    for (const spec of registry.commands) {
      const sub = sco.options.find((o: any) => o.name === spec.id);
      expect(sub.type).toBe(1);
      expect(sub.description).toBe(spec.summary);
      expect(sub.options.map((o: any) => o.name).sort()).toEqual(spec.options.map((o) => o.name).sort());
      for (const o of spec.options) {
        const wire = sub.options.find((x: any) => x.name === o.name);
        expect(wire.type).toBe(o.type === 'integer' ? 4 : 3);
        expect(wire.required).toBe(o.required === true);
        if (o.autocomplete && !o.choices) expect(wire.autocomplete).toBe(true);
        if (o.choices) expect(wire.choices.map((c: any) => c.value)).toEqual(o.choices.map((c) => c.value));
      }
      // Discord rejects required options after optional ones.
      const required = sub.options.map((o: any) => o.required === true);
      expect(required).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
    }
    expect(out.stdout).toMatch(/Registered \/sco with \d+ subcommands/);
  });

  it('reads ./.env as npm start does', async () => {
    fake = await startFakeDiscord();
    const dir = mkdtempSync(join(tmpdir(), 'sco-register-'));
    writeFileSync(join(dir, '.env'), `DISCORD_TOKEN=${fake.token}\nDISCORD_API_URL=${fake.apiUrl}\nDISCORD_GUILD_ID=${fake.guildId}\n`);
    const out = await register({}, dir);
    rmSync(dir, { recursive: true, force: true });
    expect(out.stderr).toBe('');
    expect(out.stdout).toMatch(/Registered \/sco with \d+ subcommands .* for server /);
    expect(fake.calls.filter((c) => c.method === 'PUT').map((c) => c.path)).toEqual([`/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`]);
  });

  it('registers globally when DISCORD_GUILD_ID is not set', async () => {
    fake = await startFakeDiscord();
    const config = loadConfig({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl });
    const result = await registerCommands(config, buildRegistry());
    expect(result).toMatchObject({ scope: 'global', applicationId: fake.applicationId });
    expect(fake.calls.filter((c) => c.method === 'PUT').map((c) => c.path)).toEqual([`/applications/${fake.applicationId}/commands`]);
    expect((fake.commands.get('global') as any[])[0].name).toBe('sco');
  });

  it('says so when DISCORD_TOKEN is missing', async () => {
    await expect(registerCommands(loadConfig({}), buildRegistry())).rejects.toThrow(/DISCORD_TOKEN is not set/);
  });
});

describe('startDiscord refuses to start with a clear reason', () => {
  it('a bad token', async () => {
    fake = await startFakeDiscord();
    test = await makeTestApp({ corpus: 'none', config: { discordToken: 'not-the-token', discordApiUrl: fake.apiUrl } });
    await expect(startDiscord(test.app)).rejects.toThrow(/refused DISCORD_TOKEN \(bad token\)/);
  });

  it('intents the application may not use', async () => {
    fake = await startFakeDiscord({ allowedIntents: 0 });
    test = await makeTestApp({ corpus: 'none', config: { discordToken: fake.token, discordApiUrl: fake.apiUrl } });
    await expect(startDiscord(test.app)).rejects.toThrow(/missing intents/);
  });

  it('connects, reports its status and stops', async () => {
    fake = await startFakeDiscord();
    test = await makeTestApp({ corpus: 'none', config: { discordToken: fake.token, discordApiUrl: fake.apiUrl } });
    const discord = await startDiscord(test.app);
    expect(discord.status()).toBe('connected');
    expect(fake.calls.some((c) => c.method === 'PUT')).toBe(false); // never registers commands at start
    await discord.stop();
    expect(discord.status()).toBe('down');
  });
});
