import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestApp } from './test-app.ts';

export const CITED = {
  id: 'cite-rats-council',
  title: 'RATS Council holds its 40th meeting in Tashkent',
  date: '2022-03-24',
  url: 'http://eng.sectsco.org/20220324/833112.html',
};

/**
 * Drops a Markdown release with a URL into the app's content folder and indexes it: the shipped
 * seed release has no URL, and a citation or unfurl is about one that has.
 */
export async function addUrlRelease(test: TestApp, release = CITED, body?: string): Promise<void> {
  const text = [
    '---',
    `title: "${release.title}"`,
    `date: ${release.date}`,
    `url: ${release.url}`,
    'topics: [rats, uzbekistan]',
    '---',
    body ??
      'The Council of the Regional Anti-Terrorist Structure held its 40th meeting in Tashkent. The Council reviewed joint counter-terrorism exercises of the member states. It approved the plan of the Executive Committee for the next year.',
    '',
  ].join('\n');
  writeFileSync(join(test.contentDir, 'releases', `${release.id}.md`), text);
  await test.app.library.refresh();
}
