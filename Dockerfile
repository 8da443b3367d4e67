# The polikg API image; Neo4j runs in its own container (see docker-compose.yml).
# The /explore page's libraries (Cytoscape.js) come from npm, as `make install` does.
FROM node:20-slim AS explore-libs
WORKDIR /srv/polikg
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund  # the page's libraries, not the test ones

FROM python:3.11-slim
WORKDIR /srv/polikg
COPY --from=explore-libs /srv/polikg/node_modules node_modules
COPY pyproject.toml README.md ./
COPY app app
COPY graph_schema graph_schema
COPY loaders loaders
COPY queries queries
COPY examples examples
RUN pip install --no-cache-dir .
ENV API_HOST=0.0.0.0 API_PORT=8000
EXPOSE 8000
CMD ["polikg", "serve"]
