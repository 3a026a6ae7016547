-- 0023 panel sort keys: each organization's name and acronym as pt-BR collation keys (ICU sort keys computed by the
-- application on save), so that the network panel sorts and pages in SQL in the order it sorted in memory (Sqlite).
-- Rows saved before this migration get theirs at start-up (OrganizationSortKey.FillMissingAsync).

ALTER TABLE "Organizations" ADD COLUMN "NameSortKey" BLOB NULL;

ALTER TABLE "Organizations" ADD COLUMN "AcronymSortKey" BLOB NULL;
