#!/usr/bin/env python3
"""A Met-style open-access CSV through Mappings/examples/met.json (issue 21): zipped makers against none.

    python3 Benchmarks/met.py [--rows 100000] [--runs 3] [--seed 42] [--breakdown] [--no-build]
    python3 Benchmarks/met.py --smoke            # CI: 2,000 rows, one run, fails on any error

Builds the release `archive` (--static-swift-stdlib, under flock /tmp/swift-build.lock), then generates, once per
size and seed, /tmp/archive-bench/met-N/met-objects.csv: N rows with the Met's exact 54-column open-access header
(the one of Tests/Fixtures/museum-samples/met-objects.csv), CRLF, in the shape of the sample's columns: makers
'|'-joined across the parallel Artist columns with empty places kept (role, prefix, bio, nationality, life dates,
gender, ULAN and Wikidata URLs, Constituent ID), 9999 end dates for the living and houses still trading, tags with
their AAT and Wikidata URLs, curly quotes, accents and em dashes, CR-LF and bare LF inside some Dimensions, date
texts the Met writes. Makers come from a pool of 8,000 people and houses reused Zipf-like (rank r weighs 1/r),
0-4 a row; 120 pairs of different people share a name (different ULANs), 150 people are spelt two ways (one
ULAN), a fifth have no ULAN or Wikidata id.

Then, --runs times, alternating, each import a separate `archive import FILE --mapping M` process into a fresh
archive, timed with its peak RSS through run.py's C launcher:
  with makers     Mappings/examples/met.json (makers and tags zipped)
  without         a copy of met.json with its `split` list removed (written to the work folder at run time)
  re-import       the same file again with met.json into the archive the first import made: nothing changes
--breakdown adds two more copies: only the makers' split, only the tags' split (where the time goes).
The first run of each checks the archive holds what the file holds (objects, makers, links, tags). Prints
Markdown: median wall time (and each run's), rows/s, peak RSS, archive size, and the ratio against the targets
of issue 21: with makers at most 1.3x without, peak RSS at most 100 MB. Exits 1 if a command fails or an object
is missing; counts of makers, tags or links that differ from the file are reported, not fatal.
--object-wikidata: the share of rows with an Object Wikidata URL (default 0.05; BENCHMARKS.md says why its figures
use 0). Standard library only.
"""

import argparse
import bisect
import csv
import hashlib
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
import unicodedata

from run import Failure, db_bytes, fmt_s, log, measure, prepare_launcher, remove_db, stats_of, table

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAPPING = os.path.join(REPO, "Mappings", "examples", "met.json")
SAMPLE = os.path.join(REPO, "Tests", "Fixtures", "museum-samples", "met-objects.csv")
FORMAT_VERSION = 1
TARGET_RATIO = 1.3
TARGET_RSS_MB = 100

HEADER = ["Object Number", "Is Highlight", "Is Timeline Work", "Is Public Domain", "Object ID", "Gallery Number",
          "Department", "AccessionYear", "Object Name", "Title", "Culture", "Period", "Dynasty", "Reign", "Portfolio",
          "Constituent ID", "Artist Role", "Artist Prefix", "Artist Display Name", "Artist Display Bio",
          "Artist Suffix", "Artist Alpha Sort", "Artist Nationality", "Artist Begin Date", "Artist End Date",
          "Artist Gender", "Artist ULAN URL", "Artist Wikidata URL", "Object Date", "Object Begin Date",
          "Object End Date", "Medium", "Dimensions", "Credit Line", "Geography Type", "City", "State", "County",
          "Country", "Region", "Subregion", "Locale", "Locus", "Excavation", "River", "Classification",
          "Rights and Reproduction", "Link Resource", "Object Wikidata URL", "Metadata Date", "Repository", "Tags",
          "Tags AAT URL", "Tags Wikidata URL"]
# The parallel columns of one maker, in the order of the header.
ARTIST = ["Constituent ID", "Artist Role", "Artist Prefix", "Artist Display Name", "Artist Display Bio",
          "Artist Suffix", "Artist Alpha Sort", "Artist Nationality", "Artist Begin Date", "Artist End Date",
          "Artist Gender", "Artist ULAN URL", "Artist Wikidata URL"]

# -- The data ------------------------------------------------------------------------------------------------------

POOL = 8_000               # distinct makers (people and houses)
SAME_NAME_PAIRS = 120      # a second person with a name already in the pool, and ids of their own
SPELT_TWO_WAYS = 150       # people with ids whose name is written a second way in some rows
MAKERS_PER_ROW = [0.12, 0.48, 0.25, 0.10, 0.05]         # 0-4
TAGS_PER_ROW = [0.05, 0.25, 0.35, 0.20, 0.10, 0.05]      # 0-5

FIRST = ["Charles", "Marie", "Jeanne", "Cristóbal", "Élise", "Hélène", "François", "José", "Zoë", "Søren", "Renée",
         "Lucía", "Giorgio", "Elsa", "Yves", "Hubert", "Madeleine", "Gabrielle", "Pierre", "André", "Issey", "Rei",
         "Yohji", "Hanae", "Claire", "Norman", "Geoffrey", "Bonnie", "Claude", "Halston", "Oscar", "Carolina",
         "Mariano", "Emilio", "Salvatore", "Roberta", "Nina", "Sonia", "Germaine", "Jacques", "Louise", "Paul",
         "Thérèse", "Ángel", "Inès", "Agnès", "Anaïs", "Björn", "Dorothée", "Émile", "Frédéric", "Ines", "Joël",
         "Karl", "Léon", "Mathilde", "Noémie", "Otto", "Raphaël", "Sabine", "Victor", "Wilhelmina", "Zélie", "Ada",
         "Beatrix", "Cecil", "Dora", "Edith", "Fulco", "Grete", "Hattie", "Ilse", "Jean", "Kiyoko", "Lilli"]
LAST_REAL = ["Worth", "Laurent", "Balenciaga", "Vionnet", "Lanvin", "Poiret", "Doucet", "Paquin", "Chéruit", "Callot",
             "Lelong", "Patou", "Molyneux", "Fath", "Balmain", "Givenchy", "Courrèges", "Cardin", "Ungaro", "Mugler",
             "Gaultier", "Lacroix", "Alaïa", "Ferré", "Versace", "Armani", "Miyake", "Kawakubo", "Yamamoto",
             "Schiaparelli", "Vivier", "Ferragamo", "Pinet", "Grès", "Blahnik", "Beene", "McCardell", "Charles",
             "Norell", "Galanos", "Trigère", "Fortuny", "Pucci", "Missoni", "Rykiel", "Chanel", "Mainbocher",
             "Carnegie", "Hartnell", "Amies", "Quant", "Westwood", "Rhodes", "Ossie", "Lesage", "Rébé", "Desrues",
             "Boué", "Premet", "Jenny", "Maggy", "Rouff", "Agnès", "Reboux", "Talbot", "Daché", "Dessès", "Piguet"]
SYLLABLES = ["bel", "mont", "ier", "val", "ros", "ard", "lan", "dor", "vin", "mar", "tes", "sol", "ber", "gal",
             "fon", "ché", "ré", "lu", "nié", "zac", "quin", "tel", "cor", "pel", "lis", "mau", "rin", "dès"]
HOUSE_FORMS = ["House of {}", "Maison {}", "{} & Co.", "{} Frères", "{} Soeurs", "Atelier {}", "{} Ltd.", "{} et Cie"]
NATIONALITIES = ["French", "French", "French", "American", "American", "British", "Italian", "Spanish", "Japanese",
                 "Belgian", "Austrian", "German", "French (born England)", "American (born France)"]
CITIES = [("Paris", "France", "Île-de-France"), ("Paris", "France", "Île-de-France"), ("New York", "United States", "New York"),
          ("London", "England", "Greater London"), ("Milan", "Italy", "Lombardy"), ("Florence", "Italy", "Tuscany"),
          ("Rome", "Italy", "Lazio"), ("Madrid", "Spain", "Community of Madrid"), ("Tokyo", "Japan", "Kantō"),
          ("Vienna", "Austria", "Vienna"), ("Brussels", "Belgium", "Brussels-Capital"), ("Lyon", "France", "Auvergne-Rhône-Alpes")]
PERSON_ROLES = ["designer"] * 14 + ["Designer", "artist", "embroiderer", "milliner", "illustrator"]
HOUSE_ROLES = ["designer"] * 6 + ["manufacturer"] * 4 + ["retailer"] * 3 + ["Design House", "maker", "Manufacturer"]
PREFIXES = [""] * 85 + ["Designed by"] * 5 + ["Attributed to"] * 4 + ["Possibly"] * 2 + ["Retailed by"] * 2 + ["Made for"] * 2
OBJECTS = [("Evening dress", "Costume"), ("Ball gown", "Costume"), ("Robe à la française", "Costume"),
           ("Dress", "Costume"), ("Cocktail dress", "Costume"), ("Suit", "Costume"), ("Coat", "Costume"),
           ("Evening coat", "Costume"), ("Jacket", "Costume"), ("Ensemble", "Costume"), ("Wedding dress", "Costume"),
           ("Bodice", "Costume"), ("Skirt", "Costume"), ("Corset", "Costume"), ("Cape", "Costume"),
           ("Tea gown", "Costume"), ("Robe à l'anglaise", "Costume"), ("Négligée", "Costume"), ("Blouse", "Costume"),
           ("Shoes", "Shoes"), ("Pumps", "Shoes"), ("Boots", "Shoes"), ("Evening slippers", "Shoes"),
           ("Mules", "Shoes"), ("Sandals", "Shoes"), ("Hat", "Accessories-Hats"), ("Cloche", "Accessories-Hats"),
           ("Bonnet", "Accessories-Hats"), ("Evening bag", "Accessories-Bags"), ("Purse", "Accessories-Bags"),
           ("Fan", "Accessories-Fans"), ("Gloves", "Accessories-Gloves"), ("Parasol", "Accessories-Parasols"),
           ("Necklace", "Accessories-Jewelry"), ("Brooch", "Accessories-Jewelry"), ("Stole", "Accessories-Shawls"),
           ("Textile sample", "Textiles"), ("Fashion plate", "Prints")]
TITLE_WORDS = ["Les Lilas", "Ondine", "Corolle", "Bar", "Zémire", "Delphos", "Mondrian", "Le Smoking", "Vénus",
               "Junon", "Cygne Noir", "Rose Thé", "Dégradé", "Châtelaine", "Île d'Amour", "Passe-Partout", "Soirée à Séville"]
MATERIALS = ["silk", "wool", "cotton", "linen", "leather", "glass beads", "metal", "silk taffeta", "silk gazar",
             "silk brocade", "rayon", "feathers", "straw", "synthetic fiber", "plastic", "sequins", "rhinestones",
             "fur", "suede", "velvet", "tulle", "lace", "crêpe de chine", "lamé", "mother-of-pearl", "tortoiseshell"]
DONORS = ["Mrs. Harold Fenwick", "Mrs. Eleanor Pratt", "Thomas H. Ardwell", "Mrs. Lorraine K. Mabry",
          "Baroness Philippe de Vaudrey", "Miss Irène Léger", "Mr. and Mrs. José Ruiz", "Madame Hélène Arpels",
          "Mrs. Søren Dahl", "The Hon. Mrs. Reginald Fellowes"]
FUNDS = ["Irene Lewisohn Trust Gift", "Isabel Shults Fund", "Catharine Breyer Van Bomel Foundation Fund",
         "Friends of The Costume Institute Gifts", "Alfred Z. Solomon-Janet A. Sloane Endowment Fund"]
TAG_NAMES = ["Women", "Men", "Dresses", "Flowers", "Shoes", "Birds", "Leaves", "Hats", "Children", "Butterflies",
             "Stripes", "Lace", "Roses", "Lilies", "Bows", "Fans", "Animals", "Insects", "Vines", "Feathers",
             "Stars", "Moons", "Suns", "Hearts", "Dogs", "Cats", "Horses", "Fish", "Shells", "Boats", "Dancers",
             "Musical Instruments", "Fruit", "Grapes", "Acanthus", "Scrolls", "Checks", "Plaids", "Polka Dots",
             "Geometric Patterns", "Chinoiserie", "Crosses", "Crowns", "Dragons", "Peacocks", "Swans", "Ribbons",
             "Trees", "Waves", "Clouds", "Mountains", "Houses", "Coats of Arms", "Portraits", "Angels", "Cupid",
             "Lions", "Eagles", "Pearls", "Jewelry", "Fringe", "Tassels", "Embroidery", "Sequins", "Beads",
             "Fleurs-de-lis", "Pomegranates", "Tulips", "Carnations", "Irises", "Daisies", "Poppies", "Cherries",
             "Strawberries", "Wheat", "Lotuses", "Bamboo", "Chrysanthemums", "Cranes", "Zebras", "Leopards",
             "Snakes", "Frogs", "Bees", "Dragonflies", "Spiders", "Sailors", "Soldiers", "Letters", "Numbers"]
DATE_QUARTERS = ["first", "second", "third", "fourth"]


def slugify(text):
    """Roughly the archive's slug: accents folded, lowercase, runs of other characters as one hyphen."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()
    out, dash = [], False
    for c in folded:
        if c.isascii() and c.isalnum():
            out.append(c)
            dash = False
        elif c != "'" and not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def fold(text):
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def zipf_picker(rnd, n, exponent=1.0):
    """A function drawing k distinct indexes of 0..n-1, index r with weight 1/(r+1)^exponent."""
    cumulative, total = [], 0.0
    for r in range(n):
        total += 1.0 / (r + 1) ** exponent
        cumulative.append(total)

    def pick(k):
        chosen = []
        while len(chosen) < k:
            i = bisect.bisect_left(cumulative, rnd.random() * total)
            if i not in chosen:
                chosen.append(i)
        return chosen
    return pick


def maker_pool(rnd):
    """POOL makers, each a dict of its fixed columns; the Zipf rank is the list order (shuffled)."""
    surnames = list(LAST_REAL)
    seen = {slugify(s) for s in surnames}
    while len(surnames) < 450:
        name = "".join(rnd.choice(SYLLABLES) for _ in range(rnd.choice([2, 2, 3]))).capitalize()
        if slugify(name) not in seen:
            seen.add(slugify(name))
            surnames.append(name)
    names, taken = [], set()
    houses = POOL // 4
    while len(names) < POOL - SAME_NAME_PAIRS:
        is_house = len(names) < houses
        name = (rnd.choice(HOUSE_FORMS).format(rnd.choice(surnames)) if is_house
                else f"{rnd.choice(FIRST)} {rnd.choice(surnames)}")
        if slugify(name) in taken:  # distinct people and houses never share a slug by accident
            continue
        taken.add(slugify(name))
        names.append((name, is_house))
    ulans = rnd.sample(range(500_000_000, 500_999_999), POOL)
    wikidata = rnd.sample(range(1_000, 99_000_000), POOL)
    makers = []
    for i, (name, is_house) in enumerate(names):
        makers.append(new_maker(rnd, i, name, is_house, ulans[i], wikidata[i]))
    # Different people of one name, each with a ULAN of their own (two records in the archive).
    people = [m for m in makers if not m["house"]]
    for twin in rnd.sample(people, SAME_NAME_PAIRS):
        twin["ulan"] = twin["ulan"] or f"http://vocab.getty.edu/page/ulan/{ulans[twin['index']]}"
        i = len(makers)
        makers.append(new_maker(rnd, i, twin["name"], False, ulans[i], wikidata[i], require_id=True))
    # One person written two ways (an accent dropped, a middle initial), joined by the same ids.
    with_ids = [m for m in makers if not m["house"] and m["ulan"] and fold(m["name"]) != m["name"]]
    for m in rnd.sample(with_ids, min(SPELT_TWO_WAYS, len(with_ids))):
        m["other_name"] = fold(m["name"])
    rnd.shuffle(makers)
    return makers


def new_maker(rnd, index, name, is_house, ulan, wikidata, require_id=False):
    nationality = rnd.choice(NATIONALITIES)
    city = rnd.choice(CITIES)[0]
    has_ulan = require_id or rnd.random() < 0.70
    has_wikidata = rnd.random() < (0.85 if has_ulan else 0.30)
    if is_house:
        begin = rnd.randint(1800, 2005)
        end = "9999" if rnd.random() < 0.6 else str(min(begin + rnd.randint(5, 120), 2024))
        if rnd.random() < 0.08:
            end = ""
        bio = f"{nationality}, founded {begin}" if end in ("9999", "") else f"{nationality}, {begin}–{end}"
        alpha = f"{name.split(' ', 2)[-1]}, {' '.join(name.split(' ')[:2])}" if name.startswith("House of") else name
        gender = ""
    else:
        begin = rnd.randint(1815, 1990)
        end = "9999" if begin > 1935 and rnd.random() < 0.6 else str(min(begin + rnd.randint(35, 95), 2024))
        died = "" if end == "9999" else f"–{end} {rnd.choice(CITIES)[0]}"
        bio = f"{nationality}, {city} {begin}{died}" if died else f"{nationality}, born {city}, {begin}"
        first, _, last = name.partition(" ")
        alpha = f"{last}, {first}"
        gender = "Female" if rnd.random() < 0.45 else ""
    begin = "" if rnd.random() < 0.02 else str(begin)
    return {"index": index, "name": name, "other_name": None, "house": is_house,
            "roles": HOUSE_ROLES if is_house else PERSON_ROLES, "role": rnd.choice(HOUSE_ROLES if is_house else PERSON_ROLES),
            "Constituent ID": str(160_000 + index), "Artist Display Bio": bio, "Artist Alpha Sort": alpha,
            "Artist Nationality": nationality, "Artist Begin Date": begin, "Artist End Date": end,
            "Artist Gender": gender,
            "ulan": f"http://vocab.getty.edu/page/ulan/{ulan}" if has_ulan else "",
            "wikidata": f"https://www.wikidata.org/wiki/Q{wikidata}" if has_wikidata else ""}


def tag_pool(rnd):
    aats = rnd.sample(range(300_000_000, 300_999_999), len(TAG_NAMES))
    qs = rnd.sample(range(100, 9_000_000), len(TAG_NAMES))
    tags = []
    for name, aat, q in zip(TAG_NAMES, aats, qs):
        r = rnd.random()
        tags.append({"name": name, "aat": "" if r < 0.08 else f"http://vocab.getty.edu/page/aat/{aat}",
                     "wikidata": "" if 0.08 <= r < 0.18 else f"https://www.wikidata.org/wiki/Q{q}"})
    return tags


def ordinal(n):
    return f"{n}{'st' if n % 10 == 1 and n != 11 else 'th'}"


def object_date(rnd):
    """(text, begin, end) in the forms the Met writes; begin and end as the Met indexes them."""
    y = rnd.randint(1750, 2020)
    form = rnd.random()
    if form < 0.30:
        return str(y), y, y
    if form < 0.50:
        return f"ca. {y}", y - 5, y + 5
    if form < 0.62 and y % 100 < 99:
        return f"{y}–{(y + 1) % 100:02d}", y, y + 1
    if form < 0.72:
        d = y - y % 10
        return f"{d}s", d, d + 9
    c = y // 100
    if form < 0.80:
        q = rnd.randrange(4)
        return f"{DATE_QUARTERS[q]} quarter {ordinal(c + 1)} century", c * 100 + 25 * q, c * 100 + 25 * q + 24
    if form < 0.86:
        return f"second half {ordinal(c + 1)} century", c * 100 + 50, c * 100 + 99
    if form < 0.90:
        return f"early {ordinal(c + 1)} century", c * 100, c * 100 + 32
    if form < 0.95 and y >= 1950:
        return f"{rnd.choice(['spring/summer', 'autumn/winter', 'Spring/Summer'])} {y}", y, y
    return f"{ordinal(c + 1)} century", c * 100, c * 100 + 99


def dimensions(rnd, category):
    inches = rnd.randint(4, 70)
    line = f"L. at CB: {inches} in. ({inches * 2.54:.1f} cm)" if category == "Costume" else \
        f"L.: {rnd.randint(3, 14)} {rnd.choice(['', '1/4 ', '1/2 ', '3/4 '])}in. ({rnd.uniform(8, 36):.1f} cm)".replace("  ", " ")
    r = rnd.random()
    if r < 0.06:
        return line + f"\r\nW. at waist: {rnd.randint(18, 34)} in. ({rnd.randint(45, 86)} cm)"
    if r < 0.07:
        return line + f"\nW.: {rnd.randint(2, 20)} in."
    if r < 0.12:
        return f"(a) {line}; (b) L.: {rnd.randint(2, 20)} in. ({rnd.uniform(5, 50):.1f} cm)"
    return line


def generate(path, rows, seed, object_wikidata):
    """Writes the CSV; returns what the archive should hold after importing it with met.json."""
    rnd = random.Random(seed)
    makers = maker_pool(rnd)
    tags = tag_pool(rnd)
    rnd.shuffle(tags)
    pick_maker = zipf_picker(rnd, len(makers))
    pick_tag = zipf_picker(rnd, len(tags))
    numbers, object_qs = set(), iter(rnd.sample(range(100_000_000, 120_000_000), rows))
    used_makers, used_tags, links, tag_links, no_makers = set(), set(), 0, 0, 0
    temporary = path + ".partial"
    with open(temporary, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, lineterminator="\r\n")
        out.writerow(HEADER)
        for i in range(rows):
            object_id = 156_201 + i
            accession = rnd.randint(1926, 2024)
            while True:
                number = (f"C.I.{accession % 100:02d}" if accession < 1975 else str(accession)) + \
                    f".{rnd.randint(1, 400)}.{rnd.randint(1, 60)}" + rnd.choice([""] * 8 + ["a, b", "a–c"])
                if number not in numbers:
                    numbers.add(number)
                    break
            name, classification = rnd.choice(OBJECTS)
            r = rnd.random()
            title = ("" if r < 0.20 else name if r < 0.70 else f"{name}, “{rnd.choice(TITLE_WORDS)}”" if r < 0.88
                     else f"“{rnd.choice(TITLE_WORDS)}” {name.lower()}" if r < 0.98 else f'{name}, "{rnd.choice(TITLE_WORDS)}" line')
            text, begin, end = object_date(rnd)
            if rnd.random() < 0.10:
                begin = end = ""
            city, country, region = rnd.choice(CITIES)
            public = rnd.random() < 0.55
            k = rnd.choices(range(len(MAKERS_PER_ROW)), MAKERS_PER_ROW)[0]
            chosen = [makers[j] for j in pick_maker(k)]
            artist = {column: [] for column in ARTIST}
            for m in chosen:
                used_makers.add(m["ulan"] or m["wikidata"] or slugify(m["name"]))
                artist["Constituent ID"].append(m["Constituent ID"])
                artist["Artist Role"].append(m["role"] if rnd.random() < 0.85 else rnd.choice(m["roles"]))
                artist["Artist Prefix"].append(rnd.choice(PREFIXES))
                artist["Artist Display Name"].append(m["other_name"] if m["other_name"] and rnd.random() < 0.3 else m["name"])
                artist["Artist Suffix"].append("" if rnd.random() < 0.97 else "for " + rnd.choice(makers)["name"])
                artist["Artist ULAN URL"].append(m["ulan"])
                artist["Artist Wikidata URL"].append(m["wikidata"])
                for column in ["Artist Display Bio", "Artist Alpha Sort", "Artist Nationality", "Artist Begin Date",
                               "Artist End Date", "Artist Gender"]:
                    artist[column].append(m[column])
            links += k
            no_makers += k == 0
            row_tags = [tags[j] for j in pick_tag(rnd.choices(range(len(TAGS_PER_ROW)), TAGS_PER_ROW)[0])]
            used_tags.update(t["name"] for t in row_tags)
            tag_links += len(row_tags)
            row = {
                "Object Number": number, "Is Highlight": "True" if rnd.random() < 0.02 else "False",
                "Is Timeline Work": "True" if rnd.random() < 0.01 else "False", "Is Public Domain": str(public),
                "Object ID": str(object_id), "Gallery Number": "980" if rnd.random() < 0.02 else "",
                "Department": "The Costume Institute" if rnd.random() < 0.93 else "European Sculpture and Decorative Arts",
                "AccessionYear": "" if rnd.random() < 0.03 else f"{accession}-03-25" if rnd.random() < 0.01 else str(accession),
                "Object Name": name, "Title": title,
                "Culture": chosen[0]["Artist Nationality"].split(" ")[0] if chosen else rnd.choice(NATIONALITIES).split(" ")[0],
                **{column: "|".join(values) for column, values in artist.items()},
                "Object Date": text, "Object Begin Date": str(begin), "Object End Date": str(end),
                "Medium": ", ".join(rnd.sample(MATERIALS, rnd.randint(1, 3))) + (" — embroidered" if rnd.random() < 0.1 else ""),
                "Dimensions": dimensions(rnd, classification),
                "Credit Line": (f"Gift of {rnd.choice(DONORS)}, {accession}" if rnd.random() < 0.7 else
                                f"Purchase, {rnd.choice(FUNDS)}, {accession}" if rnd.random() < 0.8 else
                                "Brooklyn Museum Costume Collection at The Metropolitan Museum of Art, Gift of the "
                                f"Brooklyn Museum, 2009; Gift of {rnd.choice(DONORS)}, {rnd.randint(1900, 1960)}"),
                "Geography Type": "Made in" if rnd.random() < 0.9 else "",
                "City": city if rnd.random() < 0.85 else "", "Country": country,
                "Region": region if rnd.random() < 0.08 else "",
                "Classification": "" if rnd.random() < 0.01 else classification,
                "Rights and Reproduction": f"© {chosen[0]['name']}" if chosen and not public and rnd.random() < 0.4 else "",
                "Link Resource": f"https://www.metmuseum.org/art/collection/search/{object_id}",
                "Object Wikidata URL": f"https://www.wikidata.org/wiki/Q{next(object_qs)}" if rnd.random() < object_wikidata else "",
                "Metadata Date": "3/4/2025 8:00:17 AM", "Repository": "Metropolitan Museum of Art, New York, NY",
                "Tags": "|".join(t["name"] for t in row_tags), "Tags AAT URL": "|".join(t["aat"] for t in row_tags),
                "Tags Wikidata URL": "|".join(t["wikidata"] for t in row_tags),
            }
            out.writerow([row.get(column, "") for column in HEADER])
    os.replace(temporary, path)
    return {"objects": rows, "designers": len(used_makers), "object_makers": links, "tags": len(used_tags),
            "object_tags": tag_links, "rows_without_makers": no_makers, "pool": len(makers), "tag_pool": len(tags),
            "csv_bytes": os.path.getsize(path)}


def data_file(rows, seed, object_wikidata):
    """/tmp/archive-bench/met-N/met-objects.csv, generated when missing or made by another version of this script."""
    folder = f"/tmp/archive-bench/met-{rows}"
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "met-objects.csv")
    manifest_path = os.path.join(folder, "manifest.json")
    with open(os.path.abspath(__file__), "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    key = {"rows": rows, "seed": seed, "object_wikidata": object_wikidata, "format": FORMAT_VERSION, "generator_sha256": digest}
    if os.path.exists(manifest_path) and os.path.exists(path):
        with open(manifest_path) as f:
            manifest = json.load(f)
        if all(manifest.get(k) == v for k, v in key.items()):
            log(f"data: {path} ({rows:,} rows, seed {seed}, made earlier)")
            return path, manifest
    log(f"data: generating {path} ({rows:,} rows, seed {seed})")
    started = time.perf_counter()
    manifest = {**key, **generate(path, rows, seed, object_wikidata)}
    with open(manifest_path, "w") as f:
        json.dump(manifest, f, indent=1)
    log(f"  generated in {time.perf_counter() - started:.1f} s, {manifest['csv_bytes'] / 1e6:.1f} MB")
    return path, manifest


# -- The benchmark -------------------------------------------------------------------------------------------------

def mappings(folder, breakdown):
    """(label, path) of met.json and of its copies without some of its splits, written to folder."""
    with open(MAPPING, encoding="utf-8") as f:
        full = json.load(f)
    variants = [("with makers", MAPPING, None), ("without", "met-no-split.json", [])]
    if breakdown:
        variants += [("makers only", "met-makers-only.json", ["Artist Display Name"]),
                     ("tags only", "met-tags-only.json", ["Tags"])]
    out = []
    for label, name, keep in variants:
        if keep is None:
            out.append((label, name))
            continue
        copy = dict(full)
        copy["split"] = [s for s in full["split"] if s["column"] in keep]
        if not copy["split"]:
            del copy["split"]
        path = os.path.join(folder, name)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(copy, f, ensure_ascii=False, indent=1)
        out.append((label, path))
    return out


def check(db, manifest, label):
    """What the archive holds against what the file holds: exits 1 unless every object arrived (no silent zeros);
    returns the other counts that differ (makers, tags and links), which the report states."""
    want = {"objects": manifest["objects"]}
    if label in ("with makers", "makers only"):
        want.update(designers=manifest["designers"], object_makers=manifest["object_makers"])
    if label in ("with makers", "tags only"):
        want.update(tags=manifest["tags"], object_tags=manifest["object_tags"])
    if label == "without":
        want.update(designers=0, object_makers=0, tags=0, object_tags=0)
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        got = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in want}
    finally:
        con.close()
    wrong = [f"{t} {got[t]:,} (the file names {want[t]:,})" for t in want if got[t] != want[t]]
    if got["objects"] != want["objects"] or any(got[t] == 0 < want[t] for t in want):
        raise Failure(f"{label}: {db} does not hold the file: " + ", ".join(wrong))
    for line in wrong:
        log(f"  {label}: {line}")
    return wrong


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--object-wikidata", type=float, default=0.05, metavar="FRACTION",
                    help="the share of rows with an Object Wikidata URL (default 0.05)")
    ap.add_argument("--breakdown", action="store_true", help="also time met.json with only its makers' or tags' split")
    ap.add_argument("--no-build", action="store_true", help="use the release binary already built")
    ap.add_argument("--smoke", action="store_true", help="CI: 2,000 rows, one run")
    args = ap.parse_args()
    if args.smoke:
        args.rows, args.runs = 2_000, 1
    try:
        bench(args)
    except Failure as e:
        print(f"met.py: {e}", file=sys.stderr)
        sys.exit(1)


def bench(args):
    with open(SAMPLE, newline="", encoding="utf-8") as f:
        if next(csv.reader(f)) != HEADER:
            raise Failure(f"HEADER is not the header of {SAMPLE}")
    if not args.no_build:
        lock = ["flock", "/tmp/swift-build.lock"] if shutil.which("flock") else []
        cmd = lock + ["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "archive"]
        log("$ " + " ".join(cmd))
        built = subprocess.run(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if built.returncode != 0:
            raise Failure(f"{' '.join(cmd)} exited {built.returncode}: {built.stderr[-4000:]}")
    binary = os.path.join(REPO, ".build", "release", "archive")
    rss_method = prepare_launcher()
    path, manifest = data_file(args.rows, args.seed, args.object_wikidata)
    work = f"/tmp/archive-bench/met-{args.rows}/work"
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    variants = mappings(work, args.breakdown)
    samples = {label: [] for label, _ in variants}
    samples["re-import"] = []
    sizes, differences = {}, {}

    def unchanged(stderr):
        return None if "nothing to change" in stderr else "the re-import changed the archive"

    for i in range(args.runs):
        # Alternate the order, so that neither side always runs on a warmer (or busier) machine.
        order = variants if i % 2 == 0 else list(reversed(variants))
        for label, mapping in order:
            db = os.path.join(work, f"{label.replace(' ', '-')}.sqlite")
            remove_db(db)
            s = measure([binary, "--db", db, "import", path, "--mapping", mapping])
            samples[label].append(s)
            sizes[label] = db_bytes(db)
            log(f"  run {i + 1}/{args.runs} {label}: {fmt_s(s.wall)}, {s.rss_kb / 1024:.0f} MB")
            if i == 0:
                differences[label] = check(db, manifest, label)
            if label == "with makers":
                s = measure([binary, "--db", db, "import", path, "--mapping", mapping], check_stderr=unchanged)
                samples["re-import"].append(s)
                sizes["re-import"] = db_bytes(db)
                log(f"  run {i + 1}/{args.runs} re-import: {fmt_s(s.wall)}, {s.rss_kb / 1024:.0f} MB")
            if label != "with makers":
                remove_db(db)
    report(args, manifest, samples, sizes, differences, rss_method)


def report(args, manifest, samples, sizes, differences, rss_method):
    stats = {label: stats_of(s) for label, s in samples.items()}
    names = {"with makers": "`met.json`: makers and tags zipped, fresh archive",
             "without": "`met.json` without its `split` list (no makers, no tags), fresh archive",
             "makers only": "`met.json` with only the makers' split, fresh archive",
             "tags only": "`met.json` with only the tags' split, fresh archive",
             "re-import": "`met.json` again into the archive it made (nothing changes)"}
    rows = []
    for label in ["with makers", "without", "makers only", "tags only", "re-import"]:
        if label not in stats:
            continue
        st = stats[label]
        each = " / ".join(f"{w:.2f}" for w in st.walls)
        rows.append([names[label], f"{fmt_s(st.median)}" + (f" ({each})" if len(st.walls) > 1 else ""),
                     f"{args.rows / st.median:,.0f}", f"{st.rss_max_mb:.0f} MB", f"{sizes[label] / 1e6:.1f} MB"])
    ratio = stats["with makers"].median / stats["without"].median
    rss = max(stats[label].rss_max_mb for label in ["with makers", "re-import"])
    print(f"## A Met-style open-access CSV through met.json (issue 21) — {args.rows:,} rows, "
          f"{args.runs} run{'s' if args.runs > 1 else ''}, medians\n")
    command = ["python3", "Benchmarks/met.py"] + (["--smoke"] if args.smoke else ["--rows", str(args.rows), "--runs", str(args.runs)])
    command += (["--object-wikidata", f"{args.object_wikidata:g}"] if args.object_wikidata != 0.05 else []) + (["--breakdown"] if args.breakdown else [])
    print(f"`{' '.join(command)}`: "
          f"{manifest['objects']:,} rows, CSV {manifest['csv_bytes'] / 1e6:.1f} MB (seed {args.seed}); "
          f"{manifest['object_makers']:,} maker places naming {manifest['designers']:,} makers of a pool of "
          f"{manifest['pool']:,} ({manifest['rows_without_makers']:,} rows without makers); "
          f"{manifest['object_tags']:,} tag places naming {manifest['tags']:,} tags; "
          f"{args.object_wikidata:.0%} of rows with an Object Wikidata URL. Peak RSS: {rss_method}.\n")
    print(table(["import", "wall", "rows/s", "peak RSS", "archive"], rows))
    print()
    print(table(["target (issue 21)", "measured", ""], [
        [f"with makers ≤ {TARGET_RATIO}× without", f"{ratio:.2f}× ({fmt_s(stats['with makers'].median)} / "
         f"{fmt_s(stats['without'].median)})", "met" if ratio <= TARGET_RATIO else "**missed**"],
        [f"peak RSS ≤ {TARGET_RSS_MB} MB (with makers, and its re-import)", f"{rss:.0f} MB",
         "met" if rss <= TARGET_RSS_MB else "**missed**"]]))
    for label, wrong in differences.items():
        if wrong:
            print(f"\nThe archive after {names[label].split(',')[0]} differs from the file: {', '.join(wrong)}.")


if __name__ == "__main__":
    main()
