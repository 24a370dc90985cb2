import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderMessages } from '../../../adapters/slack/render/reply.ts';
import { LIMITS } from '../../../adapters/slack/limits.ts';
import { replyArb } from '../../helpers/property-reply-arbitrary.ts';

/** Thousands of inputs, but a slow shared machine finishes with fewer rather than timing out. */
const BOUNDED = { interruptAfterTimeLimit: 15_000 } as const;

type Obj = Record<string, unknown>;
const textOf = (t: unknown) => ((t as Obj | undefined)?.text as string | undefined) ?? '';

/** Every Block Kit limit Slack enforces on what the renderer produces (api.slack.com/reference/block-kit). */
function checkBlock(block: Obj) {
  switch (block.type) {
    case 'header':
      expect(textOf(block.text).length).toBeLessThanOrEqual(LIMITS.headerText);
      expect((block.text as Obj).type).toBe('plain_text');
      break;
    case 'section': {
      const text = textOf(block.text);
      expect(text.length).toBeGreaterThan(0);
      expect(text.length).toBeLessThanOrEqual(LIMITS.sectionText);
      for (const f of (block.fields as Obj[] | undefined) ?? []) expect(textOf(f).length).toBeLessThanOrEqual(2000);
      if (block.accessory) checkElement(block.accessory as Obj);
      break;
    }
    case 'context': {
      const elements = block.elements as Obj[];
      expect(elements.length).toBeGreaterThan(0);
      expect(elements.length).toBeLessThanOrEqual(LIMITS.contextElements);
      for (const e of elements) expect(textOf(e).length).toBeLessThanOrEqual(LIMITS.sectionText);
      break;
    }
    case 'actions': {
      const elements = block.elements as Obj[];
      expect(elements.length).toBeGreaterThan(0);
      expect(elements.length).toBeLessThanOrEqual(LIMITS.buttonsPerActions);
      for (const e of elements) checkElement(e);
      break;
    }
    case 'divider':
      break;
    case 'rich_text':
      break;
    default:
      throw new Error(`unexpected block type ${String(block.type)}`);
  }
}

function checkElement(e: Obj) {
  if (e.type !== 'button') return;
  expect(textOf(e.text).length).toBeGreaterThan(0);
  expect(textOf(e.text).length).toBeLessThanOrEqual(LIMITS.buttonLabel);
  expect(((e.value as string | undefined) ?? '').length).toBeLessThanOrEqual(LIMITS.buttonValue);
  expect((e.action_id as string).length).toBeLessThanOrEqual(LIMITS.actionId);
  if (e.url) expect((e.url as string).length).toBeLessThanOrEqual(LIMITS.url);
}

function mrkdwnTexts(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) mrkdwnTexts(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Obj;
    if (o.type === 'mrkdwn' && typeof o.text === 'string') out.push(o.text);
    for (const v of Object.values(o)) mrkdwnTexts(v, out);
  }
  return out;
}

describe('Slack rendering of any Reply', () => {
  it('stays within Block Kit limits, never throws, never drops the fallback text', () => {
    fc.assert(
      fc.property(replyArb, (reply) => {
        const messages = renderMessages(reply);
        expect(messages.length).toBeGreaterThan(0);
        const actionIds = new Set<string>();
        for (const m of messages) {
          expect(m.blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
          expect(m.text.length).toBeGreaterThan(0);
          expect(m.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
          for (const b of m.blocks) checkBlock(b as unknown as Obj);
          // Slack rejects a block whose action_ids repeat.
          for (const b of m.blocks as unknown as Obj[]) {
            actionIds.clear();
            for (const e of ((b.elements as Obj[] | undefined) ?? []).filter((x) => x.type === 'button')) {
              expect(actionIds.has(e.action_id as string), `duplicate action_id ${String(e.action_id)}`).toBe(false);
              actionIds.add(e.action_id as string);
            }
          }
          // Nothing from release text or a person may ping the whole channel (mrkdwn and the
          // fallback text are parsed for <!channel>; plain_text is shown as typed).
          for (const t of [m.text, ...mrkdwnTexts(m.blocks)]) expect(t).not.toMatch(/<!(channel|here|everyone)\b/);
        }
      }),
      { numRuns: 1000, ...BOUNDED },
    );
  }, 120_000);
});
