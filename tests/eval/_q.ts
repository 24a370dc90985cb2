import { analyseQuestion } from '../../src/answers/question.ts';
for (const q of ['I need the date of the open doors day for the qingdao school kids', 'what were the dates of the qingdao summit', 'dates of the 5th rats conference in tashkent?', 'name of the belarusian FM zhang ming welcomed', 'the school competition winners who visited in aug 2018 came from which city', 'by whom were the youth camp participants greeted', 'roughly how many youth camp participents visited sco hq in july 2018', 'for what date was the 2nd sco model game schedulled', 'what year was the IBC established', 'and the covid death toll he quoted at that presser?']) {
  const a = analyseQuestion(q); console.log(a.kind, a.focusVerb, a.terms.map((t) => t.lower).join(','), '|', q);
}
