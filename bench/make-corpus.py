#!/usr/bin/env python3
"""make-corpus.py N OUT_DIR [--seed S]: the benchmark's synthetic corpus of teachers' posts.

Writes N Markdown posts to OUT_DIR/posts/YYYY-MM-DD-slug.md (OUT_DIR/posts is
replaced), shaped as BENCH.md describes so that every tool builds the same
thing:

  front matter  title, date (UTC, ISO 8601, 2015-2024, 07:00-21:59 so the
                day is the same in any time zone near UTC), author (one of 40),
                tags (1-4 of 60, as a YAML list), summary (one sentence)
  body          an opening paragraph, then 3-5 "## " sections of paragraphs
                with emphasis, strong text, inline code and links; one bulleted
                list, one numbered list and one blockquote per post; a GFM pipe
                table in about 2 posts in 5 and a fenced code block in about 1
                in 3; 500-800 words in all

Deterministic: the same N and seed give byte-identical files (Python's
random.Random, seeded; nothing read from the clock or the environment). The
text has no raw HTML and none of "{{", "{%" or "{#", so template engines that
pre-process Markdown see plain text. Python 3 standard library only.
"""
import argparse
import datetime as dt
import os
import random
import re
import shutil
import sys

DEFAULT_SEED = 20240601

# ------------------------------------------------------------------ words

TAGS = (
    "assessment-for-learning exam-practice teachmeet ed-tech cpd instructional-coaching mentoring "
    "behaviour-management curriculum retrieval interleaving metacognition oracy disciplinary-literacy "
    "numeracy send inclusion staff-wellbeing senior-leadership middle-leaders early-career-teachers "
    "research-in-schools action-research lesson-study verbal-feedback marking-policy homework "
    "questioning working-memory modelling scaffolds adaptive-teaching primary secondary post-16 "
    "eyfs science maths english history geography mfl computing art music physical-education "
    "pastoral-care families workload timetabling school-data inspection governors blended-learning "
    "flipped-learning project-work reading-for-pleasure tier-2-vocabulary professional-learning "
    "journal-club"
).split()
assert len(TAGS) == 60 and len(set(TAGS)) == 60

GIVEN = ("Aled Bethan Carys Dafydd Eira Ffion Gethin Heledd Iwan Jac Lowri Macsen Nia Osian Pedr "
         "Rhian Sioned Tomos Wyn Yasmin").split()
FAMILY = ("Ashworth Beddoe Crane Dace Evans-Bell Fenwick Gower Hale Ince Jenkins Kaur Lloyd Moss "
          "Nash Okafor Price Quinlan Rowlands Singh Talbot").split()
# 40 distinct authors: every given name twice, with two different family names.
AUTHORS = [f"{g} {FAMILY[i]}" for i, g in enumerate(GIVEN)] + \
          [f"{g} {FAMILY[(i + 7) % len(FAMILY)]}" for i, g in enumerate(GIVEN)]
assert len(set(AUTHORS)) == 40

PRACTICES = [
    "entry tasks", "weekly quizzes", "diagnostic questions", "show-me boards", "no-hands-up questioning",
    "paired talk", "worked problems", "knowledge maps", "peer coaching", "lesson observations",
    "team meetings", "reading checks", "word walls", "seating charts", "drop-ins", "revision sessions",
    "work scrutiny", "moderation", "recap grids", "visual notes", "marking in lessons", "feedback sheets",
    "talk frames", "reading logs", "question stems", "transition visits", "study planners", "do-now tasks",
    "exit questions", "success criteria", "feedback codes", "training menus", "TeachMeet talks",
    "reading groups", "morning briefings", "behaviour records", "form time", "parent meetings",
    "mock papers", "assessment points", "joint planning", "unit plans", "document cameras",
    "routines", "online classrooms", "markbooks",
]
GROUPS = [
    "Year 3", "Year 5", "Year 7", "Year 8", "Year 9", "Year 10", "Year 11", "Year 12", "Year 13",
    "Key Stage 1", "Key Stage 4", "GCSE groups", "A-level groups", "the nursery class", "the sixth form",
    "early-career teachers", "student teachers", "subject leads", "teaching assistants", "cover staff",
]
SUBJECTS = [
    "science", "maths", "English", "history", "geography", "Welsh", "German", "computing", "art",
    "music", "PE", "RE", "food technology", "drama", "chemistry", "physics", "biology", "business",
    "media studies", "law",
]
QUALITIES = [
    "workable", "candid", "untidy", "unexpected", "modest", "intentional", "calm", "bold", "durable",
    "cheap", "effective", "thorough", "plain", "steady", "shared", "tight", "lightweight", "honest",
    "neglected", "tested", "thoughtful", "clear", "adaptable", "gentle",
]
THINGS = [
    "routine", "habit", "plan", "trial", "method", "process", "rubric", "prompt", "script", "checklist",
    "template", "schedule", "dialogue", "loop", "protocol", "log", "resource", "order", "pilot", "review",
    "audit", "model", "structure", "experiment",
]
PEOPLE = [
    "pupils", "students", "colleagues", "staff", "tutors", "mentors", "leaders", "learners", "families",
    "trainees", "departments", "tutor groups", "classes", "coaches",
]
DO = [
    "recall", "explain", "question", "rehearse", "revisit", "contrast", "summarise", "annotate", "plan",
    "adjust", "share", "check", "observe", "discuss", "order", "model", "record", "rank", "trim", "track",
    "sketch", "retell", "predict", "justify",
]
DID = [
    "spotted", "trialled", "altered", "abandoned", "kept", "copied", "adapted", "tested", "counted",
    "shared", "redrafted", "trimmed", "timed", "piloted", "logged", "returned to", "challenged",
    "restructured",
]
HOW = [
    "steadily", "slowly", "carefully", "bit by bit", "reliably", "quietly", "on purpose", "every week",
    "rarely", "often", "in the end", "to our surprise", "as expected", "gently",
]
WHEN = [
    "during the spring term", "after the October break", "in mock season", "in the first fortnight",
    "over the holidays", "in February", "before the summer exams", "in the last week of term",
    "across one topic", "for five weeks", "in one lesson", "in every lesson for a term",
    "on a rainy Friday", "at the last training day",
]
WHERE = [
    "the staff room", "my classroom", "the learning centre", "a team meeting", "a TeachMeet",
    "the maths corridor", "a training session", "an after-school twilight", "the sixth-form block",
    "the hall", "a webinar", "a cluster meeting",
]
IDENTIFIERS = [
    "mark", "tries", "due", "out_of", "set_code", "half_term", "pupil_id", "quiz_no", "unit", "gap",
    "mean", "weighting", "boundary", "reading_age", "seat_no", "band", "week_no", "hand_in",
]
SHELL = [
    "git status", "python3 marks.py", "make summary", "ls -l", "cut -d, -f2 marks.csv",
    "grep -c DONE tasks.txt", "pandoc plan.md -o plan.pdf", "sort -n scores.txt",
]
ANCHORS = [
    "the evidence summary", "this blog post", "a longer write-up", "the slides", "our shared drive",
    "an older post", "the planning sheet", "a practical guide", "the research review", "the staff handbook",
    "a recorded session", "this checklist",
]
SECTIONS_OF_SITE = ["research", "slides", "notes", "guides", "resources", "posts", "talks", "templates",
                    "reviews", "handbook", "training", "events"]
VOICES = [
    "a pupil in Year 8", "my mentor", "our head teacher", "a colleague in science", "a student teacher",
    "a parent", "our ALNCo", "a governor", "a head of year", "an external coach",
]

TITLES = [
    "{n} Things a Term of {Practice} Taught Me",
    "What {Group} Showed Me About {Practice}",
    "{Practice}: a {Quality} {Thing} for {Subject}",
    "Rethinking {Practice} in {Subject}",
    "Why We Gave Up {Practice}",
    "A {Quality} Introduction to {Practice} for {Group}",
    "TeachMeet Notes: {Practice}",
    "{n} Ways to Make {Practice} Last",
    "{Practice} with {Group}: What Worked",
    "In Defence of {Quality} {Practice}",
    "How Our {Subject} Department Runs {Practice}",
    "{Practice} and the Workload Question",
    "Starting Small: {Practice}",
    "A Year of {Practice} in {Subject}",
    "{Practice} Without Extra Marking",
]

LINES = [
    "We {did} our {thing} for {practice} {when}, and the change was {quality} rather than dramatic.",
    "Most {people} can {do} the key idea when the {thing} is {quality} and on the board.",
    "The aim is not extra work; it is a {thing} that is {how} useful for {group}.",
    "I first came across {practice} at {where}, where someone described a {quality} {thing}.",
    "It turned out that {people} needed time to {do} before they could {do} unaided.",
    "Our {subject} team {did} the {thing} twice before it felt {quality}.",
    "If you change one thing, make the {thing} {quality} enough that {people} can {do} without help.",
    "Coverage pulls one way and depth the other, and {practice} sits between them.",
    "{When}, we asked {people} to {do} one idea at the start of each lesson.",
    "None of it needed new software, though a shared spreadsheet helped us {do} progress.",
    "The research on {practice} is {quality}, but the detail only shows up in the classroom.",
    "A {quality} {thing} beats a clever one that nobody remembers.",
    "By week three the {people} {how} expected the {thing} and began without a prompt.",
    "We {did} how long each step took, which made the talk about workload far more {quality}.",
    "For {group}, the real gain was being able to {do} errors before they stuck.",
    "Some {people} found the {thing} {quality} at first, so we modelled it live.",
    "I would not claim {practice} solves everything, but it made our planning more {quality}.",
    "At {where} the conversation kept returning to one question: what do we stop doing?",
    "When we {did} the {thing}, we also {did} how we talked about it with {people}.",
    "Starting {quality} matters more than a perfect plan, especially {when}.",
    "It helps to ask {people} to {do} their own work against the success criteria.",
    "We kept a short log so we could {do} what happened rather than what we hoped for.",
    "The {subject} team now treats {practice} as routine rather than an extra.",
    "What {group} told us was {quality}: fewer slides, more practice, clearer expectations.",
]

HEADINGS = [
    "What we {did}", "Why {practice} matters", "Starting out with {practice}", "What the {people} said",
    "The {quality} version", "Workload and {practice}", "Next steps for {group}",
    "What I would change", "Making it last", "A note on {practice}", "The evidence in brief",
    "Sharing it at {where}",
]

SMALL_WORDS = {"a", "an", "and", "the", "of", "for", "in", "on", "to", "with", "without", "at"}


# ------------------------------------------------------------------ text

def upper_first(s):
    return s[:1].upper() + s[1:]


def headline(s):
    """Title case that leaves small words, acronyms and names like TeachMeet as they are."""
    out = []
    for i, w in enumerate(s.split(" ")):
        if i and w.lower() in SMALL_WORDS:
            out.append(w.lower())
        elif any(c.isupper() for c in w):
            out.append(w)
        else:
            out.append(upper_first(w))
    return " ".join(out)


def slug(s):
    s = re.sub(r"[^a-z0-9]+", "-", s.lower())
    return s.strip("-")


def an_before_vowels(text):
    """'a' becomes 'an' before a word starting with a vowel (good enough for these words)."""
    def fix(m):
        art, word = m.group(1), m.group(2)
        if word[0].lower() in "aeiou" and not word.lower().startswith(("use", "uni", "one")):
            return ("An " if art == "A" else "an ") + word
        return m.group(0)
    return re.sub(r"\b([Aa]) ([A-Za-z][\w-]*)", fix, text)


def count_words(text):
    return len(text.split())


class Writer:
    """Everything random goes through self.rng, in a fixed order: same seed, same corpus."""

    def __init__(self, rng):
        self.rng = rng

    def any(self, xs):
        return self.rng.choice(xs)

    def fill(self, pattern):
        r = self.rng
        slots = {
            "do": self.any(DO), "did": self.any(DID), "thing": self.any(THINGS), "Thing": upper_first(self.any(THINGS)),
            "quality": self.any(QUALITIES), "Quality": upper_first(self.any(QUALITIES)), "how": self.any(HOW),
            "practice": self.any(PRACTICES), "Practice": headline(self.any(PRACTICES)), "when": self.any(WHEN),
            "When": upper_first(self.any(WHEN)), "where": self.any(WHERE), "people": self.any(PEOPLE),
            "group": self.any(GROUPS), "Group": self.any(GROUPS), "subject": self.any(SUBJECTS),
            "Subject": upper_first(self.any(SUBJECTS)), "n": r.randint(3, 9),
        }
        return pattern.format(**slots)

    def url(self):
        host = self.any(["example.org", "example.com", "example.net"])
        return f"https://{host}/{self.any(SECTIONS_OF_SITE)}/{slug(self.any(PRACTICES))}"

    def inline(self, sentence):
        """Mark up one word or two of a sentence: emphasis, strong, code, or a link at its end."""
        words = sentence.split(" ")
        if len(words) < 6:
            return sentence
        roll = self.rng.random()
        i = self.rng.randint(1, len(words) - 3)
        core = words[i].rstrip(".,;:?")
        rest = words[i][len(core):]
        if not core or not core[0].isalpha():
            return sentence
        if roll < 0.3:
            words[i] = f"*{core}*{rest}"
        elif roll < 0.55:
            nxt = words[i + 1].rstrip(".,;:?")
            if nxt and nxt[0].isalpha():
                words[i] = f"**{core}"
                words[i + 1] = f"{nxt}**{words[i + 1][len(nxt):]}"
            else:
                words[i] = f"**{core}**{rest}"
        elif roll < 0.75:
            words[i] = f"`{self.any(IDENTIFIERS)}`{rest}"
        else:
            return sentence[:-1] + f" ([{self.any(ANCHORS)}]({self.url()}))" + sentence[-1]
        return " ".join(words)

    def paragraph(self, least, most):
        out = []
        for _ in range(self.rng.randint(least, most)):
            s = upper_first(self.fill(self.any(LINES)))
            if self.rng.random() < 0.55:
                s = self.inline(s)
            out.append(s)
        return " ".join(out)

    def bullet_list(self):
        items = []
        for _ in range(self.rng.randint(3, 6)):
            roll = self.rng.random()
            if roll < 0.4:
                items.append(f"- {upper_first(self.any(DO))} the {self.any(THINGS)} with {self.any(GROUPS)} {self.any(WHEN)}")
            elif roll < 0.7:
                items.append(f"- **{upper_first(self.any(PRACTICES))}**: keep it {self.any(QUALITIES)} and {self.any(QUALITIES)}")
            else:
                items.append(f"- Record `{self.any(IDENTIFIERS)}` for every {self.any(THINGS)}")
        return "\n".join(items)

    def numbered_list(self):
        return "\n".join(
            f"{k}. {upper_first(self.any(DO))} the {self.any(THINGS)}, then ask {self.any(PEOPLE)} to "
            f"{self.any(DO)} it {self.any(HOW)}."
            for k in range(1, self.rng.randint(3, 5) + 1))

    def blockquote(self):
        said = [upper_first(self.fill(self.any(LINES))) for _ in range(self.rng.randint(1, 2))]
        return "> " + "\n> ".join(said) + f"\n>\n> *{upper_first(self.any(VOICES))}*"

    def table(self):
        rows = [f"| Week | {upper_first(self.any(THINGS))} | Mean score | Comment |", "| --- | --- | ---: | --- |"]
        for week in range(1, self.rng.randint(4, 7)):
            rows.append(f"| {week} | {upper_first(self.any(PRACTICES))} | {self.rng.randint(35, 95)}% | "
                        f"{upper_first(self.any(QUALITIES))} {self.any(THINGS)} |")
        return "\n".join(rows)

    def code_block(self):
        kind = self.rng.randrange(4)
        a, b = self.rng.sample(IDENTIFIERS, 2)
        if kind == 0:
            lines = ["```python", f"def mean_{a}(rows):",
                     f"    marks = [row[\"{b}\"] for row in rows if row.get(\"{b}\") is not None]",
                     "    return sum(marks) / len(marks) if marks else 0.0", "```"]
        elif kind == 1:
            lines = ["```sh", self.any(SHELL), f"{self.any(SHELL)} > {a}.txt", f"wc -l {a}.txt", "```"]
        elif kind == 2:
            lines = ["```yaml", f"{a}: {self.rng.randint(1, 40)}", f"{b}: {slug(self.any(PRACTICES))}",
                     "groups:", f"  - {self.any(GROUPS)}", f"  - {self.any(GROUPS)}", "```"]
        else:
            lines = ["```csv", f"{a},{b}"] + [f"{self.rng.randint(1, 30)},{self.rng.randint(0, 100)}"
                                            for _ in range(4)] + ["```"]
        return "\n".join(lines)

    def heading(self):
        return "## " + upper_first(self.fill(self.any(HEADINGS)))

    def post(self):
        title = headline(self.fill(self.any(TITLES)))
        author = self.any(AUTHORS)
        tags = self.rng.sample(TAGS, self.rng.randint(1, 4))
        summary = upper_first(self.fill(self.any(LINES)))
        words_wanted = self.rng.randint(500, 800)
        n_sections = self.rng.randint(3, 5)
        blocks = ["bullet_list", "numbered_list", "blockquote"]
        if self.rng.random() < 0.4:
            blocks.append("table")
        if self.rng.random() < 0.35:
            blocks.append("code_block")
        where = {b: self.rng.randrange(n_sections) for b in blocks}

        opening = self.paragraph(2, 4)
        sections = []
        for s in range(n_sections):
            parts = [self.heading(), self.paragraph(2, 4)]
            for b in blocks:
                if where[b] == s:
                    parts += [getattr(self, b)(), self.paragraph(1, 3)]
            sections.append(parts)
        words = count_words(opening) + sum(count_words("\n\n".join(p)) for p in sections)
        k = 0
        while words < words_wanted:   # top up, section by section, to the post's length
            extra = self.paragraph(2, 4)
            sections[k % n_sections].append(extra)
            words += count_words(extra)
            k += 1
        body = "\n\n".join([opening] + ["\n\n".join(p) for p in sections]) + "\n"
        return an_before_vowels(title), author, tags, an_before_vowels(summary), an_before_vowels(body)


# ------------------------------------------------------------------ files

def yaml_quoted(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def publication_times(rng, n):
    """n distinct instants, sorted, between 2015-01-01 and 2024-12-31, 07:00-21:59 UTC."""
    first = dt.datetime(2015, 1, 1)
    days = (dt.date(2024, 12, 31) - first.date()).days + 1
    chosen = set()
    while len(chosen) < n:
        chosen.add((rng.randrange(days), rng.randrange(7 * 3600, 22 * 3600)))
    return [first + dt.timedelta(days=d, seconds=s) for d, s in sorted(chosen)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="how many posts")
    ap.add_argument("out_dir")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    a = ap.parse_args()
    if a.n < 0:
        ap.error("N must be 0 or more")

    rng = random.Random(a.seed)
    writer = Writer(rng)
    posts = os.path.join(a.out_dir, "posts")
    shutil.rmtree(posts, ignore_errors=True)
    os.makedirs(posts)

    slugs = set()
    total = 0
    for when in publication_times(rng, a.n):
        title, author, tags, summary, body = writer.post()
        base = slug(title)[:60].rstrip("-")
        name, k = base, 2
        while name in slugs:
            name, k = f"{base}-{k}", k + 1
        slugs.add(name)
        front = ["---", f"title: {yaml_quoted(title)}", f"date: {when.strftime('%Y-%m-%dT%H:%M:%SZ')}",
                 f"author: {yaml_quoted(author)}", "tags:", *[f"  - {t}" for t in tags],
                 f"summary: {yaml_quoted(summary)}", "---", ""]
        with open(os.path.join(posts, f"{when.date().isoformat()}-{name}.md"), "w", encoding="utf-8",
                  newline="\n") as fh:
            fh.write("\n".join(front) + body)
        total += count_words(body)
    print(f"wrote {a.n} posts to {posts} (on average {total / max(a.n, 1):.0f} words, seed {a.seed})",
          file=sys.stderr)


if __name__ == "__main__":
    main()
