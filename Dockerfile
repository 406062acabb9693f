# actorgraph: the API + explorer UI (`actorgraph serve`) and the report scheduler
# (`actorgraph schedule`) in one image. Used by docker-compose.yml.
#
#   docker build -t actorgraph:local .

# The explorer page's third-party scripts (Cytoscape.js, fCoSE) come from npm and are
# generated into api/static/vendor/ (gitignored), so build them here.
FROM node:20-slim AS ui
WORKDIR /src
COPY package.json package-lock.json ./
COPY scripts/build-ui.mjs scripts/build-ui.mjs
# postinstall runs scripts/build-ui.mjs, which writes api/static/vendor/
RUN npm ci --no-audit --no-fund --loglevel=error

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app

# Only what the package is built from: no .venv, node_modules, .neo4j or local data.
COPY pyproject.toml README.md ./
COPY actorgraph/ actorgraph/
COPY graph/ graph/
COPY ingest/ ingest/
COPY api/ api/
COPY cli/ cli/
COPY cypher/ cypher/
COPY reports/ reports/
COPY --from=ui /src/api/static/vendor/ api/static/vendor/
RUN pip install . \
    && useradd --create-home --uid 10001 actorgraph \
    && mkdir -p /reports \
    && chown actorgraph /reports

USER actorgraph
EXPOSE 8000
CMD ["actorgraph", "serve", "--host", "0.0.0.0", "--port", "8000"]
