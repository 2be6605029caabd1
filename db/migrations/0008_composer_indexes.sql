-- Briefing suggestions (briefing/store/composer_queries.py) on a large store: an
-- agreement's parties are found from a country, organisation or person without
-- reading the agreement_parties rows (covering indexes); organisations by country,
-- figures by the country they go to, stances by the person who holds them.
CREATE INDEX agreement_parties_country_agreement ON agreement_parties (country, agreement_id);
CREATE INDEX agreement_parties_organisation_agreement ON agreement_parties (organisation_id, agreement_id);
CREATE INDEX agreement_parties_person_agreement ON agreement_parties (person_id, agreement_id);
CREATE INDEX agreement_parties_agreement_parties ON agreement_parties (agreement_id, country, organisation_id, person_id);
CREATE INDEX organisations_country ON organisations (country);
CREATE INDEX figures_to_country ON figures (to_country);
CREATE INDEX stances_holder_person ON stances (holder_person_id);
