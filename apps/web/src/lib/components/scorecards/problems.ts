import { m } from '$lib/paraglide/messages';

type Section = { title: string; items: { text: string }[] };
/** A problem the API found in a draft, said for the builder; `item` is [section, item] index when it is one item's. */
export type Problem = { text: string; item?: [number, number] };

/** An item named by its text, as the person wrote it (its id is internal); an item without text by its place. */
const itemName = (sections: Section[], si: number, ii: number) =>
  sections[si]?.items[ii]?.text.trim() || m.scorecards_item_unnamed({ n: ii + 1, section: sections[si]?.title ?? String(si + 1) });

/** What is wrong with one field of an item (the path after "definition.sections.i.items.j."). */
function itemProblem(field: string, item: string): string {
  const [first, second] = field.split('.');
  if (first === 'id') return m.scorecards_problem_id({ item });
  if (first === 'text') return m.scorecards_problem_text({ item });
  if (first === 'guidance') return m.scorecards_problem_guidance({ item });
  if (first === 'weight') return m.scorecards_problem_weight({ item });
  if (first === 'critical') return m.scorecards_problem_critical({ item });
  if (first === 'answer' && (second === 'min' || second === 'max')) return m.scorecards_problem_scale({ item });
  if (first === 'answer' && second === 'options') return m.scorecards_problem_options({ item });
  return m.scorecards_problem_item({ item });
}

/**
 * The API's details (paths like "definition.sections.0.items.2.answer.max", English messages for API users) in the
 * person's language, each naming the item or section it is about. One line per item and field.
 */
export function draftProblems(sections: Section[], details: { path?: string }[] | undefined): Problem[] {
  const out = new Map<string, Problem>();
  for (const d of details ?? []) {
    const path = d.path ?? '';
    const item = /^definition\.sections\.(\d+)\.items\.(\d+)\.?(.*)$/.exec(path);
    const section = /^definition\.sections\.(\d+)\.?([a-z]*)/.exec(path);
    let p: Problem;
    if (item) {
      const [si, ii] = [Number(item[1]), Number(item[2])];
      p = { text: itemProblem(item[3] ?? '', itemName(sections, si, ii)), item: [si, ii] };
    } else if (section) {
      const name = sections[Number(section[1])]?.title.trim() || String(Number(section[1]) + 1);
      p = {
        text:
          section[2] === 'id'
            ? m.scorecards_problem_section_id({ section: name })
            : section[2] === 'title'
              ? m.scorecards_problem_section_title({ section: name })
              : section[2] === ''
                ? m.scorecards_problem_section_empty({ section: name })
                : m.scorecards_problem_section({ section: name })
      };
    } else p = { text: m.scorecards_problem_definition() };
    out.set(p.text, p);
  }
  return [...out.values()];
}
