-- 0003 formulation: risk register, publication, support units, plan validation fields; e-mail outbox (SQLite).

CREATE TABLE "OutboxMessages" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OutboxMessages" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NULL,
    "Event" TEXT NOT NULL,
    "To" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "TextBody" TEXT NOT NULL,
    "HtmlBody" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "NextAttemptAt" TEXT NULL,
    "SentAt" TEXT NULL,
    "LastError" TEXT NULL
);

CREATE TABLE "PlanPublications" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PlanPublications" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "PlanId" INTEGER NOT NULL,
    "ActName" TEXT NULL,
    "ActNumber" TEXT NULL,
    "ActDate" TEXT NULL,
    "ActLink" TEXT NULL,
    "FinalPdfKey" TEXT NULL,
    "FinalPdfName" TEXT NULL,
    "HadLaunchEvent" INTEGER NOT NULL,
    "HasPublicWebPage" INTEGER NOT NULL,
    "CommunicationPlanKey" TEXT NULL,
    "CommunicationPlanName" TEXT NULL,
    "TrainingPlanKey" TEXT NULL,
    "TrainingPlanName" TEXT NULL,
    "HeadAcknowledgedAt" TEXT NULL,
    "HeadAcknowledgedBy" TEXT NULL,
    "InternalControlAcknowledgedAt" TEXT NULL,
    "InternalControlAcknowledgedBy" TEXT NULL,
    CONSTRAINT "FK_PlanPublications_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Risks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Risks" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "PlanId" INTEGER NOT NULL,
    "Category" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Cause" TEXT NULL,
    "Consequence" TEXT NULL,
    "Probability" INTEGER NOT NULL,
    "Impact" INTEGER NOT NULL,
    "ExistingControls" TEXT NULL,
    "ResidualProbability" INTEGER NOT NULL,
    "ResidualImpact" INTEGER NOT NULL,
    CONSTRAINT "FK_Risks_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ActionSupportUnits" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ActionSupportUnits" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "ActionId" INTEGER NOT NULL,
    "UnitId" INTEGER NOT NULL,
    CONSTRAINT "FK_ActionSupportUnits_AdministrativeUnits_UnitId" FOREIGN KEY ("UnitId") REFERENCES "AdministrativeUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ActionSupportUnits_PlanActions_ActionId" FOREIGN KEY ("ActionId") REFERENCES "PlanActions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "RiskTreatments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RiskTreatments" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "RiskId" INTEGER NOT NULL,
    "ActionId" INTEGER NOT NULL,
    CONSTRAINT "FK_RiskTreatments_PlanActions_ActionId" FOREIGN KEY ("ActionId") REFERENCES "PlanActions" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_RiskTreatments_Risks_RiskId" FOREIGN KEY ("RiskId") REFERENCES "Risks" ("Id") ON DELETE CASCADE
);

ALTER TABLE "Plans" ADD COLUMN "Stakeholders" TEXT NULL;

ALTER TABLE "Plans" ADD COLUMN "OtherStakeholders" TEXT NULL;

ALTER TABLE "Plans" ADD COLUMN "ValidationRemarks" TEXT NULL;

ALTER TABLE "Plans" ADD COLUMN "ValidatedAt" TEXT NULL;

ALTER TABLE "Plans" ADD COLUMN "ProgramDraftGeneratedAt" TEXT NULL;

ALTER TABLE "Plans" ADD COLUMN "PlanDraftGeneratedAt" TEXT NULL;

CREATE UNIQUE INDEX "IX_ActionSupportUnits_ActionId_UnitId" ON "ActionSupportUnits" ("ActionId", "UnitId");

CREATE INDEX "IX_ActionSupportUnits_UnitId" ON "ActionSupportUnits" ("UnitId");

CREATE INDEX "IX_OutboxMessages_Status_NextAttemptAt" ON "OutboxMessages" ("Status", "NextAttemptAt");

CREATE UNIQUE INDEX "IX_PlanPublications_PlanId" ON "PlanPublications" ("PlanId");

CREATE INDEX "IX_Risks_PlanId" ON "Risks" ("PlanId");

CREATE INDEX "IX_RiskTreatments_ActionId" ON "RiskTreatments" ("ActionId");

CREATE UNIQUE INDEX "IX_RiskTreatments_RiskId_ActionId" ON "RiskTreatments" ("RiskId", "ActionId");
