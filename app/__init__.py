"""polikg: political news in, an evidence-linked Neo4j knowledge graph out."""

__version__ = "0.1.0"
