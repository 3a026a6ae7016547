-- 0019 legacy import: which row each row of the original SisPMPI (PHP/MySQL) became, for import-sispmpi (Sqlite).

CREATE TABLE "LegacyImportLinks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_LegacyImportLinks" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "LegacyId" INTEGER NOT NULL,
    "NewId" INTEGER NOT NULL,
    "OrganizationId" INTEGER NULL,
    "ImportedAt" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_LegacyImportLinks_Kind_LegacyId" ON "LegacyImportLinks" ("Kind", "LegacyId");
