-- 0004 execution: responsibility, execution record fields, evidence, goal measurements (Sqlite).

CREATE TABLE "ActionEvidence" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ActionEvidence" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "ActionId" INTEGER NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Description" TEXT NOT NULL,
    "Url" TEXT NULL,
    "ProcessNumber" TEXT NULL,
    "ProcessNumberKind" INTEGER NULL,
    "FileName" TEXT NULL,
    "FileKey" TEXT NULL,
    "ContentType" TEXT NULL,
    "FileSize" INTEGER NULL,
    "FileSha256" TEXT NULL,
    "AddedAt" TEXT NOT NULL,
    "AddedById" INTEGER NULL,
    CONSTRAINT "FK_ActionEvidence_AspNetUsers_AddedById" FOREIGN KEY ("AddedById") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_ActionEvidence_PlanActions_ActionId" FOREIGN KEY ("ActionId") REFERENCES "PlanActions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ActionMeasurements" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ActionMeasurements" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "ActionId" INTEGER NOT NULL,
    "MeasuredOn" TEXT NOT NULL,
    "Value" TEXT NOT NULL,
    "Note" TEXT NULL,
    "RecordedAt" TEXT NOT NULL,
    "RecordedById" INTEGER NULL,
    CONSTRAINT "FK_ActionMeasurements_AspNetUsers_RecordedById" FOREIGN KEY ("RecordedById") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_ActionMeasurements_PlanActions_ActionId" FOREIGN KEY ("ActionId") REFERENCES "PlanActions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ActionParticipants" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ActionParticipants" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "ActionId" INTEGER NOT NULL,
    "UserId" INTEGER NOT NULL,
    CONSTRAINT "FK_ActionParticipants_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ActionParticipants_PlanActions_ActionId" FOREIGN KEY ("ActionId") REFERENCES "PlanActions" ("Id") ON DELETE CASCADE
);

ALTER TABLE "PlanActions" ADD COLUMN "ExecutionNotes" TEXT NULL;

ALTER TABLE "PlanActions" ADD COLUMN "LimitingFactors" TEXT NULL;

ALTER TABLE "PlanActions" ADD COLUMN "OtherLimitingFactors" TEXT NULL;

ALTER TABLE "PlanActions" ADD COLUMN "LastUpdateOn" TEXT NULL;

ALTER TABLE "PlanActions" ADD COLUMN "ResponsibleUserId" INTEGER NULL CONSTRAINT "FK_PlanActions_AspNetUsers_ResponsibleUserId" REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL;

ALTER TABLE "PlanActions" ADD COLUMN "CurrentValue" TEXT NULL;

ALTER TABLE "PlanActions" ADD COLUMN "Progress" TEXT NULL;

CREATE INDEX "IX_ActionEvidence_ActionId" ON "ActionEvidence" ("ActionId");

CREATE INDEX "IX_ActionEvidence_AddedById" ON "ActionEvidence" ("AddedById");

CREATE INDEX "IX_ActionEvidence_OrganizationId_ActionId" ON "ActionEvidence" ("OrganizationId", "ActionId");

CREATE INDEX "IX_ActionMeasurements_ActionId" ON "ActionMeasurements" ("ActionId");

CREATE INDEX "IX_ActionMeasurements_OrganizationId_ActionId_MeasuredOn" ON "ActionMeasurements" ("OrganizationId", "ActionId", "MeasuredOn");

CREATE INDEX "IX_ActionMeasurements_RecordedById" ON "ActionMeasurements" ("RecordedById");

CREATE UNIQUE INDEX "IX_ActionParticipants_ActionId_UserId" ON "ActionParticipants" ("ActionId", "UserId");

CREATE INDEX "IX_ActionParticipants_OrganizationId_UserId" ON "ActionParticipants" ("OrganizationId", "UserId");

CREATE INDEX "IX_ActionParticipants_UserId" ON "ActionParticipants" ("UserId");

CREATE INDEX "IX_PlanActions_OrganizationId_ResponsibleUserId" ON "PlanActions" ("OrganizationId", "ResponsibleUserId");

CREATE INDEX "IX_PlanActions_ResponsibleUserId" ON "PlanActions" ("ResponsibleUserId");

-- Derived columns of the actions already there: the day of the last update in Brasília (UTC−3, no daylight
-- saving since 2019) and the progress from the status (no measurement exists yet).
UPDATE "PlanActions" SET "LastUpdateOn" = date("LastUpdateAt", '-3 hours') WHERE "LastUpdateAt" IS NOT NULL;

UPDATE "PlanActions" SET "Progress" = CASE "Status" WHEN 3 THEN '1.0' WHEN 4 THEN NULL ELSE '0.0' END;
