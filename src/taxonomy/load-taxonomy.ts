import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Topic } from '../library/types.ts';
import type { LoadProblem } from '../releases/release.ts';
import { yamlErrorText } from '../releases/yaml-error.ts';
import { unusableName } from './name-check.ts';
import { Taxonomy, type TaxonomyTopic } from './taxonomy.ts';
import { lazyRequire } from '../util/lazy-require.ts';

/** Loaded on first use: the parsed taxonomy is cached, so most starts parse no YAML. */
const yaml = lazyRequire<typeof import('yaml')>('yaml');

/** Section names in topics.yml and the topic kind each holds. */
const SECTIONS: Record<string, Topic['kind']> = {
  members: 'member',
  observers: 'observer',
  partners: 'partner',
  countries: 'country',
  acronyms: 'acronym',
  bodies: 'body',
  people: 'person',
  places: 'place',
  themes: 'theme',
};

const entrySchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'id must be lower-case letters, digits and dashes, such as central-asia'),
  label: z.string().min(1, 'label must not be empty'),
  aliases: z.array(z.union([z.string(), z.number()]).transform(String)).optional().default([]),
  mentions: z.array(z.union([z.string(), z.number()]).transform(String)).optional().default([]),
});

export interface TaxonomyLoad {
  taxonomy: Taxonomy;
  problems: LoadProblem[];
}

/**
 * Reads content/topics.yml. A broken file or entry becomes a problem with its path and the
 * reason; the rest still loads, and a missing file gives an empty taxonomy.
 */
export function loadTaxonomy(path: string): TaxonomyLoad {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'topics file not found; lookups work without topics' : String(e);
    return { taxonomy: new Taxonomy([]), problems: [{ path, reason }] };
  }
  return parseTaxonomy(text, path);
}

export function parseTaxonomy(text: string, path: string): TaxonomyLoad {
  const problems: LoadProblem[] = [];
  let doc: unknown;
  try {
    doc = yaml().parse(text, { logLevel: 'error' });
  } catch (e) {
    return { taxonomy: new Taxonomy([]), problems: [{ path, reason: `not valid YAML: ${yamlErrorText(e)}` }] };
  }
  if (doc === null || doc === undefined) return { taxonomy: new Taxonomy([]), problems };
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    return { taxonomy: new Taxonomy([]), problems: [{ path, reason: `expected sections such as "members:" and "themes:" at the top level` }] };
  }
  const topics: TaxonomyTopic[] = [];
  const seen = new Set<string>();
  for (const [section, entries] of Object.entries(doc as Record<string, unknown>)) {
    const kind = SECTIONS[section];
    if (!kind) {
      problems.push({ path, reason: `unknown section "${section}" (known: ${Object.keys(SECTIONS).join(', ')})` });
      continue;
    }
    if (!Array.isArray(entries)) {
      if (entries !== null) problems.push({ path, reason: `section "${section}" must be a list of entries starting with "- id:"` });
      continue;
    }
    entries.forEach((entry, i) => {
      const parsed = entrySchema.safeParse(entry);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
        problems.push({ path, reason: `${section} entry ${i + 1}${where}: ${issue?.message ?? 'invalid'}` });
        return;
      }
      const { id, label } = parsed.data;
      if (seen.has(id)) {
        problems.push({ path, reason: `${section} entry ${i + 1}: id "${id}" is used twice; the second is ignored` });
        return;
      }
      const labelProblem = unusableName(label);
      if (labelProblem) {
        problems.push({ path, reason: `${section} entry ${i + 1} (${id}): label "${label}" ${labelProblem}; the entry is ignored` });
        return;
      }
      seen.add(id);
      // A name every release holds would give every release the topic: refused, by name.
      const usable = (names: string[], what: string) =>
        names.filter((name) => {
          const problem = unusableName(name);
          if (problem) problems.push({ path, reason: `${section} entry ${i + 1} (${id}): ${what} "${name}" ${problem}; it is ignored` });
          return !problem;
        });
      const aliases = usable(parsed.data.aliases, 'alias');
      const mentions = usable(parsed.data.mentions, 'mention');
      topics.push({ id, label, kind, aliases: [...aliases, ...mentions], synonyms: [label, ...aliases] });
    });
  }
  return { taxonomy: new Taxonomy(topics), problems };
}
