-- One full-text index over every record kind (folded text; see briefing/fold.py).
-- rowid = record id * 16 + kind number (briefing/store/search_index.py).
-- title:     a record's headline (name, title, metric)
-- names:     names and aliases of the people/organisations it is about
-- body:      its text (quote, summary, purpose, notes, topics)
-- facets:    hidden tokens for filters: xk<kind> xp<person> xo<organisation> xc<country> xt<topic>
CREATE VIRTUAL TABLE search_index USING fts5(
    title,
    names,
    body,
    facets,
    sortdate UNINDEXED,
    tokenize = "unicode61 remove_diacritics 2"
);
