-- Record tables (briefing/store/tables.py): indexes that start with deleted_at, so a
-- table of live records in its default order is read straight from an index
-- (WHERE deleted_at IS NULL ORDER BY date), a window a million rows down costs
-- ~0.1 s instead of seconds, and the trashed rows are counted without a scan
-- (live rows = count(*) - trashed).
CREATE INDEX statements_live_date ON statements (deleted_at, date);
CREATE INDEX visits_live_start ON visits (deleted_at, start);
CREATE INDEX agreements_live_signed ON agreements (deleted_at, signed);
CREATE INDEX agreements_live_title ON agreements (deleted_at, title);
CREATE INDEX people_live_name ON people (deleted_at, name);
CREATE INDEX organisations_live_name ON organisations (deleted_at, name);
CREATE INDEX sources_live_published ON sources (deleted_at, published);
CREATE INDEX figures_live_as_of ON figures (deleted_at, as_of);
CREATE INDEX stances_live ON stances (deleted_at);
CREATE INDEX briefings_live_date ON briefings (deleted_at, date);
