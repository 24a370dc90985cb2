import type { APIEmbed } from 'discord.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../adapters/discord/limits.ts';
import { embedLength, renderReply } from '../../../adapters/discord/render/reply.ts';
import { replyArb } from '../../helpers/property-reply-arbitrary.ts';

/** Thousands of inputs, but a slow shared machine finishes with fewer rather than timing out. */
const BOUNDED = { interruptAfterTimeLimit: 15_000 } as const;

/** Discord's published embed limits (developer docs, Embed Limits) beyond those in LIMITS. */
const FIELDS_PER_EMBED = 25;
const FIELD_NAME = 256;
const FIELD_VALUE = 1024;
const AUTHOR_NAME = 256;
const URL_MAX = 2048;

function checkEmbed(e: APIEmbed) {
  if (e.title !== undefined) expect(e.title.length).toBeLessThanOrEqual(LIMITS.embedTitle);
  if (e.description !== undefined) expect(e.description.length).toBeLessThanOrEqual(LIMITS.embedDescription);
  if (e.footer) expect(e.footer.text.length).toBeLessThanOrEqual(LIMITS.embedFooter);
  if (e.author) expect(e.author.name.length).toBeLessThanOrEqual(AUTHOR_NAME);
  const fields = e.fields ?? [];
  expect(fields.length).toBeLessThanOrEqual(FIELDS_PER_EMBED);
  for (const f of fields) {
    expect(f.name.length).toBeGreaterThan(0);
    expect(f.name.length).toBeLessThanOrEqual(FIELD_NAME);
    expect(f.value.length).toBeGreaterThan(0);
    expect(f.value.length).toBeLessThanOrEqual(FIELD_VALUE);
  }
  if (e.url !== undefined) {
    expect(e.url.length).toBeLessThanOrEqual(URL_MAX);
    expect(e.url).toMatch(/^https?:\/\//);
  }
  // An embed with nothing in it is rejected.
  expect(embedLength(e) + (e.url ? 1 : 0)).toBeGreaterThan(0);
}

describe('Discord rendering of any Reply', () => {
  it('stays within message, embed and component limits and never throws', () => {
    fc.assert(
      fc.property(replyArb, (reply) => {
        const rendered = renderReply(reply);
        expect(rendered.messages.length).toBeGreaterThan(0);
        expect(rendered.ephemeral).toBe(reply.visibility === 'private');
        for (const m of rendered.messages) {
          const content = m.content ?? '';
          expect(content.length).toBeLessThanOrEqual(LIMITS.content);
          expect(content.trim().length > 0 || m.embeds.length > 0, 'a message with no content and no embeds').toBe(true);
          expect(m.embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
          expect(m.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(LIMITS.embedCharsPerMessage);
          for (const e of m.embeds) checkEmbed(e);
          expect(m.components.length).toBeLessThanOrEqual(LIMITS.actionRows);
          const ids = new Set<string>();
          for (const row of m.components) {
            expect(row.components.length).toBeGreaterThan(0);
            expect(row.components.length).toBeLessThanOrEqual(LIMITS.buttonsPerRow);
            for (const b of row.components) {
              expect((b.label ?? '').length).toBeGreaterThan(0);
              expect((b.label ?? '').length).toBeLessThanOrEqual(LIMITS.buttonLabel);
              expect(b.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
              expect(ids.has(b.custom_id), `duplicate custom_id ${b.custom_id}`).toBe(false);
              ids.add(b.custom_id);
            }
          }
        }
      }),
      { numRuns: 1000, ...BOUNDED },
    );
  }, 120_000);
});
