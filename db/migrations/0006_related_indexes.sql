-- The detail pane and the relations timeline (briefing/store/related.py): the
-- agreements signed during a visit are found through an index, not by reading
-- every agreement.
CREATE INDEX agreements_visit ON agreements (visit_id);
