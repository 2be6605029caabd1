-- Search, second step (briefing/store/search_index.py, briefing/services/search.py).
--
-- alias_tokens: every word (folded, longer than one letter) of the names and aliases
-- of live people and organisations, so that a query word such as "tokaev" can be
-- widened to the records about the people called that (facets:xp<id>).
CREATE TABLE alias_tokens (
    token       TEXT NOT NULL,
    entity_kind TEXT NOT NULL CHECK (entity_kind IN ('person', 'organisation')),
    entity_id   INTEGER NOT NULL,
    PRIMARY KEY (token, entity_kind, entity_id)
) WITHOUT ROWID;
CREATE INDEX alias_tokens_entity ON alias_tokens (entity_kind, entity_id);

-- aliases.folded is fold_key(alias): words of letters and digits separated by single
-- spaces, so it splits safely into a JSON array.
INSERT OR IGNORE INTO alias_tokens (token, entity_kind, entity_id)
SELECT j.value, a.entity_kind, CAST(a.entity_id AS INTEGER)
FROM aliases a, json_each('["' || replace(a.folded, ' ', '","') || '"]') j
WHERE length(j.value) > 1 AND (
       (a.entity_kind = 'person' AND EXISTS (SELECT 1 FROM people p
            WHERE p.id = CAST(a.entity_id AS INTEGER) AND p.deleted_at IS NULL))
    OR (a.entity_kind = 'organisation' AND EXISTS (SELECT 1 FROM organisations o
            WHERE o.id = CAST(a.entity_id AS INTEGER) AND o.deleted_at IS NULL)));

-- Ranking: bm25 with column weights title, names, body, facets ("ORDER BY rank").
INSERT INTO search_index (search_index, rank) VALUES ('rank', 'bm25(8.0, 4.0, 1.0, 2.0)');
