#!/usr/bin/env python3
"""Deterministic generator of a synthetic fashion archive for the benchmarks (issue 6).

    python3 Benchmarks/generate.py --collections N --out DIR [--seed 42]

Writes the archive's import files in both formats, DIR/csv/*.csv (RFC 4180, header row, LF, minimal quoting)
and DIR/ndjson/*.ndjson (one JSON object per line, UTF-8), for the tables designers (N/10, at least 10),
collections (N), collection_designers (1-2 per collection), shoes (N/20, at least 5), icons (N/50, at least 5)
and icon_shoes; then DIR/queries.txt (1,000 lines `category<TAB>query`), DIR/words.json (the chosen words and
their document frequencies) and, last, DIR/manifest.json (rows and bytes per file; its presence means the data
set is complete).

Text: descriptions of 200-400 characters drawn from a ranked vocabulary with Zipf frequencies (rank r has weight
1/r^1.1). The ranks start with function words and a few hundred real fashion words (accents included), continue
with invented variants of them (tulle -> tullette, demitulle) to about 2,000 words -- the "core" that carries
most of the text -- and then a long tail of further invented variants (VOCABULARY_SIZE words in all). The tail
is what makes rare words exist: with 200-400 characters per description (about 50 words) and a 2,000-word
vocabulary, even the last rank would be in about 0.2% of descriptions, so nothing would be rare; with the tail,
ranks past about 25,000 are in fewer than 0.01% of them.

Query words are chosen from document frequencies counted over everything the archive indexes for a collection
(title, designer names, keywords, description, season and year), tokenized as FTS5's `unicode61
remove_diacritics 2` does (letters and digits, case and diacritics folded; ø, æ, œ, ß and ł are kept, as
SQLite keeps them), so every category is true for the data. Phrase and two-word queries are picked from
candidates drawn from the first documents and counted exactly over all of them.

Standard library only. Streams: memory holds the designers, the word counter and a few thousand documents.
"""

import argparse
import bisect
import csv
import hashlib
import itertools
import json
import os
import random
import re
import time
import unicodedata
from collections import Counter

FORMAT_VERSION = 1
VOCABULARY_SIZE = 60_000
ZIPF_EXPONENT = 1.1
QUERY_COUNT = 1_000
CATEGORIES = ["common", "medium", "rare", "prefix", "phrase", "two_words", "filtered"]

# Document-frequency bands (fractions of collections). `medium` as a query category is 0.1-1%, the band the
# issue's search target names ("rare and medium words (under 1% of rows)"); a "medium word" used to build
# prefix, two-word and filtered queries may be anywhere in 0.1-10%.
COMMON_MIN = 0.10
RARE_MAX = 0.001
MEDIUM_QUERY_BAND = (0.001, 0.01)
MEDIUM_WORD_BAND = (0.001, 0.10)

# Documents kept in memory to draw phrase and two-word candidates from.
CANDIDATE_DOCS = 4_000

# -- Word lists ------------------------------------------------------------------------------------------------

TOP_WORDS = [
    "the", "and", "of", "silk", "a", "with", "in", "its", "satin", "for", "tulle", "on", "wool", "from", "by",
    "black", "cut", "an", "ivory", "leather", "as", "at", "light", "soft", "through", "is", "line", "under",
]

FASHION_WORDS = """
ballet ballerina derby loafer brogue oxford slingback pump mule sandal espadrille sneaker boot bootie stiletto
heel kitten wedge platform sole toe cap strap buckle lace laces eyelet welt vamp last insole outsole counter
organza chiffon georgette taffeta velvet velour brocade damask jacquard tweed bouclé flannel gabardine
cashmere mohair alpaca angora merino jersey crêpe charmeuse faille grosgrain moiré lamé sequin sequins paillette
beading embroidery broderie appliqué passementerie smocking shirring ruching gathering pintuck quilting
matelassé cloqué plissé pleated pleat pleats knife accordion sunray box drape draped draping bias seam seams
dart darts hem hemline neckline collar lapel cuff cuffs placket yoke bodice corset bustier basque peplum
waist waistline silhouette volume proportion shoulder sleeve sleeves puff bishop raglan kimono cape coat
trench jacket blazer bolero cardigan gilet waistcoat skirt dress gown shift sheath slip tunic blouse shirt
trouser trousers culotte culottes jumpsuit playsuit romper legging tights stocking hosiery glove gloves scarf
stole veil headpiece hat cloche beret turban fascinator bag clutch minaudière tote satchel pochette belt sash
ribbon bow bows ruffle ruffles frill frills flounce fringe tassel tassels feather feathers marabou ostrich
plume fur shearling suede nubuck patent calfskin lambskin crocodile python raffia straw canvas denim chambray
linen cotton poplin voile batiste lawn muslin gauze mesh net netting lace tulle organdie guipure chantilly
leavers crochet knit knitted purl rib cable intarsia fair isle argyle houndstooth herringbone check gingham
tartan plaid stripe stripes pinstripe polka dot dots floral print prints paisley toile ikat batik chintz
ombré dégradé metallic iridescent opalescent pearlescent matte glossy sheer opaque translucent transparent
ecru ivory cream champagne blush rose pink fuchsia magenta scarlet crimson vermilion burgundy bordeaux
oxblood rust terracotta ochre mustard saffron lemon citron chartreuse olive khaki sage mint jade emerald
teal turquoise aqua azure cobalt navy indigo midnight violet lilac lavender mauve plum aubergine chocolate
cognac camel taupe beige sand stone ash dove grey charcoal anthracite jet ebony noir white snow pearl silver
gold bronze copper pewter nude powder pastel neon
couture atelier maison tailoring tailored bespoke handmade handstitched savoir faire petite main première
défilé runway catwalk showpiece look looks finale opening lineup collection capsule archive vintage heritage
revival homage reference references citation muse muses icon icons silhouette shape form line lines
structure structured unstructured fluid languid relaxed oversized cropped elongated fitted flared tapered
wide narrow slim boxy cocoon trapeze empire princess mermaid column ballgown cocktail evening daywear
resortwear eveningwear sportswear streetwear workwear uniform utilitarian military nautical equestrian
romantic minimal minimalist maximalist baroque rococo gothic victorian edwardian deco nouveau modernist
futurist avant garde punk grunge bohemian preppy parisian riviera milanese tokyo london
spring summer autumn winter season seasonal resort cruise transitional
ballet balletcore pointe barre rehearsal stage tutu leotard wrap warmer warmers dancer dancers
soirée décolleté négligée naïf façonné piqué pointelle ajouré festonné brodé plumetis soutache
céline-style hermès-like chanelesque diorian balenciagan schiaparellian
rigour restraint sensuality softness tension contrast balance craft craftsmanship technique precision
gesture movement rhythm poise elegance grace nonchalance insouciance irony wit humour nostalgia memory
garden theatre cinema opera salon boudoir studio street museum gallery library
whisper echo shadow glow shimmer sheen lustre patina texture weight hand finish surface
""".split()

STEM_SUFFIXES = ["ette", "ine", "esque", "ier", "elle", "ado", "ora", "ique", "ance", "ure", "ish", "eau",
                 "oni", "ista", "ery", "ling", "ant", "ia", "ola", "etta", "on", "ard", "ée", "isme"]
STEM_PREFIXES = ["demi", "micro", "néo", "ultra", "sur", "contre", "para", "mini", "maxi", "proto", "retro",
                 "post", "semi", "haute", "basse"]

GIVEN_NAMES = ["Aurélie", "Søren", "Céleste", "Inès", "Anaïs", "Zoë", "Björn", "José", "Renée", "Chloé",
               "Hélène", "Noémie", "Joaquín", "Márta", "Ådne", "François", "Mathilde", "Léa", "Émile",
               "Océane", "Raphaëlle", "Maëlle", "Tomás", "Dagný", "Ingrid", "Yūko", "Kenzō", "Amara", "Chiara",
               "Giulia", "Lorenzo", "Matteo", "Beatriz", "Leonor", "Ximena", "Paloma", "Agnès", "Brigitte",
               "Delphine", "Solène", "Gaëlle", "Thérèse", "Jérôme", "Benoît", "Loïc", "Zsófia", "Mikael",
               "Elín", "Astrid", "Oona", "Nadia", "Farida", "Adaeze", "Kwame", "Ines", "Marguerite", "Odile",
               "Séverine", "Clémence", "Apolline", "Bérénice", "Ysolde", "Ottilie", "Wilhelmina", "Rosalind"]
SURNAMES = ["Dubois", "Lefèvre", "Moreau", "Castellane", "Varga", "Okafor", "Nakamura", "Østergaard", "Brontë",
            "Giordano", "Müller", "Núñez", "Kowalczyk", "Fontaine", "Delacroix", "Marchetti", "Albrecht",
            "Lindqvist", "Sørensen", "Ferreira", "Carvalho", "Beaumont", "Laurent", "Mercier", "Rousseau",
            "Vasquez", "Ibáñez", "Herrera", "Kobayashi", "Tanaka", "Adeyemi", "Mensah", "Haddad", "Nasser",
            "Petrović", "Novák", "Dvořák", "Horváth", "Szabó", "Andersen", "Halvorsen", "Eriksson", "Vidal",
            "Serrano", "Rinaldi", "Bellini", "Ricci", "Colombo", "Greco", "Marini", "Auclair", "Béranger",
            "Chevalier", "Desrosiers", "Gauthier", "Lemaître", "Périer", "Vauclair", "Aubry", "Méliès",
            "Ashcombe", "Pemberton", "Whitcombe", "Fairweather", "Blackwood", "Kessler", "Brandt", "Voss"]
HOUSE_PATTERNS = ["Maison {g}", "Atelier {g}", "{s} & Fils", "Casa {s}", "{g} {s}", "Studio {s}", "{s} Paris",
                  "House of {s}", "{s} Milano", "Maison {s}", "Atelier {s}", "{s} {s2}", "{g} {s} Couture",
                  "{s} Frères", "Sœurs {s}"]
COUNTRIES = ["France", "Italy", "Denmark", "Japan", "United Kingdom", "United States", "Belgium", "Spain",
             "Germany", "Sweden", "Nigeria", "Brazil", "South Korea", "Netherlands", "Portugal", "Côte d’Ivoire",
             "México", "Türkiye", "Norway", "Austria", "Switzerland", "Ghana", "Lebanon", "Colombia", "Hungary",
             "Iceland", "Czechia", "Poland", "Morocco", "Senegal"]
SEASONS = [("SS", "Spring/Summer", "ss"), ("AW", "Autumn/Winter", "aw"), ("Resort", "Resort", "resort"),
           ("Pre-Fall", "Pre-Fall", "pre-fall"), ("Couture", "Haute Couture", "couture")]
SHOE_TYPES = ["derby", "ballet flat", "loafer", "mary jane", "pump", "mule", "oxford", "sneaker hybrid",
              "slingback", "ankle boot", "espadrille", "sandal", "brogue", "court shoe", "kitten heel",
              "ballet derby", "platform", "chelsea boot", "monk strap", "d’orsay pump"]
MATERIALS = ["calfskin", "patent leather", "suede", "satin", "silk faille", "nappa", "lambskin", "canvas",
             "raffia", "rubber", "leather sole", "cork", "grosgrain", "velvet", "crocodile-embossed leather",
             "mesh", "nubuck", "tulle", "crêpe de chine", "metallic kid"]
OCCUPATIONS = ["dancer", "singer", "actress", "actor", "model", "musician", "photographer", "choreographer",
               "writer", "painter", "film director", "poet", "prima ballerina", "editor", "stylist"]
NATIONALITIES = ["French", "Italian", "Danish", "Japanese", "British", "American", "Belgian", "Spanish",
                 "German", "Swedish", "Nigerian", "Brazilian", "Korean", "Dutch", "Portuguese", "Ivorian",
                 "Mexican", "Turkish", "Norwegian", "Austrian", "Ghanaian", "Lebanese", "Colombian", "Icelandic"]
ERAS = ["1920s", "1930s", "1940s", "1950s", "1960s", "1970s", "1980s", "1990s", "2000s", "2010s", "2020s"]
RELATIONS = ["wore", "designed_for", "popularised", "muse", "inspired"]

HEADERS = {
    "designers": ["slug", "name", "kind", "country", "founded", "description"],
    "collections": ["slug", "title", "season", "year", "description", "keywords"],
    "collection_designers": ["collection", "designer", "role"],
    "shoes": ["slug", "name", "type", "year_introduced", "description", "materials"],
    "icons": ["slug", "name", "occupation", "era", "nationality", "description"],
    "icon_shoes": ["icon", "shoe", "relation"],
}

# -- Text folding: what FTS5 unicode61 remove_diacritics 2 makes of the text ----------------------------------

_FOLD = {}


def fold_char(c):
    """A character as a token character (folded) or a separator (a space), as unicode61 sees it."""
    if unicodedata.category(c)[0] not in "LN":
        return " "
    base = "".join(x for x in unicodedata.normalize("NFKD", c) if not unicodedata.combining(x))
    return (base or c).lower()


def register_chars(*texts):
    for text in texts:
        for c in text:
            if ord(c) not in _FOLD:
                _FOLD[ord(c)] = fold_char(c)


def tokens(text):
    """The FTS5 tokens of text. Every character the generator writes is registered in _FOLD first."""
    return text.translate(_FOLD).split()


_SLUG = {"ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ß": "ss", "ł": "l", "Ł": "l",
         "&": " ", "’": "", "'": ""}


def slugify(text):
    text = "".join(_SLUG.get(c, c) for c in text)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


# -- Vocabulary --------------------------------------------------------------------------------------------------

def build_vocabulary(rng):
    """Ranked words: TOP_WORDS, the real fashion words (shuffled), then invented variants (shuffled)."""
    real = []
    seen = set(TOP_WORDS)
    for w in FASHION_WORDS:
        w = w.replace("-", "")  # céline-style -> célinestyle: one token, as the index would make two otherwise
        if w not in seen:
            seen.add(w)
            real.append(w)
    rng.shuffle(real)
    stems = [w for w in real if len(w) >= 4]
    variants = set()
    for s in stems:
        for suf in STEM_SUFFIXES:
            variants.add(s + suf)
        for pre in STEM_PREFIXES:
            variants.add(pre + s)
    extra = set()
    for s in stems:
        for pre in STEM_PREFIXES:
            for suf in STEM_SUFFIXES:
                extra.add(pre + s + suf)
    # Each word must stay one distinct token after folding.
    folded = {"".join(tokens(w)) for w in seen}
    words = TOP_WORDS + real
    first = sorted(variants)
    rest = sorted(extra - variants)
    rng.shuffle(first)
    rng.shuffle(rest)
    for w in itertools.chain(first, rest):
        if len(words) >= VOCABULARY_SIZE:
            break
        f = "".join(tokens(w))
        if f in folded:
            continue
        folded.add(f)
        words.append(w)
    weights = [1.0 / (r ** ZIPF_EXPONENT) for r in range(1, len(words) + 1)]
    cum = list(itertools.accumulate(weights))
    return words, real, cum


def _close(word, closing):
    """word + closing, put before the word's trailing sentence punctuation."""
    if word and word[-1] in ".,;":
        return word[:-1] + closing + word[-1]
    return word + closing


class TextMaker:
    """Sentences of Zipf-drawn words with commas, semicolons, parentheses, quotes and apostrophes."""

    def __init__(self, rng, words, cum):
        self.rng = rng
        self.words = words
        self.cum = cum
        self.total = cum[-1]
        self.n = len(words)

    def draw(self, k):
        rnd = self.rng.random
        cum, total, hi, words = self.cum, self.total, self.n - 1, self.words
        return [words[bisect.bisect(cum, rnd() * total, 0, hi)] for _ in range(k)]

    def text(self, lo, hi, newline_rate=0.0):
        rng = self.rng
        limit = rng.randint(lo + 6, hi)
        # Punctuation first, so that its length is known: each mark costs its characters.
        n_est = max(8, limit // 6)
        commas = rng.randint(n_est // 14, n_est // 7)
        semis = 1 if rng.random() < 0.3 else 0
        periods = rng.randint(1, max(1, n_est // 14))
        paren = 1 if rng.random() < 0.25 else 0
        quote = rng.random()
        quote = 0 if quote < 0.7 else (1 if quote < 0.85 else 2)  # none, “…”, "…"
        apos = rng.random()
        apos = 0 if apos < 0.8 else (1 if apos < 0.9 else 2)  # none, ’s, l'
        cost = commas + semis + periods + 1 + paren * 2 + (2 if quote else 0) + (2 if apos else 0)
        budget = limit - cost
        chosen = []
        length = -1
        while True:
            batch = self.draw(max(8, (budget - length) // 5))
            stuck = True
            for w in batch:
                if length + 1 + len(w) <= budget:
                    chosen.append(w)
                    length += 1 + len(w)
                    stuck = False
            if stuck or budget - length < 3:
                break
        n = len(chosen)
        if n < 4:
            chosen += ["silk", "tulle", "satin", "line"][: 4 - n]
            n = len(chosen)
        marks = [""] * n
        gaps = list(range(1, n - 1))  # a mark after word i (never after the last word)
        picks = rng.sample(gaps, min(len(gaps), commas + semis + periods))
        it = iter(picks)
        breaks = []
        for _ in range(periods):
            i = next(it, None)
            if i is not None:
                marks[i] = "."
                breaks.append(i + 1)
        for _ in range(semis):
            i = next(it, None)
            if i is not None:
                marks[i] = ";"
        for _ in range(commas):
            i = next(it, None)
            if i is not None:
                marks[i] = ","
        out = list(chosen)
        out[0] = out[0][:1].upper() + out[0][1:]
        for b in breaks:
            out[b] = out[b][:1].upper() + out[b][1:]
        for i, m in enumerate(marks):
            if m:
                out[i] += m
        if paren and n > 6:
            a = rng.randrange(1, n - 5)
            b = a + rng.randint(1, 4)
            out[a] = "(" + out[a]
            out[b - 1] = _close(out[b - 1], ")")
        if quote and n > 6:
            a = rng.randrange(0, n - 5)
            b = a + rng.randint(1, 3)
            left, right = ("“", "”") if quote == 1 else ('"', '"')
            out[a] = left + out[a]
            out[b - 1] = _close(out[b - 1], right)
        if apos:
            i = rng.randrange(1, n)
            if apos == 1:
                out[i] = _close(out[i], "’s")
            else:
                out[i] = "l'" + out[i]
        s = " ".join(out)
        s = s.rstrip(",;") + "."
        if newline_rate and rng.random() < newline_rate:
            j = s.find(". ", 40)
            if j > 0:
                s = s[: j + 1] + "\n" + s[j + 2:]
        return s


# -- Writers -------------------------------------------------------------------------------------------------------

class TableOut:
    def __init__(self, out_dir, table):
        self.table = table
        self.header = HEADERS[table]
        self.csv_path = os.path.join(out_dir, "csv", table + ".csv")
        self.json_path = os.path.join(out_dir, "ndjson", table + ".ndjson")
        self.csv_file = open(self.csv_path, "w", encoding="utf-8", newline="", buffering=1 << 20)
        self.json_file = open(self.json_path, "w", encoding="utf-8", newline="", buffering=1 << 20)
        self.writer = csv.writer(self.csv_file, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        self.writer.writerow(self.header)
        self.rows = 0
        self.dumps = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode

    def write(self, row):
        """row: values in header order; None is unknown (an empty CSV field, a JSON null)."""
        self.writer.writerow(row)
        self.json_file.write(self.dumps(dict(zip(self.header, row))) + "\n")
        self.rows += 1

    def close(self):
        self.csv_file.close()
        self.json_file.close()
        return {
            "rows": self.rows,
            "csv_bytes": os.path.getsize(self.csv_path),
            "ndjson_bytes": os.path.getsize(self.json_path),
        }


# -- Query choice -------------------------------------------------------------------------------------------------

WORD_RE = re.compile(r"^[a-z]{3,}$")


def spread(items, k):
    """k items evenly spread over a list (cycling when the list is shorter than k)."""
    if not items:
        return []
    if len(items) >= k:
        return [items[(i * len(items)) // k] for i in range(k)]
    return [items[i % len(items)] for i in range(k)]


class Candidates:
    """Phrase and two-word candidates drawn from the first documents, then counted exactly over all."""

    def __init__(self):
        self.buffer = []  # (columns' token lists, token set) of the first documents
        self.phrases = None
        self.pairs = None
        self.phrase_df = Counter()
        self.pair_df = Counter()

    def choose(self, rng, df, docs, per_category):
        def frac(t):
            return df[t] / docs

        want = per_category * 3
        phrases = set()
        tries = 0
        while len(phrases) < want and tries < want * 200:
            tries += 1
            columns, _ = self.buffer[rng.randrange(len(self.buffer))]
            desc = columns[3]
            if len(desc) < 2:
                continue
            i = rng.randrange(len(desc) - 1)
            a, b = desc[i], desc[i + 1]
            if a == b or not (WORD_RE.match(a) and WORD_RE.match(b)):
                continue
            if min(frac(a), frac(b)) >= COMMON_MIN and rng.random() < 0.8:
                continue  # mostly phrases with at least one less common word
            phrases.add((a, b))
        pairs = set()
        tries = 0
        lo, hi = MEDIUM_WORD_BAND
        while len(pairs) < want and tries < want * 200:
            tries += 1
            _, toks = self.buffer[rng.randrange(len(self.buffer))]
            mids = sorted(t for t in toks if WORD_RE.match(t) and lo * 0.5 <= frac(t) <= hi * 1.5)
            if len(mids) < 2:
                continue
            a, b = rng.sample(mids, 2)
            pairs.add((a, b))
        self.phrases = set(phrases)
        self.phrase_first = {a for a, _ in phrases}
        self.pairs = {}
        for a, b in sorted(pairs):
            self.pairs.setdefault(a, []).append(b)
        self.pair_first = set(self.pairs)
        for columns, toks in self.buffer:
            self.count(columns, toks)
        self.buffer = None

    def count(self, columns, toks):
        found = set()
        for col in columns:
            if len(col) > 1 and not self.phrase_first.isdisjoint(col):
                found.update(self.phrases.intersection(zip(col, col[1:])))
        for f in found:
            self.phrase_df[f] += 1
        for a in self.pair_first.intersection(toks):
            for b in self.pairs[a]:
                if b in toks:
                    self.pair_df[(a, b)] += 1


def choose_queries(rng, df, n_docs, cands, quotas):
    n = n_docs
    words = sorted(((t, c) for t, c in df.items() if WORD_RE.match(t)), key=lambda x: (-x[1], x[0]))
    chosen = {}
    notes = {}

    common = [(t, c) for t, c in words if c > COMMON_MIN * n]
    lo, hi = MEDIUM_QUERY_BAND
    medium = [(t, c) for t, c in words if lo * n <= c <= hi * n]
    rare = [(t, c) for t, c in words if c < RARE_MAX * n]
    if not rare:
        least = min(c for _, c in words)
        rare = [(t, c) for t, c in words if c == least]
        notes["rare"] = (f"no word is in fewer than {RARE_MAX:.1%} of {n} collections; "
                         f"took the words in the fewest ({least})")
        medium = [(t, c) for t, c in medium if c > least] or medium
    if not medium:
        # Tiny N: the band is empty; take words between rare and common.
        medium = [(t, c) for t, c in words if rare[0][1] < c <= COMMON_MIN * n]
        notes["medium"] = f"no word in {lo:.1%}-{hi:.1%} of {n} collections; took words between rare and common"
    wlo, whi = MEDIUM_WORD_BAND
    medium_words = [(t, c) for t, c in words if max(1, wlo * n) <= c <= whi * n]
    if not common:
        common = words[:10]
        notes["common"] = f"no word in more than {COMMON_MIN:.0%}; took the most frequent"

    def entry(t, c):
        return {"query": t, "words": [t], "df": c, "df_fraction": round(c / n, 6)}

    chosen["common"] = [entry(t, c) for t, c in spread(common, quotas["common"])]
    chosen["medium"] = [entry(t, c) for t, c in spread(medium, quotas["medium"])]
    # Rare: the list is long and sorted by frequency; spread over it (most are in one or two documents).
    rare_pool = rare[:]
    rng.shuffle(rare_pool)
    rare_pool.sort(key=lambda x: -x[1])
    chosen["rare"] = [entry(t, c) for t, c in spread(rare_pool, quotas["rare"])]
    chosen["filtered"] = [entry(t, c) for t, c in spread(medium_words[::-1], quotas["filtered"])]

    prefix = []
    long_medium = [(t, c) for t, c in medium_words if len(t) >= 5]
    by_prefix = {}
    for t, c in words:
        for k in (3, 4, 5):
            if len(t) >= k:
                by_prefix.setdefault(t[:k], []).append(c)
    for t, c in spread(long_medium, quotas["prefix"]):
        k = rng.randint(3, min(5, len(t) - 1))
        p = t[:k]
        dfs = by_prefix.get(p, [c])
        prefix.append({"query": p + "*", "words": [t], "df": c, "df_fraction": round(c / n, 6),
                       "prefix": p, "prefix_tokens": len(dfs),
                       "prefix_df_at_least": max(dfs), "prefix_df_at_most": min(n, sum(dfs))})
    chosen["prefix"] = prefix

    phrases = sorted(((a, b, cands.phrase_df[(a, b)]) for a, b in cands.phrases), key=lambda x: (-x[2], x))
    chosen["phrase"] = [{"query": f'"{a} {b}"', "words": [a, b], "df": c, "df_fraction": round(c / n, 6),
                         "word_df": [df[a], df[b]]} for a, b, c in spread(phrases, quotas["phrase"])]
    pairs = sorted(((a, b, cands.pair_df[(a, b)]) for a, bs in cands.pairs.items() for b in bs
                    if max(1, wlo * n) <= df[a] <= whi * n and max(1, wlo * n) <= df[b] <= whi * n),
                   key=lambda x: (-x[2], x))
    chosen["two_words"] = [{"query": f"{a} {b}", "words": [a, b], "df": c, "df_fraction": round(c / n, 6),
                            "word_df": [df[a], df[b]]} for a, b, c in spread(pairs, quotas["two_words"])]
    for cat in CATEGORIES:
        if len(chosen.get(cat, [])) < quotas[cat]:
            raise SystemExit(f"generate.py: could not find {quotas[cat]} queries for category {cat}")
    return chosen, notes


# -- Main ---------------------------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--collections", "-n", type=int, required=True, help="number of collections (N)")
    ap.add_argument("--out", required=True, help="output folder (csv/, ndjson/, queries.txt, words.json)")
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()
    n = args.collections
    if n < 10:
        ap.error("--collections must be at least 10")
    started = time.perf_counter()
    out = args.out
    os.makedirs(os.path.join(out, "csv"), exist_ok=True)
    os.makedirs(os.path.join(out, "ndjson"), exist_ok=True)
    manifest_path = os.path.join(out, "manifest.json")
    if os.path.exists(manifest_path):
        os.remove(manifest_path)  # incomplete until written again at the end

    rng = random.Random(args.seed)
    register_chars("".join(TOP_WORDS), "".join(FASHION_WORDS), "".join(STEM_SUFFIXES), "".join(STEM_PREFIXES),
                   "".join(GIVEN_NAMES), "".join(SURNAMES), "".join(HOUSE_PATTERNS), "".join(COUNTRIES),
                   "".join(s[1] for s in SEASONS) + "".join(s[0] for s in SEASONS), "".join(SHOE_TYPES),
                   "".join(MATERIALS), "".join(OCCUPATIONS), "".join(NATIONALITIES), "".join(ERAS),
                   "0123456789 .,;:()“”\"'’—–-/&*\n", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "No.")
    words, real, cum = build_vocabulary(rng)
    register_chars("".join(w[:1].upper() for w in words))
    maker = TextMaker(rng, words, cum)
    title_words = [w for w in real if len(w) >= 4]

    # Designers: houses and people, kept in memory (N/10 of them).
    n_designers = max(10, n // 10)
    designers_out = TableOut(out, "designers")
    houses, people = [], []
    width = len(str(n_designers))
    for i in range(1, n_designers + 1):
        is_house = i <= 2 or (rng.random() < 0.6 and i != 3)
        g, s, s2 = rng.choice(GIVEN_NAMES), rng.choice(SURNAMES), rng.choice(SURNAMES)
        if is_house:
            name = rng.choice(HOUSE_PATTERNS).format(g=g, s=s, s2=s2)
            founded = rng.randint(1837, 2024) if rng.random() < 0.9 else None
        else:
            name = f"{g} {s}"
            founded = None
        slug = f"{slugify(name)}-{i:0{width}d}"
        country = rng.choice(COUNTRIES) if rng.random() < 0.95 else None
        description = maker.text(80, 200) if rng.random() < 0.9 else None
        designers_out.write([slug, name, "house" if is_house else "person", country, founded, description])
        entry = (slug, name, tokens(name), slugify(name))
        (houses if is_house else people).append(entry)
    designers_info = designers_out.close()

    # Collections and their designers, streamed; document frequencies counted on the way.
    collections_out = TableOut(out, "collections")
    credits_out = TableOut(out, "collection_designers")
    df = Counter()
    cands = Candidates()
    quotas = {c: QUERY_COUNT // len(CATEGORIES) for c in CATEGORIES}
    for c in CATEGORIES[: QUERY_COUNT - sum(quotas.values())]:
        quotas[c] += 1
    buffer_docs = min(n, CANDIDATE_DOCS)
    width = len(str(n))
    rnd = rng.random
    for i in range(1, n + 1):
        house = houses[int(rnd() * len(houses))]
        r = rnd()
        season = None if r < 0.10 else SEASONS[int((r - 0.10) / 0.90 * len(SEASONS))]
        year = None if rnd() < 0.05 else rng.randint(1950, 2026)
        r = rnd()
        if r < 0.12:
            phrase = f"{rng.choice(title_words).capitalize()}, {rng.choice(title_words).capitalize()} and " \
                     f"{rng.choice(title_words).capitalize()}"
        elif r < 0.5:
            phrase = f"{rng.choice(title_words).capitalize()} {rng.choice(title_words).capitalize()}"
        else:
            drawn = [w.capitalize() for w in maker.draw(8) if len(w) >= 4][: rng.randint(2, 3)]
            phrase = " ".join(drawn) or rng.choice(title_words).capitalize()
        parts = [house[1]]
        if season:
            parts.append(season[1])
        if year:
            parts.append(str(year))
        title = " ".join(parts) + f" — “{phrase}”"
        slug_parts = [house[3]]
        if season:
            slug_parts.append(season[2])
        if year:
            slug_parts.append(str(year))
        slug = "-".join(slug_parts) + f"-{i:0{width}d}"
        description = maker.text(200, 400, newline_rate=0.01)
        kw = []
        k = rng.randint(2, 5)
        while len(kw) < k:
            w = rng.choice(real) if rnd() < 0.7 else maker.draw(1)[0]
            if w not in kw and len(w) >= 4:
                kw.append(w)
        keywords = "; ".join(kw)
        season_code = season[0] if season else None
        collections_out.write([slug, title, season_code, year, description, keywords])
        credited = [house]
        credits_out.write([slug, house[0], "house"])
        r = rnd()
        if r < 0.35 and people:
            person = people[int(rnd() * len(people))]
            credits_out.write([slug, person[0], "creative_director"])
            credited.append(person)
        elif r < 0.45 and len(houses) > 1:
            other = houses[int(rnd() * len(houses))]
            if other[0] != house[0]:
                credits_out.write([slug, other[0], "collaborator"])
                credited.append(other)
        # What the index holds for this collection, column by column.
        names = [t for d in credited for t in d[2]]
        cols = (tokens(title), names, tokens(keywords), tokens(description),
                tokens(f"{season_code or ''} {year or ''}"))
        toks = set().union(*cols)
        df.update(toks)
        if cands.buffer is not None:
            cands.buffer.append((cols[:4], toks))
            if i == buffer_docs:
                cands.choose(rng, df, i, max(quotas["phrase"], quotas["two_words"]))
        else:
            cands.count(cols[:4], toks)
    collections_info = collections_out.close()
    credits_info = credits_out.close()

    # Shoes, icons and who wore what.
    n_shoes, n_icons = max(5, n // 20), max(5, n // 50)
    shoes_out = TableOut(out, "shoes")
    shoe_slugs = []
    width = len(str(n_shoes))
    for i in range(1, n_shoes + 1):
        kind = rng.choice(SHOE_TYPES)
        name = f"The {rng.choice(GIVEN_NAMES)} {kind.title().replace('’O', '’o')}"
        if rnd() < 0.3:
            name += f" No. {rng.randint(1, 99)}"
        slug = f"{slugify(name)}-{i:0{width}d}"
        shoe_slugs.append(slug)
        year = rng.randint(1900, 2026) if rnd() < 0.9 else None
        materials = "; ".join(rng.sample(MATERIALS, rng.randint(1, 3))) if rnd() < 0.9 else None
        shoes_out.write([slug, name, kind, year, maker.text(100, 250), materials])
    shoes_info = shoes_out.close()
    icons_out = TableOut(out, "icons")
    relations_out = TableOut(out, "icon_shoes")
    width = len(str(n_icons))
    for i in range(1, n_icons + 1):
        name = f"{rng.choice(GIVEN_NAMES)} {rng.choice(SURNAMES)}"
        slug = f"{slugify(name)}-{i:0{width}d}"
        icons_out.write([slug, name, rng.choice(OCCUPATIONS), rng.choice(ERAS) if rnd() < 0.9 else None,
                         rng.choice(NATIONALITIES) if rnd() < 0.9 else None, maker.text(100, 250)])
        seen = set()
        for _ in range(rng.randint(1, 3)):
            triple = (slug, rng.choice(shoe_slugs), rng.choice(RELATIONS))
            if triple not in seen:
                seen.add(triple)
                relations_out.write(list(triple))
    icons_info = icons_out.close()
    relations_info = relations_out.close()

    # Queries.
    chosen, notes = choose_queries(rng, df, n, cands, quotas)
    lines = [(cat, e["query"]) for cat in CATEGORIES for e in chosen[cat]]
    rng.shuffle(lines)
    with open(os.path.join(out, "queries.txt"), "w", encoding="utf-8", newline="\n") as f:
        for cat, q in lines:
            f.write(f"{cat}\t{q}\n")

    def distinct(entries):
        seen, result = set(), []
        for e in entries:
            if e["query"] not in seen:
                seen.add(e["query"])
                result.append(e)
        return result

    words_doc = {
        "collections": n,
        "seed": args.seed,
        "tokenizer": "unicode61 remove_diacritics 2 (emulated)",
        "df_counted_over": "title, designer names, keywords, description, season and year of each collection",
        "bands": {"common": f"> {COMMON_MIN:.0%}", "medium": f"{MEDIUM_QUERY_BAND[0]:.1%}-{MEDIUM_QUERY_BAND[1]:.0%}",
                  "rare": f"< {RARE_MAX:.1%}",
                  "medium_word (prefix, two_words, filtered)": f"{MEDIUM_WORD_BAND[0]:.1%}-{MEDIUM_WORD_BAND[1]:.0%}"},
        "notes": notes,
        "quotas": quotas,
        "vocabulary": {"ranked_words": len(words), "zipf_exponent": ZIPF_EXPONENT,
                       "distinct_tokens_in_collections": len(df),
                       "tokens_in_over_50pct": sum(1 for c in df.values() if c > 0.5 * n),
                       "tokens_in_1_to_10pct": sum(1 for c in df.values() if 0.01 * n <= c <= 0.1 * n),
                       "tokens_in_under_0.01pct": sum(1 for c in df.values() if c < 0.0001 * n),
                       "top": [[t, c] for t, c in df.most_common(25)]},
        "categories": {cat: distinct(chosen[cat]) for cat in CATEGORIES},
    }
    with open(os.path.join(out, "words.json"), "w", encoding="utf-8") as f:
        json.dump(words_doc, f, ensure_ascii=False, indent=1)
        f.write("\n")

    files = {"designers": designers_info, "collections": collections_info, "collection_designers": credits_info,
             "shoes": shoes_info, "icons": icons_info, "icon_shoes": relations_info}
    seconds = time.perf_counter() - started
    with open(os.path.abspath(__file__), "rb") as f:
        generator_sha256 = hashlib.sha256(f.read()).hexdigest()
    manifest = {
        "format": FORMAT_VERSION,
        "generator_sha256": generator_sha256,
        "collections": n,
        "seed": args.seed,
        "tables": files,
        "total_rows": sum(v["rows"] for v in files.values()),
        "csv_bytes": sum(v["csv_bytes"] for v in files.values()),
        "ndjson_bytes": sum(v["ndjson_bytes"] for v in files.values()),
        "queries": len(lines),
        "seconds": round(seconds, 2),
    }
    with open(manifest_path, "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")
    rows = ", ".join(f"{t} {v['rows']:,}" for t, v in files.items())
    print(f"generate.py: N={n:,} seed={args.seed}: {rows} rows; csv {manifest['csv_bytes'] / 1e6:,.1f} MB, "
          f"ndjson {manifest['ndjson_bytes'] / 1e6:,.1f} MB; {len(lines)} queries; {seconds:.1f} s -> {out}")


if __name__ == "__main__":
    main()
