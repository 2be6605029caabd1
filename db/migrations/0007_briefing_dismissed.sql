-- Records the user took out of a briefing (briefing/store/composer_queries.py): the
-- composer's "Refresh suggestions" and `brief add --auto` do not bring them back.
-- Adding such a record by hand takes it off this list again.
CREATE TABLE briefing_dismissed (
    briefing_id INTEGER NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
    ref_kind    TEXT NOT NULL,
    ref_id      INTEGER NOT NULL,
    PRIMARY KEY (briefing_id, ref_kind, ref_id)
) WITHOUT ROWID;
