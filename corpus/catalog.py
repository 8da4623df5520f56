"""The set of documents the index is built from: the shipped corpus (past reports, regulation
digests) plus the files a user imported into the library folder. The index is derived from this
set and can always be rebuilt from it."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import yaml

from corpus.docnumbers import find_refs
from corpus.errors import InputError
from corpus.loaders import DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES, ReadLimits, display_name, load_file
from corpus.models import SourceDocument
from corpus.registry import Registry
from corpus.text import fold, place_date

CORPUS_DIR = Path(__file__).parent
REPORTS_DIR = CORPUS_DIR / "reports"
DIGESTS_DIR = CORPUS_DIR / "regulations" / "digests"

_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")[:60]


def shipped_reports() -> list[SourceDocument]:
    meta = yaml.safe_load((REPORTS_DIR / "reports.yaml").read_text(encoding="utf-8"))["reports"]
    docs = []
    for m in meta:
        path = REPORTS_DIR / m["file"]
        text = load_file(path).text
        docs.append(SourceDocument(
            doc_id=f"report-{m['file'].split('_')[0]}", kind="report", title=m["title"], text=text,
            source=f"corpus/reports/{m['file']}", issuer=m["issuer"], level=m["level"],
            locality=m["locality"], period=m["period"], year=m["year"], date=m.get("date"),
            doc_type=m["doc_type"], quality=m["quality"], number=m.get("number", ""),
            extra={"parent": m.get("parent", "")},
        ))
    return docs


def shipped_digests(registry: Registry) -> list[SourceDocument]:
    docs = []
    for path in sorted(DIGESTS_DIR.glob("*.md")):
        if path.name == "README.md":
            continue
        raw = path.read_text(encoding="utf-8")
        m = _FRONT.match(raw)
        if not m:
            raise ValueError(f"{path}: digest without front matter")
        front = yaml.safe_load(m.group(1))
        reg = registry.get(front["number"])
        if reg is None:
            raise ValueError(f"{path}: {front['number']} is not in the registry")
        docs.append(SourceDocument(
            doc_id=f"digest-{path.stem}", kind="regulation", title=f"{reg.type} {reg.number}: {reg.title}",
            text=raw[m.end():], source=f"corpus/regulations/digests/{path.name}", number=reg.number,
            is_digest=True, confidence=str(front.get("confidence", "K")), issuer=reg.issuer,
            date=reg.signed, year=reg.signed.year if reg.signed else None, doc_type=reg.type.lower(),
        ))
    return docs


# ---------------------------------------------------------------- the user's library
_LEGAL_TITLE = re.compile(r"^(nghi dinh|thong tu|quyet dinh|nghi quyet|luat|chi thi|phap lenh)\b", re.I)
# the report's own period is the first its title names ("… 9 tháng đầu năm 2026 và phương hướng, nhiệm vụ quý IV"):
# quý II, III and IV reports are the 6-month, 9-month and year's (each counted from the start of the year)
_PERIODS = [(re.compile(r"\bquy (?:i|1)\b"), "quý I"),
            (re.compile(r"\b(?:6|sau) thang\b|\bquy (?:ii|2)\b"), "6 tháng"),
            (re.compile(r"\b(?:9|chin) thang\b|\bquy (?:iii|3)\b"), "9 tháng"),
            (re.compile(r"(?<!thang \d )(?<!thang \d\d )\bnam 20\d\d\b|\bquy (?:iv|4)\b|\bca nam\b"), "năm")]
# the title starts after the line "BÁO CÁO" (the date line above it names a year too: "ngày 05 tháng 01 năm 2027")
_TITLE_AFTER = re.compile(r"^[\s#*_]*bao cao[\s#*_]*$", re.M)
# the unit a title names, by its word and a capitalised name ("… năm 2023 xã Ba Trang", "… của Sở Tư pháp")
_TITLE_UNIT = re.compile(r"\b(?i:(xa|phuong|thi tran|dac khu|huyen|quan|thi xa|thanh pho|tinh|so))\s+[A-Z]")
_UNIT_LEVEL = {"xa": "xã", "phuong": "xã", "thi tran": "xã", "dac khu": "xã", "huyen": "huyện", "quan": "huyện",
               "thi xa": "huyện", "thanh pho": "tỉnh", "tinh": "tỉnh", "so": "sở"}
_LEVELS = [("uy ban nhan dan tinh", "tỉnh"), ("ubnd tinh", "tỉnh"), ("so ", "sở"),
           ("uy ban nhan dan huyen", "huyện"), ("ubnd huyen", "huyện"), ("huyen", "huyện"),
           ("uy ban nhan dan xa", "xã"), ("ubnd xa", "xã"), ("xa ", "xã"), ("phuong ", "xã")]


def guess_metadata(text: str, name: str, registry: Registry) -> dict:
    """Best-effort metadata of an imported file; the user can correct it in the library."""
    head = text[:3000]
    fhead = fold(head).lower()
    lines = [fold(line).strip().lower() for line in head.split("\n") if line.strip()]
    is_legal = any(_LEGAL_TITLE.match(line) for line in lines[:15]) and re.search(r"\bdieu 1\b", fold(text[:20000]).lower())
    meta: dict = {"kind": "regulation" if is_legal else "report", "title": name}
    if is_legal:
        for ref in find_refs(head):
            if ref.year and ref.symbol:
                doc = registry.resolve(ref)
                meta["number"] = doc.number if doc else head[ref.start:ref.end].split()[-1]
                break
        for line in head.split("\n"):
            if _LEGAL_TITLE.match(fold(line).strip().lower()):
                meta["title"] = line.strip()
                break
        return meta
    after = _TITLE_AFTER.search(fhead[:1500])
    span = slice(after.end(), after.end() + 400) if after else slice(0, 1500)  # the title (folding keeps offsets)
    title = fhead[span]
    said = [(m.start(), label) for pattern, label in _PERIODS if (m := pattern.search(title))]
    if said:
        meta["period"] = min(said)[1]
    # the issuer's line above "BÁO CÁO" decides the level ("ho so " anywhere in the text is not a department) — of two,
    # the issuer under its parent ("UBND TỈNH GIA LAI / SỞ TƯ PHÁP" is the sở's) —, else the unit its title names
    header = lines[:next((i for i, line in enumerate(lines) if _TITLE_AFTER.match(line)), 8)][:8]
    level = ([label for line in header for key, label in _LEVELS if line.startswith(key)] or [None])[-1]
    named = _TITLE_UNIT.search(fold(head)[span])
    level = level or (_UNIT_LEVEL[named.group(1).lower()] if named else None)
    level = level or next((label for key, label in _LEVELS if key in fhead[:600]), None)
    if level:
        meta["level"] = level
    # the year the title names ("6 tháng đầu năm 2024", "quý I/2024"), else the most frequent one
    titled = re.search(r"(?:nam|quy [iv1-4]+\s*/?\s*(?:nam)?)\s*(20[0-4]\d)\b", title)
    years = re.findall(r"\b(20[0-4]\d)\b", head)
    if titled:
        meta["year"] = int(titled.group(1))
    elif years:
        meta["year"] = int(max(sorted(set(years)), key=years.count))
    day = place_date(head)
    if day:
        meta["date"] = day.isoformat()
    doc_types = {"bao cao": "báo cáo", "thong bao": "thông báo"}
    for line in lines[:20]:
        if line in doc_types:
            meta["doc_type"] = doc_types[line]
            break
    return meta


class Library:
    """Files the user imported, each stored as the original bytes plus a metadata sidecar.
    Writes go through a temporary name and a rename, so an interrupted import leaves either the
    whole file or nothing."""

    def __init__(self, root: Path):
        self.root = Path(root)

    def _files(self) -> list[Path]:
        if not self.root.is_dir():
            return []
        return sorted(p for p in self.root.iterdir() if p.is_file() and not p.name.endswith((".json", ".tmp")))

    def add(self, path: Path, registry: Registry, *, max_bytes: int = DEFAULT_MAX_BYTES,
            kind: str | None = None, max_pages: int = DEFAULT_MAX_PAGES, limits: ReadLimits | None = None,
            on_page=None) -> SourceDocument:
        path = Path(path)
        # refuses bad input before anything is written
        loaded = load_file(path, max_bytes=max_bytes, max_pages=max_pages, limits=limits, on_page=on_page)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
        safe = _slug(path.stem) or "tai-lieu"
        target = self.root / f"{safe}-{digest}{path.suffix.lower()}"
        self.root.mkdir(parents=True, exist_ok=True)
        meta = guess_metadata(loaded.text, display_name(path.name), registry)
        if kind:
            meta["kind"] = kind
        meta.update({"original_name": path.name, "format": loaded.fmt, "encoding": loaded.encoding})
        if loaded.ocr or loaded.converted_from:
            # the text read once is kept: a reindex does not OCR or convert the file again
            meta["extracted_text"] = loaded.text
        if loaded.ocr:
            meta.update({"ocr": True, "ocr_confidence": round(sum(loaded.page_confidence) / len(loaded.page_confidence), 1),
                         "low_numbers": [w for _, w, _ in loaded.low_numbers]})
        tmp = target.with_suffix(target.suffix + ".tmp")
        shutil.copyfile(path, tmp)
        meta_tmp = Path(str(target) + ".json.tmp")
        meta_tmp.write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
        meta_tmp.replace(Path(str(target) + ".json"))
        tmp.replace(target)
        return self._document(target, meta, loaded.text)

    def meta(self, doc_id: str) -> dict:
        for p in self._files():
            if self._doc_id(p) == doc_id:
                meta_path = Path(str(p) + ".json")
                return json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        return {}

    def path_of(self, doc_id: str) -> Path | None:
        """The stored file of a document, as imported."""
        return next((p for p in self._files() if self._doc_id(p) == doc_id), None)

    def metas(self) -> list[dict]:
        return [self.meta(self._doc_id(p)) | {"doc_id": self._doc_id(p)} for p in self._files()]

    def update_meta(self, doc_id: str, fields: dict) -> None:
        """Metadata the official confirmed (a final version's unit and period), written atomically."""
        for p in self._files():
            if self._doc_id(p) == doc_id:
                meta = {**self.meta(doc_id), **fields}
                tmp = Path(str(p) + ".json.tmp")
                tmp.write_text(json.dumps(meta, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
                tmp.replace(Path(str(p) + ".json"))
                return
        raise InputError(f"Không có tài liệu {doc_id} trong thư viện.")

    def remove(self, doc_id: str) -> bool:
        for p in self._files():
            if self._doc_id(p) == doc_id:
                p.unlink()
                Path(str(p) + ".json").unlink(missing_ok=True)
                return True
        return False

    @staticmethod
    def _doc_id(path: Path) -> str:
        return f"user-{path.stem}"

    def _document(self, path: Path, meta: dict, text: str) -> SourceDocument:
        fields = {k: v for k, v in meta.items() if k in SourceDocument.model_fields}
        fields.setdefault("title", path.name)
        return SourceDocument(doc_id=self._doc_id(path), text=text, source=str(path), **fields)

    def documents(self) -> tuple[list[SourceDocument], list[tuple[Path, InputError]]]:
        docs, errors = [], []
        for p in self._files():
            meta_path = Path(str(p) + ".json")
            meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {"kind": "report"}
            try:
                docs.append(self._document(p, meta, meta.get("extracted_text") or load_file(p).text))
            except InputError as exc:
                errors.append((p, exc))
        return docs, errors


def all_documents(registry: Registry, library: Library | None = None) -> list[SourceDocument]:
    docs = shipped_reports() + shipped_digests(registry) + registry_cards(registry)
    if library is not None:
        docs += library.documents()[0]
    return docs


def registry_cards(registry: Registry) -> list[SourceDocument]:
    """One short card per registry document, so every document the registry knows can be found
    and cited even where no digest of its content exists."""
    from corpus.registry import CONFIDENCE_LABELS, fmt_date

    cards = []
    for d in registry:
        def tagged(field: str, value: str, d=d) -> str:
            tag = d.tag(field)
            return f"{value} [{tag}: {CONFIDENCE_LABELS[tag]}]"

        lines = [
            f"{d.type} số {d.number} của {d.issuer}: {d.title}.",
            tagged("signed", f"Ngày ký: {fmt_date(d.signed)}."),
            tagged("effective_from", f"Hiệu lực từ: {fmt_date(d.effective_from)}."),
        ]
        if d.effective_to:
            lines.append(tagged("effective_to", f"Hết hiệu lực sau ngày {fmt_date(d.effective_to)}."))
        for label, items, field in (("Được thay thế bởi", d.replaced_by, "replaced_by"),
                                    ("Thay thế", d.replaces, "replaces"), ("Sửa đổi, bổ sung", d.amends, "amends"),
                                    ("Được sửa đổi, bổ sung bởi", d.amended_by, "amended_by")):
            if items:
                lines.append(tagged(field, f"{label}: {', '.join(items)}."))
        if d.topics:
            topics = f"Chủ đề: {', '.join(d.topics)}."  # tagged when the registry says how sure the list is
            lines.append(tagged("topics", topics) if "topics" in d.confidence else topics)
        lines.append(f"Nguồn: {d.source}.")
        cards.append(SourceDocument(
            doc_id=f"registry-{_slug(d.number)}", kind="regulation", title=f"{d.type} {d.number}: {d.title}",
            text="\n\n".join(lines), source="corpus/regulations/registry.yaml", number=d.number,
            issuer=d.issuer, date=d.signed, year=d.signed.year if d.signed else None,
            doc_type=d.type.lower(), confidence=d.tag("signed"),
        ))
    return cards
