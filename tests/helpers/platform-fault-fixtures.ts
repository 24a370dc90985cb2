import type { Request } from '../../src/bot/request.ts';
import type { RawRelease } from '../../src/ports/source.ts';

/** Setup shared by the fault tests (platform-fault, redis-fault). */

/** The bot's fixed answer when something failed on its side. */
export const SORRY = /^Sorry, something went wrong on my side/;

export const command = (text: string): Request => ({ kind: 'command', text, user: { id: 'U1', canManage: true }, channel: 'slack:T1:C1' });

/** A live release about `words`, held in `city`. */
export const raw = (id: string, words: string, city: string): RawRelease => ({
  id,
  source: 'sco-site',
  title: `Secretary-General on ${words}`,
  date: '2026-02-27',
  url: `https://eng.sectsco.org/news/20260227/${id.replace(/\D/g, '')}.html`,
  text: `The SCO Secretary-General discussed ${words} with delegates in ${city}. The sides agreed to continue cooperation on ${words}.`,
});
