"""Near-duplicate grouping: campaign texts sent many times with small edits become one group."""

import random
import re
from collections import Counter

from sala.core.nearduplicates import group_near_duplicates, normalise

# Campaign texts, Khmer ones with "|" between words (Khmer writes words without spaces).
CAMPAIGNS = [
    "We, the undersigned members of civil society, call on the Ministry to withdraw Article 12 of the "
    "draft Cybercrime Law. Its wording on content that hinders sovereignty or undermines the morality of "
    "the family is vague and broad, and could be used to punish journalists, human rights defenders and "
    "ordinary citizens who share their opinions online. Criminal penalties of up to three years in prison "
    "for speech are disproportionate. We ask that any restriction on expression be clearly defined by law, "
    "necessary and proportionate, as required by Article 19 of the International Covenant on Civil and "
    "Political Rights.",
    "I am writing about Article 13 of the draft law on cybercrime, which punishes publishing false "
    "information that causes public fear. The draft does not say who decides what is false, and honest "
    "mistakes, satire and reporting on matters of public interest could all be prosecuted. Prison terms "
    "of one to two years will make people afraid to speak. Please remove criminal sanctions for false "
    "information, rely on the right of reply and civil remedies instead, and hold a public consultation "
    "with journalists and media organisations before the law goes to the National Assembly.",
    "The National Anti-Cybercrime Committee proposed in the draft law would have sweeping powers without "
    "any judicial oversight. Under Article 5 it could order service providers to remove or block any "
    "content it considers harmful, with no notice to the author and no way to appeal. We urge the "
    "drafters to require a court order for every blocking or removal, to publish the list of blocked "
    "content, to give users a right to challenge decisions, and to include independent members from "
    "civil society, academia and the private sector on the Committee.",
    "Article 7 of the draft Cybercrime Law requires service providers to keep the traffic data of all "
    "users for at least one year and to hand it over on request, without a warrant. Blanket retention of "
    "everyone's data violates the right to privacy protected by the Constitution and international law. "
    "We recommend limiting retention to specific data in specific investigations, setting a short maximum "
    "period, requiring prior authorisation by a judge, and adopting a personal data protection law before "
    "any cybercrime law is passed.",
    "យើង|ខ្ញុំ|ជា|អង្គការ|សង្គម|ស៊ីវិល| សូម|ស្នើ|ឱ្យ|ក្រសួង|ពាក់ព័ន្ធ|លុប|មាត្រា|១២| នៃ|សេចក្តី|ព្រាង|ច្បាប់|"
    "ស្តីពី|បទល្មើស|តាម|ប្រព័ន្ធ|បច្ចេកវិទ្យា|ព័ត៌មាន។ ពាក្យ|ថា|រារាំង|អធិបតេយ្យភាព| និង|ប៉ះពាល់|ដល់|សីលធម៌|"
    "គ្រួសារ| មិន|មាន|និយមន័យ|ច្បាស់លាស់|ទេ| ហើយ|អាច|ត្រូវ|បាន|ប្រើ|ដើម្បី|ចាប់ខ្លួន|អ្នក|សារព័ត៌មាន| "
    "សកម្មជន| និង|ប្រជាពលរដ្ឋ|ដែល|បញ្ចេញ|មតិ|តាម|បណ្តាញ|សង្គម។ ទោស|ដាក់|ពន្ធនាគារ|រហូត|ដល់|បី|ឆ្នាំ|"
    "ចំពោះ|ការ|បញ្ចេញ|មតិ|គឺ|ហួស|សមាមាត្រ។ យើង|ខ្ញុំ|សូម|ឱ្យ|មាន|ការ|ពិគ្រោះ|យោបល់|ជា|សាធារណៈ|មុន|ពេល|"
    "អនុម័ត|ច្បាប់|នេះ។",
    "មាត្រា|១៣| ស្តីពី|ព័ត៌មាន|មិន|ពិត| គឺ|ជា|ការ|គំរាមកំហែង|ដល់|សេរីភាព|សារព័ត៌មាន|នៅ|កម្ពុជា។ ច្បាប់|មិន|"
    "បាន|កំណត់|ថា|នរណា|ជា|អ្នក|សម្រេច|ថា|ព័ត៌មាន|មួយ|ពិត|ឬ|មិន|ពិត|ទេ| ហើយ|ទោស|ដាក់|ពន្ធនាគារ|រហូត|ដល់|"
    "ពីរ|ឆ្នាំ|គឺ|ធ្ងន់ធ្ងរ|ពេក|ហួស|សមាមាត្រ។ យើង|ខ្ញុំ|ស្នើ|ឱ្យ|លុប|ចោល|ទោស|ព្រហ្មទណ្ឌ| ហើយ|ប្រើ|វិធានការ|"
    "រដ្ឋប្បវេណី|ជំនួស|វិញ| ដើម្បី|ការពារ|សិទ្ធិ|ទទួល|បាន|ព័ត៌មាន|របស់|សាធារណជន។ សូម|រៀបចំ|ការ|ពិគ្រោះ|"
    "យោបល់|ជាមួយ|អ្នក|សារព័ត៌មាន|មុន|ពេល|បញ្ជូន|ច្បាប់|ទៅ|រដ្ឋសភា។",
    "គណៈកម្មាធិការ|ជាតិ|ប្រយុទ្ធ|ប្រឆាំង|បទល្មើស|បច្ចេកវិទ្យា|ព័ត៌មាន| មាន|អំណាច|ធំ|ពេក|ដោយ|គ្មាន|ការ|"
    "ត្រួតពិនិត្យ|ពី|តុលាការ។ មាត្រា|៥| អនុញ្ញាត|ឱ្យ|គណៈកម្មាធិការ|បញ្ជា|ឱ្យ|ក្រុមហ៊ុន|ផ្តល់|សេវា|លុប|ឬ|បិទ|"
    "ខ្លឹមសារ|ណា|មួយ|ដែល|ខ្លួន|យល់|ថា|មាន|គ្រោះថ្នាក់។ យើង|ខ្ញុំ|សូម|ឱ្យ|រាល់|ការ|បិទ|ខ្លឹមសារ|ត្រូវ|មាន|"
    "ដីកា|តុលាការ| មាន|ការ|ជូនដំណឹង|ដល់|ម្ចាស់|ខ្លឹមសារ| និង|មាន|សិទ្ធិ|ប្តឹង|តវ៉ា។ សមាសភាព|"
    "គណៈកម្មាធិការ|ក៏|គួរ|មាន|តំណាង|សង្គម|ស៊ីវិល| សាស្ត្រាចារ្យ| និង|វិស័យ|ឯកជន|ផង|ដែរ។",
    "មាត្រា|៧| តម្រូវ|ឱ្យ|ក្រុមហ៊ុន|ផ្តល់|សេវា|រក្សា|ទុក|ទិន្នន័យ|ចរាចរណ៍|របស់|អ្នក|ប្រើប្រាស់|ទាំង|អស់|"
    "យ៉ាង|តិច|មួយ|ឆ្នាំ| ហើយ|ប្រគល់|ឱ្យ|មន្ត្រី|តាម|ការ|ស្នើសុំ| ដោយ|មិន|ចាំបាច់|មាន|ដីកា|តុលាការ។ នេះ|ជា|"
    "ការ|រំលោភ|លើ|សិទ្ធិ|ឯកជនភាព|ដែល|ធានា|ដោយ|រដ្ឋធម្មនុញ្ញ។ យើង|ខ្ញុំ|ស្នើ|ឱ្យ|កាត់|បន្ថយ|រយៈពេល|រក្សា|"
    "ទុក| កំណត់|ប្រភេទ|ទិន្នន័យ|ឱ្យ|ច្បាស់| និង|តម្រូវ|ឱ្យ|មាន|ការ|អនុញ្ញាត|ពី|ចៅក្រម|មុន|ពេល|ចូល|មើល|"
    "ទិន្នន័យ|ផ្ទាល់ខ្លួន។ សូម|អនុម័ត|ច្បាប់|ការពារ|ទិន្នន័យ|ផ្ទាល់ខ្លួន|ជា|មុន|សិន។",
]
MORE_ENGLISH = (
    "access account agency amendment answer approve assembly association bank budget chapter citizen "
    "code commune complaint computer concern court crime data decree delay democracy deputy election "
    "email evidence farmer fine forum freedom gender government health hearing internet investigation "
    "judge justice labour land letter licence market meeting minister network offence officer online "
    "opinion parliament party penalty petition phone platform police policy press procedure protest "
    "province provider radio registration report request research right rule school security senate "
    "service social student survey teacher television trade union village vote website women worker "
    "youth clarify suggest support oppose review delete amend extend reduce protect publish require "
    "about after again against because before between during every further however often since "
    "through under until very when where which while with within without"
)
MORE_KHMER = (
    "ភូមិ ឃុំ ខេត្ត កសិករ កម្មករ សហជីព ដីធ្លី សាលារៀន សុខភាព ទីផ្សារ ការងារ ស្ត្រី យុវជន បោះឆ្នោត "
    "គណបក្ស ធនាគារ ទូរស័ព្ទ វិទ្យុ ទូរទស្សន៍ គេហទំព័រ អ៊ីនធឺណិត ប៉ូលីស ពន្ធ ថវិកា សំណើ ញត្តិ បណ្តឹង "
    "របាយការណ៍ ការស្រាវជ្រាវ អាជ្ញាប័ណ្ណ ចុះបញ្ជី វិសោធនកម្ម អនុក្រឹត្យ ប្រកាស សេចក្តីសម្រេច គាំទ្រ "
    "ប្រឆាំង ពិនិត្យ បន្ថែម ពន្យារ កែប្រែ ពង្រឹង ការពារ ផ្សព្វផ្សាយ"
)


def words_of(texts: list[str], more: str) -> list[str]:
    """The words of the campaign texts and some more: for edits, and for inputs of their own."""
    words = {word.strip(".,។") for text in texts for word in re.split(r"[ |]", text)} | set(more.split())
    return sorted(words - {""})


ENGLISH_WORDS = words_of(CAMPAIGNS[:4], MORE_ENGLISH)
KHMER_WORDS = words_of(CAMPAIGNS[4:], MORE_KHMER)
SENTENCE_END = re.compile(r"(?<=[.។])\s*")


def tokens(text: str) -> list[str]:
    """Words with the separator that follows each: Khmer "|" joins, a space separates."""
    out = []
    for chunk in text.split(" "):
        parts = chunk.split("|")
        out += [*parts[:-1], parts[-1] + " "]
    return [t for t in out if t.strip()]


def render(words: list[str]) -> str:
    """The text the tokens make (Khmer words run together)."""
    return "".join(words).strip()


def edited_copy(text: str, vocabulary: list[str], rng: random.Random) -> str:
    """A campaign text with 5-15% of its words touched: words added, dropped, replaced, misspelt."""
    words = tokens(text)
    for _ in range(max(1, round(len(words) * rng.uniform(0.05, 0.15)))):
        at = rng.randrange(len(words))
        spacer = " " if words[at].endswith(" ") else ""
        operation = rng.choice(["insert", "delete", "substitute", "typo"])
        if operation == "insert":
            words.insert(at, rng.choice(vocabulary) + spacer)
        elif operation == "delete" and len(words) > 1:
            del words[at]
        elif operation == "substitute":
            words[at] = rng.choice(vocabulary) + spacer
        else:
            word = words[at]
            cut = rng.randrange(max(1, len(word.strip())))
            letter = rng.choice(rng.choice(vocabulary))
            words[at] = word[:cut] + rng.choice([letter, "", letter + word[cut : cut + 1]]) + word[cut + 1 :]
    return render(words)


def distinct_text(rng: random.Random) -> str:
    """An input of its own: 20 to 90 words of one language in a random order, and one time in
    five a sentence quoted from a campaign text, as people quote what they agree with."""
    count = rng.randint(20, 90)
    english = rng.random() < 0.5
    if english:
        text = " ".join(rng.choice(ENGLISH_WORDS) for _ in range(count)).capitalize() + "."
    else:
        text = "".join(rng.choice(KHMER_WORDS) + (" " if rng.random() < 0.15 else "") for _ in range(count))
        text = text.strip() + "។"
    if rng.random() < 0.2:
        campaign = render(tokens(rng.choice(CAMPAIGNS[:4] if english else CAMPAIGNS[4:])))
        text += " " + rng.choice([s for s in SENTENCE_END.split(campaign) if s.strip()]).strip()
    return text


def generate_inputs(count: int, *, seed: int = 7, copies: float = 0.3) -> tuple[list[str], list[int | None]]:
    """Texts and, for each, the campaign it copies (None for an input of its own), in random order.

    Also the data of bench/nearduplicates_probe.py, at 100,000 inputs.
    """
    rng = random.Random(seed)
    labelled: list[tuple[str, int | None]] = []
    for _ in range(count):
        if rng.random() < copies:
            campaign = rng.randrange(len(CAMPAIGNS))
            vocabulary = ENGLISH_WORDS if campaign < 4 else KHMER_WORDS
            labelled.append((edited_copy(CAMPAIGNS[campaign], vocabulary, rng), campaign))
        else:
            labelled.append((distinct_text(rng), None))
    return [text for text, _ in labelled], [label for _, label in labelled]


def shingles(text: str, size: int = 5) -> set[str]:
    """The reference: plain Python sets of the k-grams the module hashes."""
    text = normalise(text)
    return {text[i : i + size] for i in range(max(len(text) - size + 1, 1))} if text else set()


def jaccard(a: str, b: str) -> float:
    first, second = shingles(a), shingles(b)
    return len(first & second) / len(first | second)


def test_campaign_copies_group_together_and_other_inputs_stay_apart():
    texts, labels = generate_inputs(10_000)
    groups = group_near_duplicates(texts)
    group_of = {index: number for number, group in enumerate(groups) for index in group}
    placed, main_groups = 0, set()
    for campaign in range(len(CAMPAIGNS)):
        copies = [i for i, label in enumerate(labels) if label == campaign]
        main, _ = Counter(group_of[i] for i in copies if i in group_of).most_common(1)[0]
        main_groups.add(main)
        placed += sum(group_of.get(i) == main for i in copies)
    others = [i for i, label in enumerate(labels) if label is None]
    assert len(main_groups) == len(CAMPAIGNS)  # no two campaigns merged into one group
    assert placed >= 0.95 * (len(texts) - len(others))
    assert sum(i in group_of for i in others) < 0.01 * len(others)


def test_grouped_by_similarity_as_plain_sets_measure_it():
    """Pairs well above the threshold are grouped, pairs well below are not (estimate ± 0.15)."""
    rng = random.Random(3)
    checked = Counter()
    for _ in range(300):
        campaign = rng.randrange(len(CAMPAIGNS))
        vocabulary = ENGLISH_WORDS if campaign < 4 else KHMER_WORDS
        original = render(tokens(CAMPAIGNS[campaign]))
        copy = original
        for _ in range(rng.randint(1, 6)):
            copy = edited_copy(copy, vocabulary, rng)
        similarity = jaccard(original, copy)
        grouped = group_near_duplicates([original, copy], threshold=0.6) == [[0, 1]]
        if similarity >= 0.75:
            checked["above"] += 1
            assert grouped, similarity
        elif similarity <= 0.45:
            checked["below"] += 1
            assert not grouped, similarity
    assert checked["above"] > 30 and checked["below"] > 30


def test_khmer_compares_without_word_segmentation():
    khmer = render(tokens(CAMPAIGNS[6]))
    spaced = "\u200b".join(tokens(CAMPAIGNS[6]))  # zero-width spaces between words, as Word types them
    digits = khmer.replace("៥", "5")
    reworded = khmer.replace("ធំពេក", "ច្រើនពេក")
    other = render(tokens(CAMPAIGNS[7]))
    assert normalise(khmer) == normalise(spaced) == normalise(digits)
    assert group_near_duplicates([khmer, other, spaced, reworded, digits]) == [[0, 2, 3, 4]]


def test_normalise_drops_case_spaces_and_punctuation_and_evens_out_khmer_spellings():
    assert normalise("មាត្រា ១២!") == normalise("មាត្រា12") == "មាត្រា12"
    assert normalise("Article 12: «Content»,\u200b offences.") == "article12contentoffences"
    assert normalise("សេចក្ដីព្រាង") == normalise("សេចក្តីព្រាង") and normalise("ដី") == "ដី"


def test_groups_are_sorted_and_leave_out_singletons_and_empty_texts():
    texts = [
        "Repeal article 13!",
        "",
        "Something else entirely",
        "repeal Article 13",
        "...",
        "ok",
        "OK.",
        "—",
    ]
    assert group_near_duplicates(texts) == [[0, 3], [5, 6]]
    assert group_near_duplicates([]) == [] and group_near_duplicates(["alone"]) == []


def test_same_seed_same_groups():
    texts, _ = generate_inputs(600, seed=11)
    first = group_near_duplicates(texts, seed=5)
    assert len(first) == len(CAMPAIGNS) and first == group_near_duplicates(texts, seed=5)
