-- 0018 publication and network (Sqlite): the publication's launch event and web page details with their
-- justifications, the consolidated action-plan file, and the network's own yearly figures ("informações do Estado").

ALTER TABLE "PlanPublications" ADD COLUMN "LaunchEventDate" TEXT NULL;
ALTER TABLE "PlanPublications" ADD COLUMN "LaunchEventJustification" TEXT NULL;
ALTER TABLE "PlanPublications" ADD COLUMN "WebPageUrl" TEXT NULL;
ALTER TABLE "PlanPublications" ADD COLUMN "WebPageJustification" TEXT NULL;
ALTER TABLE "PlanPublications" ADD COLUMN "ActionPlanKey" TEXT NULL;
ALTER TABLE "PlanPublications" ADD COLUMN "ActionPlanName" TEXT NULL;

CREATE TABLE "NetworkYearFigures" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_NetworkYearFigures" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Budget" TEXT NOT NULL,
    "Headcount" INTEGER NOT NULL,
    CONSTRAINT "FK_NetworkYearFigures_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_NetworkYearFigures_OrganizationId_Year" ON "NetworkYearFigures" ("OrganizationId", "Year");
