#!/usr/bin/env python3
"""Build the communique knowledge base in ``src/communique/data/kb``.

The knowledge base (KB) lets the resolver map actor mentions in diplomatic news to
ISO 3166-1 alpha-3 state codes, ``IGO:<ACRONYM>`` codes for international
organisations, office identifiers with PLOVER/CAMEO sector codes, and people with
dated roles.

Every output file is generated deterministically from

* pycountry (ISO 3166-1 codes and English names; build-time dependency only), and
* the hand-written tables in this module (capitals, demonyms, aliases, regions,
  organisations, offices and people).

Run ``python tools/build_kb.py`` to regenerate ``states.jsonl``,
``organisations.jsonl``, ``offices.jsonl`` and ``people.jsonl``; the script
validates the result and exits non-zero when a check fails.  Use ``--check`` to
validate the files already on disk without rewriting them.  ``README.md`` in the
same directory is hand-written and is not touched by this script.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pycountry

ROOT = Path(__file__).resolve().parents[1]
KB_DIR = ROOT / "src" / "communique" / "data" / "kb"

Record = dict[str, Any]

PUBLIC_RECORD_CAVEAT = (
    "Dates are given to the best of public record as compiled in early 2026; "
    "year-only dates are imprecise. Users can correct or extend them with --actors FILE."
)

# --------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------


def split_list(text: str) -> list[str]:
    """Split a ``|``-separated table cell into a list of stripped, non-empty strings."""
    return [part.strip() for part in text.split("|") if part.strip()]


def unique(items: Iterable[str]) -> list[str]:
    """Return *items* without duplicates (case-sensitive), keeping the first occurrence."""
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


def fold(text: str) -> str:
    """Return *text* with diacritics removed (``Çavuşoğlu`` -> ``Cavusoglu``)."""
    special = {"ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss"}
    text = "".join(special.get(ch, ch) for ch in text)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def drop_seen(items: Iterable[str], seen: set[str]) -> list[str]:
    """Return *items* minus anything in *seen* (and duplicates); add the kept items to *seen*."""
    out: list[str] = []
    for item in items:
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


def slug(text: str) -> str:
    """Return a snake_case ASCII identifier for *text*."""
    return re.sub(r"[^a-z0-9]+", "_", fold(text).lower()).strip("_")


ACRONYM_RE = re.compile(r"^[A-Z][A-Za-z.\-]*$")


# Proper-noun forms that are ordinary English words when lower-cased ("turkey", "chad",
# "polish", "swede", "male"); they must be matched with exact case, like acronyms.
COMMON_WORD_FORMS: set[str] = {
    "Turkey",
    "Chad",
    "Jordan",
    "China",
    "Guinea",
    "Japan",
    "Polish",
    "Poles",
    "Swede",
    "Swedes",
    "French",
    "Dutch",
    "Chinese",
    "Nice",
    "Mali",
    "Georgia",
    "Victoria",
    "Number 10",
    "No 10",
    "No. 10",
}


def is_acronym(token: str) -> bool:
    """Return True for an acronym-like token such as ``US``, ``U.S.``, ``BiH`` or ``NATO``."""
    uppers = sum(1 for ch in token if ch.isupper())
    return bool(ACRONYM_RE.match(token)) and uppers >= 2 and len(token) <= 8


def is_case_sensitive(form: str) -> bool:
    """Return True if *form* must be matched with exact case (``US``, ``the UK``, ``Chad``)."""
    return form in COMMON_WORD_FORMS or any(is_acronym(tok) for tok in form.split())


# --------------------------------------------------------------------------------------
# States
# --------------------------------------------------------------------------------------

# code -> (common short name, capital, adjectives and demonyms incl. plurals,
#          extra aliases, extra metonyms).  Cells are "|"-separated lists.
# The capital is always added to the metonyms unless listed in NO_CAPITAL_METONYM or
# equal to the short name.
STATE_TABLE: dict[str, tuple[str, str, str, str, str]] = {
    "AFG": ("Afghanistan", "Kabul", "Afghan|Afghans", "", ""),
    "ALB": ("Albania", "Tirana", "Albanian|Albanians", "", "Tirane"),
    "DZA": ("Algeria", "Algiers", "Algerian|Algerians", "", ""),
    "AND": ("Andorra", "Andorra la Vella", "Andorran|Andorrans", "", ""),
    "AGO": ("Angola", "Luanda", "Angolan|Angolans", "", ""),
    "ATG": (
        "Antigua and Barbuda",
        "St. John's",
        "Antiguan|Antiguans|Barbudan|Barbudans",
        "Antigua|Antigua & Barbuda",
        "",
    ),
    "ARG": (
        "Argentina",
        "Buenos Aires",
        "Argentine|Argentinian|Argentines|Argentinians",
        "",
        "Casa Rosada|the Casa Rosada",
    ),
    "ARM": ("Armenia", "Yerevan", "Armenian|Armenians", "", ""),
    "AUS": ("Australia", "Canberra", "Australian|Australians", "", ""),
    "AUT": ("Austria", "Vienna", "Austrian|Austrians", "", ""),
    "AZE": ("Azerbaijan", "Baku", "Azerbaijani|Azerbaijanis|Azeri|Azeris", "", ""),
    "BHS": ("Bahamas", "Nassau", "Bahamian|Bahamians", "the Bahamas|The Bahamas", ""),
    "BHR": ("Bahrain", "Manama", "Bahraini|Bahrainis", "", ""),
    "BGD": ("Bangladesh", "Dhaka", "Bangladeshi|Bangladeshis", "", ""),
    "BRB": ("Barbados", "Bridgetown", "Barbadian|Barbadians|Bajan|Bajans", "", ""),
    "BLR": (
        "Belarus",
        "Minsk",
        "Belarusian|Belarussian|Byelorussian|Belorussian|Belarusians|Belarussians"
        "|Byelorussians|Belorussians",
        "Byelorussia|Belorussia|White Russia",
        "",
    ),
    "BEL": ("Belgium", "Brussels", "Belgian|Belgians", "", ""),
    "BLZ": ("Belize", "Belmopan", "Belizean|Belizeans", "", ""),
    "BEN": ("Benin", "Porto-Novo", "Beninese|Beninois", "", "Cotonou"),
    "BTN": ("Bhutan", "Thimphu", "Bhutanese", "", ""),
    "BOL": ("Bolivia", "Sucre", "Bolivian|Bolivians", "", "La Paz"),
    "BIH": (
        "Bosnia and Herzegovina",
        "Sarajevo",
        "Bosnian|Bosnians|Herzegovinian|Herzegovinians",
        "Bosnia|Bosnia-Herzegovina|Bosnia & Herzegovina|BiH",
        "",
    ),
    "BWA": ("Botswana", "Gaborone", "Botswanan|Motswana|Batswana", "", ""),
    "BRA": (
        "Brazil",
        "Brasília",
        "Brazilian|Brazilians",
        "",
        "Brasilia|Planalto|the Planalto|Planalto Palace|Itamaraty",
    ),
    "BRN": ("Brunei", "Bandar Seri Begawan", "Bruneian|Bruneians", "Brunei Darussalam", ""),
    "BGR": ("Bulgaria", "Sofia", "Bulgarian|Bulgarians", "", ""),
    "BFA": ("Burkina Faso", "Ouagadougou", "Burkinabe|Burkinabè|Burkinabes", "Burkina", ""),
    "BDI": ("Burundi", "Gitega", "Burundian|Burundians", "", "Bujumbura"),
    "CPV": ("Cape Verde", "Praia", "Cape Verdean|Cape Verdeans|Cabo Verdean", "", ""),
    "KHM": ("Cambodia", "Phnom Penh", "Cambodian|Cambodians|Khmer", "Kampuchea", ""),
    "CMR": ("Cameroon", "Yaoundé", "Cameroonian|Cameroonians", "", "Yaounde"),
    "CAN": ("Canada", "Ottawa", "Canadian|Canadians", "", "Parliament Hill"),
    "CAF": (
        "Central African Republic",
        "Bangui",
        "Central African|Central Africans",
        "CAR|C.A.R.",
        "",
    ),
    "TCD": ("Chad", "N'Djamena", "Chadian|Chadians", "", "Ndjamena|N'Djaména"),
    "CHL": ("Chile", "Santiago", "Chilean|Chileans", "", "La Moneda"),
    "CHN": (
        "China",
        "Beijing",
        "Chinese",
        "PRC|P.R.C.|Mainland China|Red China",
        "Peking|Zhongnanhai",
    ),
    "COL": ("Colombia", "Bogotá", "Colombian|Colombians", "", "Bogota|Casa de Nariño"),
    "COM": (
        "Comoros",
        "Moroni",
        "Comorian|Comorians|Comoran",
        "the Comoros|Union of the Comoros",
        "",
    ),
    "COG": (
        "Republic of the Congo",
        "Brazzaville",
        "",
        "Congo-Brazzaville|Congo Republic|Republic of Congo|Congo (Brazzaville)",
        "",
    ),
    "CRI": ("Costa Rica", "San José", "Costa Rican|Costa Ricans", "", "San Jose"),
    "CIV": (
        "Côte d'Ivoire",
        "Yamoussoukro",
        "Ivorian|Ivorians|Ivoirian",
        "Ivory Coast|Cote d'Ivoire|Côte d’Ivoire",
        "Abidjan",
    ),
    "HRV": ("Croatia", "Zagreb", "Croatian|Croatians|Croat|Croats", "", ""),
    "CUB": ("Cuba", "Havana", "Cuban|Cubans", "", ""),
    "CYP": ("Cyprus", "Nicosia", "Cypriot|Cypriots|Greek Cypriot|Greek Cypriots", "", ""),
    "CZE": ("Czechia", "Prague", "Czech|Czechs", "", "Prague Castle"),
    "COD": (
        "DR Congo",
        "Kinshasa",
        "",
        "Democratic Republic of Congo|DRC|D.R.C.|DR Congo|D.R. Congo|Congo-Kinshasa"
        "|Congo (Kinshasa)|Zaire",
        "",
    ),
    "DNK": ("Denmark", "Copenhagen", "Danish|Dane|Danes", "", ""),
    "DJI": ("Djibouti", "Djibouti", "Djiboutian|Djiboutians", "", ""),
    "DMA": ("Dominica", "Roseau", "", "", ""),
    "DOM": ("Dominican Republic", "Santo Domingo", "Dominican|Dominicans", "", ""),
    "ECU": ("Ecuador", "Quito", "Ecuadorian|Ecuadorean|Ecuadorians|Ecuadoreans", "", ""),
    "EGY": ("Egypt", "Cairo", "Egyptian|Egyptians", "", ""),
    "SLV": ("El Salvador", "San Salvador", "Salvadoran|Salvadorean|Salvadorans", "", ""),
    "GNQ": (
        "Equatorial Guinea",
        "Malabo",
        "Equatorial Guinean|Equatoguinean|Equatorial Guineans|Equatoguineans",
        "",
        "",
    ),
    "ERI": ("Eritrea", "Asmara", "Eritrean|Eritreans", "", ""),
    "EST": ("Estonia", "Tallinn", "Estonian|Estonians", "", "Toompea"),
    "SWZ": ("Eswatini", "Mbabane", "Swazi|Swazis|Emaswati", "Swaziland", "Lobamba"),
    "ETH": ("Ethiopia", "Addis Ababa", "Ethiopian|Ethiopians", "", ""),
    "FJI": ("Fiji", "Suva", "Fijian|Fijians", "", ""),
    "FIN": ("Finland", "Helsinki", "Finnish|Finn|Finns", "", ""),
    "FRA": (
        "France",
        "Paris",
        "French|Frenchman|Frenchmen|Frenchwoman|Frenchwomen",
        "",
        "the Elysee|the Élysée|Elysee|Élysée|Elysee Palace|Élysée Palace|Quai d'Orsay"
        "|the Quai d'Orsay|Matignon",
    ),
    "GAB": ("Gabon", "Libreville", "Gabonese", "", ""),
    "GMB": ("Gambia", "Banjul", "Gambian|Gambians", "the Gambia|The Gambia", ""),
    "GEO": ("Georgia", "Tbilisi", "Georgian|Georgians", "Sakartvelo", ""),
    "DEU": ("Germany", "Berlin", "German|Germans", "", ""),
    "GHA": ("Ghana", "Accra", "Ghanaian|Ghanaians", "", ""),
    "GRC": ("Greece", "Athens", "Greek|Greeks|Hellenic", "Hellas", ""),
    "GRD": ("Grenada", "St. George's", "Grenadian|Grenadians", "", ""),
    "GTM": ("Guatemala", "Guatemala City", "Guatemalan|Guatemalans", "", ""),
    "GIN": ("Guinea", "Conakry", "Guinean|Guineans", "Guinea-Conakry", ""),
    "GNB": ("Guinea-Bissau", "Bissau", "Bissau-Guinean|Bissau-Guineans", "Guinea Bissau", ""),
    "GUY": ("Guyana", "Georgetown", "Guyanese", "", ""),
    "HTI": ("Haiti", "Port-au-Prince", "Haitian|Haitians", "", ""),
    "HND": ("Honduras", "Tegucigalpa", "Honduran|Hondurans", "", ""),
    "HUN": ("Hungary", "Budapest", "Hungarian|Hungarians", "", ""),
    "ISL": ("Iceland", "Reykjavík", "Icelandic|Icelander|Icelanders", "", "Reykjavik"),
    "IND": ("India", "New Delhi", "Indian|Indians", "Bharat|Republic of India", "Delhi"),
    "IDN": ("Indonesia", "Jakarta", "Indonesian|Indonesians", "", ""),
    "IRN": ("Iran", "Tehran", "Iranian|Iranians", "Persia", "Teheran"),
    "IRQ": ("Iraq", "Baghdad", "Iraqi|Iraqis", "", ""),
    "IRL": (
        "Ireland",
        "Dublin",
        "Irish|Irishman|Irishmen|Irishwoman",
        "Republic of Ireland|Eire|Éire",
        "",
    ),
    "ISR": ("Israel", "Jerusalem", "Israeli|Israelis", "", "Tel Aviv"),
    "ITA": ("Italy", "Rome", "Italian|Italians", "", "Palazzo Chigi|the Farnesina|Farnesina"),
    "JAM": ("Jamaica", "Kingston", "Jamaican|Jamaicans", "", ""),
    "JPN": ("Japan", "Tokyo", "Japanese", "Nippon", ""),
    "JOR": ("Jordan", "Amman", "Jordanian|Jordanians", "", ""),
    "KAZ": (
        "Kazakhstan",
        "Astana",
        "Kazakh|Kazakhstani|Kazakhs|Kazakhstanis|Kazak",
        "Kazakstan",
        "Nur-Sultan|Akorda|Ak Orda",
    ),
    "KEN": ("Kenya", "Nairobi", "Kenyan|Kenyans", "", ""),
    "KIR": ("Kiribati", "South Tarawa", "I-Kiribati", "", "Tarawa"),
    "KWT": ("Kuwait", "Kuwait City", "Kuwaiti|Kuwaitis", "", ""),
    "KGZ": (
        "Kyrgyzstan",
        "Bishkek",
        "Kyrgyz|Kyrgyzstani|Kyrgyzstanis|Kirghiz|Kirgiz",
        "Kirghizia|Kirgizia",
        "",
    ),
    "LAO": ("Laos", "Vientiane", "Lao|Laotian|Laotians", "", ""),
    "LVA": ("Latvia", "Riga", "Latvian|Latvians", "", ""),
    "LBN": ("Lebanon", "Beirut", "Lebanese", "", "Baabda"),
    "LSO": ("Lesotho", "Maseru", "Basotho|Mosotho|Lesothan", "", ""),
    "LBR": ("Liberia", "Monrovia", "Liberian|Liberians", "", ""),
    "LBY": ("Libya", "Tripoli", "Libyan|Libyans", "", ""),
    "LIE": ("Liechtenstein", "Vaduz", "Liechtensteiner|Liechtensteiners", "", ""),
    "LTU": ("Lithuania", "Vilnius", "Lithuanian|Lithuanians", "", ""),
    "LUX": (
        "Luxembourg",
        "Luxembourg",
        "Luxembourgish|Luxembourger|Luxembourgers",
        "Grand Duchy of Luxembourg",
        "",
    ),
    "MDG": ("Madagascar", "Antananarivo", "Malagasy", "", ""),
    "MWI": ("Malawi", "Lilongwe", "Malawian|Malawians", "", ""),
    "MYS": ("Malaysia", "Kuala Lumpur", "Malaysian|Malaysians", "", "Putrajaya"),
    "MDV": ("Maldives", "Malé", "Maldivian|Maldivians", "the Maldives", ""),
    "MLI": ("Mali", "Bamako", "Malian|Malians", "", ""),
    "MLT": ("Malta", "Valletta", "Maltese", "", ""),
    "MHL": ("Marshall Islands", "Majuro", "Marshallese", "the Marshall Islands", ""),
    "MRT": ("Mauritania", "Nouakchott", "Mauritanian|Mauritanians", "", ""),
    "MUS": ("Mauritius", "Port Louis", "Mauritian|Mauritians", "", ""),
    "MEX": ("Mexico", "Mexico City", "Mexican|Mexicans", "", "Palacio Nacional"),
    "FSM": ("Micronesia", "Palikir", "Micronesian|Micronesians", "", ""),
    "MDA": ("Moldova", "Chișinău", "Moldovan|Moldovans", "Moldavia", "Chisinau|Kishinev"),
    "MCO": ("Monaco", "Monaco", "Monegasque|Monégasque|Monegasques", "", ""),
    "MNG": ("Mongolia", "Ulaanbaatar", "Mongolian|Mongolians", "", "Ulan Bator"),
    "MNE": ("Montenegro", "Podgorica", "Montenegrin|Montenegrins", "", ""),
    "MAR": ("Morocco", "Rabat", "Moroccan|Moroccans", "", ""),
    "MOZ": ("Mozambique", "Maputo", "Mozambican|Mozambicans", "", ""),
    "MMR": ("Myanmar", "Naypyidaw", "Burmese", "Burma", "Nay Pyi Taw|Naypyitaw"),
    "NAM": ("Namibia", "Windhoek", "Namibian|Namibians", "", ""),
    "NRU": ("Nauru", "Yaren", "Nauruan|Nauruans", "", ""),
    "NPL": ("Nepal", "Kathmandu", "Nepali|Nepalese|Nepalis", "", ""),
    "NLD": (
        "Netherlands",
        "Amsterdam",
        "Dutch|Dutchman|Dutchmen|Dutchwoman",
        "the Netherlands|Holland",
        "The Hague",
    ),
    "NZL": ("New Zealand", "Wellington", "New Zealander|New Zealanders", "Aotearoa", ""),
    "NIC": ("Nicaragua", "Managua", "Nicaraguan|Nicaraguans", "", ""),
    "NER": ("Niger", "Niamey", "Nigerien|Nigeriens", "", ""),
    "NGA": ("Nigeria", "Abuja", "Nigerian|Nigerians", "", ""),
    "PRK": (
        "North Korea",
        "Pyongyang",
        "North Korean|North Koreans",
        "DPRK|D.P.R.K.",
        "",
    ),
    "MKD": (
        "North Macedonia",
        "Skopje",
        "Macedonian|Macedonians|North Macedonian|North Macedonians",
        "Macedonia|FYROM|Former Yugoslav Republic of Macedonia",
        "",
    ),
    "NOR": ("Norway", "Oslo", "Norwegian|Norwegians", "", ""),
    "OMN": ("Oman", "Muscat", "Omani|Omanis", "", ""),
    "PAK": ("Pakistan", "Islamabad", "Pakistani|Pakistanis", "", ""),
    "PLW": ("Palau", "Ngerulmud", "Palauan|Palauans", "", "Melekeok"),
    "PAN": ("Panama", "Panama City", "Panamanian|Panamanians", "", ""),
    "PNG": (
        "Papua New Guinea",
        "Port Moresby",
        "Papua New Guinean|Papua New Guineans",
        "PNG",
        "",
    ),
    "PRY": ("Paraguay", "Asunción", "Paraguayan|Paraguayans", "", "Asuncion"),
    "PER": ("Peru", "Lima", "Peruvian|Peruvians", "", ""),
    "PHL": (
        "Philippines",
        "Manila",
        "Filipino|Filipinos|Filipina|Filipinas|Philippine",
        "the Philippines",
        "Malacañang|Malacanang",
    ),
    "POL": ("Poland", "Warsaw", "Polish|Poles", "", ""),
    "PRT": ("Portugal", "Lisbon", "Portuguese", "", ""),
    "QAT": ("Qatar", "Doha", "Qatari|Qataris", "", ""),
    "KOR": (
        "South Korea",
        "Seoul",
        "South Korean|South Koreans",
        "ROK|R.O.K.",
        "Cheong Wa Dae|the Blue House|Yongsan",
    ),
    "ROU": ("Romania", "Bucharest", "Romanian|Romanians|Rumanian", "Rumania", "Cotroceni"),
    "RUS": (
        "Russia",
        "Moscow",
        "Russian|Russians",
        "",
        "the Kremlin|Kremlin",
    ),
    "RWA": ("Rwanda", "Kigali", "Rwandan|Rwandans", "", ""),
    "KNA": (
        "Saint Kitts and Nevis",
        "Basseterre",
        "Kittitian|Kittitians|Nevisian|Nevisians",
        "St Kitts and Nevis|St. Kitts and Nevis|St Kitts",
        "",
    ),
    "LCA": (
        "Saint Lucia",
        "Castries",
        "Saint Lucian|Saint Lucians|St Lucian",
        "St Lucia|St. Lucia",
        "",
    ),
    "VCT": (
        "Saint Vincent and the Grenadines",
        "Kingstown",
        "Vincentian|Vincentians",
        "St Vincent and the Grenadines|St. Vincent and the Grenadines|St Vincent",
        "",
    ),
    "WSM": ("Samoa", "Apia", "Samoan|Samoans", "", ""),
    "SMR": ("San Marino", "San Marino", "Sammarinese", "", ""),
    "STP": (
        "São Tomé and Príncipe",
        "São Tomé",
        "Santomean|Santomeans|Sao Tomean",
        "Sao Tome and Principe",
        "Sao Tome",
    ),
    "SAU": (
        "Saudi Arabia",
        "Riyadh",
        "Saudi|Saudis|Saudi Arabian|Saudi Arabians",
        "KSA",
        "",
    ),
    "SEN": ("Senegal", "Dakar", "Senegalese", "", ""),
    "SRB": ("Serbia", "Belgrade", "Serbian|Serbians|Serb|Serbs", "", ""),
    "SYC": ("Seychelles", "Victoria", "Seychellois", "the Seychelles", ""),
    "SLE": ("Sierra Leone", "Freetown", "Sierra Leonean|Sierra Leoneans", "", ""),
    "SGP": ("Singapore", "Singapore", "Singaporean|Singaporeans", "", ""),
    "SVK": ("Slovakia", "Bratislava", "Slovak|Slovakian|Slovaks", "", ""),
    "SVN": ("Slovenia", "Ljubljana", "Slovenian|Slovene|Slovenians|Slovenes", "", ""),
    "SLB": (
        "Solomon Islands",
        "Honiara",
        "Solomon Islander|Solomon Islanders",
        "the Solomon Islands|Solomons",
        "",
    ),
    "SOM": ("Somalia", "Mogadishu", "Somali|Somalis|Somalian", "", "Villa Somalia"),
    "ZAF": (
        "South Africa",
        "Pretoria",
        "South African|South Africans",
        "RSA",
        "Cape Town|Union Buildings",
    ),
    "SSD": ("South Sudan", "Juba", "South Sudanese", "", ""),
    "ESP": (
        "Spain",
        "Madrid",
        "Spanish|Spaniard|Spaniards",
        "",
        "La Moncloa|Moncloa|Moncloa Palace",
    ),
    "LKA": (
        "Sri Lanka",
        "Sri Jayawardenepura Kotte",
        "Sri Lankan|Sri Lankans",
        "Ceylon",
        "Colombo|Kotte",
    ),
    "SDN": ("Sudan", "Khartoum", "Sudanese", "the Sudan", "Port Sudan"),
    "SUR": ("Suriname", "Paramaribo", "Surinamese|Surinamer|Surinamers", "Surinam", ""),
    "SWE": ("Sweden", "Stockholm", "Swedish|Swede|Swedes", "", "Rosenbad"),
    "CHE": ("Switzerland", "Bern", "Swiss", "", "Berne"),
    "SYR": ("Syria", "Damascus", "Syrian|Syrians", "", ""),
    "TJK": (
        "Tajikistan",
        "Dushanbe",
        "Tajik|Tajiks|Tajikistani|Tajikistanis|Tadjik|Tadzhik",
        "Tadzhikistan",
        "",
    ),
    "TZA": ("Tanzania", "Dodoma", "Tanzanian|Tanzanians", "", "Dar es Salaam"),
    "THA": ("Thailand", "Bangkok", "Thai|Thais", "Siam", ""),
    "TLS": ("Timor-Leste", "Dili", "Timorese|East Timorese", "East Timor", ""),
    "TGO": ("Togo", "Lomé", "Togolese", "", "Lome"),
    "TON": ("Tonga", "Nukuʻalofa", "Tongan|Tongans", "", "Nuku'alofa|Nukualofa"),
    "TTO": (
        "Trinidad and Tobago",
        "Port of Spain",
        "Trinidadian|Trinidadians|Tobagonian|Tobagonians",
        "Trinidad|Trinidad & Tobago",
        "",
    ),
    "TUN": ("Tunisia", "Tunis", "Tunisian|Tunisians", "", "Carthage Palace"),
    "TUR": ("Turkey", "Ankara", "Turkish|Turk|Turks", "Türkiye|Turkiye", ""),
    "TKM": (
        "Turkmenistan",
        "Ashgabat",
        "Turkmen|Turkmens|Turkmenistani|Turkmenistanis",
        "Turkmenia",
        "Ashkhabad",
    ),
    "TUV": ("Tuvalu", "Funafuti", "Tuvaluan|Tuvaluans", "", ""),
    "UGA": ("Uganda", "Kampala", "Ugandan|Ugandans", "", ""),
    "UKR": ("Ukraine", "Kyiv", "Ukrainian|Ukrainians", "the Ukraine", "Kiev|Bankova"),
    "ARE": (
        "United Arab Emirates",
        "Abu Dhabi",
        "Emirati|Emiratis",
        "UAE|U.A.E.|the Emirates|the UAE",
        "",
    ),
    "GBR": (
        "United Kingdom",
        "London",
        "British|Briton|Britons|Brits",
        "UK|U.K.|Britain|Great Britain|the United Kingdom|the UK|Scotland|Wales|Northern Ireland",
        "Downing Street|Number 10|No 10|No. 10|Whitehall",
    ),
    "USA": (
        "United States",
        "Washington",
        "American|Americans",
        "USA|U.S.A.|US|U.S.|America|the States|the United States|the US|the U.S.",
        "Washington, D.C.|Washington DC|Washington D.C.|the White House|White House",
    ),
    "URY": ("Uruguay", "Montevideo", "Uruguayan|Uruguayans", "", ""),
    "UZB": (
        "Uzbekistan",
        "Tashkent",
        "Uzbek|Uzbeks|Uzbekistani|Uzbekistanis",
        "",
        "Toshkent",
    ),
    "VUT": ("Vanuatu", "Port Vila", "Ni-Vanuatu|Vanuatuan", "", ""),
    "VEN": ("Venezuela", "Caracas", "Venezuelan|Venezuelans", "", "Miraflores"),
    "VNM": ("Vietnam", "Hanoi", "Vietnamese", "Viet Nam", ""),
    "YEM": ("Yemen", "Sanaa", "Yemeni|Yemenis", "", "Sana'a|Aden"),
    "ZMB": ("Zambia", "Lusaka", "Zambian|Zambians", "", ""),
    "ZWE": ("Zimbabwe", "Harare", "Zimbabwean|Zimbabweans", "", ""),
    # UN observer states.
    "VAT": (
        "Holy See",
        "Vatican City",
        "Papal|Pontifical",
        "Vatican|the Vatican|Vatican City State",
        "",
    ),
    "PSE": (
        "Palestine",
        "East Jerusalem",
        "Palestinian|Palestinians",
        "",
        "Ramallah|Palestinian Authority|the Palestinian Authority",
    ),
    # States with limited recognition.
    "TWN": (
        "Taiwan",
        "Taipei",
        "Taiwanese",
        "ROC|R.O.C.|Chinese Taipei|Formosa",
        "",
    ),
    "XKX": (
        "Kosovo",
        "Pristina",
        "Kosovar|Kosovars|Kosovan|Kosovans",
        "",
        "Prishtina|Priština|Prishtinë",
    ),
    "ESH": (
        "Western Sahara",
        "Laayoune",
        "Sahrawi|Sahrawis|Saharawi|Saharawis|Western Saharan",
        "SADR|Sahrawi Republic",
        "",
    ),
    "XAB": ("Abkhazia", "Sukhumi", "Abkhaz|Abkhazian|Abkhazians", "", "Sukhum"),
    "XSO": (
        "South Ossetia",
        "Tskhinvali",
        "South Ossetian|South Ossetians",
        "South Ossetia-Alania",
        "",
    ),
    "XNC": (
        "Northern Cyprus",
        "North Nicosia",
        "Turkish Cypriot|Turkish Cypriots",
        "TRNC|North Cyprus",
        "Lefkoşa|Lefkosa",
    ),
    "XSL": ("Somaliland", "Hargeisa", "Somalilander|Somalilanders", "", ""),
    "XTR": (
        "Transnistria",
        "Tiraspol",
        "Transnistrian|Transnistrians",
        "Pridnestrovie|Transdniestria|Transdnistria|Trans-Dniester|Transdniester",
        "",
    ),
}

# Capitals that must NOT be used as metonyms for the state's government.
# Brussels hosts the EU and NATO; Laayoune is administered by Morocco; East Jerusalem
# is the proclaimed capital of Palestine but is not used for its government in news.
NO_CAPITAL_METONYM: set[str] = {"BEL", "ESH", "PSE"}

# Forms that denote this state but also (or more usually) another one; loaders should
# only use them with disambiguating context.  They are the only forms allowed to occur
# in more than one state record.
AMBIGUOUS_FORMS: dict[str, str] = {
    "COD": "Congo|Congolese",
    "COG": "Congo|Congolese",
    "KOR": "Korea|Korean|Koreans",
    "PRK": "Korea|Korean|Koreans",
    "DMA": "Dominican|Dominicans",
    "GBR": "England|English",
}

# Official names added to (or replacing) what pycountry provides.
OFFICIAL_OVERRIDES: dict[str, list[str]] = {
    "TWN": ["Republic of China"],
    "VAT": ["Holy See", "Vatican City State"],
    "PSE": ["State of Palestine"],
    "XKX": ["Republic of Kosovo"],
    "ESH": ["Sahrawi Arab Democratic Republic"],
    "XAB": ["Republic of Abkhazia"],
    "XSO": ["Republic of South Ossetia – the State of Alania", "Republic of South Ossetia"],
    "XNC": ["Turkish Republic of Northern Cyprus"],
    "XSL": ["Republic of Somaliland"],
    "XTR": ["Pridnestrovian Moldavian Republic"],
    "RUS": ["Russian Federation"],
    "USA": ["United States of America"],
    "GBR": ["United Kingdom of Great Britain and Northern Ireland"],
    "CZE": ["Czech Republic"],
    "KOR": ["Republic of Korea"],
    "PRK": ["Democratic People's Republic of Korea"],
    "COD": ["Democratic Republic of the Congo"],
    "COG": ["Republic of the Congo"],
    "MKD": ["Republic of North Macedonia"],
    "TUR": ["Republic of Türkiye", "Republic of Turkey"],
    "CHN": ["People's Republic of China"],
    "CPV": ["Republic of Cabo Verde", "Cabo Verde"],
    "SWZ": ["Kingdom of Eswatini"],
    "MMR": ["Republic of the Union of Myanmar"],
    "IRL": ["Ireland"],
    "KGZ": ["Kyrgyz Republic"],
    "DMA": ["Commonwealth of Dominica"],
    "FSM": ["Federated States of Micronesia"],
    "BLR": ["Republic of Belarus"],
    "AUS": ["Commonwealth of Australia"],
}

# pycountry names that are not used for the state at all (politically loaded or wrong).
PYCOUNTRY_NAME_BLOCKLIST: set[str] = {"Taiwan, Province of China"}

# Codes that are not ISO 3166-1 assignments: ISO user-assigned range X**.
USER_ASSIGNED: dict[str, str] = {
    "XKX": "XK",
    "XAB": "",
    "XSO": "",
    "XNC": "",
    "XSL": "",
    "XTR": "",
}

UN_OBSERVERS: set[str] = {"VAT", "PSE"}
LIMITED_RECOGNITION: set[str] = {"TWN", "XKX", "ESH", "XAB", "XSO", "XNC", "XSL", "XTR"}

STATE_NOTES: dict[str, str] = {
    "BEL": "Brussels is deliberately not a metonym: it usually denotes the EU or NATO.",
    "ISR": "Capital as designated by Israel; its status is disputed internationally.",
    "PSE": (
        "UN non-member observer state. East Jerusalem is the proclaimed capital; "
        "Ramallah is the administrative seat used for the government in news."
    ),
    "ESH": (
        "Territory claimed by the Sahrawi Arab Democratic Republic (AU member) and "
        "largely administered by Morocco; Laayoune is not used as a metonym."
    ),
    "TWN": "pycountry's 'Taiwan, Province of China' is deliberately not used as a name.",
    "XKX": "Code XKX is the user-assigned code used by the EU, IMF and World Bank.",
    "XAB": "User-assigned code; recognised by Russia and a few other states.",
    "XSO": "User-assigned code; recognised by Russia and a few other states.",
    "XNC": "User-assigned code; recognised only by Turkey.",
    "XSL": "User-assigned code; declared independence from Somalia in 1991.",
    "XTR": "User-assigned code; unrecognised breakaway region of Moldova.",
    "GEO": "'Georgia' also names a US state; use context.",
    "BOL": "Sucre is the constitutional capital; La Paz is the seat of government.",
    "NLD": "Amsterdam is the capital; The Hague is the seat of government.",
    "ZAF": "Pretoria (executive), Cape Town (legislative), Bloemfontein (judicial).",
}

# UN M49 sub-regions (non-UN entities placed in the sub-region of their territory).
REGIONS: dict[str, str] = {
    "Northern Africa": "DZA EGY LBY MAR SDN TUN ESH",
    "Eastern Africa": "BDI COM DJI ERI ETH KEN MDG MWI MUS MOZ RWA SYC SOM SSD UGA TZA ZMB ZWE XSL",
    "Middle Africa": "AGO CMR CAF TCD COG COD GNQ GAB STP",
    "Southern Africa": "BWA SWZ LSO NAM ZAF",
    "Western Africa": "BEN BFA CPV CIV GMB GHA GIN GNB LBR MLI MRT NER NGA SEN SLE TGO",
    "Caribbean": "ATG BHS BRB CUB DMA DOM GRD HTI JAM KNA LCA VCT TTO",
    "Central America": "BLZ CRI SLV GTM HND MEX NIC PAN",
    "South America": "ARG BOL BRA CHL COL ECU GUY PRY PER SUR URY VEN",
    "Northern America": "CAN USA",
    "Central Asia": "KAZ KGZ TJK TKM UZB",
    "Eastern Asia": "CHN JPN MNG PRK KOR TWN",
    "South-eastern Asia": "BRN KHM IDN LAO MYS MMR PHL SGP THA TLS VNM",
    "Southern Asia": "AFG BGD BTN IND IRN MDV NPL PAK LKA",
    "Western Asia": "ARM AZE BHR CYP GEO IRQ ISR JOR KWT LBN OMN QAT SAU PSE SYR TUR ARE YEM "
    "XAB XSO XNC",
    "Eastern Europe": "BLR BGR CZE HUN POL MDA ROU RUS SVK UKR XTR",
    "Northern Europe": "DNK EST FIN ISL IRL LVA LTU NOR SWE GBR",
    "Southern Europe": "ALB AND BIH HRV GRC VAT ITA MLT MNE MKD PRT SMR SRB SVN ESP XKX",
    "Western Europe": "AUT BEL FRA DEU LIE LUX MCO NLD CHE",
    "Australia and New Zealand": "AUS NZL",
    "Melanesia": "FJI PNG SLB VUT",
    "Micronesia": "KIR MHL FSM NRU PLW",
    "Polynesia": "WSM TON TUV",
}

# The internationally recognised state whose territory a breakaway entity without an ISO
# code lies in (coders that only use ISO codes code its actors as that state's).
CLAIMED_BY: dict[str, str] = {
    "XAB": "GEO",
    "XSO": "GEO",
    "XTR": "MDA",
    "XNC": "CYP",
    "XSL": "SOM",
}

CONTINENTS: dict[str, str] = {
    "Northern Africa": "Africa",
    "Eastern Africa": "Africa",
    "Middle Africa": "Africa",
    "Southern Africa": "Africa",
    "Western Africa": "Africa",
    "Caribbean": "Americas",
    "Central America": "Americas",
    "South America": "Americas",
    "Northern America": "Americas",
    "Central Asia": "Asia",
    "Eastern Asia": "Asia",
    "South-eastern Asia": "Asia",
    "Southern Asia": "Asia",
    "Western Asia": "Asia",
    "Eastern Europe": "Europe",
    "Northern Europe": "Europe",
    "Southern Europe": "Europe",
    "Western Europe": "Europe",
    "Australia and New Zealand": "Oceania",
    "Melanesia": "Oceania",
    "Micronesia": "Oceania",
    "Polynesia": "Oceania",
}

FORMAL_WORDS = re.compile(
    r"\b(Republic|Kingdom|Federation|State|States|Commonwealth|Union|Principality|Emirates"
    r"|Sultanate|Duchy|Confederation|Federal|Islamic|Socialist|Democratic|Plurinational"
    r"|Bolivarian|Independent|Co-operative|Oriental|People's)\b"
)


def region_of(code: str) -> str:
    """Return the UN M49 sub-region name for *code* (raises KeyError if unknown)."""
    for region, codes in REGIONS.items():
        if code in codes.split():
            return region
    raise KeyError(code)


def uninvert(name: str) -> str:
    """Turn ISO-style ``Korea, Republic of`` into ``Republic of Korea``."""
    if ", " not in name:
        return name
    head, tail = name.split(", ", 1)
    result = f"{tail} {head}"
    if result.startswith("The "):
        result = result[4:]
    return result


def build_states() -> list[Record]:
    """Build the state records from pycountry and the hand-written tables."""
    records: list[Record] = []
    for code, (name, capital, adjectives, extra_aliases, extra_metonyms) in STATE_TABLE.items():
        country = pycountry.countries.get(alpha_3=code)
        official: list[str] = []
        aliases: list[str] = []
        if country is not None:
            candidates = [
                getattr(country, "official_name", None),
                country.name,
                getattr(country, "common_name", None),
            ]
            for raw in candidates:
                if not raw or raw in PYCOUNTRY_NAME_BLOCKLIST:
                    continue
                cleaned = uninvert(raw.removeprefix("the "))
                cleaned = re.sub(r"\s*\(.*\)$", "", cleaned)
                if cleaned == name:
                    continue
                if FORMAL_WORDS.search(cleaned) and cleaned not in (name, f"the {name}"):
                    official.append(cleaned)
                else:
                    aliases.append(cleaned)
        official = unique(OFFICIAL_OVERRIDES.get(code, []) + official)
        aliases = unique(split_list(extra_aliases) + aliases)
        metonyms = split_list(extra_metonyms)
        if code not in NO_CAPITAL_METONYM and capital != name:
            metonyms = [capital, *metonyms]
        # Drop forms that already occur in an earlier field of the same record.
        seen: set[str] = {name}
        official = drop_seen(official, seen)
        aliases = drop_seen(aliases, seen)
        adjective_list = drop_seen(split_list(adjectives), seen)
        metonyms = drop_seen(metonyms, seen)
        region = region_of(code)
        if code in UN_OBSERVERS:
            status = "un_observer_state"
        elif code in LIMITED_RECOGNITION:
            status = "limited_recognition"
        else:
            status = "un_member"
        record: Record = {
            "code": code,
            "name": name,
            "official": official,
            "aliases": aliases,
            "case_sensitive_aliases": [
                form
                for form in [name, *official, *aliases, *adjective_list, *metonyms]
                if is_case_sensitive(form)
            ],
            "adjectives": adjective_list,
            "capital": capital,
            "metonyms": metonyms,
            "region": region,
            "continent": CONTINENTS[region],
            "status": status,
            "alpha2": country.alpha_2 if country is not None else USER_ASSIGNED.get(code, ""),
            "user_assigned_code": code in USER_ASSIGNED,
            "ambiguous_aliases": split_list(AMBIGUOUS_FORMS.get(code, "")),
            "claimed_by": CLAIMED_BY.get(code),
        }
        if code in STATE_NOTES:
            record["note"] = STATE_NOTES[code]
        records.append(record)
    records.sort(key=lambda r: r["code"])
    return records


# --------------------------------------------------------------------------------------
# International organisations and their principal bodies
# --------------------------------------------------------------------------------------

# Member lists can be written as space-separated ISO-3 codes or as one of these
# derived groups, expanded from the state table at build time.
DERIVED_MEMBERS: dict[str, str] = {
    "@UN": "all UN member states",
    "@AU": "African UN member states plus the Sahrawi Arab Democratic Republic (ESH)",
    "@CELAC": "UN member states in the Caribbean, Central America and South America",
}

EU_MEMBERS = (
    "AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL PRT "
    "ROU SVK SVN ESP SWE"
)
NATO_MEMBERS = (
    "ALB BEL BGR CAN HRV CZE DNK EST FIN FRA DEU GRC HUN ISL ITA LVA LTU LUX MNE NLD MKD NOR "
    "POL PRT ROU SVK SVN ESP SWE TUR GBR USA"
)
OSCE_MEMBERS = (
    "ALB AND ARM AUT AZE BLR BEL BIH BGR CAN HRV CYP CZE DNK EST FIN FRA GEO DEU GRC VAT HUN "
    "ISL IRL ITA KAZ KGZ LVA LIE LTU LUX MLT MDA MCO MNG MNE NLD MKD NOR POL PRT ROU RUS SMR "
    "SRB SVK SVN ESP SWE CHE TJK TUR TKM UKR GBR USA UZB"
)
COE_MEMBERS = (
    "ALB AND ARM AUT AZE BEL BIH BGR HRV CYP CZE DNK EST FIN FRA GEO DEU GRC HUN ISL IRL ITA "
    "LVA LIE LTU LUX MLT MDA MCO MNE NLD MKD NOR POL PRT ROU SMR SRB SVK SVN ESP SWE CHE TUR "
    "UKR GBR"
)
OECD_MEMBERS = (
    "AUS AUT BEL CAN CHL COL CRI CZE DNK EST FIN FRA DEU GRC HUN ISL IRL ISR ITA JPN KOR LVA "
    "LTU LUX MEX NLD NZL NOR POL PRT SVK SVN ESP SWE CHE TUR GBR USA"
)
G20_MEMBERS = "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN MEX RUS SAU ZAF KOR TUR GBR USA"


def org(
    code: str,
    name: str,
    acronyms: str = "",
    aliases: str = "",
    founded: int | None = None,
    members: str = "",
    **extra: Any,
) -> Record:
    """Return an organisation record (``body`` false) for the ORGANISATIONS table."""
    record: Record = {
        "id": extra.pop("id", f"IGO:{code}"),
        "code": f"IGO:{code}",
        "name": name,
        "acronyms": split_list(acronyms),
        "aliases": split_list(aliases),
        "body": False,
        "parent": extra.pop("parent", None),
        "members": members,
        "founded": founded,
    }
    record.update(extra)
    return record


def body(
    parent: str,
    key: str,
    name: str,
    acronyms: str = "",
    aliases: str = "",
    founded: int | None = None,
    code: str | None = None,
    **extra: Any,
) -> Record:
    """Return a principal-body record; its ``code`` is the parent's unless *code* is given."""
    record: Record = {
        "id": f"IGO:{parent}/{key}",
        "code": f"IGO:{code}" if code else f"IGO:{parent}",
        "name": name,
        "acronyms": split_list(acronyms),
        "aliases": split_list(aliases),
        "body": True,
        "parent": f"IGO:{parent}",
        "members": "",
        "founded": founded,
    }
    if code:
        record["id"] = f"IGO:{code}"
    record.update(extra)
    return record


ORGANISATIONS: list[Record] = [
    # ---------------------------------------------------------------- United Nations
    org(
        "UN",
        "United Nations",
        "UN|U.N.|UNO",
        "United Nations Organization|United Nations Organisation",
        1945,
        "@UN",
        hq="New York",
    ),
    body(
        "UN",
        "UNGA",
        "United Nations General Assembly",
        "UNGA",
        "UN General Assembly|U.N. General Assembly|General Assembly",
        1945,
    ),
    body(
        "UN",
        "UNSC",
        "United Nations Security Council",
        "UNSC",
        "UN Security Council|U.N. Security Council|Security Council of the United Nations",
        1945,
        note="Plain 'Security Council' is not listed: it usually means a national body.",
    ),
    body(
        "UN",
        "SECRETARIAT",
        "United Nations Secretariat",
        "",
        "UN Secretariat|U.N. Secretariat",
        1945,
    ),
    body(
        "UN",
        "ECOSOC",
        "United Nations Economic and Social Council",
        "ECOSOC",
        "UN Economic and Social Council|Economic and Social Council",
        1945,
    ),
    body(
        "UN",
        "UNHRC",
        "United Nations Human Rights Council",
        "UNHRC",
        "UN Human Rights Council|U.N. Human Rights Council|Human Rights Council",
        2006,
        note="Subsidiary body of the General Assembly (not a Charter principal organ).",
    ),
    body(
        "UN",
        "ICJ",
        "International Court of Justice",
        "ICJ",
        "World Court|the World Court|UN International Court of Justice",
        1945,
        code="ICJ",
        hq="The Hague",
    ),
    org(
        "UNCTAD",
        "United Nations Conference on Trade and Development",
        "UNCTAD",
        "UN Trade and Development|UN Conference on Trade and Development",
        1964,
        parent="IGO:UN",
    ),
    org(
        "UNHCR",
        "Office of the United Nations High Commissioner for Refugees",
        "UNHCR",
        "UN refugee agency|U.N. refugee agency|UN Refugee Agency"
        "|United Nations High Commissioner for Refugees|UN High Commissioner for Refugees",
        1950,
        parent="IGO:UN",
    ),
    org(
        "UNICEF",
        "United Nations Children's Fund",
        "UNICEF|Unicef",
        "UN Children's Fund|United Nations International Children's Emergency Fund",
        1946,
        parent="IGO:UN",
    ),
    org(
        "WFP",
        "World Food Programme",
        "WFP",
        "World Food Program|UN World Food Programme|UN World Food Program",
        1961,
        parent="IGO:UN",
    ),
    org(
        "UNDP",
        "United Nations Development Programme",
        "UNDP",
        "UN Development Programme|UN Development Program",
        1965,
        parent="IGO:UN",
    ),
    org(
        "UNEP",
        "United Nations Environment Programme",
        "UNEP",
        "UN Environment Programme|UN Environment",
        1972,
        parent="IGO:UN",
    ),
    org(
        "UNRWA",
        "United Nations Relief and Works Agency for Palestine Refugees in the Near East",
        "UNRWA",
        "UN Relief and Works Agency|UN agency for Palestinian refugees",
        1949,
        parent="IGO:UN",
    ),
    org(
        "OHCHR",
        "Office of the United Nations High Commissioner for Human Rights",
        "OHCHR",
        "UN Human Rights Office|UN human rights office|UN High Commissioner for Human Rights"
        "|United Nations High Commissioner for Human Rights",
        1993,
        parent="IGO:UN",
    ),
    org(
        "OCHA",
        "United Nations Office for the Coordination of Humanitarian Affairs",
        "OCHA|UNOCHA",
        "UN humanitarian office|UN Office for the Coordination of Humanitarian Affairs",
        1991,
        parent="IGO:UN",
    ),
    org(
        "UN_WOMEN",
        "UN Women",
        "",
        "United Nations Entity for Gender Equality",
        2010,
        parent="IGO:UN",
    ),
    org(
        "UNAIDS",
        "Joint United Nations Programme on HIV/AIDS",
        "UNAIDS",
        "",
        1994,
        parent="IGO:UN",
    ),
    org(
        "UNFPA",
        "United Nations Population Fund",
        "UNFPA",
        "UN Population Fund",
        1969,
        parent="IGO:UN",
    ),
    org(
        "UNODC",
        "United Nations Office on Drugs and Crime",
        "UNODC",
        "UN Office on Drugs and Crime",
        1997,
        parent="IGO:UN",
    ),
    org(
        "UNIDO",
        "United Nations Industrial Development Organization",
        "UNIDO",
        "",
        1966,
        parent="IGO:UN",
    ),
    org(
        "WHO",
        "World Health Organization",
        "WHO",
        "World Health Organisation|UN health agency",
        1948,
        parent="IGO:UN",
        note="The acronym WHO must be matched case-sensitively (not 'who').",
    ),
    org(
        "UNESCO",
        "United Nations Educational, Scientific and Cultural Organization",
        "UNESCO|Unesco",
        "UN Educational, Scientific and Cultural Organization",
        1945,
        parent="IGO:UN",
    ),
    org(
        "FAO",
        "Food and Agriculture Organization of the United Nations",
        "FAO",
        "Food and Agriculture Organization|UN Food and Agriculture Organization",
        1945,
        parent="IGO:UN",
    ),
    org(
        "ILO",
        "International Labour Organization",
        "ILO",
        "International Labor Organization|International Labour Organisation",
        1919,
        parent="IGO:UN",
    ),
    org(
        "IMF",
        "International Monetary Fund",
        "IMF",
        "the Fund|International Monetary Fund (IMF)",
        1945,
        parent="IGO:UN",
    ),
    org(
        "WB",
        "World Bank",
        "IBRD",
        "World Bank Group|International Bank for Reconstruction and Development",
        1944,
        parent="IGO:UN",
    ),
    org("ITU", "International Telecommunication Union", "ITU", "", 1865, parent="IGO:UN"),
    org("WMO", "World Meteorological Organization", "WMO", "", 1950, parent="IGO:UN"),
    org("ICAO", "International Civil Aviation Organization", "ICAO", "", 1947, parent="IGO:UN"),
    org("IMO", "International Maritime Organization", "IMO", "", 1948, parent="IGO:UN"),
    org("UPU", "Universal Postal Union", "UPU", "", 1874, parent="IGO:UN"),
    org("WIPO", "World Intellectual Property Organization", "WIPO", "", 1967, parent="IGO:UN"),
    org(
        "IFAD",
        "International Fund for Agricultural Development",
        "IFAD",
        "",
        1977,
        parent="IGO:UN",
    ),
    org(
        "UN_TOURISM",
        "World Tourism Organization",
        "UNWTO",
        "UN Tourism|UN World Tourism Organization",
        1975,
        parent="IGO:UN",
    ),
    org(
        "IAEA",
        "International Atomic Energy Agency",
        "IAEA",
        "UN nuclear watchdog|U.N. nuclear watchdog|UN atomic agency",
        1957,
        parent="IGO:UN",
        hq="Vienna",
    ),
    org(
        "OPCW",
        "Organisation for the Prohibition of Chemical Weapons",
        "OPCW",
        "Organization for the Prohibition of Chemical Weapons|chemical weapons watchdog",
        1997,
        parent="IGO:UN",
        hq="The Hague",
    ),
    org(
        "CTBTO",
        "Preparatory Commission for the Comprehensive Nuclear-Test-Ban Treaty Organization",
        "CTBTO",
        "Comprehensive Nuclear-Test-Ban Treaty Organization",
        1996,
        parent="IGO:UN",
    ),
    org(
        "IOM",
        "International Organization for Migration",
        "IOM",
        "UN migration agency|International Organisation for Migration",
        1951,
        parent="IGO:UN",
    ),
    org(
        "WTO",
        "World Trade Organization",
        "WTO",
        "World Trade Organisation",
        1995,
        parent="IGO:UN",
        note="Related organisation of the UN system, not a specialised agency.",
    ),
    org(
        "ICC",
        "International Criminal Court",
        "ICC",
        "Hague-based International Criminal Court",
        2002,
        hq="The Hague",
        note="Members (states parties to the Rome Statute) not listed: several withdrawals "
        "were pending in 2025-2026.",
    ),
    org(
        "PCA",
        "Permanent Court of Arbitration",
        "PCA",
        "",
        1899,
        hq="The Hague",
    ),
    # ---------------------------------------------------------------- European Union
    org(
        "EU",
        "European Union",
        "EU|E.U.",
        "",
        1993,
        EU_MEMBERS,
        former_members=["GBR"],
        hq="Brussels",
    ),
    body(
        "EU",
        "COMMISSION",
        "European Commission",
        "",
        "EU Commission|Commission of the European Union",
        1958,
    ),
    body("EU", "EUCO", "European Council", "EUCO", "EU summit of leaders", 1975),
    body(
        "EU",
        "COUNCIL",
        "Council of the European Union",
        "",
        "Council of the EU|EU Council|Council of Ministers of the European Union",
        1958,
        note="'EU Council' is also used loosely for the European Council.",
    ),
    body(
        "EU",
        "EP",
        "European Parliament",
        "",
        "EU Parliament|Europarliament",
        1952,
    ),
    body(
        "EU",
        "EEAS",
        "European External Action Service",
        "EEAS",
        "EU diplomatic service",
        2010,
    ),
    body(
        "EU",
        "CJEU",
        "Court of Justice of the European Union",
        "CJEU|ECJ",
        "European Court of Justice|EU Court of Justice",
        1952,
    ),
    body(
        "EU",
        "ECB",
        "European Central Bank",
        "ECB",
        "",
        1998,
        code="ECB",
        hq="Frankfurt",
    ),
    org("EIB", "European Investment Bank", "EIB", "", 1958, parent="IGO:EU"),
    # ---------------------------------------------------------------- NATO
    org(
        "NATO",
        "North Atlantic Treaty Organization",
        "NATO|Nato|OTAN",
        "North Atlantic Treaty Organisation|North Atlantic Alliance|Atlantic Alliance",
        1949,
        NATO_MEMBERS,
        hq="Brussels",
    ),
    body(
        "NATO",
        "NAC",
        "North Atlantic Council",
        "NAC",
        "NATO Council|NATO's North Atlantic Council",
        1949,
    ),
    body("NATO", "MC", "NATO Military Committee", "", "Military Committee of NATO", 1949),
    body(
        "NATO",
        "PA",
        "NATO Parliamentary Assembly",
        "NATO PA",
        "",
        1955,
    ),
    body(
        "NATO",
        "SHAPE",
        "Supreme Headquarters Allied Powers Europe",
        "SHAPE",
        "",
        1951,
    ),
    # ---------------------------------------------------------------- post-Soviet space
    org(
        "CSTO",
        "Collective Security Treaty Organization",
        "CSTO|ODKB",
        "Collective Security Treaty Organisation",
        2002,
        "ARM BLR KAZ KGZ RUS TJK",
        former_members=["AZE", "GEO", "UZB"],
        hq="Moscow",
        note="Armenia froze its participation in 2024 but has not formally withdrawn. "
        "Treaty signed 1992; organisation established 2002.",
    ),
    body(
        "CSTO",
        "CSC",
        "CSTO Collective Security Council",
        "",
        "Collective Security Council|Collective Security Council of the CSTO",
        2002,
    ),
    body(
        "CSTO",
        "CFM",
        "CSTO Council of Foreign Ministers",
        "",
        "Council of Foreign Ministers of the CSTO|CSTO foreign ministers' council",
        2002,
    ),
    body(
        "CSTO",
        "CMD",
        "CSTO Council of Defence Ministers",
        "",
        "CSTO Council of Defense Ministers|Council of Defence Ministers of the CSTO",
        2002,
    ),
    body(
        "CSTO",
        "CSSC",
        "CSTO Committee of Secretaries of Security Councils",
        "",
        "Committee of Secretaries of Security Councils",
        2002,
    ),
    body("CSTO", "SECRETARIAT", "CSTO Secretariat", "", "Secretariat of the CSTO", 2002),
    body(
        "CSTO",
        "PA",
        "CSTO Parliamentary Assembly",
        "",
        "Parliamentary Assembly of the CSTO",
        2006,
    ),
    body(
        "CSTO",
        "CRRF",
        "CSTO Collective Rapid Reaction Force",
        "CRRF|KSOR",
        "Collective Rapid Reaction Force|CSTO peacekeeping forces",
        2009,
    ),
    org(
        "CIS",
        "Commonwealth of Independent States",
        "CIS|SNG",
        "",
        1991,
        "ARM AZE BLR KAZ KGZ MDA RUS TJK UZB",
        former_members=["GEO"],
        associate_members=["TKM"],
        hq="Minsk",
        note="Georgia left in 2009; Ukraine never ratified the Charter and stopped taking "
        "part in 2018; Moldova has been leaving CIS agreements since 2023; Turkmenistan "
        "is an associate member.",
    ),
    body(
        "CIS",
        "CHS",
        "CIS Council of Heads of State",
        "",
        "Council of CIS Heads of State|Council of Heads of State of the CIS",
        1991,
    ),
    body(
        "CIS",
        "CHG",
        "CIS Council of Heads of Government",
        "",
        "Council of Heads of Government of the CIS",
        1991,
    ),
    body(
        "CIS",
        "CFM",
        "CIS Council of Foreign Ministers",
        "",
        "Council of Foreign Ministers of the CIS",
        1993,
    ),
    body(
        "CIS",
        "EXECOM",
        "CIS Executive Committee",
        "",
        "Executive Committee of the CIS|CIS Executive Secretariat",
        1999,
    ),
    body(
        "CIS",
        "IPA",
        "Interparliamentary Assembly of the CIS",
        "IPA CIS",
        "CIS Interparliamentary Assembly|Inter-Parliamentary Assembly of the CIS",
        1992,
    ),
    org(
        "EAEU",
        "Eurasian Economic Union",
        "EAEU|EEU|EAEC",
        "Eurasian Union",
        2015,
        "ARM BLR KAZ KGZ RUS",
        hq="Moscow",
        note="Treaty signed 2014, in force 1 January 2015.",
    ),
    body(
        "EAEU",
        "SEEC",
        "Supreme Eurasian Economic Council",
        "",
        "Supreme Eurasian Economic Council of the EAEU",
        2015,
    ),
    body(
        "EAEU",
        "EIC",
        "Eurasian Intergovernmental Council",
        "",
        "Eurasian Inter-Governmental Council",
        2015,
    ),
    body(
        "EAEU",
        "EEC",
        "Eurasian Economic Commission",
        "EEC",
        "Eurasian Economic Commission of the EAEU",
        2012,
        code="EEC",
        hq="Moscow",
        note="Not the historical European Economic Community (also abbreviated EEC); use "
        "the date and context.",
    ),
    body("EAEU", "COURT", "Court of the Eurasian Economic Union", "", "EAEU Court", 2015),
    org(
        "EURASEC",
        "Eurasian Economic Community",
        "EurAsEC|EurAsEc",
        "",
        2000,
        "BLR KAZ KGZ RUS TJK",
        dissolved=2014,
        former_members=["UZB"],
    ),
    org(
        "UNION_STATE",
        "Union State",
        "",
        "Union State of Russia and Belarus|the Union State of Russia and Belarus"
        "|Union State of Belarus and Russia|Russia-Belarus Union State"
        "|Belarus-Russia Union State",
        1999,
        "BLR RUS",
        hq="Moscow and Minsk",
        note="Treaty signed 8 December 1999, in force 26 January 2000.",
    ),
    body(
        "UNION_STATE",
        "SSC",
        "Supreme State Council of the Union State",
        "",
        "Supreme State Council|Union State Supreme State Council",
        2000,
    ),
    body(
        "UNION_STATE",
        "COM",
        "Council of Ministers of the Union State",
        "",
        "Union State Council of Ministers",
        2000,
    ),
    body(
        "UNION_STATE",
        "STANDING_COMMITTEE",
        "Standing Committee of the Union State",
        "",
        "Permanent Committee of the Union State|Union State Standing Committee"
        "|Union State Permanent Committee",
        2000,
    ),
    body(
        "UNION_STATE",
        "PA",
        "Parliamentary Assembly of the Union of Belarus and Russia",
        "",
        "Parliamentary Assembly of the Union State|Union State Parliamentary Assembly",
        1997,
    ),
    org(
        "SCO",
        "Shanghai Cooperation Organisation",
        "SCO",
        "Shanghai Cooperation Organization|Shanghai Co-operation Organisation",
        2001,
        "BLR CHN IND IRN KAZ KGZ PAK RUS TJK UZB",
        hq="Beijing",
    ),
    body(
        "SCO",
        "CHS",
        "SCO Council of Heads of State",
        "",
        "Council of Heads of State of the SCO|SCO summit",
        2001,
    ),
    body(
        "SCO",
        "CHG",
        "SCO Council of Heads of Government",
        "",
        "Council of Heads of Government of the SCO",
        2001,
    ),
    body(
        "SCO",
        "CFM",
        "SCO Council of Foreign Ministers",
        "",
        "Council of Foreign Ministers of the SCO",
        2001,
    ),
    body("SCO", "SECRETARIAT", "SCO Secretariat", "", "Secretariat of the SCO", 2004),
    body(
        "SCO",
        "RATS",
        "SCO Regional Anti-Terrorist Structure",
        "RATS",
        "Regional Anti-Terrorist Structure",
        2004,
    ),
    org(
        "OTS",
        "Organization of Turkic States",
        "OTS",
        "Organisation of Turkic States|Turkic Council"
        "|Cooperation Council of Turkic Speaking States",
        2009,
        "AZE KAZ KGZ TUR UZB",
        observers=["HUN", "TKM", "XNC"],
    ),
    org(
        "GUAM",
        "GUAM Organization for Democracy and Economic Development",
        "GUAM",
        "",
        1997,
        "AZE GEO MDA UKR",
    ),
    org(
        "BSEC",
        "Organization of the Black Sea Economic Cooperation",
        "BSEC",
        "Black Sea Economic Cooperation",
        1992,
        "ALB ARM AZE BGR GEO GRC MDA MKD ROU RUS SRB TUR UKR",
    ),
    org(
        "EDB",
        "Eurasian Development Bank",
        "EDB",
        "",
        2006,
    ),
    org(
        "CICA",
        "Conference on Interaction and Confidence-Building Measures in Asia",
        "CICA",
        "",
        1992,
    ),
    # ---------------------------------------------------------------- Europe
    org(
        "OSCE",
        "Organization for Security and Co-operation in Europe",
        "OSCE|CSCE",
        "Organisation for Security and Cooperation in Europe"
        "|Organization for Security and Cooperation in Europe"
        "|Organisation for Security and Co-operation in Europe",
        1995,
        OSCE_MEMBERS,
        hq="Vienna",
        note="Successor (1995) of the Conference on Security and Co-operation in Europe "
        "(CSCE, 1975). Members are the 57 participating States.",
    ),
    body(
        "OSCE",
        "MC",
        "OSCE Ministerial Council",
        "",
        "Ministerial Council of the OSCE",
        1995,
    ),
    body("OSCE", "PC", "OSCE Permanent Council", "", "Permanent Council of the OSCE", 1995),
    body(
        "OSCE",
        "ODIHR",
        "Office for Democratic Institutions and Human Rights",
        "ODIHR",
        "OSCE Office for Democratic Institutions and Human Rights",
        1990,
    ),
    body(
        "OSCE",
        "PA",
        "OSCE Parliamentary Assembly",
        "OSCE PA",
        "Parliamentary Assembly of the OSCE",
        1991,
    ),
    body("OSCE", "SECRETARIAT", "OSCE Secretariat", "", "", 1995),
    org(
        "COE",
        "Council of Europe",
        "CoE",
        "",
        1949,
        COE_MEMBERS,
        former_members=["RUS"],
        hq="Strasbourg",
        note="Russia was expelled on 16 March 2022.",
    ),
    body(
        "COE",
        "PACE",
        "Parliamentary Assembly of the Council of Europe",
        "PACE",
        "Council of Europe Parliamentary Assembly",
        1949,
        code="PACE",
    ),
    body(
        "COE",
        "CM",
        "Committee of Ministers of the Council of Europe",
        "",
        "Council of Europe Committee of Ministers",
        1949,
    ),
    body(
        "COE",
        "ECTHR",
        "European Court of Human Rights",
        "ECtHR|ECHR",
        "Strasbourg court|European Court of Human Rights in Strasbourg",
        1959,
        code="ECTHR",
    ),
    body(
        "COE",
        "VENICE",
        "European Commission for Democracy through Law",
        "",
        "Venice Commission",
        1990,
    ),
    org("EBRD", "European Bank for Reconstruction and Development", "EBRD", "", 1991),
    org("EFTA", "European Free Trade Association", "EFTA", "", 1960, "ISL LIE NOR CHE"),
    org("NORDIC_COUNCIL", "Nordic Council", "", "", 1952, "DNK FIN ISL NOR SWE"),
    org(
        "V4",
        "Visegrád Group",
        "V4",
        "Visegrad Group|Visegrad Four|Visegrád Four",
        1991,
        "CZE HUN POL SVK",
    ),
    org("BENELUX", "Benelux Union", "Benelux", "", 1944, "BEL LUX NLD"),
    org(
        "ARCTIC_COUNCIL",
        "Arctic Council",
        "",
        "",
        1996,
        "CAN DNK FIN ISL NOR RUS SWE USA",
    ),
    # ---------------------------------------------------------------- global groupings
    org(
        "BRICS",
        "BRICS",
        "BRICS|BRIC",
        "BRICS group|BRICS+|BRICS Plus",
        2009,
        "BRA RUS IND CHN ZAF EGY ETH IRN ARE IDN",
        note="BRIC held its first summit in 2009; South Africa joined in 2010, Egypt, "
        "Ethiopia, Iran and the UAE in 2024, Indonesia in 2025. Saudi Arabia was invited "
        "but its status is unclear. Partner countries (e.g. Belarus, Kazakhstan, "
        "Uzbekistan) are not listed.",
    ),
    org(
        "NDB",
        "New Development Bank",
        "NDB",
        "BRICS bank|BRICS Development Bank|BRICS New Development Bank",
        2014,
        hq="Shanghai",
    ),
    org(
        "G7",
        "Group of Seven",
        "G7|G-7",
        "",
        1975,
        "CAN FRA DEU ITA JPN GBR USA",
        note="The EU takes part as a non-enumerated member.",
    ),
    org(
        "G8",
        "Group of Eight",
        "G8|G-8",
        "",
        1997,
        "CAN FRA DEU ITA JPN RUS GBR USA",
        dissolved=2014,
        note="Russia's participation was suspended in March 2014.",
    ),
    org(
        "G20",
        "Group of Twenty",
        "G20|G-20",
        "",
        1999,
        G20_MEMBERS,
        organisation_members=["IGO:EU", "IGO:AU"],
    ),
    org(
        "OECD",
        "Organisation for Economic Co-operation and Development",
        "OECD",
        "Organization for Economic Cooperation and Development",
        1961,
        OECD_MEMBERS,
        hq="Paris",
    ),
    org(
        "IEA",
        "International Energy Agency",
        "IEA",
        "",
        1974,
        parent="IGO:OECD",
    ),
    org(
        "OPEC",
        "Organization of the Petroleum Exporting Countries",
        "OPEC|Opec",
        "Organisation of the Petroleum Exporting Countries",
        1960,
        "DZA COG GNQ GAB IRN IRQ KWT LBY NGA SAU ARE VEN",
        former_members=["AGO", "ECU", "IDN", "QAT"],
        hq="Vienna",
    ),
    org(
        "OPEC_PLUS",
        "OPEC+",
        "OPEC+|Opec+",
        "OPEC Plus|Opec Plus",
        2016,
        note="OPEC members plus allied producers led by Russia; membership not listed.",
    ),
    org(
        "INTERPOL",
        "International Criminal Police Organization",
        "INTERPOL|Interpol|ICPO",
        "International Criminal Police Organisation",
        1923,
        hq="Lyon",
    ),
    org("COMMONWEALTH", "Commonwealth of Nations", "", "British Commonwealth", 1949),
    org(
        "OIF",
        "Organisation internationale de la Francophonie",
        "OIF",
        "International Organisation of La Francophonie|La Francophonie|Francophonie",
        1970,
    ),
    org(
        "CPLP",
        "Community of Portuguese Language Countries",
        "CPLP",
        "Community of Portuguese-Speaking Countries",
        1996,
        "AGO BRA CPV GNB GNQ MOZ PRT STP TLS",
    ),
    org(
        "OIC",
        "Organisation of Islamic Cooperation",
        "OIC",
        "Organization of Islamic Cooperation|Organisation of the Islamic Conference"
        "|Organization of the Islamic Conference",
        1969,
        hq="Jeddah",
    ),
    org(
        "QUAD",
        "Quadrilateral Security Dialogue",
        "Quad|QUAD",
        "",
        2007,
        "AUS IND JPN USA",
    ),
    org("AUKUS", "AUKUS", "AUKUS", "AUKUS pact", 2021, "AUS GBR USA"),
    # ---------------------------------------------------------------- Asia-Pacific
    org(
        "ASEAN",
        "Association of Southeast Asian Nations",
        "ASEAN|Asean",
        "Association of South-East Asian Nations",
        1967,
        "BRN KHM IDN LAO MYS MMR PHL SGP THA VNM TLS",
        hq="Jakarta",
        note="Timor-Leste became the 11th member on 26 October 2025.",
    ),
    body("ASEAN", "SECRETARIAT", "ASEAN Secretariat", "", "", 1976),
    body("ASEAN", "ARF", "ASEAN Regional Forum", "ARF", "", 1994),
    org(
        "APEC",
        "Asia-Pacific Economic Cooperation",
        "APEC",
        "Asia Pacific Economic Cooperation",
        1989,
        "AUS BRN CAN CHL CHN IDN JPN KOR MYS MEX NZL PNG PER PHL RUS SGP TWN THA USA VNM",
        note="Hong Kong, China is also a member economy (not a state; not listed).",
    ),
    org(
        "SAARC",
        "South Asian Association for Regional Cooperation",
        "SAARC",
        "",
        1985,
        "AFG BGD BTN IND MDV NPL PAK LKA",
    ),
    org(
        "BIMSTEC",
        "Bay of Bengal Initiative for Multi-Sectoral Technical and Economic Cooperation",
        "BIMSTEC",
        "",
        1997,
        "BGD BTN IND MMR NPL LKA THA",
    ),
    org(
        "ECO",
        "Economic Cooperation Organization",
        "ECO",
        "",
        1985,
        "AFG AZE IRN KAZ KGZ PAK TJK TUR TKM UZB",
    ),
    org("ADB", "Asian Development Bank", "ADB", "", 1966, hq="Manila"),
    org(
        "AIIB",
        "Asian Infrastructure Investment Bank",
        "AIIB",
        "",
        2015,
        hq="Beijing",
    ),
    org("PIF", "Pacific Islands Forum", "PIF", "", 1971),
    # ---------------------------------------------------------------- Middle East
    org(
        "ARAB_LEAGUE",
        "League of Arab States",
        "LAS",
        "Arab League",
        1945,
        "DZA BHR COM DJI EGY IRQ JOR KWT LBN LBY MRT MAR OMN PSE QAT SAU SOM SDN SYR TUN ARE YEM",
        hq="Cairo",
        note="Syria was suspended 2011-2023.",
    ),
    org(
        "GCC",
        "Gulf Cooperation Council",
        "GCC",
        "Cooperation Council for the Arab States of the Gulf|Gulf Co-operation Council",
        1981,
        "BHR KWT OMN QAT SAU ARE",
        hq="Riyadh",
    ),
    # ---------------------------------------------------------------- Africa
    org(
        "AU",
        "African Union",
        "AU",
        "",
        2002,
        "@AU",
        hq="Addis Ababa",
        note="Successor (2002) of the Organisation of African Unity (1963).",
    ),
    body(
        "AU",
        "AUC",
        "African Union Commission",
        "AUC",
        "AU Commission",
        2002,
    ),
    body(
        "AU",
        "PSC",
        "Peace and Security Council of the African Union",
        "",
        "AU Peace and Security Council|African Union Peace and Security Council",
        2004,
    ),
    body("AU", "ASSEMBLY", "Assembly of the African Union", "", "AU Assembly", 2002),
    body("AU", "PAP", "Pan-African Parliament", "PAP", "", 2004),
    org(
        "ECOWAS",
        "Economic Community of West African States",
        "ECOWAS|CEDEAO",
        "",
        1975,
        "BEN CPV CIV GMB GHA GIN GNB LBR NGA SEN SLE TGO",
        former_members=["BFA", "MLI", "MRT", "NER"],
        hq="Abuja",
        note="Burkina Faso, Mali and Niger left on 29 January 2025.",
    ),
    org(
        "AES",
        "Alliance of Sahel States",
        "AES",
        "Confederation of Sahel States|Confederation of the Alliance of Sahel States",
        2023,
        "BFA MLI NER",
    ),
    org(
        "SADC",
        "Southern African Development Community",
        "SADC",
        "",
        1992,
        "AGO BWA COM COD SWZ LSO MDG MWI MUS MOZ NAM SYC ZAF TZA ZMB ZWE",
        hq="Gaborone",
    ),
    org(
        "EAC",
        "East African Community",
        "EAC",
        "",
        2000,
        "BDI COD KEN RWA SOM SSD TZA UGA",
        hq="Arusha",
    ),
    org("IGAD", "Intergovernmental Authority on Development", "IGAD", "", 1996),
    org(
        "ECCAS",
        "Economic Community of Central African States",
        "ECCAS|CEEAC",
        "",
        1983,
    ),
    org(
        "COMESA",
        "Common Market for Eastern and Southern Africa",
        "COMESA",
        "",
        1994,
    ),
    org("AFDB", "African Development Bank", "AfDB", "", 1964),
    # ---------------------------------------------------------------- Americas
    org(
        "OAS",
        "Organization of American States",
        "OAS|OEA",
        "Organisation of American States",
        1948,
        hq="Washington",
        note="Members not listed: Nicaragua left in 2023 and Venezuela's withdrawal is disputed.",
    ),
    org(
        "MERCOSUR",
        "Southern Common Market",
        "MERCOSUR|Mercosur|MERCOSUL|Mercosul",
        "Mercado Común del Sur",
        1991,
        "ARG BOL BRA PRY URY",
        suspended_members=["VEN"],
        note="Bolivia became a full member in 2024; Venezuela suspended since 2016.",
    ),
    org(
        "CELAC",
        "Community of Latin American and Caribbean States",
        "CELAC",
        "",
        2011,
        "@CELAC",
    ),
    org(
        "CARICOM",
        "Caribbean Community",
        "CARICOM|Caricom",
        "",
        1973,
        "ATG BHS BRB BLZ DMA GRD GUY HTI JAM KNA LCA VCT SUR TTO",
        note="Montserrat is also a full member (territory; not listed).",
    ),
    org(
        "SICA",
        "Central American Integration System",
        "SICA",
        "",
        1991,
        "BLZ CRI SLV GTM HND NIC PAN DOM",
    ),
    org("ANDEAN", "Andean Community", "CAN", "Comunidad Andina", 1969, "BOL COL ECU PER"),
    org(
        "PACIFIC_ALLIANCE", "Pacific Alliance", "", "Alianza del Pacífico", 2011, "CHL COL MEX PER"
    ),
    org(
        "ALBA",
        "Bolivarian Alliance for the Peoples of Our America",
        "ALBA|ALBA-TCP",
        "",
        2004,
    ),
    org("UNASUR", "Union of South American Nations", "UNASUR|Unasur", "", 2008),
    org("IDB", "Inter-American Development Bank", "IDB|IADB", "", 1959, hq="Washington"),
]


def expand_members(spec: str, states: list[Record]) -> list[str]:
    """Expand a member specification (codes or a DERIVED_MEMBERS key) into sorted codes."""
    if spec == "@UN":
        return sorted(s["code"] for s in states if s["status"] == "un_member")
    if spec == "@AU":
        return sorted(
            s["code"]
            for s in states
            if (s["continent"] == "Africa" and s["status"] == "un_member") or s["code"] == "ESH"
        )
    if spec == "@CELAC":
        regions = {"Caribbean", "Central America", "South America"}
        return sorted(
            s["code"] for s in states if s["region"] in regions and s["status"] == "un_member"
        )
    return sorted(spec.split())


def build_organisations(states: list[Record]) -> list[Record]:
    """Return organisation and body records with member specifications expanded."""
    records: list[Record] = []
    leading = ("id", "code", "name", "acronyms", "aliases", "body", "parent", "members")
    for item in ORGANISATIONS:
        spec = item["members"]
        record: Record = {key: item[key] for key in leading}
        record["members"] = expand_members(spec, states) if spec else []
        if spec in DERIVED_MEMBERS:
            record["members_derived_from"] = DERIVED_MEMBERS[spec]
        record.update((k, v) for k, v in item.items() if k not in record)
        record["case_sensitive_aliases"] = [
            form for form in [*record["acronyms"], *record["aliases"]] if is_case_sensitive(form)
        ]
        records.append(record)
    return records


# --------------------------------------------------------------------------------------
# Offices
# --------------------------------------------------------------------------------------

# PLOVER/CAMEO agent ("sector") codes used below, as they appear in the NGEC-2025 actor
# resolution tests and the PETRARCH-2 agent dictionaries: GOV government (executive,
# incl. diplomats), MIL military, LEG legislature, JUD judiciary, SPY state intelligence,
# COP police, PTY political party.  There is no separate diplomatic code: ambassadors and
# foreign ministers are GOV.  Defence ministers are GOV with secondary sector MIL.
SECTOR_CODES: dict[str, str] = {
    "GOV": "Government (executive branch, including diplomats and IGO executives)",
    "MIL": "Military",
    "LEG": "Legislature",
    "JUD": "Judiciary",
    "SPY": "State intelligence services",
    "COP": "Police",
    "PTY": "Political party",
    "OPP": "Political opposition",
}


def office(
    office_id: str,
    name: str,
    canonical: str,
    sector: str,
    level: int,
    titles: str,
    **extra: Any,
) -> Record:
    """Return an office record; *titles* is a ``|``-separated list of English surface forms."""
    record: Record = {
        "id": office_id,
        "name": name,
        "canonical": canonical,
        "sector": sector,
        "sector2": extra.pop("sector2", None),
        "level": level,
        "titles": unique(split_list(titles)),
        "country_titles": {k: split_list(v) for k, v in extra.pop("country_titles", {}).items()},
        "institution": extra.pop("institution", False),
        "single_holder": office_id in SINGLE_HOLDER,
    }
    record.update(extra)
    return record


# Offices one person holds at a time for a state or organisation: a title without a name
# ("the Belarusian Foreign Minister") resolves to that holder. Deputies, envoys and ministers
# without portfolio are many at once and do not.
SINGLE_HOLDER = frozenset(
    {
        "head_of_state",
        "head_of_government",
        "foreign_minister",
        "defence_minister",
        "state_secretary",
        "secretary_general",
        "head_of_organisation",
        "vice_president",
        "high_representative",
        "parliament_speaker",
        "national_security_adviser",
        "security_council_secretary",
        "military_chief",
    }
)


OFFICES: list[Record] = [
    office(
        "head_of_state",
        "President",
        "President",
        "GOV",
        1,
        "President|Head of State|head of state|State President|Federal President"
        "|Acting President|Interim President|President-elect|King|Queen|Emperor|Emir|Amir"
        "|Sultan|Grand Duke|Sovereign Prince|Monarch|Supreme Leader|Pope|Captain Regent"
        "|Co-Prince|Chairman of the Presidential Council|Chairman of the State Affairs"
        "|President of the State Affairs|Chairman of the Transitional Sovereignty Council",
        country_titles={
            "IRN": "Supreme Leader|Leader of the Islamic Revolution",
            "VAT": "Pope|Supreme Pontiff|Holy Father",
            "PRK": "Supreme Leader|President of the State Affairs",
        },
        note="Head-of-state titles differ by country; a role's 'title' overrides 'canonical'. "
        "In presidential systems the president also heads the government and has no "
        "separate head_of_government role.",
    ),
    office(
        "vice_president",
        "Vice President",
        "Vice President",
        "GOV",
        2,
        "Vice President|Vice-President|First Vice President|First Vice-President|VP",
    ),
    office(
        "head_of_government",
        "Prime Minister",
        "Prime Minister",
        "GOV",
        2,
        "Prime Minister|PM|Premier|Chancellor|Federal Chancellor|Head of Government"
        "|Acting Prime Minister|Interim Prime Minister|Caretaker Prime Minister"
        "|Chairman of the Government|President of the Government"
        "|President of the Council of Ministers|Chairman of the Cabinet of Ministers"
        "|Chairman of the Council of Ministers|Taoiseach|State Minister",
        country_titles={
            "DEU": "Chancellor|Federal Chancellor",
            "AUT": "Chancellor|Federal Chancellor",
            "CHN": "Premier|Premier of the State Council",
            "RUS": "Chairman of the Government",
            "ESP": "President of the Government",
            "ITA": "President of the Council of Ministers",
            "KGZ": "Chairman of the Cabinet of Ministers",
            "VAT": "Secretary of State|Cardinal Secretary of State",
            "IRN": "President",
            "GEO": "State Minister",
        },
        note="'Chancellor' denotes the head of government only in Germany and Austria; "
        "'State Minister' was Georgia's head of government until 2004.",
    ),
    office(
        "deputy_prime_minister",
        "Deputy Prime Minister",
        "Deputy Prime Minister",
        "GOV",
        3,
        "Deputy Prime Minister|First Deputy Prime Minister|Vice Premier|Vice-Premier"
        "|Deputy Premier|Vice Prime Minister|Deputy PM|Deputy Chairman of the Government"
        "|Deputy Chairman of the Cabinet of Ministers|Deputy Chairman of the Council of Ministers"
        "|Tánaiste",
    ),
    office(
        "foreign_minister",
        "Foreign Minister",
        "Minister of Foreign Affairs",
        "GOV",
        4,
        "Foreign Minister|Minister of Foreign Affairs|Minister for Foreign Affairs"
        "|Foreign Affairs Minister|foreign affairs minister|Foreign Secretary"
        "|Secretary of State|top diplomat|chief diplomat|Federal Foreign Minister"
        "|Acting Foreign Minister|Minister of External Affairs|External Affairs Minister"
        "|Minister for Europe and Foreign Affairs|Secretary of Foreign Affairs"
        "|Secretary for Foreign Affairs|Minister of International Relations and Cooperation"
        "|International Relations Minister|Minister of Foreign Affairs and Trade"
        "|Minister of Foreign Affairs, International Trade and Worship",
        country_titles={
            "USA": "Secretary of State|U.S. Secretary of State|US Secretary of State",
            "GBR": "Foreign Secretary|Secretary of State for Foreign, Commonwealth and "
            "Development Affairs|Foreign, Commonwealth and Development Secretary",
            "IND": "External Affairs Minister|Minister of External Affairs",
            "MEX": "Secretary of Foreign Affairs|Foreign Secretary",
            "PHL": "Secretary of Foreign Affairs|Foreign Affairs Secretary|Foreign Secretary",
            "ZAF": "Minister of International Relations and Cooperation"
            "|International Relations Minister",
            "FRA": "Minister for Europe and Foreign Affairs",
        },
        note="'Secretary of State' means foreign minister for the USA; for GBR it is any "
        "cabinet minister (see 'minister'); for VAT it is the head of government. "
        "'Foreign Secretary' is a civil-service post in IND, PAK, BGD, LKA and NPL "
        "(see deputy_foreign_minister).",
    ),
    office(
        "deputy_foreign_minister",
        "Deputy Foreign Minister",
        "Deputy Minister of Foreign Affairs",
        "GOV",
        6,
        "Deputy Foreign Minister|Deputy Minister of Foreign Affairs"
        "|Deputy Minister for Foreign Affairs|First Deputy Foreign Minister"
        "|First Deputy Minister of Foreign Affairs|Vice Foreign Minister"
        "|Vice Minister of Foreign Affairs|Assistant Foreign Minister"
        "|Minister of State for Foreign Affairs|Deputy Secretary of State"
        "|State Secretary of the Ministry of Foreign Affairs",
        country_titles={
            "USA": "Deputy Secretary of State|Under Secretary of State"
            "|Assistant Secretary of State",
            "IND": "Foreign Secretary",
            "PAK": "Foreign Secretary",
            "BGD": "Foreign Secretary",
            "LKA": "Foreign Secretary",
            "NPL": "Foreign Secretary",
        },
    ),
    office(
        "ambassador",
        "Ambassador",
        "Ambassador",
        "GOV",
        7,
        "Ambassador|Ambassador Extraordinary and Plenipotentiary|ambassador-designate|envoy"
        "|Chargé d'Affaires|Charge d'Affaires|chargé d'affaires|High Commissioner"
        "|Head of Mission|Apostolic Nuncio|Nuncio",
        note="'High Commissioner' is an ambassador between Commonwealth countries, but "
        "'UN High Commissioner for ...' heads an IGO office (head_of_organisation).",
    ),
    office(
        "permanent_representative",
        "Permanent Representative",
        "Permanent Representative",
        "GOV",
        7,
        "Permanent Representative|Permanent Representative to the United Nations"
        "|Permanent Representative to the UN|UN Ambassador|Ambassador to the United Nations"
        "|Ambassador to the UN|envoy to the UN|envoy to the United Nations"
        "|Permanent Observer|Permanent Representative to NATO|Ambassador to NATO"
        "|Permanent Representative to the OSCE|Permanent Representative to the EU",
    ),
    office(
        "special_representative",
        "Special Representative",
        "Special Representative",
        "GOV",
        7,
        "Special Representative|Special Envoy|special envoy|Presidential Envoy"
        "|Special Presidential Envoy|Special Representative of the Secretary-General|SRSG"
        "|Special Coordinator|Special Rapporteur|Plenipotentiary Representative",
    ),
    office(
        "state_secretary",
        "State Secretary",
        "State Secretary",
        "GOV",
        4,
        "State Secretary|Secretary of State of the Union State"
        "|State Secretary of the Union State|Union State Secretary"
        "|State Secretary of the Union State of Russia and Belarus",
        note="For the Union State the State Secretary heads the Standing Committee. "
        "'State Secretary of the Security Council' (Belarus) is security_council_secretary.",
    ),
    office(
        "spokesperson",
        "Spokesperson",
        "Spokesperson",
        "GOV",
        8,
        "spokesperson|spokeswoman|spokesman|press secretary|Press Secretary"
        "|official representative|Official Representative|press officer"
        "|Director of the Information and Press Department|Foreign Ministry spokesperson"
        "|Foreign Ministry spokeswoman|Foreign Ministry spokesman|MFA spokesperson"
        "|Kremlin spokesman|Kremlin spokesperson|White House press secretary"
        "|State Department spokesperson|State Department spokesman"
        "|Press Secretary of the President|Presidential Spokesperson",
    ),
    office(
        "defence_minister",
        "Defence Minister",
        "Minister of Defence",
        "GOV",
        4,
        "Defence Minister|Defense Minister|Minister of Defence|Minister of Defense"
        "|Minister for Defence|Defence Secretary|Defense Secretary|Secretary of Defense"
        "|Secretary of War|Secretary of State for Defence|Minister of National Defence"
        "|Minister of National Defense|Minister of the Armed Forces|Armed Forces Minister"
        "|Federal Minister of Defence",
        sector2="MIL",
        country_titles={
            "USA": "Secretary of Defense|Defense Secretary|Secretary of War",
            "GBR": "Defence Secretary|Secretary of State for Defence",
            "FRA": "Minister of the Armed Forces|Armed Forces Minister",
        },
        note="Coded GOV with secondary sector MIL, as in the NGEC-2025 tests.",
    ),
    office(
        "minister",
        "Minister",
        "Minister",
        "GOV",
        5,
        "Minister|Cabinet Minister|Minister of State|Interior Minister|Minister of the Interior"
        "|Finance Minister|Minister of Finance|Economy Minister|Trade Minister"
        "|Energy Minister|Justice Minister|Health Minister|Home Secretary"
        "|Chancellor of the Exchequer|Treasury Secretary|Secretary of the Treasury"
        "|Commerce Secretary|Cabinet Secretary|Commissioner|European Commissioner"
        "|Minister in charge of Integration and Macroeconomics",
        country_titles={"GBR": "Secretary of State"},
        note="Generic minister; use a role 'title' for the portfolio.",
    ),
    office(
        "secretary_general",
        "Secretary-General",
        "Secretary-General",
        "GOV",
        1,
        "Secretary-General|Secretary General|General Secretary|Executive Secretary"
        "|Director-General|Director General|Managing Director"
        "|Chairman of the Executive Committee|UN chief|U.N. chief|NATO chief|UN Secretary-General"
        "|NATO Secretary General|CSTO Secretary General|OSCE Secretary General"
        "|SCO Secretary-General|CIS Secretary General",
        note="Chief administrative officer of an IGO. 'General Secretary' of a ruling "
        "party is party_leader.",
    ),
    office(
        "head_of_organisation",
        "President",
        "President",
        "GOV",
        1,
        "President of the European Commission|Commission President"
        "|European Commission President|President of the European Council"
        "|European Council President|Chairperson of the African Union Commission"
        "|AU Commission Chairperson|Chairman of the Board of the Eurasian Economic Commission"
        "|President of the United Nations General Assembly|UN General Assembly President"
        "|President of the World Bank|World Bank President|President of the European Central Bank"
        "|ECB President|Chairman of the Supreme State Council|UN High Commissioner"
        "|High Commissioner for Human Rights|High Commissioner for Refugees"
        "|President of the European Parliament",
        note="Presiding or executive head of an IGO or IGO body (not its Secretary-General).",
    ),
    office(
        "high_representative",
        "High Representative",
        "High Representative of the Union for Foreign Affairs and Security Policy",
        "GOV",
        3,
        "High Representative|EU High Representative|EU foreign policy chief"
        "|EU foreign affairs chief|EU's top diplomat|EU top diplomat|HR/VP"
        "|High Representative for Foreign Affairs and Security Policy"
        "|High Representative of the Union for Foreign Affairs and Security Policy"
        "|High Representative for the Common Foreign and Security Policy",
        note="The EU's foreign minister-equivalent (code IGO:EU).",
    ),
    office(
        "parliament",
        "Parliament",
        "Parliament",
        "LEG",
        3,
        "parliament|Parliament|legislature|State Duma|Duma|Federation Council"
        "|National Assembly|House of Representatives|Congress|Senate|House of Commons"
        "|House of Lords|Bundestag|Bundesrat|Verkhovna Rada|Rada|Knesset|Majlis|Sejm|Seimas"
        "|Saeima|Riigikogu|Jogorku Kenesh|Mazhilis|Majilis|Milli Majlis|Oliy Majlis|Mejlis"
        "|Majlisi Oli|Council of the Republic|House of Representatives of the National Assembly"
        "|Storting|Riksdag|Folketing|Diet|National People's Congress|Lok Sabha|Rajya Sabha"
        "|Grand National Assembly|European Parliament|Halk Maslahaty|Parliamentary Assembly"
        "|lower house|upper house",
        institution=True,
        note="An institution, not a person: mentions such as 'the Belarusian parliament' "
        "resolve to the state code with sector LEG.",
    ),
    office(
        "parliament_speaker",
        "Speaker",
        "Speaker of Parliament",
        "LEG",
        3,
        "Speaker|Speaker of Parliament|Speaker of the House|Speaker of the House of "
        "Representatives|Chairman of the State Duma|Duma Speaker|State Duma Speaker"
        "|Chairwoman of the Federation Council|Chairman of the Federation Council"
        "|Chair of the Federation Council|Chairman of Parliament|Chairman of the Verkhovna Rada"
        "|Chairman of the House of Representatives|Chairman of the Council of the Republic"
        "|Chairwoman of the Council of the Republic|Speaker of the National Assembly"
        "|President of the Bundestag|Chairman of the Senate|President of the Senate"
        "|Chairman of the National Assembly|Chairman of the Halk Maslahaty",
    ),
    office(
        "legislator",
        "Member of Parliament",
        "Member of Parliament",
        "LEG",
        8,
        "lawmaker|legislator|MP|member of parliament|Member of Parliament|parliamentarian"
        "|senator|Senator|congressman|congresswoman|Congressman|Congresswoman"
        "|State Duma deputy|Duma deputy|parliamentary deputy|MEP|member of the European "
        "Parliament",
    ),
    office(
        "military_chief",
        "Chief of the General Staff",
        "Chief of the General Staff",
        "MIL",
        5,
        "Chief of the General Staff|Chief of General Staff|Chief of Staff of the Armed Forces"
        "|Chief of the Defence Staff|Chief of Defence Staff|Chief of Defence"
        "|Chairman of the Joint Chiefs of Staff|Commander-in-Chief of the Armed Forces"
        "|Commander-in-Chief|army chief|military chief|top general|Chief of Army Staff"
        "|Chief of the Armed Forces",
    ),
    office(
        "security_council_secretary",
        "Secretary of the Security Council",
        "Secretary of the Security Council",
        "GOV",
        4,
        "Secretary of the Security Council|Security Council Secretary"
        "|State Secretary of the Security Council|Secretary of the National Security and "
        "Defence Council|NSDC Secretary|Secretary of the Supreme National Security Council"
        "|Secretary of the National Security Council",
        note="National security councils (not the UN Security Council).",
    ),
    office(
        "national_security_adviser",
        "National Security Adviser",
        "National Security Adviser",
        "GOV",
        4,
        "National Security Adviser|National Security Advisor|NSA"
        "|Assistant to the President for National Security Affairs",
    ),
    office(
        "chief_of_staff",
        "Chief of Staff",
        "Chief of Staff",
        "GOV",
        4,
        "Chief of Staff|Head of the Presidential Administration|Head of the Presidential Office"
        "|Head of the Office of the President|Head of the President's Office"
        "|Kremlin chief of staff|White House Chief of Staff"
        "|Chief of Staff of the Presidential Administration|Chief Cabinet Secretary",
    ),
    office(
        "intelligence_chief",
        "Intelligence Chief",
        "Head of Intelligence Service",
        "SPY",
        5,
        "intelligence chief|spy chief|Director of the Foreign Intelligence Service"
        "|Director of the Federal Security Service|FSB Director|SVR Director|CIA Director"
        "|Director of the Central Intelligence Agency|Director of National Intelligence"
        "|KGB Chairman|Chairman of the KGB|Head of the National Intelligence Organization"
        "|Director of the National Intelligence Organization|head of military intelligence",
    ),
    office(
        "party_leader",
        "Party Leader",
        "Party Leader",
        "PTY",
        2,
        "party leader|General Secretary of the Communist Party|General Secretary of the "
        "Chinese Communist Party|General Secretary of the Communist Party of China"
        "|party chief|party chairman",
    ),
    office(
        "opposition_leader",
        "Opposition Leader",
        "Leader of the Opposition",
        "OPP",
        3,
        "Leader of the Opposition|opposition leader|leader of the opposition",
    ),
    office(
        "senior_official",
        "Official",
        "Official",
        "GOV",
        6,
        "official|senior official|aide|adviser|advisor|presidential aide|Aide to the President"
        "|Assistant to the President|Adviser to the President|Deputy State Secretary",
        note="Catch-all for senior executive posts without their own office; people "
        "records always give the exact 'title'.",
    ),
    office(
        "government",
        "Government",
        "Government",
        "GOV",
        3,
        "government|Government|cabinet|Cabinet|authorities|administration|Council of Ministers"
        "|Cabinet of Ministers|regime|leadership",
        institution=True,
    ),
    office(
        "foreign_ministry",
        "Foreign Ministry",
        "Ministry of Foreign Affairs",
        "GOV",
        4,
        "Foreign Ministry|Ministry of Foreign Affairs|MFA|Foreign Office|State Department"
        "|Department of State|Ministry of External Affairs|Foreign, Commonwealth and "
        "Development Office|FCDO|Federal Foreign Office|Ministry for Europe and Foreign "
        "Affairs|diplomatic service|Department of Foreign Affairs",
        institution=True,
        country_titles={
            "USA": "State Department|Department of State|Foggy Bottom",
            "GBR": "Foreign Office|FCDO|Foreign, Commonwealth and Development Office",
            "IND": "Ministry of External Affairs|MEA",
            "RUS": "Smolenskaya Square",
            "FRA": "Quai d'Orsay",
        },
    ),
    office(
        "defence_ministry",
        "Defence Ministry",
        "Ministry of Defence",
        "GOV",
        4,
        "Defence Ministry|Defense Ministry|Ministry of Defence|Ministry of Defense|MoD"
        "|Department of Defense|Pentagon|the Pentagon|Department of War|War Department",
        sector2="MIL",
        institution=True,
    ),
    office(
        "armed_forces",
        "Armed Forces",
        "Armed Forces",
        "MIL",
        5,
        "armed forces|Armed Forces|military|army|Army|navy|Navy|air force|Air Force|troops"
        "|soldiers|General Staff|forces",
        institution=True,
    ),
    office(
        "intelligence_service",
        "Intelligence Service",
        "Intelligence Service",
        "SPY",
        5,
        "intelligence service|intelligence agency|security service|FSB|SVR|GRU|KGB|CIA"
        "|MI6|Mossad|MIT|SBU|intelligence services",
        institution=True,
    ),
    office(
        "police",
        "Police",
        "Police",
        "COP",
        6,
        "police|Police|police force|riot police|security forces",
        institution=True,
    ),
    office(
        "judiciary",
        "Court",
        "Court",
        "JUD",
        5,
        "court|Court|Supreme Court|Constitutional Court|judge|judges|prosecutor"
        "|Prosecutor General|Attorney General|judiciary",
        institution=True,
    ),
]


def build_offices() -> list[Record]:
    """Return office records with case-sensitive titles marked."""
    records: list[Record] = []
    for item in OFFICES:
        record = dict(item)
        record["country_titles"] = {k: v for k, v in record["country_titles"].items() if v}
        all_titles = [
            t for ts in [record["titles"], *record["country_titles"].values()] for t in ts
        ]
        record["case_sensitive_titles"] = unique(t for t in all_titles if is_case_sensitive(t))
        records.append(record)
    return records


# --------------------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------------------

# People are written in a compact line format (see parse_people):
#
#   @ Canonical Name | alias | alias ...         starts a person (id=... overrides the id)
#   note: free text                              optional note on the person
#   OFFICE CODE START END [| title] [| key=val]  one role per line
#
# OFFICE is an office id or one of the abbreviations below; CODE is an ISO-3 code or an
# IGO code; START/END are YYYY-MM-DD or YYYY; START "?" means unknown, END "-" means the
# role was believed current when the table was compiled (early 2026).  Extra keys:
# to=CODE (the state or IGO an ambassador/representative is accredited to),
# attested=DATE (a date on which the role is known to have been held), note=TEXT.
OFFICE_ABBREVIATIONS: dict[str, str] = {
    "hos": "head_of_state",
    "hog": "head_of_government",
    "vp": "vice_president",
    "dpm": "deputy_prime_minister",
    "fm": "foreign_minister",
    "dfm": "deputy_foreign_minister",
    "amb": "ambassador",
    "pr": "permanent_representative",
    "sr": "special_representative",
    "ss": "state_secretary",
    "spox": "spokesperson",
    "dm": "defence_minister",
    "min": "minister",
    "sg": "secretary_general",
    "head": "head_of_organisation",
    "hr": "high_representative",
    "spk": "parliament_speaker",
    "leg": "legislator",
    "mil": "military_chief",
    "scs": "security_council_secretary",
    "nsa": "national_security_adviser",
    "cos": "chief_of_staff",
    "intel": "intelligence_chief",
    "party": "party_leader",
    "off": "senior_official",
}

PEOPLE_TEXT: list[str] = []

# ---------------------------------------------------------------- Russia
PEOPLE_TEXT.append(
    """
@ Boris Yeltsin | Boris Nikolayevich Yeltsin | Boris Eltsin
hos RUS 1991-07-10 1999-12-31

@ Vladimir Putin | Vladimir Vladimirovich Putin | Wladimir Putin
intel RUS 1998-07-25 1999-03-29 | Director of the Federal Security Service
scs RUS 1999-03-29 1999-08-09
hog RUS 1999-08-09 2000-05-07 | Chairman of the Government
hos RUS 1999-12-31 2000-05-07 | Acting President
hos RUS 2000-05-07 2008-05-07
hog RUS 2008-05-08 2012-05-07 | Chairman of the Government
hos RUS 2012-05-07 -

@ Dmitry Medvedev | Dmitri Medvedev | Dmitriy Medvedev | Dmitry Anatolyevich Medvedev
cos RUS 2003-10-30 2005-11-14 | Head of the Presidential Administration
dpm RUS 2005-11-14 2008-05-07 | First Deputy Prime Minister
hos RUS 2008-05-07 2012-05-07
hog RUS 2012-05-08 2020-01-15 | Chairman of the Government
off RUS 2020-01-16 - | Deputy Chairman of the Security Council

@ Mikhail Kasyanov | Mikhail Kasianov | Mikhail Mikhailovich Kasyanov
hog RUS 2000-05-07 2004-02-24

@ Viktor Khristenko | Viktor Borisovich Khristenko
hog RUS 2004-02-24 2004-03-05 | Acting Prime Minister
head IGO:EEC 2012-02-01 2016-02-01 | Chairman of the Board of the Eurasian Economic Commission

@ Mikhail Fradkov | Mikhail Yefimovich Fradkov
hog RUS 2004-03-05 2007-09-12
intel RUS 2007-10-06 2016-10-05 | Director of the Foreign Intelligence Service

@ Viktor Zubkov | Viktor Alekseyevich Zubkov
hog RUS 2007-09-14 2008-05-07
dpm RUS 2008-05-12 2012-05-21 | First Deputy Prime Minister

@ Mikhail Mishustin | Mikhail Vladimirovich Mishustin
hog RUS 2020-01-16 -

@ Igor Ivanov | Igor Sergeyevich Ivanov
fm RUS 1998-09-11 2004-03-09
scs RUS 2004-03-09 2007-07-09

@ Sergey Lavrov | Sergei Lavrov | Sergey Viktorovich Lavrov | Sergei Viktorovich Lavrov
pr RUS 1994 2004-03-09 | to=IGO:UN
fm RUS 2004-03-09 -

@ Sergei Ivanov | Sergey Ivanov | Sergei Borisovich Ivanov | Sergey Borisovich Ivanov
scs RUS 1999-11-15 2001-03-28
dm RUS 2001-03-28 2007-02-15
dpm RUS 2005-11-14 2008-05-12
cos RUS 2011-12-22 2016-08-12 | Chief of Staff of the Presidential Administration

@ Vladimir Rushailo | Vladimir Borisovich Rushailo
scs RUS 2001-03-28 2004-03-09
sg IGO:CIS 2004 2007-10-05 | Executive Secretary of the CIS

@ Nikolai Patrushev | Nikolay Patrushev | Nikolai Platonovich Patrushev
intel RUS 1999-08-09 2008-05-12 | Director of the Federal Security Service
scs RUS 2008-05-12 2024-05-12
off RUS 2024-05-14 - | Aide to the President

@ Sergei Shoigu | Sergey Shoigu | Sergei Kuzhugetovich Shoigu | Sergey Kuzhugetovich Shoigu
dm RUS 2012-11-06 2024-05-12
scs RUS 2024-05-12 -

@ Andrey Belousov | Andrei Belousov | Andrey Removich Belousov
dpm RUS 2020-01-21 2024-05-14 | First Deputy Prime Minister
dm RUS 2024-05-14 -

@ Anatoly Serdyukov | Anatoliy Serdyukov | Anatoly Eduardovich Serdyukov
dm RUS 2007-02-15 2012-11-06

@ Igor Sergeyev | Igor Dmitriyevich Sergeyev
dm RUS 1997-05-22 2001-03-28

@ Valery Gerasimov | Valeriy Gerasimov | Valery Vasilyevich Gerasimov
mil RUS 2012-11-09 -

@ Anatoly Kvashnin | Anatoly Vasilyevich Kvashnin
mil RUS 1997 2004

@ Yuri Baluyevsky | Yury Baluyevsky | Yuri Nikolayevich Baluyevsky
mil RUS 2004 2008

@ Nikolai Makarov | Nikolay Makarov | Nikolai Yegorovich Makarov
mil RUS 2008 2012-11-09

@ Alexander Grushko | Aleksandr Grushko | Alexander Viktorovich Grushko
dfm RUS 2005 2012-10-24
pr RUS 2012-10-24 2018-01-22 | Permanent Representative to NATO | to=IGO:NATO
dfm RUS 2018-01-22 -

@ Sergei Ryabkov | Sergey Ryabkov | Sergei Alekseyevich Ryabkov | Sergey Alekseyevich Ryabkov
dfm RUS 2008 -

@ Andrei Rudenko | Andrey Rudenko | Andrei Yurievich Rudenko
dfm RUS 2016 -

@ Sergey Vershinin | Sergei Vershinin | Sergey Vasilyevich Vershinin
dfm RUS 2018 -

@ Maria Zakharova | Mariya Zakharova | Maria Vladimirovna Zakharova
spox RUS 2015-08-10 - | Director of the MFA Information and Press Department

@ Alexander Lukashevich | Aleksandr Lukashevich | Alexander Kazimirovich Lukashevich
spox RUS 2011 2015 | Director of the MFA Information and Press Department
pr RUS 2015 2019 | to=IGO:OSCE

@ Dmitry Peskov | Dmitri Peskov | Dmitry Sergeyevich Peskov
spox RUS 2012-05-22 - | Press Secretary of the President

@ Yuri Ushakov | Yury Ushakov | Yuri Viktorovich Ushakov
amb RUS 1999 2008 | to=USA
off RUS 2012-05-21 - | Aide to the President

@ Anton Vaino | Anton Eduardovich Vaino
cos RUS 2016-08-12 - | Chief of Staff of the Presidential Administration

@ Alexander Bortnikov | Aleksandr Bortnikov | Alexander Vasilyevich Bortnikov
intel RUS 2008-05-12 - | Director of the Federal Security Service

@ Vasily Nebenzya | Vassily Nebenzia | Vasily Alekseyevich Nebenzya
pr RUS 2017-07-27 - | to=IGO:UN

@ Vitaly Churkin | Vitaliy Churkin | Vitaly Ivanovich Churkin
pr RUS 2006-04-08 2017-02-20 | to=IGO:UN

@ Anatoly Antonov | Anatoly Ivanovich Antonov
dfm RUS 2016 2017
amb RUS 2017 2024 | to=USA

@ Alexander Darchiev | Aleksandr Darchiev
amb RUS 2025 - | to=USA

@ Kirill Dmitriev | Kirill Alexandrovich Dmitriev
sr RUS 2025 - | Special Presidential Envoy on Investment and Economic Cooperation

@ Vyacheslav Volodin | Vyacheslav Viktorovich Volodin
spk RUS 2016-10-05 - | Chairman of the State Duma

@ Valentina Matviyenko | Valentina Matvienko | Valentina Ivanovna Matviyenko
spk RUS 2011-09-21 - | Chairwoman of the Federation Council

@ Sergey Mironov | Sergei Mironov | Sergey Mikhailovich Mironov
spk RUS 2001-12-05 2011-05-18 | Chairman of the Federation Council

@ Boris Gryzlov | Boris Vyacheslavovich Gryzlov
spk RUS 2003-12-29 2011-12-14 | Chairman of the State Duma
amb RUS 2022 - | to=BLR

@ Sergey Naryshkin | Sergei Naryshkin | Sergey Yevgenyevich Naryshkin
cos RUS 2008-05-12 2011-12-20 | Head of the Presidential Administration
spk RUS 2011-12-21 2016-10-05 | Chairman of the State Duma
intel RUS 2016-10-05 - | Director of the Foreign Intelligence Service
"""
)

# ---------------------------------------------------------------- Belarus and the Union State
PEOPLE_TEXT.append(
    """
@ Alexander Lukashenko | Aleksandr Lukashenko | Alexandr Lukashenko | Alyaksandr Lukashenka
@+ Aliaksandr Lukashenka | Alexander Lukashenka | Alexander Grigoryevich Lukashenko
@+ Aleksandr Grigoryevich Lukashenko | Alexander Grigorievich Lukashenko
hos BLR 1994-07-20 -
head IGO:UNION_STATE 2000-01-26 - | Chairman of the Supreme State Council of the Union State

@ Sergei Ling | Sergey Ling | Syarhey Ling
hog BLR 1996-11-18 2000-02-18

@ Vladimir Yermoshin | Uladzimir Yarmoshyn
hog BLR 2000-02-18 2001

@ Gennady Novitsky | Henadz Navitski | Gennady Vasilyevich Novitsky
hog BLR 2001-10-01 2003-07-10

@ Sergei Sidorsky | Sergey Sidorsky | Syarhey Sidorski | Sergei Sergeyevich Sidorsky
hog BLR 2003-07-10 2010-12-28

@ Mikhail Myasnikovich | Mikhail Vladimirovich Myasnikovich | Mikhail Miasnikovich
hog BLR 2010-12-28 2014-12-27
spk BLR 2015 2019 | Chairman of the Council of the Republic
head IGO:EEC 2020-02-01 2024-02-01 | Chairman of the Board of the Eurasian Economic Commission

@ Andrei Kobyakov | Andrey Kobyakov | Andrei Vladimirovich Kobyakov
hog BLR 2014-12-27 2018-08-18

@ Sergei Rumas | Sergey Rumas | Sergei Nikolayevich Rumas
hog BLR 2018-08-18 2020-06-03

@ Roman Golovchenko | Raman Halouchanka | Roman Alexandrovich Golovchenko
hog BLR 2020-06-04 2025-03-10

@ Alexander Turchin | Aleksandr Turchin | Alexander Genrikhovich Turchin
hog BLR 2025-03-10 -

@ Ural Latypov | Ural Ramdrakovich Latypov
fm BLR 1998 2000

@ Mikhail Khvostov | Mikhail Mikhailovich Khvostov
fm BLR 2000 2003

@ Sergei Martynov | Sergey Martynov | Syarhey Martynaw | Sergei Nikolayevich Martynov
fm BLR 2003 2012-08-20

@ Vladimir Makei | Vladimir Makey | Uladzimir Makei | Vladimir Vladimirovich Makei
cos BLR 2008 2012-08-20 | Head of the Presidential Administration
fm BLR 2012-08-20 2022-11-26
note: Died in office on 26 November 2022.

@ Sergei Aleinik | Sergey Aleinik | Sergei Aleynik | Siarhei Aleinik | Sergei Fyodorovich Aleinik
dfm BLR 2009 2013
amb BLR 2013 2020 | to=GBR
dfm BLR 2020 2022-02-14
dfm BLR 2022-02-14 2022-12-13 | First Deputy Minister of Foreign Affairs
fm BLR 2022-12-13 2024-06-27
note: Appointed foreign minister on 13 December 2022 (BelTA); replaced on 27 June 2024.

@ Maxim Ryzhenkov | Maksim Ryzhenkov | Maxim Ryzhankou | Maksim Ryzhankou
@+ Maxim Vladimirovich Ryzhenkov
off BLR ? 2024-06-27 | First Deputy Head of the Presidential Administration
fm BLR 2024-06-27 -
note: Appointed foreign minister on 27 June 2024 (BelTA).

@ Igor Sekreta | Ihar Sekreta
dfm BLR ? - | attested=2025-04-15
sr BLR 2025-07-15 - | Special Representative on the Union State Security Guarantees Treaty
note: Start date as deputy foreign minister unknown; in office April 2025 to February 2026.

@ Viktor Khrenin | Viktar Khrenin | Viktor Gennadyevich Khrenin
dm BLR 2020-01-20 -

@ Andrei Ravkov | Andrey Ravkov | Andrei Alekseyevich Ravkov
dm BLR 2014-11-27 2020-01-20
scs BLR 2020-01-20 2020-09-03 | State Secretary of the Security Council

@ Yuri Zhadobin | Yury Zhadobin
dm BLR 2009-12-04 2014-11-27

@ Leonid Maltsev | Leonid Semyonovich Maltsev
dm BLR 2001 2009-12-04

@ Alexander Volfovich | Aleksandr Volfovich | Alexander Grigoryevich Volfovich
scs BLR 2021-01-26 - | State Secretary of the Security Council

@ Natalya Kochanova | Natalia Kochanova | Natallia Kachanava
spk BLR 2019-12-06 - | Chairwoman of the Council of the Republic

@ Dmitry Krutoi | Dmitri Krutoi | Dzmitry Krutoy
cos BLR 2024-06-27 - | Head of the Presidential Administration

@ Pavel Borodin | Pavel Pavlovich Borodin
ss IGO:UNION_STATE 2000-01-26 2011-12-15 | State Secretary of the Union State

@ Grigory Rapota | Grigoriy Rapota | Grigory Alekseyevich Rapota
sg IGO:EURASEC 2001 2007 | Secretary General of EurAsEC
ss IGO:UNION_STATE 2011-12-15 2021-03-19 | State Secretary of the Union State

@ Dmitry Mezentsev | Dmitri Mezentsev | Dmitry Fyodorovich Mezentsev
sg IGO:SCO 2013-01-01 2015-12-31
amb RUS 2019-04-30 2021-03-19 | to=BLR
ss IGO:UNION_STATE 2021-03-19 2025-04-17 | State Secretary of the Union State

@ Sergey Glazyev | Sergei Glazyev | Sergey Yuryevich Glazyev | Sergei Yurievich Glazyev
off RUS 2012-07-30 2019 | Adviser to the President
min IGO:EEC 2019-10-01 2024 | Minister in charge of Integration and Macroeconomics
off IGO:UNION_STATE 2025 2025-04-17 | Deputy State Secretary of the Union State
ss IGO:UNION_STATE 2025-04-17 - | State Secretary of the Union State
note: Named State Secretary on 17 April 2025 (TASS, BelTA), after serving as deputy.
"""
)

# ---------------------------------------------------------------- Ukraine
PEOPLE_TEXT.append(
    """
@ Leonid Kuchma | Leonid Danylovych Kuchma
hos UKR 1994-07-19 2005-01-23

@ Viktor Yushchenko | Viktor Andriyovych Yushchenko | Viktor Yuschenko
hog UKR 1999-12-22 2001-05-29
hos UKR 2005-01-23 2010-02-25

@ Viktor Yanukovych | Viktor Yanukovich | Viktor Fedorovych Yanukovych
hog UKR 2002-11-21 2005-01-05
hog UKR 2006-08-04 2007-12-18
hos UKR 2010-02-25 2014-02-22

@ Oleksandr Turchynov | Oleksandr Turchinov | Alexander Turchinov
hog UKR 2010-03-03 2010-03-11 | Acting Prime Minister
spk UKR 2014-02-22 2014-11-27 | Chairman of the Verkhovna Rada
hos UKR 2014-02-23 2014-06-07 | Acting President
scs UKR 2014-12-16 2019-05-19 | Secretary of the National Security and Defence Council

@ Petro Poroshenko | Petro Oleksiyovych Poroshenko | Pyotr Poroshenko
fm UKR 2009-10-09 2010-03-11
hos UKR 2014-06-07 2019-05-20

@ Volodymyr Zelenskyy | Volodymyr Zelensky | Volodymyr Zelenskiy | Vladimir Zelensky
@+ Volodymyr Oleksandrovych Zelenskyy | Vladimir Zelenskiy
hos UKR 2019-05-20 -

@ Anatoliy Kinakh | Anatoly Kinakh
hog UKR 2001-05-29 2002-11-16

@ Yulia Tymoshenko | Yulia Timoshenko | Yuliya Tymoshenko
hog UKR 2005-01-24 2005-09-08
hog UKR 2007-12-18 2010-03-04

@ Yuriy Yekhanurov | Yuri Yekhanurov
hog UKR 2005-09-22 2006-08-04

@ Mykola Azarov | Nikolai Azarov
hog UKR 2010-03-11 2014-01-28

@ Serhiy Arbuzov | Sergei Arbuzov
hog UKR 2014-01-28 2014-02-27 | Acting Prime Minister

@ Arseniy Yatsenyuk | Arseniy Yatseniuk | Arseny Yatsenyuk
fm UKR 2007-03-21 2007-12-18
spk UKR 2007-12-04 2008-11-12 | Chairman of the Verkhovna Rada
hog UKR 2014-02-27 2016-04-14

@ Volodymyr Groysman | Volodymyr Hroisman
spk UKR 2014-11-27 2016-04-14 | Chairman of the Verkhovna Rada
hog UKR 2016-04-14 2019-08-29

@ Oleksiy Honcharuk | Oleksii Honcharuk
hog UKR 2019-08-29 2020-03-04

@ Denys Shmyhal | Denis Shmygal | Denys Shmygal
hog UKR 2020-03-04 2025-07-16
dm UKR 2025-07-17 2026-01-12
dpm UKR 2026-01-14 - | First Deputy Prime Minister and Minister of Energy

@ Yulia Svyrydenko | Yuliia Svyrydenko | Yulia Sviridenko
dpm UKR 2021-11-04 2025-07-16 | First Deputy Prime Minister and Minister of Economy
hog UKR 2025-07-17 -

@ Borys Tarasyuk | Boris Tarasyuk | Borys Tarasiuk
fm UKR 1998-04-17 2000-09-29
fm UKR 2005-02-04 2007-01-30

@ Anatoliy Zlenko | Anatoly Zlenko
fm UKR 2000-10-02 2003-09-02

@ Kostyantyn Hryshchenko | Konstantin Gryshchenko | Kostiantyn Gryshchenko
fm UKR 2003-09-02 2005-02-03
fm UKR 2010-03-11 2012-12-24

@ Volodymyr Ohryzko | Vladimir Ogryzko
fm UKR 2007-12-18 2009-03-03

@ Volodymyr Khandohiy | Volodymyr Khandogiy
fm UKR 2009-03-03 2009-10-09 | Acting Minister of Foreign Affairs

@ Leonid Kozhara | Leonid Oleksandrovych Kozhara
fm UKR 2012-12-24 2014-02-23

@ Andrii Deshchytsia | Andriy Deshchytsia
fm UKR 2014-02-27 2014-06-19 | Acting Minister of Foreign Affairs

@ Pavlo Klimkin | Pavel Klimkin
fm UKR 2014-06-19 2019-08-29

@ Vadym Prystaiko | Vadim Pristaiko
fm UKR 2019-08-29 2020-07-16

@ Dmytro Kuleba | Dmitry Kuleba | Dmytro Ivanovych Kuleba
fm UKR 2020-07-17 2024-09-04

@ Andrii Sybiha | Andriy Sybiha | Andrii Sybiga | Andriy Sybiga | Andrei Sibiga
fm UKR 2024-09-05 -

@ Oleksii Reznikov | Oleksiy Reznikov | Alexei Reznikov
dm UKR 2021-11-04 2023-09-06

@ Rustem Umerov | Rustem Enverovych Umerov
dm UKR 2023-09-06 2025-07-17
scs UKR 2025 - | Secretary of the National Security and Defence Council

@ Mykhailo Fedorov | Mykhailo Fyodorov | Mikhail Fedorov
dpm UKR 2019 2026-01-13 | Deputy Prime Minister and Minister of Digital Transformation
dm UKR 2026-01-14 -

@ Valerii Zaluzhnyi | Valeriy Zaluzhny | Valery Zaluzhny | Valerii Zaluzhnyy
mil UKR 2021-07-27 2024-02-08 | Commander-in-Chief of the Armed Forces
amb UKR 2024 - | to=GBR

@ Oleksandr Syrskyi | Oleksandr Syrsky | Alexander Syrsky
mil UKR 2024-02-08 - | Commander-in-Chief of the Armed Forces

@ Andriy Yermak | Andrii Yermak | Andrey Yermak
cos UKR 2020-02-11 2025-11-28 | Head of the Office of the President

@ Kyrylo Budanov | Kirill Budanov
intel UKR 2020-08-05 2026-01-02 | Chief of the Defence Intelligence of Ukraine (HUR)
cos UKR 2026-01-02 - | Head of the Office of the President

@ Ruslan Stefanchuk | Ruslan Oleksiyovych Stefanchuk
spk UKR 2021-10-08 - | Chairman of the Verkhovna Rada

@ Dmytro Razumkov | Dmitry Razumkov
spk UKR 2019-08-29 2021-10-07 | Chairman of the Verkhovna Rada
"""
)

# ---------------------------------------------------------------- Moldova
PEOPLE_TEXT.append(
    """
@ Petru Lucinschi
hos MDA 1997-01-15 2001-04-07

@ Vladimir Voronin | Vladimir Nikolayevich Voronin
hos MDA 2001-04-07 2009-09-11

@ Mihai Ghimpu
hos MDA 2009-09-11 2010-12-28 | Acting President

@ Marian Lupu
hos MDA 2010-12-30 2012-03-23 | Acting President

@ Nicolae Timofti
hos MDA 2012-03-23 2016-12-23

@ Igor Dodon | Igor Nikolayevich Dodon
hos MDA 2016-12-23 2020-12-24

@ Maia Sandu | Maya Sandu
hog MDA 2019-06-08 2019-11-14
hos MDA 2020-12-24 -

@ Dumitru Braghiș | Dumitru Braghis
hog MDA 1999-12-21 2001-04-19

@ Vasile Tarlev
hog MDA 2001-04-19 2008-03-31

@ Zinaida Greceanîi | Zinaida Greceanii | Zinaida Grechanyi
hog MDA 2008-03-31 2009-09-14

@ Vlad Filat
hog MDA 2009-09-25 2013-04-25
hos MDA 2010-12-28 2010-12-30 | Acting President

@ Iurie Leancă | Iurie Leanca | Yuri Leanca
fm MDA 2009-09-25 2013-05-30
hog MDA 2013-05-30 2015-02-18

@ Chiril Gaburici
hog MDA 2015-02-18 2015-06-22

@ Natalia Gherman
fm MDA 2013-05-30 2016-01-20
hog MDA 2015-06-22 2015-07-30 | Acting Prime Minister

@ Valeriu Streleț | Valeriu Strelet
hog MDA 2015-07-30 2015-10-29

@ Gheorghe Brega
hog MDA 2015-10-30 2016-01-20 | Acting Prime Minister

@ Pavel Filip
hog MDA 2016-01-20 2019-06-08

@ Ion Chicu
hog MDA 2019-11-14 2020-12-31

@ Aureliu Ciocoi
fm MDA 2019-11-14 2020 | note=Exact end date uncertain.
hog MDA 2020-12-31 2021-08-06 | Acting Prime Minister
fm MDA 2020-12-31 2021-08-06 | Acting Minister of Foreign Affairs

@ Natalia Gavrilița | Natalia Gavrilita
hog MDA 2021-08-06 2023-02-16

@ Dorin Recean
hog MDA 2023-02-16 2025-11-01

@ Alexandru Munteanu
hog MDA 2025-11-01 -
note: Approved by parliament on 31 October 2025; government sworn in on 1 November 2025.

@ Nicolae Tăbăcaru | Nicolae Tabacaru
fm MDA 1997 2000

@ Nicolae Cernomaz
fm MDA 2000 2001

@ Oleg Țulea | Oleg Tulea
fm MDA 2020 2020-12-31

@ Nicolae Dudău | Nicolae Dudau
fm MDA 2001 2004

@ Andrei Stratan
fm MDA 2004 2009-09-25

@ Andrei Galbur
fm MDA 2016-01-20 2018

@ Tudor Ulianovschi
fm MDA 2018 2019-06-08

@ Nicu Popescu
fm MDA 2019-06-08 2019-11-14
fm MDA 2021-08-06 2024-01-29

@ Mihai Popșoi | Mihai Popsoi
fm MDA 2024-01-29 -

@ Igor Grosu
spk MDA 2021-07-29 - | Speaker of Parliament
"""
)

# ---------------------------------------------------------------- South Caucasus
PEOPLE_TEXT.append(
    """
@ Eduard Shevardnadze | Eduard Amvrosiyevich Shevardnadze
hos GEO 1995-11-26 2003-11-23

@ Nino Burjanadze | Nino Burdzhanadze
spk GEO 2001-11-09 2008-06-07 | Chairwoman of Parliament
hos GEO 2003-11-23 2004-01-25 | Acting President
hos GEO 2007-11-25 2008-01-20 | Acting President

@ Mikheil Saakashvili | Mikhail Saakashvili | Misha Saakashvili
hos GEO 2004-01-25 2007-11-25
hos GEO 2008-01-20 2013-11-17

@ Giorgi Margvelashvili
hos GEO 2013-11-17 2018-12-16

@ Salome Zourabichvili | Salome Zurabishvili
fm GEO 2004-03-18 2005-10-19
hos GEO 2018-12-16 2024-12-29
note: Contested the legitimacy of her successor's election in December 2024.

@ Mikheil Kavelashvili | Mikhail Kavelashvili
hos GEO 2024-12-29 -
note: Elected by an electoral college; his legitimacy is disputed by the opposition.

@ Vazha Lortkipanidze
hog GEO 1998 2000-05-11 | State Minister

@ Giorgi Arsenishvili
hog GEO 2000-05-11 2001-12-21 | State Minister

@ Avtandil Jorbenadze
hog GEO 2001-12-21 2003-11-27 | State Minister

@ Zurab Zhvania
hog GEO 2003-11-27 2005-02-03
note: Died in office on 3 February 2005.

@ Zurab Noghaideli | Zurab Nogaideli
hog GEO 2005-02-17 2007-11-16

@ Lado Gurgenidze | Vladimer Gurgenidze
hog GEO 2007-11-22 2008-10-27

@ Grigol Mgaloblishvili
hog GEO 2008-11-01 2009-02-06

@ Nika Gilauri
hog GEO 2009-02-06 2012-07-04

@ Vano Merabishvili | Ivane Merabishvili
hog GEO 2012-07-04 2012-10-25

@ Bidzina Ivanishvili
hog GEO 2012-10-25 2013-11-20

@ Irakli Garibashvili | Irakli Gharibashvili
hog GEO 2013-11-20 2015-12-30
hog GEO 2021-02-22 2024-02-08

@ Giorgi Kvirikashvili
fm GEO 2015-09-01 2015-12-30
hog GEO 2015-12-30 2018-06-20

@ Mamuka Bakhtadze
hog GEO 2018-06-20 2019-09-08

@ Giorgi Gakharia
hog GEO 2019-09-08 2021-02-18

@ Irakli Kobakhidze
spk GEO 2016-11-18 2019-06-21 | Chairman of Parliament
hog GEO 2024-02-08 -

@ Irakli Menagarishvili
fm GEO 1995 2003

@ Tedo Japaridze
fm GEO 2003 2004

@ Gela Bezhuashvili
fm GEO 2005 2008-01-31

@ David Bakradze | Davit Bakradze
fm GEO 2008-01-31 2008-06-07
spk GEO 2008-06-07 2012-10-21 | Chairman of Parliament

@ Eka Tkeshelashvili | Ekaterine Tkeshelashvili
fm GEO 2008 2008-12-05

@ Grigol Vashadze
fm GEO 2008-12-05 2012-10-25

@ Maia Panjikidze
fm GEO 2012-10-25 2014-11-05

@ Tamar Beruchashvili
fm GEO 2014-11-05 2015-09-01

@ Mikheil Janelidze
fm GEO 2015-12-30 2018-06-20

@ David Zalkaliani | Davit Zalkaliani
fm GEO 2018-06-21 2022-04-04

@ Ilia Darchiashvili | Ilya Darchiashvili
fm GEO 2022-04-04 2024

@ Maka Botchorishvili | Maka Bochorishvili
fm GEO 2024 -

@ Robert Kocharyan | Robert Kocharian | Robert Sedraki Kocharyan
hog ARM 1997-03-20 1998-04-10
hos ARM 1998-04-09 2008-04-09

@ Serzh Sargsyan | Serzh Sarkisyan | Serzh Sargsian | Serge Sarkissian
dm ARM 2000-05-20 2007-04-04
hog ARM 2007-04-04 2008-04-09
hos ARM 2008-04-09 2018-04-09
hog ARM 2018-04-17 2018-04-23

@ Armen Sarkissian | Armen Sargsyan
hos ARM 2018-04-09 2022-02-01

@ Alen Simonyan
spk ARM 2021-08-02 - | President of the National Assembly
hos ARM 2022-02-01 2022-03-13 | Acting President

@ Vahagn Khachaturyan | Vahagn Khachaturian
hos ARM 2022-03-13 -

@ Aram Sargsyan | Aram Sarkisyan
hog ARM 1999-11-03 2000-05-02

@ Andranik Margaryan | Andranik Markaryan
hog ARM 2000-05-12 2007-03-25
note: Died in office on 25 March 2007.

@ Tigran Sargsyan | Tigran Sarkisian
hog ARM 2008-04-09 2014-04-13
head IGO:EEC 2016-02-01 2020-02-01 | Chairman of the Board of the Eurasian Economic Commission

@ Hovik Abrahamyan
hog ARM 2014-04-13 2016-09-13

@ Karen Karapetyan
hog ARM 2016-09-13 2018-04-17
hog ARM 2018-04-23 2018-05-08 | Acting Prime Minister

@ Nikol Pashinyan | Nikol Pashinian | Nikol Vovayi Pashinyan
hog ARM 2018-05-08 -

@ Vartan Oskanian | Vardan Oskanyan
fm ARM 1998 2008

@ Edward Nalbandian | Eduard Nalbandyan | Edward Nalbandyan
fm ARM 2008 2018-05-12

@ Zohrab Mnatsakanyan | Zohrab Mnatsakanian
fm ARM 2018-05-12 2020-11-16

@ Ara Aivazian | Ara Ayvazyan
fm ARM 2020-11-18 2021-05-31

@ Ararat Mirzoyan
spk ARM 2019-01-14 2021-08-02 | President of the National Assembly
fm ARM 2021-08-19 -

@ Heydar Aliyev | Heydar Alirza oglu Aliyev | Geidar Aliev
hos AZE 1993-06-24 2003-10-31

@ Ilham Aliyev | Ilham Heydar oglu Aliyev | Ilham Aliev
hog AZE 2003-08-04 2003-10-31
hos AZE 2003-10-31 -

@ Mehriban Aliyeva | Mehriban Aliyeva Pashayeva
vp AZE 2017-02-21 - | First Vice President

@ Artur Rasizade | Artur Rasi-Zade
hog AZE 1996-11-26 2003-08-04
hog AZE 2003-11-04 2018-04-21

@ Novruz Mammadov | Novruz Mamedov
hog AZE 2018-04-21 2019-10-08

@ Ali Asadov | Ali Akhmed oglu Asadov
hog AZE 2019-10-08 -

@ Vilayat Guliyev | Vilayat Guliev
fm AZE 1999 2004-04-02

@ Elmar Mammadyarov | Elmar Mamedyarov | Elmar Mammadyarov
fm AZE 2004-04-02 2020-07-16

@ Jeyhun Bayramov | Ceyhun Bayramov | Jeyhun Aziz oglu Bayramov
fm AZE 2020-07-16 -
"""
)

# ---------------------------------------------------------------- Central Asia
PEOPLE_TEXT.append(
    """
@ Nursultan Nazarbayev | Nursultan Nazarbaev | Nursultan Abishevich Nazarbayev
hos KAZ 1990-04-24 2019-03-20

@ Kassym-Jomart Tokayev | Kassym-Jomart Tokaev | Qasym-Jomart Toqayev | Kasym-Zhomart Tokayev
@+ Kassym-Jomart Kemelevich Tokayev
fm KAZ 1994-10-13 1999-10-01
hog KAZ 1999-10-01 2002-01-28
fm KAZ 2002-01-28 2007-01-10
spk KAZ 2007-01-11 2011-04-15 | Chairman of the Senate
off IGO:UN 2011-03-12 2013-10-15 | Director-General of the United Nations Office at Geneva
spk KAZ 2013-10-16 2019-03-19 | Chairman of the Senate
hos KAZ 2019-03-20 -

@ Imangali Tasmagambetov | Imangali Nurgalievich Tasmagambetov
hog KAZ 2002-01-28 2003-06-13
sg IGO:CSTO 2023-01-01 2025-12-31

@ Daniyal Akhmetov | Daniyal Kenzhetayevich Akhmetov
hog KAZ 2003-06-13 2007-01-09

@ Karim Massimov | Karim Masimov
hog KAZ 2007-01-10 2012-09-24
hog KAZ 2014-04-02 2016-09-08
intel KAZ 2016-09-09 2022-01-06 | Chairman of the National Security Committee

@ Serik Akhmetov
hog KAZ 2012-09-24 2014-04-02

@ Bakhytzhan Sagintayev | Bakytzhan Sagintayev | Bakhyt Sagintayev
hog KAZ 2016-09-09 2019-02-21
head IGO:EEC 2024-02-01 - | Chairman of the Board of the Eurasian Economic Commission

@ Askar Mamin | Askar Uzakpayevich Mamin
hog KAZ 2019-02-25 2022-01-05

@ Alikhan Smailov
hog KAZ 2022-01-11 2024-02-05

@ Oljas Bektenov | Olzhas Bektenov
hog KAZ 2024-02-06 -

@ Yerlan Idrissov | Erlan Idrissov | Yerlan Idrisov
fm KAZ 1999-10-01 2002-01-28
fm KAZ 2012-09-28 2016-12-28

@ Marat Tazhin
fm KAZ 2007-01-10 2009

@ Kanat Saudabayev | Kanat Saudabaev
fm KAZ 2009 2011

@ Yerzhan Kazykhanov | Erzhan Kazykhanov | Yerzhan Kazykhan
fm KAZ 2011 2012-09-28

@ Kairat Abdrakhmanov
fm KAZ 2016-12-28 2018-12-18

@ Beibut Atamkulov
fm KAZ 2018-12-18 2019-09-18

@ Mukhtar Tileuberdi | Mukhtar Tleuberdi
fm KAZ 2019-09-18 2023-04-03

@ Murat Nurtleu
fm KAZ 2023-04-03 2025-09-26

@ Yermek Kosherbayev | Ermek Kosherbayev | Yermek Kosherbaev
fm KAZ 2025-09-26 -

@ Askar Akayev | Askar Akaev
hos KGZ 1990-10-27 2005-04-11

@ Kurmanbek Bakiyev | Kurmanbek Bakiev
hog KGZ 2000-12-21 2002-05-22
hog KGZ 2005-03-25 2005-08-15 | Acting Prime Minister
hos KGZ 2005-03-25 2005-08-14 | Acting President
hos KGZ 2005-08-14 2010-04-15

@ Roza Otunbayeva | Roza Otunbaeva
fm KGZ 2005 2005 | Acting Minister of Foreign Affairs
hog KGZ 2010-04-07 2010-12-17 | Head of the Interim Government
hos KGZ 2010-04-07 2011-12-01 | Interim President

@ Almazbek Atambayev | Almazbek Atambaev
hog KGZ 2007-03-29 2007-11-28
hog KGZ 2010-12-17 2011-12-01
hos KGZ 2011-12-01 2017-11-24

@ Sooronbay Jeenbekov | Sooronbai Jeenbekov | Sooronbay Zheenbekov
hog KGZ 2016-04-13 2017-08-22
hos KGZ 2017-11-24 2020-10-15

@ Sadyr Japarov | Sadyr Zhaparov
hog KGZ 2020-10-10 2020-11-14
hos KGZ 2020-10-16 2020-11-14 | Acting President
hos KGZ 2021-01-28 -

@ Talant Mamytov
hos KGZ 2020-11-14 2021-01-28 | Acting President

@ Amangeldy Muraliev
hog KGZ 1999 2000-12-21

@ Nikolai Tanayev | Nikolay Tanaev
hog KGZ 2002-05-22 2005-03-25

@ Feliks Kulov | Felix Kulov
hog KGZ 2005-09-01 2007-01-29

@ Azim Isabekov
hog KGZ 2007-01-29 2007-03-29

@ Igor Chudinov
hog KGZ 2007-12-24 2009-10-21

@ Daniyar Usenov | Daniar Usenov
hog KGZ 2009-10-21 2010-04-07

@ Omurbek Babanov
hog KGZ 2011-12-23 2012-09-01

@ Jantoro Satybaldiyev | Zhantoro Satybaldiev
hog KGZ 2012-09-05 2014-03-25

@ Djoomart Otorbaev | Joomart Otorbayev
hog KGZ 2014-04-03 2015-05-01

@ Temir Sariyev | Temir Sariev
hog KGZ 2015-05-02 2016-04-13

@ Sapar Isakov
hog KGZ 2017-08-26 2018-04-20

@ Mukhammedkalyi Abylgaziev | Mukhammedkaly Abylgaziev
hog KGZ 2018-04-20 2020-06-15

@ Kubatbek Boronov
hog KGZ 2020-06-17 2020-10-06

@ Artem Novikov
hog KGZ 2020-11-14 2021-02-03 | Acting Prime Minister

@ Ulukbek Maripov
hog KGZ 2021-02-03 2021-10-12 | Chairman of the Cabinet of Ministers

@ Akylbek Japarov | Akylbek Zhaparov
hog KGZ 2021-10-12 2024-12-16 | Chairman of the Cabinet of Ministers

@ Adylbek Kasymaliev | Adylbek Kasymaliyev
hog KGZ 2024-12-16 - | Chairman of the Cabinet of Ministers

@ Muratbek Imanaliev | Muratbek Imanaliyev
fm KGZ 1997 2002
sg IGO:SCO 2010-01-01 2012-12-31

@ Askar Aitmatov
fm KGZ 2002 2005

@ Alikbek Jekshenkulov | Alikbek Dzhekshenkulov
fm KGZ 2005 2007

@ Ednan Karabayev | Ednan Karabaev
fm KGZ 2007 2009

@ Kadyrbek Sarbayev | Kadyrbek Sarbaev
fm KGZ 2009 2010

@ Ruslan Kazakbayev | Ruslan Kazakbaev
fm KGZ 2010 2012
fm KGZ 2020-10-14 2022-04-22

@ Erlan Abdyldayev | Erlan Abdyldaev
fm KGZ 2012 2018

@ Chingiz Aidarbekov | Chingiz Aydarbekov
fm KGZ 2018 2020-10-14

@ Jeenbek Kulubaev | Zheenbek Kulubaev | Jeenbek Kulubayev
fm KGZ 2022-04-22 -

@ Taalatbek Masadykov
sg IGO:CSTO 2026-01-01 -
note: Appointed by the CSTO Collective Security Council on 27 November 2025.

@ Emomali Rahmon | Emomali Rahmonov | Emomalii Rahmon | Emomali Sharipovich Rahmon
hos TJK 1992-11-19 1994-11-16 | Chairman of the Supreme Assembly
hos TJK 1994-11-16 -

@ Oqil Oqilov | Akil Akilov | Aqil Aqilov
hog TJK 1999-12-20 2013-11-23

@ Qohir Rasulzoda | Kokhir Rasulzoda | Qahhor Rasulzoda
hog TJK 2013-11-23 -

@ Talbak Nazarov
fm TJK 1994 2006

@ Hamrokhon Zarifi | Khamrokhon Zarifi
fm TJK 2006 2013-11-28

@ Sirojiddin Muhriddin | Sirodjidin Aslov | Sirojiddin Aslov | Sirodjidin Muhriddin
fm TJK 2013-11-28 -

@ Rustam Emomali | Rustam Emomalii
spk TJK 2020-04-17 - | Chairman of the National Assembly (Majlisi Milli)

@ Saparmurat Niyazov | Turkmenbashi | Saparmurat Turkmenbashi
hos TKM 1990-10-27 2006-12-21

@ Gurbanguly Berdimuhamedow | Gurbanguly Berdymukhamedov | Gurbanguly Berdimuhamedov
hos TKM 2006-12-21 2007-02-14 | Acting President
hos TKM 2007-02-14 2022-03-19
spk TKM 2021 - | Chairman of the Halk Maslahaty

@ Serdar Berdimuhamedow | Serdar Berdymukhamedov | Serdar Berdimuhamedov
hos TKM 2022-03-19 -

@ Boris Shikhmuradov | Boris Shihmuradov
fm TKM 1995 2000

@ Batyr Berdiyev | Batyr Berdyev
fm TKM 2000 2001

@ Rashid Meredov | Rashit Meredow
fm TKM 2001 -

@ Islam Karimov | Islam Abduganiyevich Karimov
hos UZB 1990-03-24 2016-09-02
note: Died in office on 2 September 2016.

@ Nigmatilla Yuldashev | Nigmatilla Yuldoshev
hos UZB 2016-09-02 2016-09-08 | Acting President

@ Shavkat Mirziyoyev | Shavkat Mirziyaev | Shavkat Mirziyoev | Shavkat Miromonovich Mirziyoyev
hog UZB 2003-12-12 2016-12-14
hos UZB 2016-09-08 2016-12-14 | Acting President
hos UZB 2016-12-14 -

@ Otkir Sultonov | Utkir Sultanov | O'tkir Sultonov
hog UZB 1995-12-21 2003-12-12

@ Abdulla Aripov
hog UZB 2016-12-14 -

@ Abdulaziz Komilov | Abdulaziz Kamilov
fm UZB 1994 2003
fm UZB 2012 2022

@ Sodiq Safoyev | Sadyk Safaev
fm UZB 2003 2005
note: Replaced by Elyor Ganiyev in February 2005 (RFE/RL).

@ Elyor Ganiyev | Elyor Ganiev
fm UZB 2005 2006-07-12
fm UZB 2010 2012

@ Vladimir Norov | Vladimir Imamovich Norov
fm UZB 2006-07-12 2010
sg IGO:SCO 2019-01-01 2021-12-31
fm UZB 2022 2022-12-30

@ Bakhtiyor Saidov | Baxtiyor Saidov | Bakhtiyor Saidov
fm UZB 2022-12-30 -
note: Acting minister from 30 December 2022, confirmed in April 2023.
"""
)

# ---------------------------------------------------------------- Baltic states
PEOPLE_TEXT.append(
    """
@ Lennart Meri
hos EST 1992-10-06 2001-10-08

@ Arnold Rüütel | Arnold Ruutel
hos EST 2001-10-08 2006-10-09

@ Toomas Hendrik Ilves | Toomas Ilves
fm EST 1999-03-25 2002-01-28
hos EST 2006-10-09 2016-10-10

@ Kersti Kaljulaid
hos EST 2016-10-10 2021-10-11

@ Alar Karis
hos EST 2021-10-11 -

@ Mart Laar
hog EST 1999-03-25 2002-01-28

@ Siim Kallas
hog EST 2002-01-28 2003-04-10

@ Juhan Parts
hog EST 2003-04-10 2005-04-13

@ Andrus Ansip
hog EST 2005-04-13 2014-03-26

@ Taavi Rõivas | Taavi Roivas
hog EST 2014-03-26 2016-11-23

@ Jüri Ratas | Juri Ratas
hog EST 2016-11-23 2021-01-26

@ Kaja Kallas
hog EST 2021-01-26 2024-07-23
hr IGO:EU 2024-12-01 -

@ Kristen Michal
hog EST 2024-07-23 -

@ Kristiina Ojuland
fm EST 2002-01-28 2005-02-10

@ Rein Lang
fm EST 2005-02-10 2005-04-13

@ Urmas Paet
fm EST 2005-04-13 2014

@ Keit Pentus-Rosimannus | Keit Pentus
fm EST 2014 2015-04-09

@ Jürgen Ligi | Jurgen Ligi
fm EST 2015-04-09 2015-07-16

@ Marina Kaljurand
fm EST 2015-07-16 2016

@ Sven Mikser
fm EST 2016-11-23 2019-04-29

@ Urmas Reinsalu
fm EST 2019-04-29 2021-01-26
fm EST 2022-07-18 2023-04-17

@ Eva-Maria Liimets
fm EST 2021-01-26 2022-07-18

@ Margus Tsahkna
fm EST 2023-04-17 -

@ Vaira Vīķe-Freiberga | Vaira Vike-Freiberga
hos LVA 1999-07-08 2007-07-08

@ Valdis Zatlers
hos LVA 2007-07-08 2011-07-08

@ Andris Bērziņš | Andris Berzins | id=andris_berzins_1944
hos LVA 2011-07-08 2015-07-08
note: President of Latvia (born 1944); not the prime minister of the same name.

@ Andris Bērziņš | Andris Berzins | id=andris_berzins_1951
hog LVA 2000-05-05 2002-11-07
note: Prime Minister of Latvia (born 1951); not the president of the same name.

@ Raimonds Vējonis | Raimonds Vejonis
hos LVA 2015-07-08 2019-07-08

@ Egils Levits
hos LVA 2019-07-08 2023-07-08

@ Edgars Rinkēvičs | Edgars Rinkevics
fm LVA 2011-10-25 2023-07-08
hos LVA 2023-07-08 -

@ Andris Šķēle | Andris Skele
hog LVA 1999-07-16 2000-05-05

@ Einars Repše | Einars Repse
hog LVA 2002-11-07 2004-03-09

@ Indulis Emsis
hog LVA 2004-03-09 2004-12-02

@ Aigars Kalvītis | Aigars Kalvitis
hog LVA 2004-12-02 2007-12-20

@ Ivars Godmanis
hog LVA 2007-12-20 2009-03-12

@ Valdis Dombrovskis
hog LVA 2009-03-12 2014-01-22

@ Laimdota Straujuma
hog LVA 2014-01-22 2016-02-11

@ Māris Kučinskis | Maris Kucinskis
hog LVA 2016-02-11 2019-01-23

@ Krišjānis Kariņš | Krisjanis Karins
hog LVA 2019-01-23 2023-09-15
fm LVA 2023-09-15 2024-03-31

@ Evika Siliņa | Evika Silina
hog LVA 2023-09-15 -

@ Indulis Bērziņš | Indulis Berzins
fm LVA 1998 2002

@ Sandra Kalniete
fm LVA 2002-11-07 2004-03-09

@ Rihards Pīks | Rihards Piks
fm LVA 2004-03-09 2004-12-02

@ Artis Pabriks
fm LVA 2004-12-02 2007

@ Māris Riekstiņš | Maris Riekstins
fm LVA 2007 2010

@ Aivis Ronis
fm LVA 2010 2011

@ Baiba Braže | Baiba Braze
fm LVA 2024 -

@ Valdas Adamkus
hos LTU 1998-02-26 2003-02-26
hos LTU 2004-07-12 2009-07-12

@ Rolandas Paksas
hog LTU 2000-10-26 2001-06-20
hos LTU 2003-02-26 2004-04-06

@ Artūras Paulauskas | Arturas Paulauskas
hos LTU 2004-04-06 2004-07-12 | Acting President

@ Dalia Grybauskaitė | Dalia Grybauskaite
hos LTU 2009-07-12 2019-07-12

@ Gitanas Nausėda | Gitanas Nauseda
hos LTU 2019-07-12 -

@ Andrius Kubilius
hog LTU 1999-11-03 2000-10-26
hog LTU 2008-12-09 2012-12-13

@ Algirdas Brazauskas
hog LTU 2001-07-03 2006-06-01

@ Gediminas Kirkilas
hog LTU 2006-07-18 2008-12-09

@ Algirdas Butkevičius | Algirdas Butkevicius
hog LTU 2012-12-13 2016-12-13

@ Saulius Skvernelis
hog LTU 2016-12-13 2020-12-11

@ Ingrida Šimonytė | Ingrida Simonyte
hog LTU 2020-12-11 2024-12-12

@ Gintautas Paluckas
hog LTU 2024-12-12 2025-08-04

@ Inga Ruginienė | Inga Ruginiene
hog LTU 2025-08-26 -

@ Antanas Valionis
fm LTU 2000 2006

@ Petras Vaitiekūnas | Petras Vaitiekunas
fm LTU 2006 2008-12-09

@ Vygaudas Ušackas | Vygaudas Usackas
fm LTU 2008-12-09 2010

@ Audronius Ažubalis | Audronius Azubalis
fm LTU 2010 2012-12-13

@ Linas Linkevičius | Linas Linkevicius
fm LTU 2012-12-13 2020-12-11

@ Gabrielius Landsbergis
fm LTU 2020-12-11 2024-12-12

@ Kęstutis Budrys | Kestutis Budrys
fm LTU 2024-12-12 -
"""
)

# ---------------------------------------------------------------- United States
PEOPLE_TEXT.append(
    """
@ Bill Clinton | William Jefferson Clinton | William J. Clinton
hos USA 1993-01-20 2001-01-20

@ George W. Bush | George Walker Bush | George W Bush
hos USA 2001-01-20 2009-01-20

@ Barack Obama | Barack Hussein Obama
hos USA 2009-01-20 2017-01-20

@ Donald Trump | Donald J. Trump | Donald John Trump
hos USA 2017-01-20 2021-01-20
hos USA 2025-01-20 -

@ Joe Biden | Joseph R. Biden | Joseph Robinette Biden | Joseph Biden
vp USA 2009-01-20 2017-01-20
hos USA 2021-01-20 2025-01-20

@ Al Gore | Albert Gore
vp USA 1993-01-20 2001-01-20

@ Dick Cheney | Richard Cheney | Richard B. Cheney
vp USA 2001-01-20 2009-01-20

@ Mike Pence | Michael Pence | Michael R. Pence
vp USA 2017-01-20 2021-01-20

@ Kamala Harris | Kamala D. Harris
vp USA 2021-01-20 2025-01-20

@ JD Vance | J.D. Vance | James David Vance | J. D. Vance
vp USA 2025-01-20 -

@ Madeleine Albright | Madeleine K. Albright
fm USA 1997-01-23 2001-01-20 | Secretary of State

@ Colin Powell | Colin L. Powell
fm USA 2001-01-20 2005-01-26 | Secretary of State

@ Condoleezza Rice | Condi Rice
nsa USA 2001-01-20 2005-01-26
fm USA 2005-01-26 2009-01-20 | Secretary of State

@ Hillary Clinton | Hillary Rodham Clinton
fm USA 2009-01-21 2013-02-01 | Secretary of State

@ John Kerry | John F. Kerry
fm USA 2013-02-01 2017-01-20 | Secretary of State
sr USA 2021-01-20 2024-03-06 | Special Presidential Envoy for Climate

@ Rex Tillerson | Rex W. Tillerson
fm USA 2017-02-01 2018-03-31 | Secretary of State

@ Mike Pompeo | Michael R. Pompeo | Michael Pompeo
intel USA 2017-01-23 2018-04-26 | Director of the Central Intelligence Agency
fm USA 2018-04-26 2021-01-20 | Secretary of State

@ Antony Blinken | Antony J. Blinken | Tony Blinken
dfm USA 2015-01-09 2017-01-20 | Deputy Secretary of State
fm USA 2021-01-26 2025-01-20 | Secretary of State

@ Marco Rubio | Marco Antonio Rubio
leg USA 2011-01-03 2025-01-20 | Senator
fm USA 2025-01-21 - | Secretary of State
nsa USA 2025-05-01 - | Acting National Security Advisor

@ William Cohen | William S. Cohen
dm USA 1997-01-24 2001-01-20 | Secretary of Defense

@ Donald Rumsfeld | Donald H. Rumsfeld
dm USA 2001-01-20 2006-12-18 | Secretary of Defense

@ Robert Gates | Robert M. Gates
dm USA 2006-12-18 2011-07-01 | Secretary of Defense

@ Leon Panetta | Leon E. Panetta
intel USA 2009-02-13 2011-06-30 | Director of the Central Intelligence Agency
dm USA 2011-07-01 2013-02-26 | Secretary of Defense

@ Chuck Hagel | Charles Hagel
dm USA 2013-02-27 2015-02-17 | Secretary of Defense

@ Ash Carter | Ashton Carter | Ashton B. Carter
dm USA 2015-02-17 2017-01-20 | Secretary of Defense

@ Jim Mattis | James Mattis | James N. Mattis
dm USA 2017-01-20 2019-01-01 | Secretary of Defense

@ Mark Esper | Mark T. Esper
dm USA 2019-07-23 2020-11-09 | Secretary of Defense

@ Lloyd Austin | Lloyd J. Austin
dm USA 2021-01-22 2025-01-20 | Secretary of Defense

@ Pete Hegseth | Peter Hegseth | Peter B. Hegseth
dm USA 2025-01-25 - | Secretary of Defense (Secretary of War from September 2025)

@ Stephen Hadley | Stephen J. Hadley
nsa USA 2005-01-26 2009-01-20

@ James L. Jones | James Jones
nsa USA 2009-01-20 2010-10-08

@ Tom Donilon | Thomas Donilon
nsa USA 2010-10-08 2013-07-01

@ Susan Rice | Susan E. Rice
pr USA 2009-01-22 2013-06-30 | to=IGO:UN
nsa USA 2013-07-01 2017-01-20

@ Michael Flynn | Michael T. Flynn
nsa USA 2017-01-20 2017-02-13

@ H. R. McMaster | H.R. McMaster | Herbert Raymond McMaster
nsa USA 2017-02-20 2018-04-09

@ John Bolton | John R. Bolton
pr USA 2005-08-02 2006-12-31 | to=IGO:UN
nsa USA 2018-04-09 2019-09-10

@ Robert O'Brien | Robert C. O'Brien
nsa USA 2019-09-18 2021-01-20

@ Jake Sullivan | Jacob Sullivan
nsa USA 2021-01-20 2025-01-20

@ Mike Waltz | Michael Waltz
nsa USA 2025-01-20 2025-05-01
pr USA 2025 - | to=IGO:UN

@ John Negroponte | John D. Negroponte
pr USA 2001-09-19 2004-06-23 | to=IGO:UN

@ Zalmay Khalilzad
pr USA 2007-04-30 2009-01-20 | to=IGO:UN

@ Samantha Power
pr USA 2013-08-05 2017-01-20 | to=IGO:UN

@ Nikki Haley | Nimarata Nikki Randhawa Haley
pr USA 2017-01-27 2018-12-31 | to=IGO:UN

@ Kelly Craft | Kelly Knight Craft
pr USA 2019-09-12 2021-01-20 | to=IGO:UN

@ Linda Thomas-Greenfield
pr USA 2021-02-25 2025-01-20 | to=IGO:UN

@ Steve Witkoff | Steven Witkoff | Steven Charles Witkoff
sr USA 2025-01-20 - | Special Envoy to the Middle East

@ Ned Price | Edward Price
spox USA 2021-01-20 2023 | State Department Spokesperson

@ Matthew Miller
spox USA 2023 2025-01-20 | State Department Spokesperson

@ Karoline Leavitt
spox USA 2025-01-20 - | White House Press Secretary

@ Dennis Hastert | J. Dennis Hastert
spk USA 1999-01-06 2007-01-03 | Speaker of the House of Representatives

@ Nancy Pelosi
spk USA 2007-01-04 2011-01-03 | Speaker of the House of Representatives
spk USA 2019-01-03 2023-01-03 | Speaker of the House of Representatives

@ John Boehner | John A. Boehner
spk USA 2011-01-05 2015-10-29 | Speaker of the House of Representatives

@ Paul Ryan | Paul D. Ryan
spk USA 2015-10-29 2019-01-03 | Speaker of the House of Representatives

@ Kevin McCarthy
spk USA 2023-01-07 2023-10-03 | Speaker of the House of Representatives

@ Mike Johnson | James Michael Johnson
spk USA 2023-10-25 - | Speaker of the House of Representatives
"""
)

# ---------------------------------------------------------------- United Kingdom
PEOPLE_TEXT.append(
    """
@ Elizabeth II | Queen Elizabeth II | Queen Elizabeth | Elizabeth Alexandra Mary Windsor
hos GBR 1952-02-06 2022-09-08 | Queen
hos AUS 1952-02-06 2022-09-08 | Queen
hos CAN 1952-02-06 2022-09-08 | Queen
hos NZL 1952-02-06 2022-09-08 | Queen

@ Charles III | King Charles III | King Charles | Prince Charles | Charles, Prince of Wales
hos GBR 2022-09-08 - | King
hos AUS 2022-09-08 - | King
hos CAN 2022-09-08 - | King
hos NZL 2022-09-08 - | King

@ Tony Blair | Anthony Charles Lynton Blair
hog GBR 1997-05-02 2007-06-27

@ Gordon Brown | James Gordon Brown
hog GBR 2007-06-27 2010-05-11

@ David Cameron | Lord Cameron | David William Donald Cameron
hog GBR 2010-05-11 2016-07-13
fm GBR 2023-11-13 2024-07-05 | Foreign Secretary

@ Theresa May
hog GBR 2016-07-13 2019-07-24

@ Boris Johnson | Alexander Boris de Pfeffel Johnson
fm GBR 2016-07-13 2018-07-09 | Foreign Secretary
hog GBR 2019-07-24 2022-09-06

@ Liz Truss | Elizabeth Truss | Mary Elizabeth Truss
fm GBR 2021-09-15 2022-09-06 | Foreign Secretary
hog GBR 2022-09-06 2022-10-25

@ Rishi Sunak
hog GBR 2022-10-25 2024-07-05

@ Keir Starmer | Sir Keir Starmer | Keir Rodney Starmer
hog GBR 2024-07-05 -

@ Robin Cook
fm GBR 1997-05-02 2001-06-08 | Foreign Secretary

@ Jack Straw | John Whitaker Straw
fm GBR 2001-06-08 2006-05-05 | Foreign Secretary

@ Margaret Beckett
fm GBR 2006-05-05 2007-06-27 | Foreign Secretary

@ David Miliband
fm GBR 2007-06-28 2010-05-11 | Foreign Secretary

@ William Hague
fm GBR 2010-05-12 2014-07-14 | Foreign Secretary

@ Philip Hammond
fm GBR 2014-07-15 2016-07-13 | Foreign Secretary

@ Jeremy Hunt
fm GBR 2018-07-09 2019-07-24 | Foreign Secretary

@ Dominic Raab
fm GBR 2019-07-24 2021-09-15 | Foreign Secretary

@ James Cleverly
fm GBR 2022-09-06 2023-11-13 | Foreign Secretary

@ David Lammy
fm GBR 2024-07-05 2025-09-05 | Foreign Secretary
dpm GBR 2025-09-05 -

@ Yvette Cooper
fm GBR 2025-09-05 - | Foreign Secretary

@ Ben Wallace | Robert Ben Lobban Wallace
dm GBR 2019-07-24 2023-08-31 | Defence Secretary

@ Grant Shapps
dm GBR 2023-08-31 2024-07-05 | Defence Secretary

@ John Healey
dm GBR 2024-07-05 - | Defence Secretary
"""
)

# ---------------------------------------------------------------- France, Germany, Italy
PEOPLE_TEXT.append(
    """
@ Jacques Chirac
hos FRA 1995-05-17 2007-05-16

@ Nicolas Sarkozy
hos FRA 2007-05-16 2012-05-15

@ François Hollande | Francois Hollande
hos FRA 2012-05-15 2017-05-14

@ Emmanuel Macron | Emmanuel Jean-Michel Frédéric Macron
hos FRA 2017-05-14 -

@ Lionel Jospin
hog FRA 1997-06-02 2002-05-06

@ Jean-Pierre Raffarin
hog FRA 2002-05-06 2005-05-31

@ Dominique de Villepin
fm FRA 2002-05-07 2004-03-31
hog FRA 2005-05-31 2007-05-17

@ François Fillon | Francois Fillon
hog FRA 2007-05-17 2012-05-15

@ Jean-Marc Ayrault
hog FRA 2012-05-15 2014-03-31
fm FRA 2016-02-11 2017-05-17

@ Manuel Valls
hog FRA 2014-03-31 2016-12-06

@ Bernard Cazeneuve
hog FRA 2016-12-06 2017-05-15

@ Édouard Philippe | Edouard Philippe
hog FRA 2017-05-15 2020-07-03

@ Jean Castex
hog FRA 2020-07-03 2022-05-16

@ Élisabeth Borne | Elisabeth Borne
hog FRA 2022-05-16 2024-01-09

@ Gabriel Attal
hog FRA 2024-01-09 2024-09-05

@ Michel Barnier
fm FRA 2004-03-31 2005-06-02
hog FRA 2024-09-05 2024-12-13

@ François Bayrou | Francois Bayrou
hog FRA 2024-12-13 2025-09-09

@ Sébastien Lecornu | Sebastien Lecornu
dm FRA 2022-05-20 2025-09-09 | Minister of the Armed Forces
hog FRA 2025-09-09 -

@ Hubert Védrine | Hubert Vedrine
fm FRA 1997-06-04 2002-05-07

@ Philippe Douste-Blazy
fm FRA 2005-06-02 2007-05-18

@ Bernard Kouchner
fm FRA 2007-05-18 2010-11-14

@ Michèle Alliot-Marie | Michele Alliot-Marie
fm FRA 2010-11-14 2011-02-27

@ Alain Juppé | Alain Juppe
fm FRA 2011-02-27 2012-05-16

@ Laurent Fabius
fm FRA 2012-05-16 2016-02-11

@ Jean-Yves Le Drian
dm FRA 2012-05-16 2017-05-17
fm FRA 2017-05-17 2022-05-20

@ Catherine Colonna
fm FRA 2022-05-20 2024-01-11

@ Stéphane Séjourné | Stephane Sejourne
fm FRA 2024-01-11 2024-09-21

@ Jean-Noël Barrot | Jean-Noel Barrot
fm FRA 2024-09-21 -

@ Johannes Rau
hos DEU 1999-07-01 2004-06-30 | Federal President

@ Horst Köhler | Horst Koehler | Horst Kohler
hos DEU 2004-07-01 2010-05-31 | Federal President

@ Christian Wulff
hos DEU 2010-06-30 2012-02-17 | Federal President

@ Joachim Gauck
hos DEU 2012-03-18 2017-03-18 | Federal President

@ Frank-Walter Steinmeier
fm DEU 2005-11-22 2009-10-28
fm DEU 2013-12-17 2017-01-27
hos DEU 2017-03-19 - | Federal President

@ Gerhard Schröder | Gerhard Schroeder | Gerhard Schroder
hog DEU 1998-10-27 2005-11-22 | Chancellor

@ Angela Merkel
hog DEU 2005-11-22 2021-12-08 | Chancellor

@ Olaf Scholz
hog DEU 2021-12-08 2025-05-06 | Chancellor

@ Friedrich Merz
hog DEU 2025-05-06 - | Chancellor

@ Joschka Fischer | Joseph Martin Fischer
fm DEU 1998-10-27 2005-11-22

@ Guido Westerwelle
fm DEU 2009-10-28 2013-12-17

@ Sigmar Gabriel
fm DEU 2017-01-27 2018-03-14

@ Heiko Maas
fm DEU 2018-03-14 2021-12-08

@ Annalena Baerbock
fm DEU 2021-12-08 2025-05-06
head IGO:UN 2025-09-09 - | President of the United Nations General Assembly

@ Johann Wadephul
fm DEU 2025-05-06 -

@ Boris Pistorius
dm DEU 2023-01-19 -

@ Carlo Azeglio Ciampi
hos ITA 1999-05-18 2006-05-15

@ Giorgio Napolitano
hos ITA 2006-05-15 2015-01-14

@ Sergio Mattarella
hos ITA 2015-02-03 -

@ Massimo D'Alema | Massimo D’Alema
hog ITA 1998-10-21 2000-04-26
fm ITA 2006-05-17 2008-05-08

@ Giuliano Amato
hog ITA 2000-04-26 2001-06-11

@ Silvio Berlusconi
hog ITA 2001-06-11 2006-05-17
fm ITA 2002-01-06 2002-11-14 | Minister of Foreign Affairs ad interim
hog ITA 2008-05-08 2011-11-16

@ Romano Prodi
head IGO:EU 1999-09-16 2004-11-21 | President of the European Commission
hog ITA 2006-05-17 2008-05-08

@ Mario Monti
hog ITA 2011-11-16 2013-04-28
fm ITA 2013-03-26 2013-04-28 | Minister of Foreign Affairs ad interim

@ Enrico Letta
hog ITA 2013-04-28 2014-02-22

@ Matteo Renzi
hog ITA 2014-02-22 2016-12-12

@ Paolo Gentiloni
fm ITA 2014-10-31 2016-12-12
hog ITA 2016-12-12 2018-06-01

@ Giuseppe Conte
hog ITA 2018-06-01 2021-02-13

@ Mario Draghi
head IGO:ECB 2011-11-01 2019-10-31 | President of the European Central Bank
hog ITA 2021-02-13 2022-10-22

@ Giorgia Meloni
hog ITA 2022-10-22 -

@ Lamberto Dini
fm ITA 1996-05-17 2001-06-11

@ Renato Ruggiero
fm ITA 2001-06-11 2002-01-06

@ Franco Frattini
fm ITA 2002-11-14 2004-11-18
fm ITA 2008-05-08 2011-11-16

@ Gianfranco Fini
fm ITA 2004-11-18 2006-05-17

@ Giulio Terzi di Sant'Agata | Giulio Terzi
fm ITA 2011-11-16 2013-03-26

@ Emma Bonino
fm ITA 2013-04-28 2014-02-22

@ Federica Mogherini
fm ITA 2014-02-22 2014-10-31
hr IGO:EU 2014-11-01 2019-11-30

@ Angelino Alfano
fm ITA 2016-12-12 2018-06-01

@ Enzo Moavero Milanesi | Enzo Moavero
fm ITA 2018-06-01 2019-09-05

@ Luigi Di Maio
fm ITA 2019-09-05 2022-10-22

@ Antonio Tajani
head IGO:EU 2017-01-17 2019-07-03 | President of the European Parliament
fm ITA 2022-10-22 -
"""
)

# ---------------------------------------------------------------- Canada, Australia
PEOPLE_TEXT.append(
    """
@ Jean Chrétien | Jean Chretien
hog CAN 1993-11-04 2003-12-12

@ Paul Martin | Paul Edgar Philippe Martin
hog CAN 2003-12-12 2006-02-06

@ Stephen Harper
hog CAN 2006-02-06 2015-11-04

@ Justin Trudeau
hog CAN 2015-11-04 2025-03-14

@ Mark Carney
hog CAN 2025-03-14 -

@ Lloyd Axworthy
fm CAN 1996-01-25 2000-10-17

@ John Manley
fm CAN 2000-10-17 2002-01-15

@ Bill Graham | William Graham
fm CAN 2002-01-16 2004-07-20

@ Pierre Pettigrew
fm CAN 2004-07-20 2006-02-06

@ Peter MacKay
fm CAN 2006-02-06 2007-08-14

@ Maxime Bernier
fm CAN 2007-08-14 2008-05-26

@ David Emerson
fm CAN 2008-05-26 2008-10-30

@ Lawrence Cannon
fm CAN 2008-10-30 2011-05-18

@ John Baird
fm CAN 2011-05-18 2015-02-03

@ Rob Nicholson
fm CAN 2015-02-09 2015-11-04

@ Stéphane Dion | Stephane Dion
fm CAN 2015-11-04 2017-01-10

@ Chrystia Freeland
fm CAN 2017-01-10 2019-11-20
dpm CAN 2019-11-20 2024-12-16

@ François-Philippe Champagne | Francois-Philippe Champagne
fm CAN 2019-11-20 2021-01-12

@ Marc Garneau
fm CAN 2021-01-12 2021-10-26

@ Mélanie Joly | Melanie Joly
fm CAN 2021-10-26 2025-05-13

@ Anita Anand
fm CAN 2025-05-13 -

@ John Howard
hog AUS 1996-03-11 2007-12-03

@ Kevin Rudd
hog AUS 2007-12-03 2010-06-24
fm AUS 2010-09-14 2012-02-22
hog AUS 2013-06-27 2013-09-18

@ Julia Gillard
hog AUS 2010-06-24 2013-06-27

@ Tony Abbott
hog AUS 2013-09-18 2015-09-15

@ Malcolm Turnbull
hog AUS 2015-09-15 2018-08-24

@ Scott Morrison
hog AUS 2018-08-24 2022-05-23

@ Anthony Albanese
hog AUS 2022-05-23 -

@ Alexander Downer
fm AUS 1996-03-11 2007-12-03

@ Stephen Smith
fm AUS 2007-12-03 2010-09-14

@ Bob Carr
fm AUS 2012-03-13 2013-09-18

@ Julie Bishop
fm AUS 2013-09-18 2018-08-26

@ Marise Payne
fm AUS 2018-08-28 2022-05-23

@ Penny Wong
fm AUS 2022-05-23 -
"""
)

# ---------------------------------------------------------------- Japan, South Korea
PEOPLE_TEXT.append(
    """
@ Akihito | Emperor Akihito
hos JPN 1989-01-07 2019-04-30 | Emperor

@ Naruhito | Emperor Naruhito
hos JPN 2019-05-01 - | Emperor

@ Keizō Obuchi | Keizo Obuchi
hog JPN 1998-07-30 2000-04-05

@ Yoshirō Mori | Yoshiro Mori
hog JPN 2000-04-05 2001-04-26

@ Junichiro Koizumi | Jun'ichirō Koizumi | Junichirō Koizumi
hog JPN 2001-04-26 2006-09-26

@ Shinzo Abe | Shinzō Abe
hog JPN 2006-09-26 2007-09-26
hog JPN 2012-12-26 2020-09-16

@ Yasuo Fukuda
hog JPN 2007-09-26 2008-09-24

@ Tarō Asō | Taro Aso
fm JPN 2005-10-31 2007-08-27
hog JPN 2008-09-24 2009-09-16

@ Yukio Hatoyama
hog JPN 2009-09-16 2010-06-08

@ Naoto Kan
hog JPN 2010-06-08 2011-09-02

@ Yoshihiko Noda
hog JPN 2011-09-02 2012-12-26

@ Yoshihide Suga
hog JPN 2020-09-16 2021-10-04

@ Fumio Kishida
fm JPN 2012-12-26 2017-08-03
hog JPN 2021-10-04 2024-10-01

@ Shigeru Ishiba
hog JPN 2024-10-01 2025-10-21

@ Sanae Takaichi
hog JPN 2025-10-21 -

@ Masahiko Kōmura | Masahiko Komura
fm JPN 1998-07-30 1999-10-05
fm JPN 2007-09-26 2008-09-24

@ Yōhei Kōno | Yohei Kono
fm JPN 1999-10-05 2001-04-26

@ Makiko Tanaka
fm JPN 2001-04-26 2002-01-30

@ Yoriko Kawaguchi
fm JPN 2002-02-01 2004-09-27

@ Nobutaka Machimura
fm JPN 2004-09-27 2005-10-31
fm JPN 2007-08-27 2007-09-26

@ Hirofumi Nakasone
fm JPN 2008-09-24 2009-09-16

@ Katsuya Okada
fm JPN 2009-09-16 2010-09-17

@ Seiji Maehara
fm JPN 2010-09-17 2011-03-07

@ Takeaki Matsumoto
fm JPN 2011-03-09 2011-09-02

@ Kōichirō Gemba | Koichiro Gemba | Koichiro Genba
fm JPN 2011-09-02 2012-12-26

@ Tarō Kōno | Taro Kono
fm JPN 2017-08-03 2019-09-11

@ Toshimitsu Motegi
fm JPN 2019-09-11 2021-11-04
fm JPN 2025-10-21 -

@ Yoshimasa Hayashi
fm JPN 2021-11-10 2023-09-13
cos JPN 2024-10-01 2025-10-21 | Chief Cabinet Secretary

@ Yōko Kamikawa | Yoko Kamikawa
fm JPN 2023-09-13 2024-10-01

@ Takeshi Iwaya
fm JPN 2024-10-01 2025-10-21

@ Minoru Kihara
dm JPN 2023-09-13 2024-10-01
cos JPN 2025-10-21 - | Chief Cabinet Secretary

@ Shinjirō Koizumi | Shinjiro Koizumi
dm JPN 2025-10-21 -

@ Kim Dae-jung | Kim Dae Jung
hos KOR 1998-02-25 2003-02-24

@ Roh Moo-hyun | Roh Moo Hyun
hos KOR 2003-02-25 2008-02-24

@ Lee Myung-bak | Lee Myung Bak
hos KOR 2008-02-25 2013-02-24

@ Park Geun-hye | Park Geun Hye
hos KOR 2013-02-25 2017-03-10
note: Suspended from 9 December 2016, removed from office on 10 March 2017.

@ Moon Jae-in | Moon Jae In
hos KOR 2017-05-10 2022-05-09

@ Yoon Suk Yeol | Yoon Suk-yeol | Yoon Seok-youl
hos KOR 2022-05-10 2025-04-04
note: Suspended from 14 December 2024 after impeachment; removed on 4 April 2025.

@ Lee Jae-myung | Lee Jae Myung
hos KOR 2025-06-04 -

@ Park Tae-joon | Park Tae Joon
hog KOR 2000-01-13 2000-05-19

@ Lee Han-dong | Lee Han Dong
hog KOR 2000-06-29 2002-07-11

@ Kim Suk-soo | Kim Suk Soo
hog KOR 2002-10-04 2003-02-26

@ Goh Kun | Goh Geon | Ko Kun
hog KOR 2003-02-27 2004-05-24
hos KOR 2004-03-12 2004-05-14 | Acting President

@ Lee Hae-chan | Lee Hae Chan
hog KOR 2004-06-30 2006-03-15

@ Han Myeong-sook | Han Myung-sook
hog KOR 2006-04-20 2007-03-07

@ Han Duck-soo | Han Deok-su | Han Duck Soo
hog KOR 2007-04-03 2008-02-29
hog KOR 2022-05-21 2025-05-01
hos KOR 2024-12-14 2024-12-27 | Acting President
hos KOR 2025-03-24 2025-05-01 | Acting President

@ Choi Sang-mok | Choi Sang Mok
hos KOR 2024-12-27 2025-03-24 | Acting President

@ Han Seung-soo | Han Seung Soo
fm KOR 2001 2002
hog KOR 2008-02-29 2009-09-28

@ Chung Un-chan | Chung Un Chan
hog KOR 2009-09-29 2010-08-11

@ Kim Hwang-sik | Kim Hwang Sik
hog KOR 2010-10-01 2013-02-26

@ Chung Hong-won | Chung Hong Won
hog KOR 2013-02-26 2015-02-16

@ Lee Wan-koo | Lee Wan Koo
hog KOR 2015-02-17 2015-04-27

@ Hwang Kyo-ahn | Hwang Kyo Ahn
hog KOR 2015-06-18 2017-05-11
hos KOR 2016-12-09 2017-05-10 | Acting President

@ Lee Nak-yon | Lee Nak-yeon | Lee Nak Yon
hog KOR 2017-05-31 2020-01-13

@ Chung Sye-kyun | Chung Sye Kyun
hog KOR 2020-01-14 2021-04-16

@ Kim Boo-kyum | Kim Boo Kyum
hog KOR 2021-05-14 2022-05-11

@ Kim Min-seok | Kim Min Seok
hog KOR 2025-07-03 -

@ Lee Joung-binn | Lee Jeong-bin
fm KOR 2000 2001

@ Choi Sung-hong | Choi Sung Hong
fm KOR 2002 2003

@ Yoon Young-kwan | Yoon Young Kwan
fm KOR 2003-02-27 2004-01-15

@ Song Min-soon | Song Min Soon
fm KOR 2006-12-01 2008-02-29

@ Yu Myung-hwan | Yu Myung Hwan
fm KOR 2008-02-29 2010-09-04

@ Kim Sung-hwan | Kim Sung Hwan
fm KOR 2010-10-08 2013-03-11

@ Yun Byung-se | Yun Byung Se
fm KOR 2013-03-11 2017-06-18

@ Kang Kyung-wha | Kang Kyung Wha
fm KOR 2017-06-18 2021-02-08

@ Chung Eui-yong | Chung Eui Yong
nsa KOR 2017-05-21 2020-07-03 | Director of National Security
fm KOR 2021-02-09 2022-05-10

@ Park Jin
fm KOR 2022-05-12 2024-01-10

@ Cho Tae-yul | Cho Tae Yul
fm KOR 2024-01-10 2025

@ Cho Hyun
pr KOR 2019 2022 | to=IGO:UN
fm KOR 2025-07-21 -
"""
)

# ---------------------------------------------------------------- China
PEOPLE_TEXT.append(
    """
@ Jiang Zemin
party CHN 1989-06-24 2002-11-15 | General Secretary of the Chinese Communist Party
hos CHN 1993-03-27 2003-03-15

@ Hu Jintao
vp CHN 1998-03-16 2003-03-15
party CHN 2002-11-15 2012-11-15 | General Secretary of the Chinese Communist Party
hos CHN 2003-03-15 2013-03-14

@ Xi Jinping | Xi Jin Ping
vp CHN 2008-03-15 2013-03-14
party CHN 2012-11-15 - | General Secretary of the Chinese Communist Party
hos CHN 2013-03-14 -

@ Zhu Rongji
hog CHN 1998-03-17 2003-03-16 | Premier

@ Wen Jiabao
hog CHN 2003-03-16 2013-03-15 | Premier

@ Li Keqiang
hog CHN 2013-03-15 2023-03-11 | Premier

@ Li Qiang
hog CHN 2023-03-11 - | Premier

@ Tang Jiaxuan
fm CHN 1998-03-18 2003-03-17

@ Li Zhaoxing
fm CHN 2003-03-17 2007-04-27

@ Yang Jiechi
fm CHN 2007-04-27 2013-03-16
off CHN 2013-03-16 2023 | State Councilor and top foreign policy official

@ Wang Yi
fm CHN 2013-03-16 2022-12-30
off CHN 2023-01-01 - | Director of the Office of the Central Foreign Affairs Commission
fm CHN 2023-07-25 -

@ Qin Gang
amb CHN 2021-07-28 2022-12-30 | to=USA
fm CHN 2022-12-30 2023-07-25

@ Chi Haotian
dm CHN 1993 2003-03-17

@ Cao Gangchuan
dm CHN 2003-03-17 2008-03-17

@ Liang Guanglie
dm CHN 2008-03-17 2013-03-16

@ Chang Wanquan
dm CHN 2013-03-16 2018-03-19

@ Wei Fenghe
dm CHN 2018-03-19 2023-03-12

@ Li Shangfu
dm CHN 2023-03-12 2023-10-24

@ Dong Jun
dm CHN 2023-12-29 -

@ Hua Chunying
spox CHN 2012 2024-05-27 | Foreign Ministry Spokesperson
dfm CHN 2024-05-27 - | Vice Minister of Foreign Affairs

@ Zhao Lijian
spox CHN 2020 2023 | Foreign Ministry Spokesperson

@ Wang Wenbin
spox CHN 2020 2024 | Foreign Ministry Spokesperson

@ Mao Ning
spox CHN 2022 - | Foreign Ministry Spokesperson

@ Lin Jian
spox CHN 2024 - | Foreign Ministry Spokesperson

@ Guo Jiakun
spox CHN 2024 - | Foreign Ministry Spokesperson

@ Zhang Jun
pr CHN 2019 2024 | to=IGO:UN

@ Fu Cong
pr CHN 2024 - | to=IGO:UN

@ Zhang Ming
sg IGO:SCO 2022-01-01 2024-12-31

@ Zhang Deguang
sg IGO:SCO 2004-01-15 2006-12-31
"""
)

# ---------------------------------------------------------------- India, Indonesia
PEOPLE_TEXT.append(
    """
@ K. R. Narayanan | K.R. Narayanan | Kocheril Raman Narayanan
hos IND 1997-07-25 2002-07-25

@ A. P. J. Abdul Kalam | A.P.J. Abdul Kalam | Abdul Kalam | APJ Abdul Kalam
hos IND 2002-07-25 2007-07-25

@ Pratibha Patil | Pratibha Devisingh Patil
hos IND 2007-07-25 2012-07-25

@ Pranab Mukherjee
fm IND 2006-10-24 2009-05-22 | Minister of External Affairs
hos IND 2012-07-25 2017-07-25

@ Ram Nath Kovind
hos IND 2017-07-25 2022-07-25

@ Droupadi Murmu | Draupadi Murmu
hos IND 2022-07-25 -

@ Atal Bihari Vajpayee
hog IND 1998-03-19 2004-05-22

@ Manmohan Singh
hog IND 2004-05-22 2014-05-26
fm IND 2005-11-06 2006-10-24 | Minister of External Affairs

@ Narendra Modi | Narendra Damodardas Modi
hog IND 2014-05-26 -

@ Jaswant Singh
fm IND 1998-12-05 2002-07-01 | Minister of External Affairs

@ Yashwant Sinha
fm IND 2002-07-01 2004-05-22 | Minister of External Affairs

@ Natwar Singh | K. Natwar Singh
fm IND 2004-05-22 2005-11-06 | Minister of External Affairs

@ S. M. Krishna | S.M. Krishna | Somanahalli Mallaiah Krishna
fm IND 2009-05-22 2012-10-26 | Minister of External Affairs

@ Salman Khurshid
fm IND 2012-10-28 2014-05-26 | Minister of External Affairs

@ Sushma Swaraj
fm IND 2014-05-26 2019-05-30 | Minister of External Affairs

@ Subrahmanyam Jaishankar | S. Jaishankar | S Jaishankar | Dr S Jaishankar
dfm IND 2015-01-29 2018-01-28 | Foreign Secretary
fm IND 2019-05-30 - | Minister of External Affairs

@ Vikram Misri
dfm IND 2024-07-15 - | Foreign Secretary

@ Ajit Doval | Ajit Kumar Doval
nsa IND 2014-05-30 -

@ Abdurrahman Wahid | Gus Dur
hos IDN 1999-10-20 2001-07-23

@ Megawati Sukarnoputri | Megawati
hos IDN 2001-07-23 2004-10-20

@ Susilo Bambang Yudhoyono | SBY
hos IDN 2004-10-20 2014-10-20

@ Joko Widodo | Jokowi
hos IDN 2014-10-20 2024-10-20

@ Prabowo Subianto | Prabowo
dm IDN 2019-10-23 2024-10-20
hos IDN 2024-10-20 -

@ Alwi Shihab
fm IDN 1999-10-29 2001-08-09

@ Hassan Wirajuda
fm IDN 2001-08-10 2009-10-21

@ Marty Natalegawa | Raden Mohammad Marty Muliana Natalegawa
fm IDN 2009-10-22 2014-10-20

@ Retno Marsudi | Retno Lestari Priansari Marsudi
fm IDN 2014-10-27 2024-10-20

@ Sugiono
fm IDN 2024-10-21 -
"""
)

# ---------------------------------------------------------------- Brazil, Mexico, Argentina
PEOPLE_TEXT.append(
    """
@ Fernando Henrique Cardoso
hos BRA 1995-01-01 2003-01-01

@ Luiz Inácio Lula da Silva | Lula da Silva | Lula | Luiz Inacio Lula da Silva
hos BRA 2003-01-01 2011-01-01
hos BRA 2023-01-01 -

@ Dilma Rousseff
hos BRA 2011-01-01 2016-08-31
head IGO:NDB 2023-03-24 - | President of the New Development Bank

@ Michel Temer
hos BRA 2016-05-12 2016-08-31 | Acting President
hos BRA 2016-08-31 2019-01-01

@ Jair Bolsonaro | Jair Messias Bolsonaro
hos BRA 2019-01-01 2023-01-01

@ Luiz Felipe Lampreia
fm BRA 1995-01-01 2001-01-13

@ Celso Lafer
fm BRA 2001-01-29 2003-01-01

@ Celso Amorim
fm BRA 2003-01-01 2011-01-01
off BRA 2023-01-01 - | Chief Advisor to the President for Foreign Affairs

@ Antonio Patriota | Antônio Patriota
fm BRA 2011-01-01 2013-08-28

@ Luiz Alberto Figueiredo
fm BRA 2013-08-28 2015-01-01

@ Mauro Vieira
fm BRA 2015-01-01 2016-05-12
fm BRA 2023-01-01 -

@ José Serra | Jose Serra
fm BRA 2016-05-18 2017-02-22

@ Aloysio Nunes | Aloysio Nunes Ferreira
fm BRA 2017-03-07 2019-01-01

@ Ernesto Araújo | Ernesto Araujo
fm BRA 2019-01-01 2021-03-29

@ Carlos França | Carlos Franca | Carlos Alberto Franco França
fm BRA 2021-04-06 2023-01-01

@ Ernesto Zedillo
hos MEX 1994-12-01 2000-11-30

@ Vicente Fox
hos MEX 2000-12-01 2006-11-30

@ Felipe Calderón | Felipe Calderon
hos MEX 2006-12-01 2012-11-30

@ Enrique Peña Nieto | Enrique Pena Nieto
hos MEX 2012-12-01 2018-11-30

@ Andrés Manuel López Obrador | Andres Manuel Lopez Obrador | AMLO | López Obrador
hos MEX 2018-12-01 2024-09-30

@ Claudia Sheinbaum | Claudia Sheinbaum Pardo
hos MEX 2024-10-01 -

@ Rosario Green
fm MEX 1998-01-07 2000-11-30 | Secretary of Foreign Affairs

@ Jorge Castañeda | Jorge Castaneda | Jorge Castañeda Gutman
fm MEX 2000-12-01 2003-01-10 | Secretary of Foreign Affairs

@ Luis Ernesto Derbez
fm MEX 2003-01-10 2006-11-30 | Secretary of Foreign Affairs

@ Patricia Espinosa | Patricia Espinosa Cantellano
fm MEX 2006-12-01 2012-11-30 | Secretary of Foreign Affairs

@ José Antonio Meade | Jose Antonio Meade
fm MEX 2012-12-01 2015-08-27 | Secretary of Foreign Affairs

@ Claudia Ruiz Massieu
fm MEX 2015-08-27 2017-01-04 | Secretary of Foreign Affairs

@ Luis Videgaray
fm MEX 2017-01-04 2018-11-30 | Secretary of Foreign Affairs

@ Marcelo Ebrard | Marcelo Ebrard Casaubón
fm MEX 2018-12-01 2023-06-12 | Secretary of Foreign Affairs
min MEX 2024-10-01 - | Secretary of Economy

@ Alicia Bárcena | Alicia Barcena
fm MEX 2023-07-03 2024-09-30 | Secretary of Foreign Affairs

@ Juan Ramón de la Fuente | Juan Ramon de la Fuente
fm MEX 2024-10-01 - | Secretary of Foreign Affairs
note: On medical leave from 28 November 2025; Roberto Velasco in charge meanwhile.

@ Roberto Velasco | Roberto Velasco Álvarez
dfm MEX 2025-10-14 - | Undersecretary for North America
fm MEX 2025-11-28 - | Acting head of the Foreign Ministry (encargado de despacho)

@ Fernando de la Rúa | Fernando de la Rua
hos ARG 1999-12-10 2001-12-21

@ Ramón Puerta | Ramon Puerta
hos ARG 2001-12-21 2001-12-23 | Acting President

@ Adolfo Rodríguez Saá | Adolfo Rodriguez Saa
hos ARG 2001-12-23 2001-12-30 | Interim President

@ Eduardo Camaño | Eduardo Camano
hos ARG 2001-12-31 2002-01-01 | Acting President

@ Eduardo Duhalde
hos ARG 2002-01-02 2003-05-25

@ Néstor Kirchner | Nestor Kirchner
hos ARG 2003-05-25 2007-12-10

@ Cristina Fernández de Kirchner | Cristina Fernandez de Kirchner | Cristina Kirchner
hos ARG 2007-12-10 2015-12-10
vp ARG 2019-12-10 2023-12-10

@ Mauricio Macri
hos ARG 2015-12-10 2019-12-10

@ Alberto Fernández | Alberto Fernandez
hos ARG 2019-12-10 2023-12-10

@ Javier Milei | Javier Gerardo Milei
hos ARG 2023-12-10 -

@ Adalberto Rodríguez Giavarini | Adalberto Rodriguez Giavarini
fm ARG 1999-12-10 2001-12-21

@ Carlos Ruckauf
fm ARG 2002-01-03 2003-05-25

@ Rafael Bielsa
fm ARG 2003-05-25 2005-12-01

@ Jorge Taiana
fm ARG 2005-12-01 2010-06-18

@ Héctor Timerman | Hector Timerman
fm ARG 2010-06-21 2015-12-10

@ Susana Malcorra
fm ARG 2015-12-10 2017-06-12

@ Jorge Faurie
fm ARG 2017-06-12 2019-12-10

@ Felipe Solá | Felipe Sola
fm ARG 2019-12-10 2021-09-20

@ Santiago Cafiero
fm ARG 2021-09-20 2023-12-10

@ Diana Mondino
fm ARG 2023-12-10 2024-10-30

@ Gerardo Werthein
fm ARG 2024-10-30 2025-10-27

@ Pablo Quirno | Pablo Quirno Magrane
fm ARG 2025-10-28 -
"""
)

# ------------------------------------------------------- Saudi Arabia, South Africa, Turkey
PEOPLE_TEXT.append(
    """
@ Fahd bin Abdulaziz Al Saud | King Fahd | Fahd bin Abdulaziz
hos SAU 1982-06-13 2005-08-01 | King
hog SAU 1982-06-13 2005-08-01 | Prime Minister

@ Abdullah bin Abdulaziz Al Saud | King Abdullah | Abdullah bin Abdulaziz
dpm SAU 1982-06-13 2005-08-01 | Crown Prince and First Deputy Prime Minister
hos SAU 2005-08-01 2015-01-23 | King
hog SAU 2005-08-01 2015-01-23 | Prime Minister

@ Salman bin Abdulaziz Al Saud | King Salman | Salman bin Abdulaziz
dm SAU 2011-11-05 2015-01-23
hos SAU 2015-01-23 - | King
hog SAU 2015-01-23 2022-09-27 | Prime Minister

@ Mohammed bin Salman | Mohammed bin Salman Al Saud | Muhammad bin Salman | MBS
@+ Mohammad bin Salman
dm SAU 2015-01-23 2022-09-27
dpm SAU 2017-06-21 2022-09-27 | Crown Prince and Deputy Prime Minister
hog SAU 2022-09-27 - | Crown Prince and Prime Minister

@ Saud al-Faisal | Saud bin Faisal bin Abdulaziz Al Saud | Prince Saud al-Faisal
fm SAU 1975-10-13 2015-04-29

@ Adel al-Jubeir | Adel Al-Jubeir | Adel bin Ahmed Al-Jubeir
amb SAU 2007 2015 | to=USA
fm SAU 2015-04-29 2018-12-27
dfm SAU 2018-12-27 - | Minister of State for Foreign Affairs

@ Ibrahim Al-Assaf | Ibrahim Abdulaziz Al-Assaf
fm SAU 2018-12-27 2019-10-23

@ Faisal bin Farhan Al Saud | Faisal bin Farhan | Prince Faisal bin Farhan
fm SAU 2019-10-23 -

@ Khalid bin Salman | Khalid bin Salman Al Saud
dm SAU 2022-09-27 -

@ Musaed Al-Aiban | Musaed bin Mohammed Al-Aiban
nsa SAU 2017 -

@ Thabo Mbeki
hos ZAF 1999-06-14 2008-09-24

@ Kgalema Motlanthe
hos ZAF 2008-09-25 2009-05-09

@ Jacob Zuma
hos ZAF 2009-05-09 2018-02-14

@ Cyril Ramaphosa
hos ZAF 2018-02-15 -

@ Nkosazana Dlamini-Zuma | Nkosazana Dlamini Zuma
fm ZAF 1999-06-17 2009-05-10 | Minister of Foreign Affairs
head IGO:AU 2012-10-15 2017-03-14 | Chairperson of the African Union Commission

@ Maite Nkoana-Mashabane
fm ZAF 2009-05-10 2018-02-26 | Minister of International Relations and Cooperation

@ Lindiwe Sisulu
fm ZAF 2018-02-27 2019-05-29 | Minister of International Relations and Cooperation

@ Naledi Pandor
fm ZAF 2019-05-30 2024 | Minister of International Relations and Cooperation

@ Ronald Lamola
fm ZAF 2024 - | Minister of International Relations and Cooperation

@ Süleyman Demirel | Suleyman Demirel
hos TUR 1993-05-16 2000-05-16

@ Ahmet Necdet Sezer
hos TUR 2000-05-16 2007-08-28

@ Abdullah Gül | Abdullah Gul
hog TUR 2002-11-18 2003-03-14
fm TUR 2003-03-14 2007-08-28
hos TUR 2007-08-28 2014-08-28

@ Recep Tayyip Erdoğan | Tayyip Erdoğan | Tayyip Erdogan
hog TUR 2003-03-14 2014-08-28
hos TUR 2014-08-28 -

@ Bülent Ecevit | Bulent Ecevit
hog TUR 1999-05-28 2002-11-18

@ Ahmet Davutoğlu | Ahmet Davutoglu
fm TUR 2009-05-01 2014-08-29
hog TUR 2014-08-28 2016-05-24

@ Binali Yıldırım | Binali Yildirim
hog TUR 2016-05-24 2018-07-09

@ İsmail Cem | Ismail Cem
fm TUR 1997-06-30 2002-07-11

@ Şükrü Sina Gürel | Sukru Sina Gurel
fm TUR 2002-07-11 2002-11-18

@ Yaşar Yakış | Yasar Yakis
fm TUR 2002-11-18 2003-03-14

@ Ali Babacan
fm TUR 2007-08-29 2009-05-01

@ Mevlüt Çavuşoğlu | Mevlut Cavusoglu
fm TUR 2014-08-29 2015-08-28
fm TUR 2015-11-24 2023-06-04

@ Feridun Sinirlioğlu | Feridun Sinirlioglu
fm TUR 2015-08-28 2015-11-24
pr TUR 2016 2023 | to=IGO:UN
sg IGO:OSCE 2024-12-06 -

@ Hakan Fidan
intel TUR 2010-05-27 2023-06-04 | Director of the National Intelligence Organization (MIT)
fm TUR 2023-06-04 -

@ İbrahim Kalın | Ibrahim Kalin
spox TUR 2014 2023-06-04 | Presidential Spokesperson
intel TUR 2023-06-04 - | Director of the National Intelligence Organization (MIT)

@ Hulusi Akar
mil TUR 2015-08-18 2018-07-10 | Chief of the General Staff
dm TUR 2018-07-10 2023-06-04

@ Yaşar Güler | Yasar Guler
dm TUR 2023-06-04 -
"""
)

# ---------------------------------------------------------------- EU and IGO leadership
PEOPLE_TEXT.append(
    """
@ José Manuel Barroso | Jose Manuel Barroso | José Manuel Durão Barroso
hog PRT 2002-04-06 2004-07-17
head IGO:EU 2004-11-22 2014-10-31 | President of the European Commission

@ Jean-Claude Juncker
hog LUX 1995-01-20 2013-12-04
head IGO:EU 2014-11-01 2019-11-30 | President of the European Commission

@ Ursula von der Leyen | Ursula Gertrud von der Leyen
dm DEU 2013-12-17 2019-07-17
head IGO:EU 2019-12-01 - | President of the European Commission

@ Herman Van Rompuy
hog BEL 2008-12-30 2009-11-25
head IGO:EU 2009-12-01 2014-11-30 | President of the European Council

@ Donald Tusk
hog POL 2007-11-16 2014-09-22
head IGO:EU 2014-12-01 2019-11-30 | President of the European Council
hog POL 2023-12-13 -

@ Charles Michel
hog BEL 2014-10-11 2019-10-27
head IGO:EU 2019-12-01 2024-11-30 | President of the European Council

@ António Costa | Antonio Costa | António Luís Santos da Costa
hog PRT 2015-11-26 2024-04-02
head IGO:EU 2024-12-01 - | President of the European Council

@ Javier Solana | Javier Solana Madariaga
sg IGO:NATO 1995-12-05 1999-10-06
hr IGO:EU 1999-10-18 2009-11-30 | High Representative for the Common Foreign and Security Policy

@ Catherine Ashton | Baroness Ashton
hr IGO:EU 2009-12-01 2014-10-31

@ Josep Borrell | Josep Borrell Fontelles
fm ESP 2018-06-07 2019-11-30
hr IGO:EU 2019-12-01 2024-11-30

@ Roberta Metsola
head IGO:EU 2022-01-18 - | President of the European Parliament

@ Christine Lagarde
sg IGO:IMF 2011-07-05 2019-09-12 | Managing Director
head IGO:ECB 2019-11-01 - | President of the European Central Bank

@ Kristalina Georgieva
sg IGO:IMF 2019-10-01 - | Managing Director

@ Kofi Annan
sg IGO:UN 1997-01-01 2006-12-31

@ Ban Ki-moon | Ban Ki Moon
fm KOR 2004-01-17 2006-11-09
sg IGO:UN 2007-01-01 2016-12-31

@ António Guterres | Antonio Guterres | António Manuel de Oliveira Guterres
hog PRT 1995-10-28 2002-04-06
head IGO:UNHCR 2005-06-15 2015-12-31 | United Nations High Commissioner for Refugees
sg IGO:UN 2017-01-01 -

@ George Robertson | Lord Robertson | George Islay MacNeill Robertson
dm GBR 1997-05-03 1999-10-11 | Defence Secretary
sg IGO:NATO 1999-10-14 2003-12-17

@ Jaap de Hoop Scheffer
fm NLD 2002-07-22 2003-12-03
sg IGO:NATO 2004-01-01 2009-07-31

@ Anders Fogh Rasmussen
hog DNK 2001-11-27 2009-04-05
sg IGO:NATO 2009-08-01 2014-09-30

@ Jens Stoltenberg
hog NOR 2000-03-17 2001-10-19
hog NOR 2005-10-17 2013-10-16
sg IGO:NATO 2014-10-01 2024-10-01
min NOR 2025-02-04 - | Minister of Finance

@ Mark Rutte
hog NLD 2010-10-14 2024-07-02
sg IGO:NATO 2024-10-01 -

@ Nikolai Bordyuzha | Nikolay Bordyuzha
sg IGO:CSTO 2003-04-28 2016-12-31

@ Yuri Khachaturov
sg IGO:CSTO 2017-01-01 2018-11-02

@ Valery Semerikov
sg IGO:CSTO 2018-11-02 2019-12-31 | Acting Secretary General

@ Stanislav Zas | Stanislav Vasilyevich Zas
scs BLR 2015-11-11 2019 | State Secretary of the Security Council
sg IGO:CSTO 2020-01-01 2022-12-31

@ Yury Yarov | Yuri Yarov
sg IGO:CIS 1999 2004 | Executive Secretary of the CIS

@ Sergei Lebedev | Sergey Lebedev | Sergei Nikolayevich Lebedev
intel RUS 2000-05-20 2007-10-06 | Director of the Foreign Intelligence Service
sg IGO:CIS 2007-10-05 2022-12-31 | Chairman of the Executive Committee - Executive Secretary
sg IGO:CIS 2023-01-01 - | Secretary General of the CIS
note: The post was renamed Secretary General on 1 January 2023; he was reappointed for
note: three years in October 2025.

@ Bolat Nurgaliyev | Bolat Nurgaliev
sg IGO:SCO 2007-01-01 2009-12-31

@ Rashid Alimov
sg IGO:SCO 2016-01-01 2018-12-31

@ Nurlan Yermekbayev | Nurlan Ermekbayev
dm KAZ 2018-08-13 2021-08-24
sg IGO:SCO 2025-01-01 -

@ Ján Kubiš | Jan Kubis
sg IGO:OSCE 1999-06-15 2005-06-15

@ Marc Perrin de Brichambaut
sg IGO:OSCE 2005-06-15 2011-06-30

@ Lamberto Zannier
sg IGO:OSCE 2011-07-01 2017-06-30

@ Thomas Greminger
sg IGO:OSCE 2017-07-18 2020-07-18

@ Helga Schmid | Helga Maria Schmid
sg IGO:OSCE 2020-12-04 2024-09-03

@ Walter Schwimmer
sg IGO:COE 1999-09-01 2004-08-31

@ Terry Davis
sg IGO:COE 2004-09-01 2009-08-31

@ Thorbjørn Jagland | Thorbjorn Jagland
sg IGO:COE 2009-10-01 2019-09-17

@ Marija Pejčinović Burić | Marija Pejcinovic Buric
sg IGO:COE 2019-09-18 2024-09-17

@ Alain Berset
sg IGO:COE 2024-09-18 -

@ Moussa Faki | Moussa Faki Mahamat
head IGO:AU 2017-03-14 2025-02-15 | Chairperson of the African Union Commission

@ Mahmoud Ali Youssouf
head IGO:AU 2025-02-15 - | Chairperson of the African Union Commission

@ Mohamed ElBaradei | Mohamed El Baradei
sg IGO:IAEA 1997-12-01 2009-11-30 | Director General

@ Yukiya Amano
sg IGO:IAEA 2009-12-01 2019-07-18 | Director General

@ Rafael Grossi | Rafael Mariano Grossi
sg IGO:IAEA 2019-12-03 - | Director General

@ Tedros Adhanom Ghebreyesus | Tedros Adhanom | Dr Tedros
sg IGO:WHO 2017-07-01 - | Director-General

@ Ngozi Okonjo-Iweala
sg IGO:WTO 2021-03-01 - | Director-General

@ Volker Türk | Volker Turk
head IGO:OHCHR 2022-10-17 - | United Nations High Commissioner for Human Rights

@ Kao Kim Hourn
sg IGO:ASEAN 2023-01-01 -

@ Ahmed Aboul Gheit | Ahmed Abul Gheit
sg IGO:ARAB_LEAGUE 2016-07-01 -

@ Haitham al-Ghais | Haitham Al Ghais
sg IGO:OPEC 2022-08-01 -
"""
)

# ---------------------------------------------------------------- other frequently cited leaders
PEOPLE_TEXT.append(
    """
@ Bashar al-Assad | Bashar Assad | Bashar al-Asad
hos SYR 2000-07-17 2024-12-08

@ Ahmed al-Sharaa | Abu Mohammed al-Jolani | Ahmad al-Sharaa
hos SYR 2025-01-29 - | President (transitional)

@ Asaad al-Shaibani | Asaad Hassan al-Shaibani
fm SYR 2024-12-21 -

@ Ehud Barak
hog ISR 1999-07-06 2001-03-07

@ Ariel Sharon
hog ISR 2001-03-07 2006-04-14

@ Ehud Olmert
hog ISR 2006-01-04 2006-04-14 | Acting Prime Minister
hog ISR 2006-04-14 2009-03-31

@ Benjamin Netanyahu | Binyamin Netanyahu | Bibi Netanyahu
hog ISR 1996-06-18 1999-07-06
hog ISR 2009-03-31 2021-06-13
hog ISR 2022-12-29 -

@ Naftali Bennett
hog ISR 2021-06-13 2022-06-30

@ Yair Lapid
fm ISR 2021-06-13 2022-07-01
hog ISR 2022-07-01 2022-12-29

@ Shimon Peres
hos ISR 2007-07-15 2014-07-24

@ Reuven Rivlin
hos ISR 2014-07-24 2021-07-07

@ Isaac Herzog | Yitzhak Herzog
hos ISR 2021-07-07 -

@ Gideon Sa'ar | Gideon Saar
fm ISR 2024-11-05 -

@ Israel Katz
fm ISR 2024-01-01 2024-11-05
dm ISR 2024-11-05 -

@ Ali Khamenei | Ayatollah Ali Khamenei | Sayyid Ali Khamenei
hos IRN 1989-06-04 2026-02-28 | Supreme Leader
note: Killed in US-Israeli strikes on 28 February 2026 (reported by Iranian state media).

@ Mohammad Khatami | Mohammad Khatami Ardakani
hog IRN 1997-08-03 2005-08-03 | President

@ Mahmoud Ahmadinejad
hog IRN 2005-08-03 2013-08-03 | President

@ Hassan Rouhani | Hassan Rohani
hog IRN 2013-08-03 2021-08-03 | President

@ Ebrahim Raisi | Ebrahim Raeesi
hog IRN 2021-08-03 2024-05-19 | President

@ Masoud Pezeshkian
hog IRN 2024-07-28 - | President

@ Kamal Kharazi
fm IRN 1997-08-20 2005-08-24

@ Manouchehr Mottaki
fm IRN 2005-08-24 2010-12-13

@ Ali Akbar Salehi
fm IRN 2010-12-13 2013-08-15

@ Mohammad Javad Zarif | Javad Zarif
fm IRN 2013-08-15 2021-08-25

@ Hossein Amir-Abdollahian | Hossein Amirabdollahian
fm IRN 2021-08-25 2024-05-19

@ Abbas Araghchi | Seyed Abbas Araghchi
fm IRN 2024-08-21 -

@ Ali Shamkhani
scs IRN 2013-09-10 2023-05-22 | Secretary of the Supreme National Security Council

@ Ali Larijani
spk IRN 2008-05-28 2020-05-28 | Speaker of the Islamic Consultative Assembly
scs IRN 2025 - | Secretary of the Supreme National Security Council

@ Viktor Orbán | Viktor Orban
hog HUN 1998-07-06 2002-05-27
hog HUN 2010-05-29 -

@ Péter Szijjártó | Peter Szijjarto
fm HUN 2014-09-23 -

@ Tamás Sulyok | Tamas Sulyok
hos HUN 2024-03-05 -

@ Andrzej Duda
hos POL 2015-08-06 2025-08-06

@ Karol Nawrocki
hos POL 2025-08-06 -

@ Mateusz Morawiecki
hog POL 2017-12-11 2023-12-13

@ Radosław Sikorski | Radoslaw Sikorski | Radek Sikorski
fm POL 2007-11-16 2014-09-22
fm POL 2023-12-13 -

@ Kim Jong Il | Kim Jong-il
hos PRK 1994-07-08 2011-12-17 | Chairman of the National Defence Commission

@ Kim Jong Un | Kim Jong-un | Kim Jong-eun
hos PRK 2011-12-17 - | Supreme Leader

@ Choe Son Hui | Choe Son-hui
fm PRK 2022 -

@ Aleksandar Vučić | Aleksandar Vucic
hog SRB 2014-04-27 2017-05-31
hos SRB 2017-05-31 -

@ Pope John Paul II | John Paul II | Karol Wojtyła | Karol Wojtyla
hos VAT 1978-10-16 2005-04-02 | Pope

@ Pope Benedict XVI | Benedict XVI | Joseph Ratzinger
hos VAT 2005-04-19 2013-02-28 | Pope

@ Pope Francis | Jorge Mario Bergoglio
hos VAT 2013-03-13 2025-04-21 | Pope

@ Pope Leo XIV | Leo XIV | Robert Francis Prevost | Robert Prevost
hos VAT 2025-05-08 - | Pope

@ Pietro Parolin | Cardinal Parolin | Cardinal Pietro Parolin
hog VAT 2013-10-15 - | Cardinal Secretary of State

@ Tsai Ing-wen | Tsai Ing Wen
hos TWN 2016-05-20 2024-05-20

@ Lai Ching-te | William Lai | Lai Ching Te
hos TWN 2024-05-20 -

@ Shehbaz Sharif | Shahbaz Sharif
hog PAK 2022-04-11 2023-08-14
hog PAK 2024-03-04 -

@ Bilawal Bhutto Zardari | Bilawal Bhutto
fm PAK 2022-04-27 2023-08-10

@ Ishaq Dar | Mohammad Ishaq Dar
fm PAK 2024-03-11 -

@ Ulf Kristersson
hog SWE 2022-10-18 -

@ Tobias Billström | Tobias Billstrom
fm SWE 2022-10-18 2024-09-10

@ Maria Malmer Stenergard
fm SWE 2024-09-10 -

@ Ferdinand Marcos Jr. | Bongbong Marcos | Ferdinand Romualdez Marcos Jr.
hos PHL 2022-06-30 -

@ Enrique Manalo
fm PHL 2022-07-01 2025 | Secretary of Foreign Affairs

@ Gilberto Teodoro | Gibo Teodoro
dm PHL 2023-06-05 - | Secretary of National Defense

@ Albin Kurti
hog XKX 2020-02-03 2020-06-03
hog XKX 2021-03-22 -
note: Acting prime minister after the 2025 elections while a new government was formed.

@ Vjosa Osmani
hos XKX 2021-04-04 -
"""
)

DATE_RE = re.compile(r"^\d{4}(-\d{2}-\d{2})?$")


def parse_date(text: str, *, allow: str) -> str | None:
    """Parse a DSL date; *allow* is the placeholder accepted for "unknown/open" (``?``/``-``)."""
    if text == allow:
        return None
    if not DATE_RE.match(text):
        raise ValueError(f"bad date {text!r} (use YYYY-MM-DD or YYYY)")
    if len(text) == 10:
        dt.date.fromisoformat(text)
    return text


def parse_role(line: str) -> Record:
    """Parse one role line of the people DSL into a role record."""
    head, *rest = [part.strip() for part in line.split("|")]
    fields = head.split()
    if len(fields) != 4:
        raise ValueError(f"role needs OFFICE CODE START END: {line!r}")
    office_key, code, start, end = fields
    role: Record = {
        "office": OFFICE_ABBREVIATIONS.get(office_key, office_key),
        "code": code,
        "title": None,
        "start": parse_date(start, allow="?"),
        "end": parse_date(end, allow="-"),
    }
    for part in rest:
        key, sep, value = part.partition("=")
        if sep and key in {"to", "attested", "note"}:
            if key == "attested":
                value = parse_date(value, allow="") or ""
            role[key] = value
        elif role["title"] is None:
            role["title"] = part
        else:
            raise ValueError(f"unexpected role field {part!r} in {line!r}")
    return role


def parse_people(chunks: Iterable[str]) -> Iterator[Record]:
    """Parse the PEOPLE_TEXT chunks into person records (see the format comment above)."""
    person: Record | None = None
    for chunk in chunks:
        for raw in chunk.splitlines():
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("@+"):
                if person is None:
                    raise ValueError(f"continuation outside a person: {line!r}")
                person["aliases"].extend(split_list(line[2:]))
            elif line.startswith("@"):
                if person is not None:
                    yield person
                names = split_list(line[1:])
                overrides = [n for n in names if n.startswith("id=")]
                names = [n for n in names if not n.startswith("id=")]
                person = {
                    "id": overrides[0][3:] if overrides else slug(names[0]),
                    "name": names[0],
                    "aliases": names[1:],
                    "roles": [],
                }
            elif line.startswith("note:"):
                if person is None:
                    raise ValueError(f"note outside a person: {line!r}")
                note = line[5:].strip()
                person["note"] = f"{person['note']} {note}" if "note" in person else note
            else:
                if person is None:
                    raise ValueError(f"role outside a person: {line!r}")
                person["roles"].append(parse_role(line))
    if person is not None:
        yield person


def role_sort_key(role: Record) -> tuple[str, str, str]:
    """Sort roles chronologically (unknown starts last), then by office and code."""
    return (role["start"] or "9999", role["office"], role["code"])


def build_people() -> list[Record]:
    """Return person records with ASCII-folded aliases and case-sensitive forms marked."""
    records: list[Record] = []
    for person in parse_people(PEOPLE_TEXT):
        forms = [person["name"], *person["aliases"]]
        aliases = unique([*person["aliases"], *(fold(f) for f in forms if fold(f) != f)])
        aliases = [a for a in aliases if a != person["name"]]
        roles = []
        for role in sorted(person["roles"], key=role_sort_key):
            clean = {k: v for k, v in role.items() if v is not None or k in {"start", "end"}}
            clean.setdefault("title", None)
            roles.append(
                {
                    "office": clean["office"],
                    "code": clean["code"],
                    "title": clean["title"],
                    "start": clean["start"],
                    "end": clean["end"],
                    **{k: clean[k] for k in ("to", "attested", "note") if k in clean},
                }
            )
        record: Record = {
            "id": person["id"],
            "name": person["name"],
            "aliases": aliases,
            "case_sensitive_aliases": [a for a in aliases if is_case_sensitive(a)],
            "roles": roles,
        }
        if "note" in person:
            record["note"] = person["note"]
        records.append(record)
    return records


# --------------------------------------------------------------------------------------
# Headers, writing and validation
# --------------------------------------------------------------------------------------

PYCOUNTRY_VERSION = getattr(pycountry, "__version__", "")

COMMON_LICENCE = (
    "Generated by tools/build_kb.py and distributed with communique under its MIT licence. "
)

HEADERS: dict[str, Record] = {
    "states.jsonl": {
        "source": f"ISO 3166-1 codes and English names from pycountry {PYCOUNTRY_VERSION} "
        "(Debian iso-codes data); capitals, demonyms, aliases, metonyms, regions and "
        "user-assigned codes hand-written in tools/build_kb.py (UN M49 sub-regions).",
        "licence": COMMON_LICENCE
        + "Country names and codes are factual data taken from pycountry (LGPL-2.1-only), "
        "which is used only at build time.",
        "schema": {
            "code": "ISO 3166-1 alpha-3 code, or a user-assigned X** code for entities "
            "without one (XKX Kosovo, XAB Abkhazia, XSO South Ossetia, XNC Northern Cyprus, "
            "XSL Somaliland, XTR Transnistria)",
            "name": "common English short name (canonical display name)",
            "official": "official/formal names",
            "aliases": "other names used in news (old names, abbreviations, variants)",
            "case_sensitive_aliases": "forms from any field that must be matched with exact "
            "case (acronyms such as US, UK, CAR; words such as Turkey, Chad, Polish)",
            "adjectives": "adjectives, demonyms and their plurals (proper adjectives: match "
            "with exact case)",
            "capital": "capital city",
            "metonyms": "capital and seat-of-government words standing for the government "
            "(Moscow, the Kremlin); Brussels is deliberately not a metonym for Belgium",
            "region": "UN M49 sub-region",
            "continent": "UN M49 region (Africa, Americas, Asia, Europe, Oceania)",
            "status": "un_member | un_observer_state | limited_recognition",
            "alpha2": "ISO 3166-1 alpha-2 code ('' if none; XK is user-assigned)",
            "user_assigned_code": "true if code is not an ISO 3166-1 assignment",
            "claimed_by": "for a breakaway entity with a user-assigned code, the recognised "
            "state whose territory it lies in, else null",
            "ambiguous_aliases": "forms that may denote this state but also another one "
            "(Congo, Korea, Dominican); use only with context. Only these may repeat across "
            "records",
            "note": "optional remark",
        },
    },
    "organisations.jsonl": {
        "source": "Hand-written in tools/build_kb.py from the organisations' public charters "
        "and membership lists; member lists marked members_derived_from are computed from "
        "states.jsonl.",
        "licence": COMMON_LICENCE,
        "schema": {
            "id": "unique record id: the code for organisations, CODE/BODY for principal "
            "bodies that share their parent's code",
            "code": "export code IGO:<ACRONYM>; a principal body uses its parent's code "
            "unless it has its own (IGO:ICJ, IGO:EEC, IGO:PACE, IGO:ECB, IGO:ECTHR)",
            "name": "canonical full English name",
            "acronyms": "acronyms and case variants (match with exact case)",
            "aliases": "other names (match case-insensitively unless listed in "
            "case_sensitive_aliases)",
            "body": "true for a principal body/organ of the parent organisation",
            "parent": "parent organisation code for bodies and UN-system entities, else null",
            "members": "ISO-3 codes of current member states (empty when not listed)",
            "founded": "year of establishment",
            "members_derived_from": "optional: how members were derived from states.jsonl",
            "former_members": "optional ISO-3 codes of former members",
            "associate_members": "optional ISO-3 codes of associate members",
            "observers": "optional ISO-3 codes of observers",
            "suspended_members": "optional ISO-3 codes of suspended members",
            "organisation_members": "optional: IGO codes that are members (e.g. EU in G20)",
            "dissolved": "optional year of dissolution",
            "hq": "optional headquarters city",
            "case_sensitive_aliases": "acronym-like forms that must match with exact case",
            "note": "optional remark",
        },
    },
    "offices.jsonl": {
        "source": "Hand-written in tools/build_kb.py. Sector codes are the CAMEO/PLOVER "
        "agent codes (GOV, MIL, LEG, JUD, SPY, COP, PTY; defence minister GOV + MIL), as "
        "used by the PETRARCH-2 agent dictionaries and the NGEC coder.",
        "licence": COMMON_LICENCE,
        "schema": {
            "id": "snake_case office id referenced by people.jsonl roles",
            "name": "display name",
            "canonical": "office string to export (a role's title overrides it)",
            "sector": "primary PLOVER/CAMEO agent code: " + ", ".join(SECTOR_CODES),
            "sector2": "optional secondary agent code (MIL for defence ministers)",
            "level": "rank, lower = more senior",
            "titles": "English surface forms denoting the office",
            "country_titles": "ISO-3 -> forms valid for that country only; when the "
            "country is known they take precedence over other offices' generic titles",
            "institution": "true for bodies (parliament, ministry, armed forces) rather "
            "than posts held by a person",
            "single_holder": "true where one person holds the office at a time, so a title "
            "without a name resolves to its holder on the day",
            "case_sensitive_titles": "forms that must match with exact case (PM, MP, NSA)",
            "note": "optional remark",
        },
        "sector_codes": SECTOR_CODES,
    },
    "people.jsonl": {
        "source": "Hand-written in tools/build_kb.py from public record (official "
        "announcements and news reports); a few recent dates were checked against news "
        "reports. " + PUBLIC_RECORD_CAVEAT,
        "licence": COMMON_LICENCE,
        "schema": {
            "id": "unique snake_case person id",
            "name": "canonical name",
            "aliases": "spelling/transliteration variants, full names with patronymics and "
            "ASCII-folded forms (initial forms are left to the code)",
            "case_sensitive_aliases": "acronym aliases such as MBS, AMLO, SBY",
            "roles": "list of {office, code, title, start, end, [to], [attested], [note]}: "
            "office is an offices.jsonl id; code is the ISO-3 or IGO code the role is for; "
            "title the exact title when it differs from the office's canonical name; start "
            "and end are YYYY-MM-DD or YYYY (year-only = imprecise); start null = unknown; "
            "end null = in office when compiled; to = accredited to; attested = a date on "
            "which the role is known to have been held",
            "note": "optional remark",
        },
    },
}


def header_line(filename: str) -> str:
    """Return the ``_meta`` header line for *filename*."""
    meta = dict(HEADERS[filename])
    meta["generator"] = "tools/build_kb.py"
    return json.dumps({"_meta": meta}, ensure_ascii=False)


def write_jsonl(path: Path, records: list[Record]) -> None:
    """Write the header line and one JSON object per record to *path*."""
    lines = [header_line(path.name)]
    lines += [json.dumps(r, ensure_ascii=False, separators=(", ", ": ")) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_jsonl(path: Path) -> list[Record]:
    """Read *path*, check the header, and return the data records (``_meta`` skipped)."""
    records: list[Record] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            obj = json.loads(line)
            if number == 1 and "_meta" not in obj:
                raise ValueError(f"{path.name}: first line is not a _meta header")
            if "_meta" not in obj:
                records.append(obj)
    return records


def duplicates(values: Iterable[str]) -> list[str]:
    """Return the values that occur more than once."""
    return sorted(v for v, n in Counter(values).items() if n > 1)


def check_date_order(role: Record) -> bool:
    """Return True if a role's start is not after its end (year-only dates compare loosely)."""
    start, end = role.get("start"), role.get("end")
    if not start or not end:
        return True
    if len(start) == 4 or len(end) == 4:
        return start[:4] <= end[:4]
    return start <= end


def validate(kb_dir: Path) -> list[str]:
    """Validate the KB files in *kb_dir*; return a list of problems (empty if valid)."""
    problems: list[str] = []
    states = read_jsonl(kb_dir / "states.jsonl")
    orgs = read_jsonl(kb_dir / "organisations.jsonl")
    offices = read_jsonl(kb_dir / "offices.jsonl")
    people = read_jsonl(kb_dir / "people.jsonl")

    state_codes = {s["code"] for s in states}
    for dup in duplicates(s["code"] for s in states):
        problems.append(f"states: duplicate code {dup}")
    if sum(1 for s in states if s["status"] == "un_member") != 193:
        problems.append("states: expected 193 UN member states")
    owner: dict[str, str] = {}
    for s in states:
        if not s["metonyms"] and s["code"] not in NO_CAPITAL_METONYM and s["capital"] != s["name"]:
            problems.append(f"states: {s['code']} has no metonym")
        forms = [s["name"], *s["official"], *s["aliases"], *s["adjectives"], *s["metonyms"]]
        for dup in duplicates(forms):
            problems.append(f"states: {s['code']} repeats form {dup!r}")
        for form in forms:
            if form in owner and owner[form] != s["code"]:
                problems.append(f"states: form {form!r} in {owner[form]} and {s['code']}")
            owner[form] = s["code"]
    for s in states:
        if "us" in s["aliases"] or "uk" in s["aliases"]:
            problems.append(f"states: {s['code']} has a lower-case acronym alias")

    igo_codes = {o["code"] for o in orgs}
    for dup in duplicates(o["id"] for o in orgs):
        problems.append(f"organisations: duplicate id {dup}")
    for dup in duplicates(o["code"] for o in orgs if not o["body"]):
        problems.append(f"organisations: duplicate organisation code {dup}")
    for o in orgs:
        if not o["code"].startswith("IGO:"):
            problems.append(f"organisations: bad code {o['code']}")
        if o["parent"] and o["parent"] not in igo_codes:
            problems.append(f"organisations: {o['id']} has unknown parent {o['parent']}")
        if o["body"] and not o["parent"]:
            problems.append(f"organisations: body {o['id']} has no parent")
        listed = [
            *o["members"],
            *o.get("former_members", []),
            *o.get("associate_members", []),
            *o.get("observers", []),
            *o.get("suspended_members", []),
        ]
        for code in listed:
            if code not in state_codes:
                problems.append(f"organisations: {o['id']} lists unknown state {code}")
        for code in o.get("organisation_members", []):
            if code not in igo_codes:
                problems.append(f"organisations: {o['id']} lists unknown IGO {code}")
    if sum(1 for o in orgs) < 90:
        problems.append("organisations: fewer than 90 records")

    office_ids = {o["id"] for o in offices}
    for dup in duplicates(o["id"] for o in offices):
        problems.append(f"offices: duplicate id {dup}")
    for o in offices:
        for sector in (o["sector"], o["sector2"]):
            if sector is not None and sector not in SECTOR_CODES:
                problems.append(f"offices: {o['id']} has unknown sector {sector}")
        for country in o["country_titles"]:
            if country not in state_codes:
                problems.append(f"offices: {o['id']} country_titles has unknown {country}")

    valid_codes = state_codes | igo_codes
    for dup in duplicates(p["id"] for p in people):
        problems.append(f"people: duplicate id {dup}")
    for p in people:
        if not p["roles"]:
            problems.append(f"people: {p['id']} has no roles")
        for role in p["roles"]:
            where = f"people: {p['id']} {role['office']} {role['code']}"
            if role["office"] not in office_ids:
                problems.append(f"{where}: unknown office")
            if role["code"] not in valid_codes:
                problems.append(f"{where}: unknown code")
            if role.get("to") and role["to"] not in valid_codes:
                problems.append(f"{where}: unknown 'to' code {role['to']}")
            for key in ("start", "end", "attested"):
                value = role.get(key)
                if value is not None and not DATE_RE.match(value):
                    problems.append(f"{where}: bad {key} {value!r}")
            if not check_date_order(role):
                problems.append(f"{where}: starts after it ends")
    return problems


def build(kb_dir: Path) -> dict[str, int]:
    """Generate all KB files into *kb_dir*; return the number of records per file."""
    kb_dir.mkdir(parents=True, exist_ok=True)
    states = build_states()
    outputs = {
        "states.jsonl": states,
        "organisations.jsonl": build_organisations(states),
        "offices.jsonl": build_offices(),
        "people.jsonl": build_people(),
    }
    for filename, records in outputs.items():
        write_jsonl(kb_dir / filename, records)
    return {filename: len(records) for filename, records in outputs.items()}


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: build (default) or only validate (``--check``) the KB."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=KB_DIR, help="output directory")
    parser.add_argument(
        "--check", action="store_true", help="only validate the files already in --out"
    )
    args = parser.parse_args(argv)
    if not args.check:
        counts = build(args.out)
        for filename, count in counts.items():
            print(f"{filename}: {count} records")
    problems = validate(args.out)
    for problem in problems:
        print(f"PROBLEM {problem}", file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return 1
    print("validation passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
