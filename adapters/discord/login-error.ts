/** Why logging in to Discord failed, in words that say what to fix. */
export function explainLoginError(error: unknown, apiUrl: string | undefined): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'TokenInvalid' || /authentication failed|401|unauthorized/i.test(message)) {
    return 'Discord refused DISCORD_TOKEN (bad token): copy the bot token again from the Developer Portal (your application > Bot > Reset Token) and set DISCORD_TOKEN to it.';
  }
  if (/disallowed intents|invalid intents/i.test(message)) {
    return 'Discord refused the gateway intents the bot asks for (missing intents: Guilds, Guild Messages, Direct Messages). In the Developer Portal (your application > Bot > Privileged Gateway Intents) allow the intents the bot needs, then start it again.';
  }
  const where = apiUrl ? ` at DISCORD_API_URL ${apiUrl}` : '';
  return `Could not connect to Discord${where}: ${message}. Check the network, and DISCORD_API_URL if you set it.`;
}
