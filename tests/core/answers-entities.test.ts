import { describe, expect, it } from 'vitest';
import { analyseSentence } from '../../src/answers/sentence-analysis.ts';
import { findDates } from '../../src/text/dates.ts';
import { Gazetteer } from '../../src/text/gazetteer.ts';

const gazetteer = new Gazetteer([
  { id: 'uzbekistan', label: 'Uzbekistan', aliases: ['Uzbek', 'Tashkent'], kind: 'member' },
  { id: 'norov', label: 'Vladimir Norov', aliases: ['Norov'], kind: 'person' },
]);
const entities = (text: string) => analyseSentence(text, gazetteer).entities.map((e) => `${e.kind}:${e.text}`);
const dates = (text: string) => findDates(text).map((d) => text.slice(d.start, d.end));

describe('dates', () => {
  it('reads day ranges, which wink splits into a number and a date, as one date', () => {
    expect(dates('attended the conference between 14 and 16 February 2020.')).toEqual(['between 14 and 16 February 2020']);
    expect(dates('held on 1 and 2 November 2017 in Tashkent')).toEqual(['1 and 2 November 2017']);
    expect(dates('met in Bishkek on 13 and 14 June, where')).toEqual(['13 and 14 June']);
  });

  it('reads single days, months, years and year spans', () => {
    expect(dates('on 5 May 2019, during the exhibition')).toEqual(['5 May 2019']);
    expect(dates('was in February 2017.')).toEqual(['February 2017']);
    expect(dates('held annually since 1963.')).toEqual(['1963']);
    expect(dates('covering 2017 to 2022, and the 2022-2024 programme')).toEqual(['2017 to 2022', '2022-2024']);
    expect(dates('more than 140 events and 44.5 percent')).toEqual([]);
  });
});

describe('entities of a sentence', () => {
  it('finds people behind their titles and honorifics, not the titles', () => {
    expect(entities('A delegation led by SCO Secretary-General Vladimir Norov attended.')).toContain('person:Vladimir Norov');
    expect(entities('Afghan Foreign Minister Mohammad Haneef Atmar joined the SCO ministers.')).toContain('person:Mohammad Haneef Atmar');
    expect(entities('Mr Tursunov handed the Secretary-General a message.')).toContain('person:Tursunov');
    const kirillov = entities('He thanked Andrei Kirillov, head of the TASS Beijing bureau, and Liu Hui.');
    expect(kirillov).toEqual(expect.arrayContaining(['person:Andrei Kirillov', 'person:Liu Hui']));
    expect(kirillov.some((e) => e.includes('Secretary-General'))).toBe(false);
  });

  it('tells places, countries and bodies apart', () => {
    const e = entities('It has been held annually in Munich, Germany since 1963, and the Regional Anti-Terrorist Structure meets in Tashkent.');
    expect(e).toEqual(expect.arrayContaining(['place:Munich', 'country:Germany', 'date:1963', 'place:Tashkent']));
    expect(e.some((x) => x.startsWith('org:Regional Anti-Terrorist Structure'))).toBe(true);
    expect(entities('The meeting was chaired by India Infrastructure Finance Company Ltd. (IIFCL).')).toEqual(
      expect.arrayContaining(['org:India Infrastructure Finance Company Ltd', 'org:IIFCL']),
    );
  });

  it('widens counts to what they count and keeps names with numbers out', () => {
    expect(entities('The mission is made up of 16 observers.')).toContain('number:16 observers');
    expect(entities('He answered more than 20 questions from journalists.')).toContain('number:more than 20 questions');
    expect(entities('with over 44 percent of the population')).toContain('percent:over 44 percent');
    expect(entities('Journalists from Khabar 24 and the Eight Wonders Exhibition Tour.').some((x) => x.startsWith('number:'))).toBe(false);
  });

  it('reads a document as a body, not a person, and keeps a name whole with its links and its acronym', () => {
    const appeal = entities('He drew their attention to the Joint Appeal to the Youth adopted at the summit.');
    expect(appeal.some((e) => e.startsWith('person:'))).toBe(false);
    expect(entities('They met at the Palais des Nations in Geneva.')).toContain('place:Palais des Nations');
    expect(entities('Delegates of the Regional Anti-Terrorist Structure (RATS) met.')).toContain('org:Regional Anti-Terrorist Structure (RATS)');
  });

  it('answers a demonym before a noun with its country, and leaves demonyms out of the names', () => {
    expect(entities('The Uzbek side thanked the Secretariat.')).toContain('country:Uzbekistan');
    expect(entities('The Uzbek side thanked the Secretariat.')).not.toContain('country:Uzbek');
  });
});
