#!/usr/bin/env python3
"""Builds dict/leaders.txt: dated office holders of every state and of the main IGOs.

Two sources are merged, country by country:

  1. the Phoenix actor dictionaries (PETRARCH-2, MIT licence): people with dated codes such as
     `[FRAGOV 950517-070516]`; roles of government (GOV and its sub-roles, which dyad codes as
     GOV), opposition (OPP), armed forces (MIL) and of the IGOs dyad knows (igos.txt) are kept
     when the office lasted into 1990 or later;
  2. a hand-written list of later office holders (scripts/leaders_recent.txt, dyad's own
     `CODE person FROM..TO = phrase | ...` lines), which wins where the two disagree.

People already in the other dict/*.txt files are left to those files: a Phoenix person one of
whose full names is there is skipped, and a phrase of ours that some other file already uses is
dropped. A phrase that two people of ours share is dropped from both (it names no one). A bare
one-word name is kept only when it is distinctive: not an English word seen in lower case in the
reference texts, no one's given name, no place, and no other listed person's name part during an
overlapping period.

Usage: python3 scripts/phoenix_people.py [--phoenix DIR] [--recent FILE] [--dict DIR] [-o FILE]
Python 3 standard library only.
"""
import argparse
import datetime as dt
import os
import re
import sys
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PHOENIX = "/work/shared/reference/petrarch2-dictionaries"

START = dt.date(1990, 1, 1)        # offices that ended before this are left out
OPEN_CAP = dt.date(2015, 6, 30)    # a Phoenix range left open ("in office at the time") ends here
MIN = dt.date.min
MAX = dt.date.max

# Phoenix country codes that are not dyad's
CODE_MAP = {"KSV": "XKX", "TMP": "TLS", "YUG": "SRB", "FRY": "SRB", "SCG": "SRB",
            "USR": "RUS", "SUN": "RUS", "CSK": "CZE"}
# Phoenix IGO codes (by prefix, longest first) and dyad's codes for them; None = leave out
IGO_MAP = [("IGOEUREEC", None),          # the rotating EU presidency: a national leader's term
           ("IGOUNODEVWBK", "IGOWBK"), ("IGOUNOWBK", "IGOWBK"), ("IGOWBK", "IGOWBK"),
           ("IGOBUSIMF", "IGOIMF"), ("IGOUNOIMF", "IGOIMF"), ("IGOIMF", "IGOIMF"),
           ("IGOBUSWTO", "IGOWTO"), ("IGOWTO", "IGOWTO"),
           ("IGOBUSOPC", "IGOOPC"), ("IGOOPC", "IGOOPC"),
           ("IGOASADEVADB", "IGOADB"),
           ("IGOWSTNAT", "IGONATO"), ("IGONAT", "IGONATO"),
           ("IGOAFRAFU", "IGOAFR"), ("IGOAFR", "IGOAFR"),
           ("IGOSEAASN", "IGOASN"), ("IGOASN", "IGOASN"),
           ("IGOARL", "IGOARL"), ("IGOARB", "IGOARL"),
           ("IGOGCC", "IGOGCC"), ("IGOOIC", "IGOOIC"), ("IGOOAS", "IGOOAS"),
           ("IGOWSTOAS", "IGOOAS"), ("IGOOSCE", "IGOOSCE"), ("IGOEURCOE", "IGOCOE"),
           ("IGOEUR", "IGOEU"), ("IGOEU", "IGOEU"),
           ("IGOUNO", "IGOUNO")]

# leading words that make a synonym a title plus a name ("PRESIDENT_KARZAI_"): dyad joins a
# title to the name itself, so such synonyms are not needed
TITLES = {"president", "prime", "foreign", "minister", "defense", "defence", "interior", "general",
          "gen", "gen.", "dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "acting", "vice",
          "deputy", "secretary", "senator", "sen", "ambassador", "chancellor", "premier",
          "chairman", "chief", "colonel", "col", "lt", "major", "maj", "marshal", "field",
          "admiral", "adm", "brigadier", "commander", "lieutenant", "captain", "capt", "former",
          "un", "u.n.", "united", "nato", "eu", "governor", "gov", "rep", "representative",
          "mayor", "speaker", "judge", "justice", "leader", "opposition", "new", "ex", "the",
          "finance", "trade", "home", "state", "his", "her", "attorney", "late", "crown",
          "honorable", "hon", "rev", "reverend", "pm", "fm", "sir", "lord", "lady", "dame",
          "baroness", "baron", "first", "ayatollah", "grand", "mullah", "imam", "pope"}
# particles written in lower case inside a name
PARTICLES = {"al", "el", "bin", "ibn", "bint", "de", "da", "das", "do", "dos", "du", "van", "von",
             "der", "den", "la", "le", "y", "e", "ter", "ould", "ag", "abu", "ben"}
# words that never stand alone for a person however rare they are in the reference texts
STOP = {"roman", "loum", "villavicencio", "holguin", "holguín", "iloilo", "reno",  # cities in dict/places.txt
        "young", "rice", "mark", "rama", "may", "king", "brown", "white", "black", "green", "rose",
        "hope", "grant", "bush", "lee", "kim", "khan", "singh", "park", "moon", "love", "long",
        "wing", "chan", "wong", "song", "hill", "price", "cash", "little", "small", "good", "best",
        "rich", "power", "major", "prince", "duke", "earl", "pope", "bishop", "abbott", "mayor",
        "baker", "cook", "hunter", "fisher", "miller", "smith", "taylor", "walker", "wood",
        "ward", "bell", "lord", "noble", "sharp", "frank", "free", "gray", "grey", "may",
        "mohammad", "mohammed", "muhammad", "mohamed", "ahmed", "ahmad", "ali", "hassan", "hasan",
        "hussein", "husain", "abdullah", "abdallah", "ibrahim", "ismail", "omar", "umar", "salem",
        "saleh", "khalid", "khaled", "said", "sayed", "mahmoud", "mustafa", "yusuf", "youssef",
        "jose", "juan", "maria", "luis", "carlos", "john", "james", "david", "peter", "paul",
        "martin", "thomas", "jean", "pierre", "michel", "george", "charles", "louis", "victor",
        "nguyen", "tran", "wang", "zhang", "liu", "chen", "yang", "huang", "zhao", "zhou", "sun",
        "garcia", "lopez", "rodriguez", "gonzalez", "hernandez", "perez", "sanchez", "ramirez",
        "diaz", "martinez", "gomez", "fernandez", "silva", "santos", "costa", "pereira", "jones",
        "williams", "johnson", "davis", "wilson", "anderson", "jackson", "thompson", "harris",
        "clark", "lewis", "robinson", "scott", "adams", "campbell", "mitchell", "roberts",
        "turner", "phillips", "evans", "edwards", "collins", "stewart", "morris", "rogers",
        "reed", "murphy", "bailey", "cooper", "howard", "cox", "richardson", "wright", "king",
        "hall", "allen", "nelson", "carter", "moore", "lopes", "sall", "diallo", "traore",
        "toure", "keita", "kone", "camara", "sylla", "diop", "ndiaye", "fall", "ba", "sow",
        "kaba", "bah", "barry", "cisse", "coulibaly", "ouattara", "kabore", "sawadogo",
        "banda", "phiri", "mwale", "moyo", "ncube", "dube", "mensah", "boateng", "owusu",
        "kamara", "koroma", "sesay", "conteh", "johnson", "sirleaf", "taylor", "doe",
        "abdi", "hassan", "farah", "aden", "osman", "hamid", "rashid", "nasser", "aziz", "karim",
        "rahman", "haq", "hoque", "islam", "uddin", "ahmed", "chowdhury", "shah", "malik", "butt",
        "qureshi", "chaudhry", "sharif", "kumar", "das", "rao", "reddy", "gupta", "patel", "shah",
        "tan", "lim", "ng", "goh", "ong", "teo", "yeo", "koh", "lai", "ho", "ma", "hu", "xu",
        "guo", "he", "gao", "lin", "luo", "zheng", "liang", "xie", "song", "tang", "han", "feng",
        "deng", "cao", "peng", "zeng", "xiao", "tian", "dong", "pan", "yuan", "cai", "jiang",
        "yu", "du", "ye", "cheng", "wei", "su", "lu", "ding", "ren", "shen", "yao", "zhu",
        "jin", "choi", "jung", "kang", "cho", "yoon", "jang", "lim", "shin", "kwon", "hwang",
        "ahn", "yoo", "ko", "moon", "yang", "son", "bae", "baek", "heo", "nam", "sim", "noh",
        "ha", "kwak", "sung", "cha", "joo", "woo", "min", "ryu", "na", "jeon", "hong",
        "suzuki", "tanaka", "watanabe", "ito", "yamamoto", "nakamura", "kobayashi", "kato",
        "sato", "takahashi", "yoshida", "yamada", "sasaki", "yamaguchi", "matsumoto", "inoue",
        "kimura", "hayashi", "shimizu", "yamazaki", "mori", "ikeda", "hashimoto", "ishikawa",
        "ogawa", "okada", "goto", "hasegawa", "murakami", "kondo", "ishii", "saito", "sakamoto",
        "endo", "aoki", "fujita", "nishimura", "fukuda", "ota", "miura", "fujiwara", "okamoto",
        "matsuda", "nakagawa", "nakano", "harada", "ono", "tamura", "takeuchi", "kaneko",
        "wada", "ishida", "ueda", "morita", "hara", "shibata", "sakai", "kudo", "yokoyama",
        "miyazaki", "miyamoto", "uchida", "takagi", "ando", "taniguchi", "ohno", "maruyama",
        "imai", "takada", "fujii", "takeda", "murata", "ueno", "sugiyama", "masuda", "sugawara",
        "hirano", "otsuka", "chiba", "kubo", "matsui", "iwasaki", "sakurai", "kinoshita",
        "noguchi", "matsuo", "nomura", "kikuchi", "sano", "onishi", "sugimoto", "arai",
        "petrov", "ivanov", "smirnov", "kuznetsov", "popov", "sokolov", "lebedev", "kozlov",
        "novikov", "morozov", "volkov", "solovyov", "vasiliev", "zaitsev", "pavlov", "semenov",
        "golubev", "vinogradov", "bogdanov", "vorobyov", "fedorov", "mikhailov", "belyaev",
        "tarasov", "belov", "komarov", "orlov", "kiselev", "makarov", "andreev", "kovalev",
        "ilyin", "gusev", "titov", "kuzmin", "kudryavtsev", "baranov", "kulikov", "alekseev",
        "stepanov", "yakovlev", "sorokin", "sergeev", "romanov", "zakharov", "borisov",
        "korolev", "gerasimov", "ponomarev", "grigoriev", "lazarev", "medvedev", "ershov",
        "nikitin", "sobolev", "ryabov", "polyakov", "tsvetkov", "danilov", "zhukov", "frolov",
        "zhuravlev", "nikolaev", "krylov", "maksimov", "sidorov", "osipov", "belousov",
        "fedotov", "dorofeev", "egorov", "matveev", "bobrov", "dmitriev", "kalinin", "anisimov",
        "petukhov", "antonov", "timofeev", "nikiforov", "veselov", "filippov", "markov",
        "bolshakov", "sukhanov", "mironov", "shiryaev", "aleksandrov", "konovalov",
        "shestakov", "kazakov", "efimov", "denisov", "gromov", "fomin", "davydov", "melnikov",
        "shcherbakov", "blinov", "kolesnikov", "karpov", "afanasiev", "vlasov", "maslov",
        "isakov", "tikhonov", "aksenov", "gavrilov", "rodionov", "kotov", "gorbunov", "kudryashov",
        "bykov", "zuev", "tretyakov", "savelyev", "panov", "rybakov", "suvorov", "abramov",
        "voronov", "mukhin", "arkhipov", "trofimov", "martynov", "emelyanov", "gorshkov",
        "chernov", "ovchinnikov", "seleznev", "panfilov", "kopylov", "mikheev", "galkin",
        "nazarov", "lobanov", "lukin", "belyakov", "potapov", "nekrasov", "khokhlov", "zhdanov",
        "naumov", "shilov", "vorontsov", "ermakov", "drozdov", "ignatiev", "savin", "loginov",
        "safonov", "kapustin", "kirillov", "moiseev", "eliseev", "koshelev", "kostin", "gorbachev",
        "orekhov", "efremov", "isaev", "evdokimov", "kalashnikov", "kabanov", "noskov",
        "yudin", "kulagin", "lapin", "prokhorov", "nesterov", "kharitonov", "agafonov",
        "muravyov", "laptev", "filatov", "myasnikov", "tretyakov", "kovalenko", "bondarenko",
        "shevchenko", "tkachenko", "kravchenko", "oliynyk", "shevchuk", "koval", "polishchuk",
        "bondar", "tkachuk", "moroz", "marchenko", "lysenko", "rudenko", "savchenko",
        "petrenko", "melnyk", "boyko", "kovalchuk", "pavlenko", "kuzmenko", "levchenko",
        "muller", "schmidt", "schneider", "fischer", "weber", "meyer", "wagner", "becker",
        "schulz", "hoffmann", "koch", "richter", "klein", "wolf", "schroeder", "neumann",
        "schwarz", "zimmermann", "braun", "kruger", "hofmann", "hartmann", "lange", "schmitt",
        "werner", "krause", "meier", "lehmann", "schmid", "schulze", "maier", "kohler",
        "herrmann", "walter", "konig", "mayer", "huber", "kaiser", "fuchs", "peters", "lang",
        "scholz", "moller", "weiss", "jung", "hahn", "vogel", "friedrich", "keller", "gunther",
        "frank", "berger", "winkler", "roth", "beck", "lorenz", "baumann", "franke", "albrecht",
        "ludwig", "schumacher", "simon", "bernard", "dubois", "durand", "leroy", "moreau",
        "laurent", "lefebvre", "michel", "garcia", "david", "bertrand", "roux", "vincent",
        "fournier", "morel", "girard", "andre", "lefevre", "mercier", "dupont", "lambert",
        "bonnet", "francois", "martinez", "legrand", "garnier", "faure", "rousseau", "blanc",
        "guerin", "muller", "henry", "roussel", "nicolas", "perrin", "morin", "mathieu",
        "clement", "gauthier", "dumont", "lopez", "fontaine", "chevalier", "robin", "rossi",
        "russo", "ferrari", "esposito", "bianchi", "romano", "colombo", "ricci", "marino",
        "greco", "bruno", "gallo", "conti", "costa", "giordano", "mancini", "rizzo", "lombardi",
        "moretti", "barbieri", "fontana", "santoro", "mariani", "rinaldi", "caruso", "ferrara",
        "galli", "martini", "leone", "longo", "gentile", "martinelli", "vitale", "lombardo",
        "serra", "coppola", "de", "van", "jansen", "visser", "smit", "meijer", "bakker",
        "mulder", "bos", "vos", "peters", "hendriks", "dekker", "brouwer", "dijkstra",
        "nielsen", "jensen", "hansen", "pedersen", "andersen", "christensen", "larsen",
        "sorensen", "rasmussen", "jorgensen", "petersen", "madsen", "kristensen", "olsen",
        "thomsen", "christiansen", "poulsen", "johansen", "moller", "mortensen", "johansson",
        "andersson", "karlsson", "nilsson", "eriksson", "larsson", "olsson", "persson",
        "svensson", "gustafsson", "pettersson", "jonsson", "lindberg", "lindstrom",
        "lindqvist", "lindgren", "berg", "axelsson", "bergstrom", "lundberg", "lind",
        "nowak", "kowalski", "wisniewski", "wojcik", "kowalczyk", "kaminski", "lewandowski",
        "zielinski", "szymanski", "wozniak", "dabrowski", "kozlowski", "jankowski", "mazur",
        "kwiatkowski", "krawczyk", "kaczmarek", "piotrowski", "grabowski", "yilmaz", "kaya",
        "demir", "sahin", "celik", "yildiz", "yildirim", "ozturk", "aydin", "ozdemir",
        "arslan", "dogan", "kilic", "aslan", "cetin", "kara", "koc", "kurt", "ozkan", "simsek",
        "cohen", "levi", "levy", "mizrahi", "peretz", "biton", "friedman", "katz", "azoulay",
        "silva", "santos", "oliveira", "souza", "rodrigues", "ferreira", "alves", "pereira",
        "lima", "gomes", "ribeiro", "carvalho", "almeida", "lopes", "soares", "fernandes",
        "vieira", "barbosa", "rocha", "dias", "nascimento", "andrade", "moreira", "nunes",
        "marques", "machado", "mendes", "freitas", "cardoso", "ramos", "goncalves", "santana",
        "teixeira", "araujo", "cruz", "reyes", "morales", "flores", "rivera", "torres",
        "ramos", "castillo", "ortiz", "vargas", "romero", "herrera", "medina", "aguilar",
        "jimenez", "moreno", "ruiz", "alvarez", "mendoza", "castro", "vasquez", "vazquez",
        "guzman", "rojas", "navarro", "munoz", "gutierrez", "chavez", "salazar", "soto",
        "contreras", "silva", "sandoval", "espinoza", "valdez", "nunez", "pena", "gil",
        "blanco", "molina", "delgado", "campos", "vega", "cabrera", "cortes", "guerrero",
        "prieto", "suarez", "marin", "leon", "cano", "serrano", "duran", "lozano", "iglesias",
        "santiago", "benitez", "mora", "calderon", "figueroa", "acosta", "pacheco", "rios",
        "avila", "dominguez", "fuentes", "ibarra", "mejia", "orozco", "paz", "bravo", "sierra",
        "estrada", "carrasco", "miranda", "ortega", "luna", "pineda", "velasquez", "zamora",
        "correa", "quintero", "garza", "vera", "ochoa", "rosales", "montoya", "arias",
        "cardenas", "villa", "ayala", "lara", "escobar", "solis", "pizarro", "bermudez",
        "ponce", "rubio", "maldonado", "cuevas", "vidal", "mendez", "aguirre", "mora",
        "ramon", "juarez", "osorio", "franco", "sosa", "toledo", "valencia", "bautista",
        "pham", "le", "vu", "vo", "dang", "bui", "do", "ho", "ngo", "duong", "ly", "phan",
        "hoang", "huynh", "truong", "dinh", "mai", "trinh", "lam", "luong", "kham",
        "haddad", "khoury", "hamdan", "mansour", "nassar", "saad", "yousef", "ayoub",
        "obeid", "awad", "abbas", "jaber", "salameh", "khalil", "hamad", "suleiman", "sulaiman",
        "othman", "uthman", "bakr", "zayed", "nahyan", "thani", "sabah", "khalifa", "faisal",
        "fahd", "saud", "sultan", "talal", "turki", "nayef", "bandar", "majid", "mansur",
        "walid", "tariq", "yasin", "yassin", "jamal", "kamal", "adel", "adil", "amin",
        "amine", "anwar", "ashraf", "bashir", "fawzi", "habib", "hani", "hatem", "hazem",
        "hisham", "jalal", "kareem", "lutfi", "maher", "mazen", "munir", "nabil", "nader",
        "naguib", "nasr", "raed", "ramzi", "riad", "riyad", "sami", "samir", "sharif",
        "shukri", "talaat", "tawfik", "wael", "wassim", "yahya", "yasser", "zaki", "ziad",
        "musa", "moussa", "issa", "isa", "yakub", "daud", "dawood", "nuh", "idris", "harun",
        "haroun", "sulayman", "ilyas", "ayub", "yunus", "zakaria", "zakariya", "hamza",
        "hamzah", "bilal", "usman", "osama", "usama", "abdel", "abdul", "abd", "abu",
        "wade", "kemal", "loong", "maris", "shiuan", "mutua", "terragno"}


def fold(s):
    """Lower case without accents, hyphens and underscores as spaces: dyad's matching form."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"(?<=\w)[-\u2010\u2011](?=\w)", " ", s)
    s = s.replace("_", " ")
    s = re.sub(r"\s+", " ", s).strip()
    if s.startswith("the ") and len(s) > 4:
        s = s[4:]
    return s


def words(s):
    return re.findall(r"[a-z0-9][a-z0-9'.]*", fold(s))


# ---------------------------------------------------------------------------------------------
# dates

def pdate(s, end=False):
    """A Phoenix date: YYMMDD or YYYYMMDD. None when malformed."""
    s = s.strip()
    if len(s) == 6:
        yy = int(s[:2])
        y = 2000 + yy if yy < 30 else 1900 + yy
        m, d = int(s[2:4]), int(s[4:6])
    elif len(s) == 8:
        y, m, d = int(s[:4]), int(s[4:6]), int(s[6:8])
    else:
        return None
    if m == 0:
        m = 12 if end else 1
    if d == 0:
        d = 31 if end else 1
    for dd in (d, 30, 29, 28):
        try:
            return dt.date(y, m, dd)
        except ValueError:
            continue
    return None


def iso(d):
    return "" if d in (MIN, MAX) else d.isoformat()


def parse_range_iso(r):
    a, _, b = r.partition("..")
    return (dt.date.fromisoformat(a) if a else MIN, dt.date.fromisoformat(b) if b else MAX)


# ---------------------------------------------------------------------------------------------
# reading Phoenix

CODE_RE = re.compile(r"\[([A-Z-]{3,})\s*([<>]?)\s*(\d{6,8})?(?:\s*-\s*(\d{6,8}))?\s*\]")


def read_phoenix(path):
    """Yields (names, codes) per actor entry: names as written, codes as (code, from, to, open)."""
    names, codes = [], []
    with open(path, encoding="utf-8", errors="replace") as f:
        for raw in f:
            line = raw.rstrip("\n")
            body = line.split("#", 1)[0] if not line.lstrip().startswith("[") else line.split("#", 1)[0]
            st = body.strip()
            if not st:
                continue
            if st.startswith("["):
                codes.extend(CODE_RE.findall(st))
                continue
            if st.startswith("+"):
                names.append(st[1:].split("[", 1)[0].strip())
                codes.extend(CODE_RE.findall(st))
                continue
            # a new entry's first name (maybe with codes on the same line)
            if names or codes:
                yield names, codes
            names = [st.split("[", 1)[0].strip()]
            codes = list(CODE_RE.findall(st))
    if names or codes:
        yield names, codes


def map_code(code):
    """A Phoenix code -> the dyad code for the role, or None."""
    if code.startswith("IGO"):
        for pre, to in IGO_MAP:
            if code.startswith(pre):
                return to
        return None
    if len(code) < 6:
        return None
    ctry, role = code[:3], code[3:6]
    ctry = CODE_MAP.get(ctry, ctry)
    if role == "GOV":
        return ctry + "GOV"
    if role in ("OPP", "MIL"):
        return ctry + role
    return None


def nice_name(raw):
    """JACQUES_CHIRAC_ -> Jacques Chirac; AL-ASSAD -> al-Assad."""
    toks = [t for t in raw.strip().strip("_").split("_") if t]
    out = []
    for i, t in enumerate(toks):
        parts = t.split("-")
        np = []
        for j, p in enumerate(parts):
            lp = p.lower()
            if (i > 0 or j > 0) and lp in PARTICLES and not (i == len(toks) - 1 and j == len(parts) - 1):
                np.append(lp)
            elif re.fullmatch(r"[A-Z]\.?", p):
                np.append(p)
            else:
                w = lp[:1].upper() + lp[1:]
                w = re.sub(r"(?<=')([a-z])", lambda m: m.group(1).upper(), w) if w.startswith("O'") else w
                if w.startswith("Mc") and len(w) > 2:
                    w = "Mc" + w[2].upper() + w[3:]
                np.append(w)
        out.append("-".join(np))
    return " ".join(out)


# ---------------------------------------------------------------------------------------------
# intervals

def paint(ranges):
    """ranges: [(from, to, code, prio)] -> non-overlapping [(from, to, code)]; higher prio wins
    over an overlap, and a person's lines under different codes never share a day."""
    # merge same code
    by = defaultdict(list)
    for a, b, c, p in ranges:
        by[(c, p)].append((a, b))
    merged = []
    for (c, p), rs in by.items():
        rs.sort()
        cur = None
        for a, b in rs:
            if cur and a <= (cur[1] + dt.timedelta(days=1) if cur[1] != MAX else MAX):
                cur = (cur[0], max(cur[1], b))
            else:
                if cur:
                    merged.append((cur[0], cur[1], c, p))
                cur = (a, b)
        if cur:
            merged.append((cur[0], cur[1], c, p))
    # paint by priority: cut lower-priority pieces around higher ones
    merged.sort(key=lambda r: -r[3])
    placed = []
    for a, b, c, p in merged:
        pieces = [(a, b)]
        for pa, pb, pc, pp in placed:
            nxt = []
            for x, y in pieces:
                if y < pa or x > pb:
                    nxt.append((x, y))
                    continue
                if pc == c:      # same code, lower priority: absorbed
                    if x < pa:
                        nxt.append((x, pa - dt.timedelta(days=1)))
                    if y > pb:
                        nxt.append((pb + dt.timedelta(days=1), y))
                    continue
                if x < pa:
                    nxt.append((x, pa - dt.timedelta(days=1)))
                if y > pb:
                    nxt.append((pb + dt.timedelta(days=1), y))
            pieces = nxt
        for x, y in pieces:
            if x <= y:
                placed.append((x, y, c, p))
    # join touching pieces of one code again
    placed.sort(key=lambda r: (r[0], r[1]))
    out = []
    for a, b, c, p in placed:
        if out and out[-1][2] == c and out[-1][1] != MAX and out[-1][1] + dt.timedelta(days=1) >= a:
            out[-1] = (out[-1][0], max(out[-1][1], b), c)
        else:
            out.append((a, b, c))
    return out


# ---------------------------------------------------------------------------------------------

class Person:
    def __init__(self, src):
        self.src = src              # "phoenix" or "recent"
        self.names = []             # display forms, first is the full name
        self.ranges = []            # (from, to, code, prio, comment)
        self.comments = {}          # (from, to, code) -> comment (recent lines)
        self.open_capped = set()    # ranges whose end was an open Phoenix end
        self.keys = set()
        self.leader = False

    def add_name(self, n):
        k = fold(n)
        if k and k not in self.keys:
            self.keys.add(k)
            self.names.append(n)


def load_dict_phrases(dictdir, skip):
    """fold(phrase) -> list of (code, kind, from, to) for every actor line of the other files."""
    out = defaultdict(list)
    for fn in sorted(os.listdir(dictdir)):
        if not fn.endswith(".txt") or fn == skip:
            continue
        for line in open(os.path.join(dictdir, fn), encoding="utf-8"):
            s = re.split(r"(?:^|\s)#", line, 1)[0].strip()
            if "=" not in s:
                continue
            head, rest = s.split("=", 1)
            f = head.split()
            if len(f) < 2 or f[1] not in ("country", "adj", "capital", "metonym", "igo", "group",
                                          "person", "place", "city"):
                continue
            a, b = (parse_range_iso(f[2]) if len(f) == 3 else (MIN, MAX))
            for ph in rest.split("|"):
                k = fold(ph)
                if k:
                    out[k].append((f[0], f[1], a, b))
    return out


def reference_vocab(extra_files):
    """Words seen in lower case in running text of the reference files: ordinary English."""
    vocab = set()
    for p in extra_files:
        if not os.path.exists(p):
            continue
        with open(p, encoding="utf-8", errors="replace") as f:
            for line in f:
                for w in re.findall(r"(?<![A-Za-z'])[a-z][a-z']+", line):
                    vocab.add(w)
    return vocab


def read_recent(path):
    """The hand-written lines: CODE person FROM..TO = phrases # comment. Returns [Person]."""
    people = []
    byname = {}
    if not path or not os.path.exists(path):
        return people
    for ln, line in enumerate(open(path, encoding="utf-8"), 1):
        m = re.match(r"\s*([A-Z]{3,15})\s+person\s+(\S*\.\.\S*)\s*=\s*([^#]*?)\s*(?:#\s*(.*))?$", line)
        if not m:
            if line.strip() and not line.strip().startswith("#"):
                print(f"{path}:{ln}: not a person line", file=sys.stderr)
            continue
        code, rng, phr, com = m.groups()
        a, b = parse_range_iso(rng)
        names = [p.strip() for p in phr.split("|") if p.strip()]
        key = fold(names[0])
        p = byname.get(key)
        if not p:
            p = Person("recent")
            byname[key] = p
            people.append(p)
        for n in names:
            p.add_name(n)
        p.ranges.append((a, b, code, 2))
        if com:
            p.comments[(a, b, code)] = com.strip()
    return people


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--phoenix", default=PHOENIX)
    ap.add_argument("--recent", default=os.path.join(HERE, "leaders_recent.txt"))
    ap.add_argument("--dict", default=os.path.join(ROOT, "dict"))
    ap.add_argument("-o", "--out", default=os.path.join(ROOT, "dict", "leaders.txt"))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()

    outname = os.path.basename(args.out)
    dict_phr = load_dict_phrases(args.dict, outname)
    dict_multi = {k for k in dict_phr if " " in k}
    vocab = reference_vocab([
        os.path.join(args.phoenix, "CAMEO.verbpatterns.150430.txt"),
        os.path.join(args.phoenix, "Phoenix.agents.txt"),
        os.path.join(args.phoenix, "Phoenix.discards.txt"),
        "/work/shared/conformance/petrarch2-gsr-validation.tsv",
        "/work/shared/conformance/petrarch2-validation.tsv",
        os.path.join(args.dict, "verbs.txt"), os.path.join(args.dict, "agents.txt"),
        os.path.join(args.dict, "grammar.txt"),
    ] + [os.path.join(ROOT, "docs", f) for f in (os.listdir(os.path.join(ROOT, "docs"))
                                                  if os.path.isdir(os.path.join(ROOT, "docs")) else [])])
    # the PETRARCH files write patterns in capitals: their words count too
    for fn in ("CAMEO.verbpatterns.150430.txt", "Phoenix.agents.txt"):
        p = os.path.join(args.phoenix, fn)
        if os.path.exists(p):
            for line in open(p, encoding="utf-8", errors="replace"):
                if line.lstrip().startswith("-") or line.lstrip().startswith("&") or line.lstrip().startswith("+"):
                    for w in re.findall(r"[A-Z][A-Z']+", line):
                        vocab.add(w.lower())

    # ---- Phoenix people ----
    places = set()          # words of place and country names
    given = set()           # first words of every person's multi-word names
    given_n = defaultdict(int)
    phoenix = []
    skipped_known = 0
    for fn in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt"):
        path = os.path.join(args.phoenix, fn)
        for names, codes in read_phoenix(path):
            dated = [c for c in codes if c[2] or c[3]]
            if not dated:
                for c in codes:      # an undated country code: a place or a country name
                    if re.fullmatch(r"[A-Z]{3}", c[0]) or c[0] in ("---",):
                        for n in names:
                            places.update(words(n.replace("_", " ")))
                continue
            for n in names:
                ws = words(n.replace("_", " "))
                ws = [w for w in ws if w not in TITLES]
                if len(ws) > 1:
                    given.add(ws[0])
                    given_n[ws[0]] += 1
            p = Person("phoenix")
            # CountryInfo lists heads of state and government with "elite" (ELI) spells around
            # their office: those get a bare surname as well, if it is distinctive
            p.leader = any(c[0][3:6] == "ELI" for c in codes)
            for code, op, d1, d2 in codes:
                dc = map_code(code)
                if not dc or not (d1 or d2):
                    continue
                if op == ">":
                    a, b, opn = pdate(d1), MAX, True
                elif op == "<":
                    a, b, opn = MIN, pdate(d1, True), False
                else:
                    a = pdate(d1) if d1 else MIN
                    b = pdate(d2, True) if d2 else MAX
                    opn = not d2
                    if a and b and a > b and d1 and len(d1) == 6:   # a 19xx start read as 20xx
                        a = a.replace(year=a.year - 100)
                if a is None or b is None or a > b:
                    continue
                if opn:
                    b = max(OPEN_CAP, a)
                    p.open_capped.add((a, b, dc))
                if b < START:
                    continue
                p.ranges.append((a, b, dc, 1))
            if not p.ranges:
                continue
            for n in names:
                if not n or "/" in n:
                    continue
                ws = n.strip("_").split("_")
                if ws and ws[0].lower().rstrip(".") in TITLES | {"the"}:
                    continue
                nm = nice_name(n)
                if re.search(r"\b(Ministry|Government|Council|Party|Army|Forces|Committee|Office|"
                             r"Commission|Agency|Assembly|Parliament|Court|Union|Bank|Organi[sz]ation|"
                             r"Department|Administration|Authority|Front|Movement|Republic|Kingdom|"
                             r"Junta|Regime|Cabinet|Presidency|Secretariat|Mission|Coalition)\b", nm):
                    p.ranges = []
                    break
                p.add_name(nm)
            if p.ranges and p.names and p.leader:
                ws = p.names[0].replace("-", " ").split()
                if len(ws) > 1 and ws[-1].lower() not in PARTICLES and len(ws[-1]) > 3:
                    p.add_name(ws[-1])
            if not p.ranges or not p.names:
                continue
            # a person already in the other files is theirs
            if any(k in dict_multi for k in p.keys if " " in k):
                skipped_known += 1
                continue
            phoenix.append(p)

    # one Phoenix person may be listed twice (two spellings with shared names): join them
    byk = {}
    joined = []
    for p in phoenix:
        hit = next((byk[k] for k in p.keys if " " in k and k in byk), None)
        hc = {c[:3] for _, _, c, _ in hit.ranges} if hit is not None else set()
        pc = {c[:3] for _, _, c, _ in p.ranges}
        if hit is not None and (hc & pc or "IGO" in hc | pc):
            for n in p.names:
                hit.add_name(n)
            hit.ranges.extend(p.ranges)
            hit.open_capped |= p.open_capped
            for k in hit.keys:
                byk.setdefault(k, hit)
            continue
        for k in p.keys:
            byk.setdefault(k, p)
        joined.append(p)
    phoenix = joined

    # ---- the hand-written list, joined to Phoenix people with the same full name ----
    recent = read_recent(args.recent)
    people = []
    rec_keys = {}
    for r in recent:
        for k in r.keys:
            if " " in k:
                rec_keys.setdefault(k, r)
    for r in recent:
        for n in r.names:
            ws = words(n)
            if len(ws) > 1:
                given.add(ws[0])
    for p in phoenix:
        r = next((rec_keys[k] for k in p.keys if " " in k and k in rec_keys), None)
        if r is not None:
            # the later list knows how an open office ended: drop Phoenix's guessed end
            rs = []
            for a, b, c, pr in p.ranges:
                if (a, b, c) in p.open_capped:
                    b2 = None
                    for ra, rb, rc, _ in r.ranges:
                        if rc == c and ra <= a + dt.timedelta(days=400) and rb >= a:
                            b2 = rb
                    if b2 is not None:
                        rs.append((a, b2, c, pr))
                        continue
                rs.append((a, b, c, pr))
            r.ranges.extend(rs)
            r.open_capped |= {x for x in p.open_capped}
            for n in p.names:
                r.add_name(n)
            r.src = "both"
            continue
        people.append(p)
    people.extend(recent)

    # ---- which phrases are safe ----
    owners = defaultdict(list)           # fold(phrase) -> [person]
    for p in people:
        for k in p.keys:
            owners[k].append(p)
    tokowners = defaultdict(list)        # a word of a name -> [person]
    for p in people:
        ws = set()
        for k in p.keys:
            ws.update(k.split())
        for w in ws:
            tokowners[w].append(p)
    for k, lst in dict_phr.items():      # people of the other files
        pass

    def span(p):
        return (min(r[0] for r in p.ranges), max(r[1] for r in p.ranges))

    def ctry(p):
        return {c[:3] for _, _, c, _ in p.ranges}

    def overlaps(p, q):
        a1, b1 = span(p)
        a2, b2 = span(q)
        return not (b1 < a2 or b2 < a1)

    dropped = defaultdict(int)
    other_words = defaultdict(list)      # a word of a person name in the other files -> ranges
    for k, lst in dict_phr.items():
        for code, kind, a, b in lst:
            if kind == "person":
                for w in k.split():
                    other_words[w].append((a, b))

    for p in people:
        keep = []
        for n in p.names:
            k = fold(n)
            ws = k.split()
            if k in dict_phr:
                # the same phrase elsewhere: keep only a person line of the same code and a
                # period that does not overlap
                clash = False
                for code, kind, a, b in dict_phr[k]:
                    if kind != "person":
                        clash = True
                        continue
                    for ra, rb, rc, _ in p.ranges:
                        if not (rb < a or ra > b):
                            clash = True
                if clash or len(ws) == 1:
                    dropped["in other files"] += 1
                    continue
            if len(owners[k]) > 1:
                if p.src != "phoenix" and all(q.src == "phoenix" for q in owners[k] if q is not p):
                    pass     # the hand-written person keeps it; Phoenix's namesakes lose it
                else:
                    dropped["shared by two people"] += 1
                    continue
            if len(ws) == 1:
                w = ws[0]
                why = None
                if len(w) < 4:
                    why = "short"
                elif w in STOP or w in TITLES or w in PARTICLES:
                    why = "stop list"
                elif w in vocab:
                    why = "English word"
                elif w in places:
                    why = "place"
                elif w in given and p.src == "phoenix" and not p.leader:
                    why = "given name"
                elif p.src != "phoenix":
                    pass     # a hand-written bare name was chosen on purpose
                elif any(q is not p and overlaps(p, q) and not (p.leader and not q.leader and ctry(p) == ctry(q))
                         for q in tokowners[w]):
                    why = "namesake"
                elif any(not (b < span(p)[0] or a > span(p)[1]) for a, b in other_words.get(w, [])):
                    why = "namesake in other files"
                if why:
                    dropped["bare word: " + why] += 1
                    if args.verbose:
                        print(f"drop {n!r} ({why})", file=sys.stderr)
                    continue
            if len(ws) > 1 and all(w in vocab or w in PARTICLES for w in ws):
                dropped["all ordinary words"] += 1
                if args.verbose:
                    print(f"drop {n!r} (ordinary words)", file=sys.stderr)
                continue
            if len(ws) == 2 and p.src == "phoenix" and not p.leader and all(given_n[w] >= 3 or w in STOP for w in ws):
                dropped["only given names"] += 1
                if args.verbose:
                    print(f"drop {n!r} (given names)", file=sys.stderr)
                continue
            keep.append(n)
        p.names = keep
    people = [p for p in people if p.names]

    # ---- write ----
    cname = {}
    for fn in ("countries.txt", "igos.txt"):
        for line in open(os.path.join(args.dict, fn), encoding="utf-8"):
            m = re.match(r"([A-Z]{3,15})\s+(country|igo)\s*=\s*([^|#]+)", line)
            if m and m.group(1) not in cname:
                cname[m.group(1)] = m.group(3).strip()
    groups = defaultdict(list)           # country or IGO of a person's first office -> [(first, p, offices)]
    lines = 0
    for p in people:
        segs = paint([(a, b, c, pr) for a, b, c, pr in p.ranges])
        offices = []
        for a, b, c in segs or []:
            if b < START:
                continue
            key = c[:3] if not c.startswith("IGO") else c
            if not c.startswith("IGO") and key not in cname:
                continue
            com = p.comments.get((a, b, c), "")
            approx = any(c == oc and b == ob for oa, ob, oc in p.open_capped) and b == max(OPEN_CAP, a)
            if approx:
                com = (com + "; " if com else "") + "end approx (open in Phoenix)"
            offices.append((a, b, c, com, key))
        if offices:
            offices.sort(key=lambda o: (o[0], o[2]))
            groups[offices[0][4]].append((offices[0][0], p, offices))
    def gkey(k):
        return (1 if k.startswith("IGO") else 0, cname.get(k, k))
    out = []
    out.append("# dict/leaders.txt - heads of state and government, ministers, opposition leaders")
    out.append("# and heads of international organisations since 1990, with the dates of their offices.")
    out.append("#")
    out.append("# GENERATED by scripts/phoenix_people.py from the Phoenix dictionaries and from")
    out.append("# scripts/leaders_recent.txt (the later office holders, written by hand); edit those,")
    out.append("# not this file. People in dict/people.txt are left to it.")
    out.append("#")
    out.append("# Derived in part from the Phoenix dictionaries, Copyright (c) 2014-2016 Open Event Data")
    out.append("# Alliance, MIT License: Permission is hereby granted, free of charge, to any person")
    out.append("# obtaining a copy of this software and associated documentation files (the \"Software\"),")
    out.append("# to deal in the Software without restriction, including without limitation the rights to")
    out.append("# use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the")
    out.append("# Software, and to permit persons to whom the Software is furnished to do so, subject to")
    out.append("# the following conditions: The above copyright notice and this permission notice shall")
    out.append("# be included in all copies or substantial portions of the Software. THE SOFTWARE IS")
    out.append("# PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.")
    out.append("#")
    out.append("#   CODE  person  FROM..TO  =  full name | short forms   # office")
    out.append("#")
    out.append("# and a person with several offices as one alias list, an office a line under it:")
    out.append("#")
    out.append("#   person = full name | short forms")
    out.append("#     + CODE FROM..TO   # office")
    out.append("#")
    out.append("# Conventions as in dict/people.txt. Lines from Phoenix whose office was still open there")
    out.append(f"# end on {OPEN_CAP.isoformat()} and say so (\"end approx\"); all ministers are GOV.")
    out.append("")
    for k in sorted(groups, key=gkey):
        rows = sorted(groups[k], key=lambda r: (r[0], r[1].names[0]))
        out.append("# " + "=" * 91)
        out.append(f"# {cname.get(k, k)} ({k})")
        out.append("# " + "=" * 91)
        for _, p, offices in rows:
            if len(offices) == 1:
                a, b, c, com, _ = offices[0]
                rng = f"{iso(a)}..{iso(b)}"
                s = f"{c:<7} person {rng:<22} = " + " | ".join(p.names)
                if com:
                    s += "   # " + com
                out.append(s)
                lines += 1
                continue
            out.append("person = " + " | ".join(p.names))
            for a, b, c, com, _ in offices:
                s = f"  + {c:<7} {iso(a)}..{iso(b)}"
                if com:
                    s += "   # " + com
                out.append(s)
            lines += 1 + len(offices)
        out.append("")
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    ncountries = sum(1 for k in groups if not k.startswith("IGO"))
    print(f"{args.out}: {len(people)} people, {lines} lines, {ncountries} countries, "
          f"{len(groups) - ncountries} IGOs; Phoenix people left to other files: {skipped_known}",
          file=sys.stderr)
    for why, n in sorted(dropped.items()):
        print(f"  phrases dropped ({why}): {n}", file=sys.stderr)


if __name__ == "__main__":
    main()
