-- Search, third step: prefix indexes for 3- and 4-letter prefixes, so that "wil*" or
-- "koso*" read one list instead of merging every word that starts so.  The folded rows
-- are copied as they are (no re-folding needed); the ranking weights are set again.
CREATE VIRTUAL TABLE search_index_new USING fts5(
    title,
    names,
    body,
    facets,
    sortdate UNINDEXED,
    tokenize = "unicode61 remove_diacritics 2",
    prefix = '3 4'
);
INSERT INTO search_index_new (rowid, title, names, body, facets, sortdate)
SELECT rowid, title, names, body, facets, sortdate FROM search_index;
DROP TABLE search_index;
ALTER TABLE search_index_new RENAME TO search_index;
INSERT INTO search_index (search_index, rank) VALUES ('rank', 'bm25(8.0, 4.0, 1.0, 2.0)');
