import { afterEach, describe, expect, it } from 'vitest';
import { BotError } from '../../src/errors.ts';
import { parseSubscribe } from '../../src/subscriptions/parse-subscribe.ts';
import { makeTestApp, type TestApp } from '../helpers/test-app.ts';

function refusal(text: string): string {
  try {
    parseSubscribe(text, 'UTC');
  } catch (e) {
    expect(e).toBeInstanceOf(BotError);
    return (e as BotError).message;
  }
  throw new Error(`"${text}" was accepted`);
}

describe('subscribe refuses what only looks right', () => {
  it.each(['monthly', 'Yearly afghanistan', 'fortnightly', 'every monday'])('“%s” is not a schedule: the real ones are listed', (text) => {
    expect(refusal(text)).toMatch(/is not a schedule I know; the schedules are daily, weekly <day>, hourly or cron "<expr>"/);
  });

  it('a typo of a schedule is refused with the schedule meant; a day alone asks for weekly', () => {
    expect(refusal('dialy')).toMatch(/Did you mean "daily"\?/);
    expect(refusal('monday')).toMatch(/say `weekly monday`/);
  });

  it('words past a real schedule are still the topic', () => {
    expect(parseSubscribe('daily drug trafficking', 'UTC').filter).toBe('drug trafficking');
    expect(parseSubscribe('afghanistan', 'UTC').filter).toBe('afghanistan');
  });

  it('tz with no zone says the zone is missing', () => {
    expect(refusal('daily tz')).toMatch(/^tz needs a timezone after it/);
  });

  it('a cron expression naming a day that never comes is said to never fire', () => {
    expect(refusal('cron "0 0 31 2 *"')).toMatch(/cron "0 0 31 2 \*" never fires/);
    expect(refusal('cron "0 0 31 2 *"')).not.toMatch(/five-field/);
    expect(refusal('cron "61 * * * *"')).toMatch(/not a five-field cron expression/);
  });

  it('a zone is kept as typed (CET), or in its canonical spelling when only the case differs', () => {
    expect(parseSubscribe('daily tz CET', 'UTC').schedule.tz).toBe('CET');
    expect(parseSubscribe('daily tz cet', 'UTC').schedule.tz).toBe('CET');
    expect(parseSubscribe('daily tz europe/berlin', 'UTC').schedule.tz).toBe('Europe/Berlin');
  });
});

describe('quiet and verbose', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.cleanup();
    t = undefined;
  });
  const user = { id: 'U1', name: 'ada', canManage: true };

  it('are shown in the confirmation and the list, and switching updates the subscription', async () => {
    t = await makeTestApp({ corpus: 'seed' });
    const say = (text: string) => t!.app.bot.handle({ kind: 'command', text, user, channel: 'test:T:C' });
    const first = await say('subscribe daily tz CET');
    expect(first.text).toMatch(/^Ada subscribed this channel: `\w+` daily at 09:00 \(CET\), all new releases\. Next digest: .*\. Quiet: posts nothing when there is nothing new\./);
    const changed = await say('subscribe daily tz CET verbose');
    expect(changed.text).toMatch(/^Ada changed this channel’s subscription: `\w+` daily at 09:00 \(CET\).*Verbose: says so when there is nothing new\./);
    const list = await say('subscriptions');
    expect(list.text.split('\n')).toHaveLength(2);
    expect(list.text).toMatch(/daily at 09:00 \(CET\).*Verbose: says so when there is nothing new\./);
    expect((await say('subscribe daily tz CET verbose')).text).toMatch(/already has that subscription/);
    const preview = await say('digest preview');
    expect(preview.text).toMatch(/Preview of `\w+` \(daily at 09:00 \(CET\), verbose: says so when there is nothing new\)/);
    // Verbose: the preview shows the line the digest would post for an empty period.
    expect(preview.text).toMatch(/SCO digest: nothing new/);
  });
});
