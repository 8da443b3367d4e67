// polikg schema: constraints and indexes. Every statement is idempotent (IF NOT EXISTS);
// `polikg schema apply` and the API start run them in order, one statement at a time.
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT party_id IF NOT EXISTS FOR (n:Party) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT alliance_id IF NOT EXISTS FOR (n:Alliance) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT office_id IF NOT EXISTS FOR (n:Office) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT quote_id IF NOT EXISTS FOR (n:Quote) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT term_id IF NOT EXISTS FOR (n:Term) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT turn_id IF NOT EXISTS FOR (n:Turn) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT pending_aggregate_key IF NOT EXISTS FOR (n:PendingAggregate) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX party_name IF NOT EXISTS FOR (n:Party) ON (n.name);
CREATE INDEX alliance_name IF NOT EXISTS FOR (n:Alliance) ON (n.name);
CREATE INDEX office_name IF NOT EXISTS FOR (n:Office) ON (n.name);
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE INDEX entity_key IF NOT EXISTS FOR (n:Entity) ON (n.key);
CREATE INDEX article_published IF NOT EXISTS FOR (n:Article) ON (n.published);
CREATE INDEX article_sha IF NOT EXISTS FOR (n:Article) ON (n.text_sha256);
CREATE INDEX claim_date IF NOT EXISTS FOR (n:Claim) ON (n.date);
CREATE INDEX claim_type IF NOT EXISTS FOR (n:Claim) ON (n.type);
CREATE INDEX claim_pair IF NOT EXISTS FOR (n:Claim) ON (n.pair);
CREATE INDEX claim_pair_date IF NOT EXISTS FOR (n:Claim) ON (n.pair, n.date);
CREATE INDEX term_pair IF NOT EXISTS FOR (n:Term) ON (n.pair);
CREATE INDEX turn_pair IF NOT EXISTS FOR (n:Turn) ON (n.pair);
CREATE INDEX turn_date IF NOT EXISTS FOR (n:Turn) ON (n.date);
CREATE INDEX quote_date IF NOT EXISTS FOR (n:Quote) ON (n.date);
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Person|Party|Alliance|Office|Organization) ON EACH [n.name, n.aliases];
CREATE FULLTEXT INDEX quote_text IF NOT EXISTS FOR (n:Quote) ON EACH [n.text];
// Page-bounded reads (issue 14): a speaker's quotes and the evidence between two entities
// are read from these in date order, LIMIT pushed into the index, not sorted after reading
// every row of a famous person.
CREATE INDEX quote_speaker_date IF NOT EXISTS FOR (n:Quote) ON (n.speaker, n.date);
CREATE INDEX claim_pair_date IF NOT EXISTS FOR (n:Claim) ON (n.pair, n.date);
CREATE INDEX about_pair_date IF NOT EXISTS FOR ()-[r:ABOUT]-() ON (r.pair, r.date);
CREATE INDEX quote_speaker IF NOT EXISTS FOR (n:Quote) ON (n.speaker);
