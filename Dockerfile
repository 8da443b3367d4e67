# The polikg API image; Neo4j runs in its own container (see docker-compose.yml).
FROM python:3.11-slim
WORKDIR /srv/polikg
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
