// What a person typed, from the text Slack sends, as the text the core parses.

/**
 * Turns the text Slack sends (entities escaped, mentions and links in angle brackets) into the
 * plain text a person typed: `<@U1>` -> `@U1`, `<!here>` -> `@here`, `<#C1|general>` ->
 * `#general`, `<https://x|label>` -> `label`, `&lt;` -> `<`.
 */
export function decodeSlackText(text: string): string {
  return text
    .replace(/<([^<>]*)>/g, (_m, inner: string) => {
      const [target = '', label] = inner.split('|', 2);
      if (target.startsWith('@')) return label ? `@${label}` : target;
      if (target.startsWith('#')) return label ? `#${label}` : target;
      if (target.startsWith('!')) {
        const word = target.slice(1).split('^')[0] ?? '';
        return label ?? `@${word}`;
      }
      return label ?? target;
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Removes the bot's own mention (`<@UBOT>` or `<@UBOT|sco>`) from a message's raw text. */
export function stripBotMention(raw: string, botUserId: string | undefined): string {
  if (!botUserId) return raw.trim();
  const pattern = new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g');
  return raw.replace(pattern, ' ').replace(/\s+/g, ' ').trim();
}
