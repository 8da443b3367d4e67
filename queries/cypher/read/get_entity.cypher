// One entity's profile: offices held, parties, alliances (ALLIED_WITH, read undirected), and
// counts of quotes it gave and that are about it, and of claims of criticism and support it
// gave and received. A null status on an office edge means the articles never called it former.
// params: $id. columns: id, name, type, aliases, offices, parties, alliances, counts
MATCH (e:Entity {id: $id})
RETURN e.id AS id, e.name AS name, [l IN labels(e) WHERE l <> 'Entity'][0] AS type,
       coalesce(e.aliases, []) AS aliases,
       COLLECT {
         MATCH (e)-[r:HOLDS_OFFICE]->(o:Entity)
         WITH o, r ORDER BY r.last_seen DESC, o.id
         RETURN {entity: {id: o.id, name: o.name, type: 'Office'}, claims: r.claims,
                 first_seen: r.first_seen, last_seen: r.last_seen,
                 status: coalesce(r.status, 'current')}
       } AS offices,
       COLLECT {
         MATCH (e)-[r:MEMBER_OF]->(p:Entity)
         WITH p, r ORDER BY r.last_seen DESC, p.id
         RETURN {entity: {id: p.id, name: p.name, type: 'Party'}, claims: r.claims,
                 first_seen: r.first_seen, last_seen: r.last_seen}
       } AS parties,
       COLLECT {
         MATCH (e)-[r:ALLIED_WITH]-(x:Entity)
         WITH x, r ORDER BY r.last_seen DESC, x.id
         RETURN {entity: {id: x.id, name: x.name,
                          type: [l IN labels(x) WHERE l <> 'Entity'][0]},
                 claims: r.claims, first_seen: r.first_seen, last_seen: r.last_seen}
       } AS alliances,
       {
         articles: COUNT { (e)-[:MENTIONED_IN]->(:Article) },
         quotes_given: COUNT { (e)<-[:SAID_BY]-(:Quote) },
         quotes_about: COUNT { (e)<-[:ABOUT]-(:Quote) },
         criticisms_given: COUNT { (e)<-[:SUBJECT]-(c:Claim) WHERE c.type = 'CRITICIZED' },
         criticisms_received: COUNT { (e)<-[:OBJECT]-(c:Claim) WHERE c.type = 'CRITICIZED' },
         support_given: COUNT { (e)<-[:SUBJECT]-(c:Claim) WHERE c.type = 'SUPPORTED' },
         support_received: COUNT { (e)<-[:OBJECT]-(c:Claim) WHERE c.type = 'SUPPORTED' }
       } AS counts
