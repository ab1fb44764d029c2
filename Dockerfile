# The Resumate image: the app, its bundled fonts and templates, and Debian's Chromium headless
# shell, which prints the PDFs. One image serves every role: `resumate serve` (the default
# command) and `resumate db upgrade`, which a deploy runs once as a one-off task before the new
# app starts. Nothing migrates on start.
#
# Base: the same Python minor as the lock files, on Debian bookworm, whose chromium-headless-shell
# the test suite prints with. Pinned to a patch release so a rebuild gets the same interpreter.
# To update: pick the newest python:3.11.N-slim-bookworm tag, build, run `make test` against it.
# To freeze it further, append the index digest that `docker buildx imagetools inspect <tag>`
# prints, as `<tag>@sha256:<digest>`.
ARG PYTHON_IMAGE=python:3.11.17-slim-bookworm

FROM ${PYTHON_IMAGE} AS builder

ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1

# The virtualenv lives at the path the runtime uses, so its scripts' shebangs stay valid after
# the copy.
RUN python -m venv /opt/resumate

WORKDIR /build
# The lock first: dependency layers are reused until the pins change.
COPY requirements.lock requirements-data.lock ./
RUN /opt/resumate/bin/pip install --no-cache-dir -r requirements.lock \
    && /opt/resumate/bin/pip install --no-cache-dir --no-deps -r requirements-data.lock

COPY pyproject.toml README.md ./
COPY src ./src
# Not editable: templates, fonts, static files and migrations land inside site-packages, so the
# runtime needs no source tree.
RUN /opt/resumate/bin/pip install --no-cache-dir --no-deps . \
    && /opt/resumate/bin/python -c "import resumate.rendering.fonts as f; assert any(f.FONTS_DIR.rglob('*.ttf'))"


FROM ${PYTHON_IMAGE} AS runtime

ARG VERSION=0.1.0
ARG REVISION=unknown
# The workflows pass the commit and the repository address.
ARG SOURCE=""
LABEL org.opencontainers.image.title="Resumate AI" \
      org.opencontainers.image.description="Resume builder: JSON API, web pages and ATS-readable PDFs" \
      org.opencontainers.image.licenses="AGPL-3.0-or-later" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.source="${SOURCE}"

# Not version-pinned: Debian's security archive keeps only the newest Chromium, so a pinned
# version stops installing within weeks, and the newest is the one with the security fixes.
# No recommends: the app ships its own fonts and points Chromium at them, so no font packages;
# the one small fallback font fontconfig depends on comes along. tini is PID 1: it forwards
# SIGTERM to uvicorn and reaps the Chromium processes the renderer leaves behind.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends chromium-headless-shell tini \
    && rm -rf /var/lib/apt/lists/* \
    && test -x /usr/lib/chromium/chromium-headless-shell

# A fixed UID, so volume ownership and runAsUser policies can name it.
RUN groupadd --system --gid 10001 resumate \
    && useradd --system --uid 10001 --gid resumate --home-dir /home/resumate --create-home \
        --shell /usr/sbin/nologin resumate \
    && install -d -o resumate -g resumate -m 0750 /var/lib/resumate

COPY --from=builder /opt/resumate /opt/resumate

# The data dir holds Chromium's scratch files and fontconfig cache; in production the database
# and the PDFs live in PostgreSQL and S3, so it can be an empty, throw-away volume.
ENV PATH=/opt/resumate/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    RESUMATE_ENV=production \
    RESUMATE_DATA_DIR=/var/lib/resumate \
    RESUMATE_PORT=8000 \
    RESUMATE_RENDER_CHROMIUM_PATH=/usr/lib/chromium/chromium-headless-shell

USER 10001:10001
WORKDIR /var/lib/resumate
EXPOSE 8000

# urllib, not curl: the image carries no HTTP client. /healthz needs no database, so a slow
# database makes /readyz fail, not the container restart.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('RESUMATE_PORT', '8000') + '/healthz', timeout=4)"]

ENTRYPOINT ["tini", "--"]
CMD ["resumate", "serve", "--host", "0.0.0.0"]
