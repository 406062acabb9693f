"""Parts of a news page that are about the page, not the news: datelines, bylines, photo
credits, party tags. Names in them never become actors.

Each finder returns character spans of the text; :func:`boilerplate_spans` merges them. The
patterns follow how wire services and newspapers lay these parts out:

* a dateline opens a paragraph: a place in capitals (or a place and a date), an agency in
  parentheses, a dash ("CAIRO (Reuters) -", "WASHINGTON, Aug. 21, 2023 (AP) —");
* a byline is a short line of its own that starts with "By" and holds only names, or a credit
  line ("Reporting by …; Editing by …", "Additional reporting by …");
* a photo credit is a parenthesis or a line that names a photographer and an agency
  ("(Photo: Name/AFP)", "Credit: Name / Reuters", "Photograph: Name/EPA", "(Name/Reuters)");
* a caption line ("Photo caption: …") and a kicker (a short line in capitals over the story:
  "ANALYSIS") are about the page;
* a party tag follows a lawmaker's name: "(D-Mo.)", "(R-S.C.)";
* a link to another story on a line of its own ("Also Read | ...", "READ: ...").
"""

from __future__ import annotations

import re

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
#: a date as datelines write it: "May 2", "Nov. 12, 2024", "12 November 2024"
DATELINE_DATE = rf"(?:{MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{MONTH}(?:\s+\d{{4}})?)"
_PLACE_CAPS = r"[A-Z][A-Z'.-]+(?:(?:\s+|\s*/\s*)[A-Z][A-Z'.-]+){0,3}"  # "ISLAMABAD/NEW DELHI"
_PLACE_TITLE = r"[A-Z][a-z'.-]+(?:\s+[A-Z][a-z'.-]+){0,2}"
_AGENCY = r"\((?:[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3})\)"
_DASH = r"\s*(?:-|—|–|--)\s+"
#: news agencies a dateline in title case may name ("Gaza City (Reuters) - ", "Doha (AFP) - ")
_AGENCY_NAMES = (
    r"Reuters|Xinhua|Anadolu|Interfax|Bernama|Kyodo|Yonhap|Sputnik|Bloomberg|AFP|AP|UPI|AA|"
    r"PTI|ANI|IANS|TASS|SANA|IRNA|WAFA|MENA|KUNA|SPA|WAM|QNA|APA|DPA|dpa|EFE|ANSA|KCNA|NNA|IRIB"
)
#: a dateline's parenthesis that holds more than an agency: outlets and a date, split by a
#: slash or a dash ("(MindaNews / 01 July)", "(UrduPoint News / Sputnik - 08th September,
#: 2020)", issue 17a)
_AGENCY_DATED = (
    rf"\([A-Z][^()\n]{{0,80}}?(?:\s/\s|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}|{MONTH}\s+\d)"
    r"[^()\n]{0,40}\)"
)
#: a dateline whose agency stands between bars: "ISTANBUL, TURKEY | Xinhua | " (issue 21S)
_PIPED = (
    rf"^[ \t]*{_PLACE_CAPS}(?:,\s*(?:{_PLACE_CAPS}|{_PLACE_TITLE}))?"
    r"\s*\|\s*[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3}\s*\|[ \t]*"
)
#: a dateline that ends in a colon, a date or the line's end rather than a dash, or opens with
#: a dash: "HELSINKI (AFP) Jan 27, 2005", "— Doha (AFP)", "Istanbul (TDI): ..." (issue 22A); a
#: place in title case takes an agency in capitals only ("Hamas (Islamic Resistance
#: Movement): ..." is no dateline)
_LOOSE = (
    rf"^[ \t]*(?:[—–-][ \t]*)?(?:{_PLACE_CAPS}\s*{_AGENCY}|{_PLACE_TITLE}\s*\([A-Z]{{2,6}}\))"
    rf"(?:[ \t]*:[ \t]*|[ \t]+{DATELINE_DATE}(?:,?[ \t]+\d{{4}})?[ \t]*$|[ \t]*$)"
)
#: "CAIRO (Reuters) - ", "JERUSALEM, May 3 (Reuters) - ", "Washington, Aug. 21, 2023 - ",
#: "Doha (AFP) - " (a place in title case with a known agency; not "Hamas (Islamic
#: Resistance Movement) - " nor "Islamic Jihad (PIJ) - ")
DATELINE = re.compile(
    rf"(?m)^[ \t]*(?:{_PLACE_CAPS}(?:,\s*{_PLACE_TITLE})?(?:,\s*{DATELINE_DATE})?"
    rf"(?:\s*{_AGENCY})?|{_PLACE_TITLE},\s*{DATELINE_DATE}(?:\s*{_AGENCY})?"
    rf"|{_PLACE_TITLE}\s*\((?:{_AGENCY_NAMES})\)){_DASH}"
    rf"|^[ \t]*{_PLACE_CAPS}\s*{_AGENCY_DATED}(?:{_DASH})?"
    rf"|{_PIPED}|{_LOOSE}"
)
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|al|el|bin|ibn|de|van|von|da))*"
BYLINE = re.compile(
    rf"(?m)^[ \t]*By\s+{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*[ \t]*(?:,[^\n]{{0,60}})?$"
)
#: a credit line, also after a caption and a dash ("The envoys in Doha. – PHOTOS: AP")
CREDIT_LINE = re.compile(
    r"(?im)(?:^|(?<=[.;]\s))\(?(?:(?:additional\s+)?reporting|editing|writing|compiled|"
    r"photographs?|photos?|images?|credit|video|graphic|(?:photo\s+)?caption)s?\s*(?:by|:)"
    r"[^\n]*$|(?<=\s[\u2013\u2014-]\s)(?:photograph|photo|image|credit)s?\s*:[^\n]*$"
)
#: a kicker: a short line all in capitals over a story ("ANALYSIS", "EXCLUSIVE", "LIVE")
KICKER = re.compile(r"(?m)^[ \t]*[A-Z][A-Z'&-]+(?:[ \t]+[A-Z][A-Z'&-]+){0,1}[ \t]*$")
#: "(Caribbean Newswire/Marie-Ange Pierre)" at the end of a caption: outlet and photographer
CREDIT_SLASH = re.compile(
    r"\((?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s*/\s*"
    r"(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\)[ \t]*$",
    re.M,
)
_AGENCIES = (
    r"Reuters|AP|AFP|EPA|Getty(?:\s+Images)?|Anadolu|Xinhua|Bloomberg|Shutterstock|"
    r"Alamy|SOPA|ZUMA|NurPhoto|UPI|Pool|WAFA|Flash90|AA|dpa|Sipa|Redux|The\s+\w+\s+Times"
)
CREDIT_PAREN = re.compile(
    r"\((?:(?:photo|photograph|image|picture|credit|video)s?\s*(?:by|:)[^()]*|"
    rf"[^()\n]{{2,80}}/\s*(?:{_AGENCIES})[^()\n]{{0,40}})\)",
    re.I,
)
#: a link to another story, to the end of its line, on a line of its own or after a sentence:
#: "Also Read | ...", "READ: ...", "Read more: ...", "RELATED: ..." (issue 22S: the linked
#: headline's names are no actors of this story)
RELATED_LINK = re.compile(
    r"(?im)(?:^[ \t]*|(?<=[.!?”\"’]\s))"
    r"(?:also\s+read|read(?:\s+(?:more|also))?|related(?:\s+(?:stories|story|news))?|"
    r"see\s+also|must\s+read)[ \t]*[|:][^\n]*$"
)
PARTY_TAG = re.compile(r"\((?:D|R|I|Ind|Dem|Rep)\s*[-–]\s*[A-Z][A-Za-z.]{1,5}\.?\)")
JOURNALIST = re.compile(
    r"\b(?:[Cc]orrespondent|[Rr]eporter|[Pp]hotographer|[Cc]olumnist)\s+(?=[A-Z])"
    rf"{_NAME}"
)


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of datelines, bylines, credits and party tags, merged and sorted."""
    spans: list[tuple[int, int]] = []
    rxs = (DATELINE, BYLINE, CREDIT_LINE, CREDIT_PAREN, CREDIT_SLASH, KICKER, PARTY_TAG)
    for rx in (*rxs, RELATED_LINK, JOURNALIST):
        spans.extend(m.span() for m in rx.finditer(text))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged
