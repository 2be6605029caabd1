-- Briefing store, schema version 1.
-- Dates are partial ISO text (YYYY, YYYY-MM, YYYY-MM-DD) with an *_approx flag.
-- Every record table has id, uuid, created_at, updated_at, deleted_at (trash), notes.

CREATE TABLE countries (
    code          TEXT PRIMARY KEY,           -- ISO 3166-1 alpha-2, XK, or ISO 3166-3 code
    alpha3        TEXT NOT NULL DEFAULT '',
    name          TEXT NOT NULL,
    official_name TEXT NOT NULL DEFAULT '',
    former        INTEGER NOT NULL DEFAULT 0
);

-- Names under which a person, organisation or country is known (all scripts).
CREATE TABLE aliases (
    entity_kind TEXT NOT NULL CHECK (entity_kind IN ('person', 'organisation', 'country')),
    entity_id   TEXT NOT NULL,                -- record id as text, or country code
    alias       TEXT NOT NULL,
    folded      TEXT NOT NULL,                -- fold_key(alias)
    PRIMARY KEY (entity_kind, entity_id, alias)
) WITHOUT ROWID;
CREATE INDEX aliases_folded ON aliases (folded, entity_kind);

CREATE TABLE topics (
    id     INTEGER PRIMARY KEY,
    name   TEXT NOT NULL UNIQUE,
    folded TEXT NOT NULL
);
CREATE INDEX topics_folded ON topics (folded);

CREATE TABLE sources (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    title         TEXT NOT NULL DEFAULT '',
    outlet        TEXT NOT NULL DEFAULT '',
    author        TEXT NOT NULL DEFAULT '',
    url           TEXT NOT NULL DEFAULT '',
    published     TEXT,
    published_approx INTEGER NOT NULL DEFAULT 0,
    language      TEXT NOT NULL DEFAULT '',
    text          TEXT NOT NULL DEFAULT '',
    sha256        TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT
);
CREATE INDEX sources_sha256 ON sources (sha256);
CREATE INDEX sources_url ON sources (url);

CREATE TABLE people (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    country     TEXT REFERENCES countries (code),
    office      TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE INDEX people_name ON people (name);
CREATE INDEX people_country ON people (country);

CREATE TABLE organisations (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    org_kind    TEXT NOT NULL DEFAULT '',
    country     TEXT REFERENCES countries (code),
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE INDEX organisations_name ON organisations (name);

CREATE TABLE offices (
    id              INTEGER PRIMARY KEY,
    person_id       INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL DEFAULT 0,
    title           TEXT NOT NULL,
    country         TEXT REFERENCES countries (code),
    organisation_id INTEGER REFERENCES organisations (id) ON DELETE SET NULL,
    start           TEXT,
    start_approx    INTEGER NOT NULL DEFAULT 0,
    "end"           TEXT,
    end_approx      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX offices_person ON offices (person_id);

CREATE TABLE visits (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    guest_id      INTEGER REFERENCES people (id),
    guest_country TEXT REFERENCES countries (code),
    host_country  TEXT REFERENCES countries (code),
    host_id       INTEGER REFERENCES people (id),
    start         TEXT,
    start_approx  INTEGER NOT NULL DEFAULT 0,
    "end"         TEXT,
    end_approx    INTEGER NOT NULL DEFAULT 0,
    place         TEXT NOT NULL DEFAULT '',
    visit_kind    TEXT NOT NULL DEFAULT '',
    purpose       TEXT NOT NULL DEFAULT '',
    ordinal       INTEGER,
    notes         TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT
);
CREATE INDEX visits_start ON visits (start);
CREATE INDEX visits_guest ON visits (guest_id);
CREATE INDEX visits_host ON visits (host_id);
CREATE INDEX visits_countries ON visits (guest_country, host_country);
CREATE INDEX visits_host_country ON visits (host_country);

CREATE TABLE agreements (
    id              INTEGER PRIMARY KEY,
    uuid            TEXT NOT NULL UNIQUE,
    title           TEXT NOT NULL,
    agreement_kind  TEXT NOT NULL DEFAULT '',
    sector          TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL DEFAULT 'signed',
    signed          TEXT,
    signed_approx   INTEGER NOT NULL DEFAULT 0,
    in_force        TEXT,
    in_force_approx INTEGER NOT NULL DEFAULT 0,
    place           TEXT NOT NULL DEFAULT '',
    visit_id        INTEGER REFERENCES visits (id) ON DELETE SET NULL,
    summary         TEXT NOT NULL DEFAULT '',
    notes           TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted_at      TEXT
);
CREATE INDEX agreements_signed ON agreements (signed);
CREATE INDEX agreements_title ON agreements (title);

CREATE TABLE agreement_parties (
    agreement_id INTEGER NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL DEFAULT 0,
    party_kind   TEXT NOT NULL CHECK (party_kind IN ('country', 'organisation', 'person')),
    country      TEXT REFERENCES countries (code),
    organisation_id INTEGER REFERENCES organisations (id),
    person_id    INTEGER REFERENCES people (id),
    role         TEXT NOT NULL DEFAULT 'party'
);
CREATE INDEX agreement_parties_agreement ON agreement_parties (agreement_id);
CREATE INDEX agreement_parties_country ON agreement_parties (country);
CREATE INDEX agreement_parties_organisation ON agreement_parties (organisation_id);
CREATE INDEX agreement_parties_person ON agreement_parties (person_id);

CREATE TABLE statements (
    id                INTEGER PRIMARY KEY,
    uuid              TEXT NOT NULL UNIQUE,
    speaker_id        INTEGER REFERENCES people (id),
    date              TEXT,
    date_approx       INTEGER NOT NULL DEFAULT 0,
    text              TEXT NOT NULL,
    statement_kind    TEXT NOT NULL DEFAULT 'direct',
    language          TEXT NOT NULL DEFAULT '',
    occasion_visit_id INTEGER REFERENCES visits (id) ON DELETE SET NULL,
    occasion          TEXT NOT NULL DEFAULT '',
    context           TEXT NOT NULL DEFAULT '',
    notes             TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    deleted_at        TEXT
);
CREATE INDEX statements_date ON statements (date);
CREATE INDEX statements_speaker ON statements (speaker_id, date);
CREATE INDEX statements_visit ON statements (occasion_visit_id);

CREATE TABLE figures (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    metric        TEXT NOT NULL,
    value         REAL,
    unit          TEXT NOT NULL DEFAULT '',
    qualifier     TEXT NOT NULL DEFAULT '',
    from_country  TEXT REFERENCES countries (code),
    to_country    TEXT REFERENCES countries (code),
    period        TEXT NOT NULL DEFAULT '',
    as_of         TEXT,
    as_of_approx  INTEGER NOT NULL DEFAULT 0,
    notes         TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT
);
CREATE INDEX figures_countries ON figures (from_country, to_country);

CREATE TABLE stances (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    holder_country   TEXT REFERENCES countries (code),
    holder_person_id INTEGER REFERENCES people (id),
    topic            TEXT NOT NULL DEFAULT '',
    text             TEXT NOT NULL,
    notes            TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted_at       TEXT
);
CREATE INDEX stances_holder ON stances (holder_country);

CREATE TABLE briefings (
    id                    INTEGER PRIMARY KEY,
    uuid                  TEXT NOT NULL UNIQUE,
    title                 TEXT NOT NULL,
    counterpart_country   TEXT REFERENCES countries (code),
    counterpart_person_id INTEGER REFERENCES people (id),
    our_country           TEXT REFERENCES countries (code),
    date                  TEXT,
    date_approx           INTEGER NOT NULL DEFAULT 0,
    place                 TEXT NOT NULL DEFAULT '',
    purpose               TEXT NOT NULL DEFAULT '',
    classification        TEXT NOT NULL DEFAULT 'RESTRICTED',
    author                TEXT NOT NULL DEFAULT '',
    status                TEXT NOT NULL DEFAULT 'draft',
    notes                 TEXT NOT NULL DEFAULT '',
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    deleted_at            TEXT
);

CREATE TABLE briefing_items (
    id          INTEGER PRIMARY KEY,
    briefing_id INTEGER NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
    section     TEXT NOT NULL,
    position    INTEGER NOT NULL DEFAULT 0,
    ref_kind    TEXT,
    ref_id      INTEGER,
    text        TEXT NOT NULL DEFAULT '',
    annotation  TEXT NOT NULL DEFAULT '',
    included    INTEGER NOT NULL DEFAULT 1,
    reason      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX briefing_items_briefing ON briefing_items (briefing_id, section, position);
CREATE INDEX briefing_items_ref ON briefing_items (ref_kind, ref_id);

-- Links shared by all record kinds.
CREATE TABLE record_topics (
    record_kind TEXT NOT NULL,
    record_id   INTEGER NOT NULL,
    topic_id    INTEGER NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
    PRIMARY KEY (record_kind, record_id, topic_id)
) WITHOUT ROWID;
CREATE INDEX record_topics_topic ON record_topics (topic_id);

CREATE TABLE record_sources (
    record_kind TEXT NOT NULL,
    record_id   INTEGER NOT NULL,
    source_id   INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (record_kind, record_id, source_id)
) WITHOUT ROWID;
CREATE INDEX record_sources_source ON record_sources (source_id);

-- Key/value settings kept with the store (e.g. default "our country").
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
