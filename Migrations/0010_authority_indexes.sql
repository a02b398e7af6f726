-- Every authority identifier a record page looks up to list the records that share it (the same person at two
-- museums) has an index: viaf and wikipedia of designers, and those of icons, had none, so that each record page
-- scanned the whole table for each (about 150 ms apiece at a million designers). Partial, as 0006's are: most
-- records have no identifier, and those take no room in the index.
CREATE INDEX designers_viaf ON designers(viaf) WHERE viaf IS NOT NULL;
CREATE INDEX designers_wikipedia ON designers(wikipedia) WHERE wikipedia IS NOT NULL;
CREATE INDEX icons_wikidata ON icons(wikidata) WHERE wikidata IS NOT NULL;
CREATE INDEX icons_viaf ON icons(viaf) WHERE viaf IS NOT NULL;
CREATE INDEX icons_wikipedia ON icons(wikipedia) WHERE wikipedia IS NOT NULL;
CREATE INDEX icons_ulan ON icons(ulan) WHERE ulan IS NOT NULL;
