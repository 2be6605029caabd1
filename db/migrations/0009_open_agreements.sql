-- Briefing suggestions: agreements still under negotiation are always offered, however
-- many signed ones two countries have; found by status, newest first.
CREATE INDEX agreements_status_live_signed ON agreements (status, deleted_at, signed);
