-- An institution's page counts its objects by category and by type and lists them a page at a time in slug order
-- (InstitutionHoldings). Without these indexes each of those read every object of the archive; with them each
-- reads the institution's own range: the counts from the first index alone (it holds both columns), the pages
-- from the second by keyset, the thousandth page as cheap as the first.
CREATE INDEX objects_institution_kinds ON objects(institution_id, category, object_type);
CREATE INDEX objects_institution_slug ON objects(institution_id, slug);
