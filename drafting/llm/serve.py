"""`python -m drafting.llm.serve --model … [llama_cpp.server options]`: llama-cpp-python's OpenAI-compatible
server, with the fastest CPU kernels loaded first (the wheel built by .ci/build-llama-wheel carries them as
loadable variants, which llama.cpp looks for only beside the Python executable or in the working directory)."""

import runpy

from drafting.llm.cpu_backends import load_cpu_backend

if __name__ == "__main__":
    load_cpu_backend()
    runpy.run_module("llama_cpp.server", run_name="__main__", alter_sys=True)
