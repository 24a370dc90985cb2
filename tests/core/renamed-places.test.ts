import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Library } from '../../src/library/types.ts';
import { makeTestApp, type TestApp } from '../helpers/test-app.ts';

/** topics.yml lists a renamed city's names as aliases of one place, so each name finds the others. */
describe('lookups for a renamed city', () => {
  let t: TestApp;
  let lib: Library;
  const ids = (q: string) => lib.search(q, { limit: 10 }).hits.map((h) => h.release.id);
  beforeAll(async () => {
    t = await makeTestApp({ corpus: 'seed' });
    lib = t.app.library;
    const dir = join(t.contentDir, 'releases');
    writeFileSync(join(dir, 'astana.txt'), 'The SCO heads of state met in Astana on 4 July 2024.');
    writeFileSync(join(dir, 'nur-sultan.txt'), 'Experts gathered in Nur-Sultan on 12 March 2021 to discuss transport.');
    writeFileSync(join(dir, 'alma-ata.txt'), 'The 1996 meeting in Alma-Ata prepared the Shanghai Five.');
    await lib.refresh();
  });
  afterAll(() => t.cleanup());

  it.each(['Nur-Sultan', 'Nursultan', 'nur sultan', 'Astana', 'Akmola', 'Tselinograd'])('%s finds the releases that say Astana or Nur-Sultan', (q) => {
    expect(ids(q).sort()).toEqual(['astana', 'nur-sultan']);
  });

  it('highlights the name the release uses', () => {
    const strong = lib.search('Nur-Sultan').hits.find((h) => h.release.id === 'astana')!.snippet.filter((p) => typeof p !== 'string' && p.strong);
    expect(strong).toContainEqual({ text: 'Astana', strong: true });
  });

  it('Almaty and Alma-Ata find each other', () => {
    expect(ids('Almaty')).toEqual(['alma-ata']);
    expect(ids('Alma-Ata')).toEqual(['alma-ata']);
  });

  it('the releases stay under Kazakhstan', () => {
    expect(ids('topic:kazakhstan').sort()).toEqual(['alma-ata', 'astana', 'nur-sultan']);
    expect(lib.get('nur-sultan')!.topics).toEqual(expect.arrayContaining(['kazakhstan', 'astana']));
    // A capital is not the country: a lookup for the country does not widen to the city's names.
    expect(ids('Kazakhstan')).toEqual([]);
  });
});
