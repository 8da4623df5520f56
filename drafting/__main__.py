"""Command line for drafting.

  python -m drafting template --out so-lieu.xlsx
  python -m drafting check --figures so-lieu.xlsx
  python -m drafting draft --figures FILE --out report.docx [--section NAME] [--llm none|local|openai] [--json] [--force]
                           [--clean] [--previous-report LAST.docx]
  python -m drafting ask "…" [--as-of YYYY-MM-DD] [--llm …] [--json]
  python -m drafting review FILE [--as-of YYYY-MM-DD] [--section II.2] [--json]
  python -m drafting read-figures REPORT.docx|.pdf|.txt|.md [--json]
  python -m drafting read-plan KE-HOACH-CCHC.docx [--out plan.yaml] [--json]
  python -m drafting import-documents so-van-ban.xlsx [--out facts.yaml] [--all] [--json]
  python -m drafting setup-llm
  python -m drafting user-add NAME [--file users.txt]   (asks for the password)

Exit codes: 0 done (review: whatever it found); 1 the figures have errors (nothing drafted unless
--force); 2 a product error."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from corpus.errors import TroLyError, configure_logging, shown


def _print_issues(issues) -> None:
    for i in issues:
        mark = "LỖI" if i.severity == "error" else "Lưu ý"
        print(f"  [{mark}] {i.message}")


def cmd_read_figures(args) -> int:
    from drafting.service.reading import read_report_file
    from retrieval.settings import load_settings

    settings = load_settings()
    result = read_report_file(Path(args.file), settings.max_upload_bytes, settings.read_limits())
    if args.json:
        print(result.model_dump_json(indent=1))
        return 0
    print(f"{args.file}: {len(result.reading.figures)} số liệu đọc được"
          + (" (văn bản không dấu hoặc OCR: cần xác nhận từng số)" if result.needs_confirmation else ""))
    for f in result.reading.figures:
        mark = "" if f.confidence >= 0.8 else "  [cần xác nhận]"
        print(f"  {f.section:5} {f.key:36} {f.quote:>10}  ({f.confidence:.2f}) “{f.words}”{mark}"
              + (f" — {f.note}" if f.note else ""))
    for r in result.reading.rates:
        print(f"  {r.section:5} {r.key:36} {r.quote:>10}  tỷ lệ ghi trong văn bản")
    for a in result.reading.ambiguous:
        print(f"  [hỏi lại] “{a.context}”: {a.quote} là {' hay '.join(a.options)}?")
    return 0


def cmd_template(args) -> int:
    from drafting.inputs.workbook import write_template

    out = Path(args.out)
    write_template(out)
    print(f"Đã tạo biểu số liệu: {out}")
    return 0


def cmd_check(args) -> int:
    from drafting.inputs.files import load_figures_file
    from retrieval.settings import load_settings

    data = load_figures_file(Path(args.figures), load_settings().max_upload_bytes)
    if not data.issues:
        print("Số liệu hợp lệ.")
    _print_issues(data.issues)
    for f in data.figures.figures():
        if f.source == "derived":
            print(f"  {f.label}: {f.text} ({f.formula})")
    return 1 if data.errors else 0


def cmd_draft(args) -> int:
    from drafting.figures.outline import section_key
    from drafting.inputs.files import load_figures_file
    from drafting.render.docx import render_docx
    from drafting.service.assistant import build_assistant
    from retrieval.settings import load_settings

    settings = load_settings()
    data = load_figures_file(Path(args.figures), settings.max_upload_bytes)
    if data.issues:
        print("Kiểm tra số liệu:", file=sys.stderr)
        for i in data.issues:
            print(f"  [{'LỖI' if i.severity == 'error' else 'Lưu ý'}] {i.message}", file=sys.stderr)
    if data.meta is None or (data.errors and not args.force):
        print("Chưa soạn: số liệu có lỗi. Sửa lỗi, hoặc chạy lại với --force để soạn từ số liệu hiện có "
              "(lỗi vẫn được ghi trong phần phát hiện của bản thảo).", file=sys.stderr)
        return 1
    if args.previous_report:
        from drafting.service.reading import carry_forward, read_report_file, unreported_tasks, with_previous

        past = read_report_file(Path(args.previous_report), settings.max_upload_bytes, settings.read_limits())
        from drafting.figures.schema import label_of

        carry = carry_forward(past, data.meta.period, data.meta.year, data.meta.locality)
        data = with_previous(data, carry)
        left = unreported_tasks(carry.tasks, [f.text for f in data.facts]) if carry.kind == "previous" else []
        print(f"Số liệu {carry.label} lấy từ "
              f"{carry.source}: {len(carry.values)} chỉ tiêu"
              # a part of this year: its counts lie inside the year's, only the levels at its end are taken
              + (f" (không lấy {carry.within} số việc trong kỳ: chúng đã nằm trong số cả năm)" if carry.within else "")
              + (f"; cần xác nhận: {'; '.join(label_of(k) for k in carry.to_confirm)}" if carry.to_confirm else ""),
              file=sys.stderr)
    sections = None
    if args.section:
        keys = [section_key(s) for s in args.section]
        if None in keys:
            print(f"Không có mục “{args.section[keys.index(None)]}”. Dùng: I, II.1 … II.6, III, IV, V.", file=sys.stderr)
            return 2
        sections = keys
    assistant = build_assistant(settings, llm=args.llm)

    def progress(key, done, total):
        if key and not args.json:
            print(f"  soạn mục {key} ({done + 1}/{total})…", file=sys.stderr)

    def token(key, piece):
        if args.stream:
            sys.stderr.write(piece)
            sys.stderr.flush()

    t0 = time.perf_counter()
    draft = assistant.draft_input(data, sections, on_progress=progress, on_token=token)
    if args.previous_report:
        from drafting.models import DraftFinding

        # last period's tasks are this period's checklist: each is reported on, or carried, by the official
        draft.findings += [DraftFinding(kind="missing", severity="warning", section="I", message=(
            f"Nhiệm vụ kỳ trước «{t}» chưa thấy kết quả trong báo cáo này: ghi kết quả, hoặc chuyển vào mục IV nếu "
            "chưa xong.")) for t in left]
    elapsed = time.perf_counter() - t0
    if args.out:
        render_docx(draft, Path(args.out), clean=args.clean)
    if args.json:
        print(draft.model_dump_json(indent=2))
    else:
        print(draft.full_text())
        print()
        print(f"Soạn trong {elapsed:.1f} s; mô hình: {draft.llm}.")
        if draft.findings:
            print("Phát hiện:")
            for f in draft.findings:
                print(f"  [{f.severity}] ({f.section}) {f.message}")
        if args.out:
            print(f"Đã ghi {args.out}")
    return 0


def _date(text: str | None):
    import datetime as dt

    from corpus.errors import InputError

    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise InputError(f"Ngày “{text}” không đúng dạng YYYY-MM-DD.") from exc


def cmd_ask(args) -> int:
    from drafting.service.assistant import build_assistant
    from drafting.service.topic import date_in
    from retrieval.settings import load_settings

    assistant = build_assistant(load_settings(), llm=args.llm)
    # a date the question names ("năm 2022") is its reference date, as in the chat, unless --as-of says otherwise
    as_of = _date(args.as_of) if args.as_of else (date_in(args.question, _date(None)) or _date(None))
    answer = assistant.ask(args.question, as_of,
                           on_token=(lambda piece: (sys.stderr.write(piece), sys.stderr.flush())) if args.stream else None)
    if args.json:
        print(answer.model_dump_json(indent=2))
        return 0
    print(answer.text)
    if answer.citations:
        print("\nTrích dẫn:")
        for c in answer.citations:
            print(f"  - {c.number}{' ' + c.article if c.article else ''}: {c.status}")
    return 0


def cmd_review(args) -> int:
    from corpus.registry import Registry
    from drafting.review.checks import review

    issues = review(Path(args.file), Registry.load(), _date(args.as_of) if args.as_of else None, section=args.section or "")
    if args.json:
        print(json.dumps([i.model_dump() for i in issues], ensure_ascii=False, indent=2))
        return 0
    if not issues:
        print("Không phát hiện vấn đề.")
    from drafting.figures.outline import section_label
    from drafting.render.preview import KIND_LABEL, SEVERITY_LABEL

    # the same words as the app's review table: severity, kind and section as an official reads them
    for i in issues:
        sec = section_label(i.section) if i.section else ""
        where = f"{sec}, đoạn {i.paragraph}" if sec and i.paragraph else (sec or "toàn văn bản")
        fix = f" → {i.suggestion}" if i.suggestion else ""
        print(f"[{SEVERITY_LABEL[i.severity]}] {KIND_LABEL.get(i.kind, i.kind)} ({where}): {i.message}{fix}")
    counts = {k: sum(1 for i in issues if i.severity == k) for k in SEVERITY_LABEL}
    print(f"\nTổng: {counts['error']} lỗi, {counts['warning']} cảnh báo, {counts['info']} lưu ý.")
    return 0


def cmd_import_documents(args) -> int:
    """The unit's document register → document facts: rows about CCHC proposed (✓), the rest listed (·)."""
    import yaml

    from drafting.inputs.doc_register import read_register

    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TroLyError(f"Không đọc được tệp {path}.", detail=str(exc)) from exc
    from retrieval.settings import load_settings

    rows = read_register(data, path.name, load_settings().max_upload_bytes)
    kept = [r for r in rows if r.reform or args.all]
    if args.json:
        print(json.dumps([{**r.model_dump(mode="json"), "text": r.text} for r in rows], ensure_ascii=False, indent=1))
    else:
        print(f"{len(rows)} văn bản; {sum(r.reform for r in rows)} văn bản về CCHC (✓) được đề xuất giữ lại:")
        for r in rows:
            mark = "✓" if r.reform else "·"
            print(f"  {mark} dòng {r.row:<4} [{r.section:<4}] {r.text}" + (f"  — lưu ý: {r.note}" if r.note else ""))
    if args.out:
        Path(args.out).write_text(yaml.safe_dump({"facts": [r.as_fact() for r in kept]}, allow_unicode=True,
                                                 sort_keys=False), encoding="utf-8")
        if not args.json:
            print(f"Đã ghi {len(kept)} văn bản vào {args.out} (mục facts; chép vào tệp số liệu, bỏ dòng không cần).")
    return 0


def cmd_read_plan(args) -> int:
    """The year's CCHC plan → its tasks (offered as next tasks) and targets, as figures-file sections."""
    import yaml

    from corpus.loaders import load_file
    from drafting.inputs.plan_reader import read_plan
    from retrieval.settings import load_settings

    settings = load_settings()
    plan = read_plan(load_file(Path(args.file), max_bytes=settings.max_upload_bytes, limits=settings.read_limits()).text)
    if args.json:
        print(plan.model_dump_json(indent=1))
    else:
        print(f"{plan.source}: {len(plan.tasks)} nhiệm vụ, {len(plan.targets)} chỉ tiêu")
        for t in plan.tasks:
            print(f"  - [{t.origin.rsplit('mục ', 1)[-1]}] {t.text}")
        for t in plan.targets:
            print(f"  chỉ tiêu {t.key} = {t.value}% ({t.source})")
    if args.out:
        Path(args.out).write_text(yaml.safe_dump(plan.as_input(), allow_unicode=True, sort_keys=False), encoding="utf-8")
        if not args.json:
            print(f"Đã ghi vào {args.out} (facts, targets, figures): chép vào tệp số liệu, bỏ nhiệm vụ đã xong.")
    return 0


def cmd_setup_llm(args) -> int:
    from drafting.llm.local_model import assemble
    from retrieval.settings import load_settings

    path = assemble(load_settings().local_model_dir)
    print(f"Mô hình cục bộ sẵn sàng: {path}")
    return 0


def cmd_user_add(args) -> int:
    import getpass

    from drafting.service.accounts import add_user
    from retrieval.settings import load_settings

    path = Path(args.file) if args.file else load_settings().users_file
    if path is None:
        print("Chưa có tệp tài khoản: dùng --file hoặc đặt TROLY_USERS_FILE.", file=sys.stderr)
        return 2
    password = getpass.getpass(f"Mật khẩu cho {args.name}: ")
    if password != getpass.getpass("Nhập lại mật khẩu: "):
        print("Hai lần nhập mật khẩu không khớp.", file=sys.stderr)
        return 2
    add_user(path, args.name, password)
    print(f"Đã lưu tài khoản {args.name} vào {path}.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m drafting", description="Soạn báo cáo CCHC từ số liệu.")
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("template", help="tạo biểu số liệu .xlsx")
    p.add_argument("--out", required=True)
    p.set_defaults(fn=cmd_template)
    p = sub.add_parser("check", help="kiểm tra tệp số liệu")
    p.add_argument("--figures", required=True)
    p.set_defaults(fn=cmd_check)
    p = sub.add_parser("draft", help="soạn báo cáo")
    p.add_argument("--figures", required=True, help="tệp .yaml, .json hoặc .xlsx")
    p.add_argument("--out", help="tệp .docx kết quả")
    p.add_argument("--section", action="append", help="chỉ soạn mục này (I, II.1 … II.6, III, IV, V); lặp lại được")
    p.add_argument("--llm", choices=["none", "local", "openai"], default=None)
    p.add_argument("--json", action="store_true")
    p.add_argument("--stream", action="store_true", help="in chữ mô hình sinh ra khi đang soạn")
    p.add_argument("--force", action="store_true", help="soạn cả khi số liệu có lỗi")
    p.add_argument("--clean", action="store_true",
                   help="tệp .docx không kèm ghi chú nguồn (comment) và không tô vàng câu đề xuất")
    p.add_argument("--previous-report", help="báo cáo kỳ trước (.docx/.pdf/.txt/.md): số liệu thành cột kỳ trước")
    p.set_defaults(fn=cmd_draft)
    p = sub.add_parser("ask", help="hỏi văn bản nào áp dụng")
    p.add_argument("question")
    p.add_argument("--as-of", help="ngày cần xét hiệu lực (YYYY-MM-DD); mặc định ngày câu hỏi nêu, không nêu thì hôm nay")
    p.add_argument("--llm", choices=["none", "local", "openai"], default=None)
    p.add_argument("--json", action="store_true")
    p.add_argument("--stream", action="store_true")
    p.set_defaults(fn=cmd_ask)
    p = sub.add_parser("review", help="rà soát một bản thảo .docx/.txt/.md")
    p.add_argument("file")
    p.add_argument("--as-of", help="ngày của báo cáo (YYYY-MM-DD), để xét hiệu lực văn bản dẫn")
    p.add_argument("--section", help="chỉ rà soát một mục, ví dụ II.2 (II: cả các mục II.1 … II.6)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(fn=cmd_review)
    p = sub.add_parser("read-figures", help="đọc số liệu trong một báo cáo (.docx/.pdf/.txt/.md)")
    p.add_argument("file")
    p.add_argument("--json", action="store_true")
    p.set_defaults(fn=cmd_read_figures)
    p = sub.add_parser("read-plan", help="đọc kế hoạch CCHC năm: nhiệm vụ và chỉ tiêu")
    p.add_argument("file")
    p.add_argument("--out")
    p.add_argument("--json", action="store_true")
    p.set_defaults(fn=cmd_read_plan)
    p = sub.add_parser("import-documents", help="đọc danh sách văn bản đã ban hành (.xlsx/.csv xuất từ phần mềm "
                                                "quản lý văn bản), đề xuất các văn bản về CCHC")
    p.add_argument("file")
    p.add_argument("--out", help="ghi các văn bản giữ lại thành mục facts (.yaml)")
    p.add_argument("--all", action="store_true", help="giữ cả văn bản không về CCHC")
    p.add_argument("--json", action="store_true")
    p.set_defaults(fn=cmd_import_documents)
    p = sub.add_parser("setup-llm", help="lắp ráp và kiểm tra mô hình cục bộ")
    p.set_defaults(fn=cmd_setup_llm)
    p = sub.add_parser("user-add", help="thêm hoặc đổi mật khẩu tài khoản đăng nhập (máy chủ văn phòng)")
    p.add_argument("name")
    p.add_argument("--file", help="tệp tài khoản (mặc định TROLY_USERS_FILE)")
    p.set_defaults(fn=cmd_user_add)
    args = parser.parse_args(argv)
    try:
        from retrieval.settings import load_settings

        configure_logging(load_settings().log_level)
        return args.fn(args)
    except TroLyError as exc:
        print(f"Lỗi: {shown(exc, 'troly.cli')}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
