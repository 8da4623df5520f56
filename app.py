"""Entry point of `make run`.

For now the assistant is the terminal search over past reports and regulations (retrieval shell);
the Gradio app replaces it when the drafting and review capabilities land."""

from __future__ import annotations

import sys

from retrieval.__main__ import main

if __name__ == "__main__":
    sys.exit(main(["shell"]))
