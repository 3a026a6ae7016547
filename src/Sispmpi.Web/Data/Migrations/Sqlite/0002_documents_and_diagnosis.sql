-- 0002 catalogs, the commission and diagnosis of a plan, signed documents; quantitative goal of an action (SQLite).

CREATE TABLE "CatalogItems" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CatalogItems" PRIMARY KEY AUTOINCREMENT,
    "Kind" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "IsActive" INTEGER NOT NULL
);

CREATE TABLE "SignedDocuments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SignedDocuments" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "Kind" INTEGER NOT NULL,
    "SubjectId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "VerificationCode" TEXT NOT NULL,
    "Crc" TEXT NOT NULL,
    "ContentKey" TEXT NOT NULL,
    "ContentSha256" TEXT NOT NULL,
    "SignedKey" TEXT NOT NULL,
    "SignedSha256" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "DocumentSignatures" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DocumentSignatures" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "SignedDocumentId" INTEGER NOT NULL,
    "UserId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Position" TEXT NULL,
    "OrganizationName" TEXT NOT NULL,
    "SignedAt" TEXT NOT NULL,
    "LegalBasis" TEXT NOT NULL,
    CONSTRAINT "FK_DocumentSignatures_SignedDocuments_SignedDocumentId" FOREIGN KEY ("SignedDocumentId") REFERENCES "SignedDocuments" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Commissions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Commissions" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "PlanId" INTEGER NOT NULL,
    "IsFormallyInstituted" INTEGER NOT NULL,
    "ActType" TEXT NULL,
    "ActNumber" TEXT NULL,
    "ActDate" TEXT NULL,
    "ActLink" TEXT NULL,
    "StartDate" TEXT NULL,
    "PlannedDurationDays" INTEGER NULL,
    CONSTRAINT "FK_Commissions_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Diagnoses" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Diagnoses" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "PlanId" INTEGER NOT NULL,
    "Mission" TEXT NULL,
    "Vision" TEXT NULL,
    "Values" TEXT NULL,
    "OrganizationalStructure" TEXT NULL,
    "Competences" TEXT NULL,
    "Duties" TEXT NULL,
    "Instruments" TEXT NOT NULL,
    "OtherInstruments" TEXT NULL,
    "MainFindings" TEXT NULL,
    "DesiredFuture" TEXT NULL,
    "ProgramObjectives" TEXT NULL,
    "GovernanceStructure" TEXT NULL,
    "MonitoringPeriodicity" TEXT NULL,
    "EvaluationPeriodicity" TEXT NULL,
    "UpdatePeriodicity" TEXT NULL,
    "CommunicationAspects" TEXT NULL,
    "TrainingAspects" TEXT NULL,
    "ThematicAxes" TEXT NOT NULL,
    "OtherThematicAxes" TEXT NULL,
    "Validated" INTEGER NULL,
    "AcknowledgementSuggestions" TEXT NULL,
    "AcknowledgedById" INTEGER NULL,
    "AcknowledgedByName" TEXT NULL,
    "AcknowledgedAt" TEXT NULL,
    CONSTRAINT "FK_Diagnoses_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CommissionMembers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CommissionMembers" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "CommissionId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "UnitId" INTEGER NULL,
    "Email" TEXT NULL,
    "IsCoordinator" INTEGER NOT NULL,
    CONSTRAINT "FK_CommissionMembers_AdministrativeUnits_UnitId" FOREIGN KEY ("UnitId") REFERENCES "AdministrativeUnits" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_CommissionMembers_Commissions_CommissionId" FOREIGN KEY ("CommissionId") REFERENCES "Commissions" ("Id") ON DELETE CASCADE
);

ALTER TABLE "PlanActions" ADD COLUMN "GoalIndicator" TEXT NULL;

ALTER TABLE "PlanActions" ADD COLUMN "GoalUnit" TEXT NULL;

ALTER TABLE "PlanActions" ADD COLUMN "GoalBaseline" TEXT NULL;

ALTER TABLE "PlanActions" ADD COLUMN "GoalTarget" TEXT NULL;

CREATE UNIQUE INDEX "IX_CatalogItems_Kind_Name" ON "CatalogItems" ("Kind", "Name");

CREATE INDEX "IX_CommissionMembers_CommissionId" ON "CommissionMembers" ("CommissionId");

CREATE INDEX "IX_CommissionMembers_OrganizationId" ON "CommissionMembers" ("OrganizationId");

CREATE INDEX "IX_CommissionMembers_UnitId" ON "CommissionMembers" ("UnitId");

CREATE UNIQUE INDEX "IX_Commissions_PlanId" ON "Commissions" ("PlanId");

CREATE UNIQUE INDEX "IX_Diagnoses_PlanId" ON "Diagnoses" ("PlanId");

CREATE UNIQUE INDEX "IX_DocumentSignatures_SignedDocumentId_UserId" ON "DocumentSignatures" ("SignedDocumentId", "UserId");

CREATE UNIQUE INDEX "IX_SignedDocuments_OrganizationId_Kind_SubjectId" ON "SignedDocuments" ("OrganizationId", "Kind", "SubjectId");

CREATE UNIQUE INDEX "IX_SignedDocuments_VerificationCode" ON "SignedDocuments" ("VerificationCode");
