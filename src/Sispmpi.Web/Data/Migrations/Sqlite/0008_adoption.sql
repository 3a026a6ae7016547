CREATE TABLE "AdhesionRequests" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AdhesionRequests" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "BodyName" TEXT NOT NULL,
    "BodyAcronym" TEXT NOT NULL,
    "Cnpj" TEXT NOT NULL,
    "Sphere" INTEGER NOT NULL,
    "ContactName" TEXT NOT NULL,
    "ContactEmail" TEXT NOT NULL,
    "CurrentStep" INTEGER NOT NULL,
    "ValidFrom" TEXT NULL,
    "ValidUntil" TEXT NULL,
    "ProvisionedOrganizationId" INTEGER NULL,
    CONSTRAINT "FK_AdhesionRequests_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AdhesionRequests_Organizations_ProvisionedOrganizationId" FOREIGN KEY ("ProvisionedOrganizationId") REFERENCES "Organizations" ("Id") ON DELETE SET NULL
);

CREATE TABLE "Agreements" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Agreements" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "Number" TEXT NOT NULL,
    "ProcessNumber" TEXT NOT NULL,
    "Object" TEXT NOT NULL,
    "Justification" TEXT NULL,
    "ValidFrom" TEXT NOT NULL,
    "ValidUntil" TEXT NOT NULL,
    CONSTRAINT "FK_Agreements_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AdhesionSteps" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AdhesionSteps" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "RequestId" INTEGER NOT NULL,
    "Step" INTEGER NOT NULL,
    "Date" TEXT NOT NULL,
    "ResponsiblePerson" TEXT NOT NULL,
    "Documents" TEXT NULL,
    "Notes" TEXT NULL,
    "GazetteReference" TEXT NULL,
    "GazetteDate" TEXT NULL,
    CONSTRAINT "FK_AdhesionSteps_AdhesionRequests_RequestId" FOREIGN KEY ("RequestId") REFERENCES "AdhesionRequests" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AdhesionAgreements" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AdhesionAgreements" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "AgreementId" INTEGER NOT NULL,
    "BodyName" TEXT NOT NULL,
    "Cnpj" TEXT NOT NULL,
    "SignedOn" TEXT NOT NULL,
    "SignatoryName" TEXT NOT NULL,
    CONSTRAINT "FK_AdhesionAgreements_Agreements_AgreementId" FOREIGN KEY ("AgreementId") REFERENCES "Agreements" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AgreementParticipants" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AgreementParticipants" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "AgreementId" INTEGER NOT NULL,
    "Position" INTEGER NOT NULL,
    "BodyName" TEXT NOT NULL,
    "ShortName" TEXT NOT NULL,
    "OtherNames" TEXT NULL,
    "Cnpj" TEXT NOT NULL,
    "Sphere" INTEGER NOT NULL,
    "SignatoryName" TEXT NOT NULL,
    "SignatoryPosition" TEXT NOT NULL,
    "SignatoryRegistration" TEXT NOT NULL,
    "ContactEmail" TEXT NOT NULL,
    CONSTRAINT "FK_AgreementParticipants_Agreements_AgreementId" FOREIGN KEY ("AgreementId") REFERENCES "Agreements" ("Id") ON DELETE CASCADE
);

CREATE TABLE "WorkPlanAxes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_WorkPlanAxes" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "AgreementId" INTEGER NOT NULL,
    "Position" INTEGER NOT NULL,
    "Number" TEXT NULL,
    "Title" TEXT NOT NULL,
    CONSTRAINT "FK_WorkPlanAxes_Agreements_AgreementId" FOREIGN KEY ("AgreementId") REFERENCES "Agreements" ("Id") ON DELETE CASCADE
);

CREATE TABLE "WorkPlanGoals" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_WorkPlanGoals" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "AgreementId" INTEGER NOT NULL,
    "AxisId" INTEGER NOT NULL,
    "Position" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "DeadlineText" TEXT NOT NULL,
    "DeadlineKind" INTEGER NOT NULL,
    "DeadlineDate" TEXT NULL,
    "DeadlineDays" INTEGER NULL,
    "DeadlineDayOfMonth" INTEGER NULL,
    "DeadlineMinimumHours" TEXT NULL,
    CONSTRAINT "FK_WorkPlanGoals_Agreements_AgreementId" FOREIGN KEY ("AgreementId") REFERENCES "Agreements" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_WorkPlanGoals_WorkPlanAxes_AxisId" FOREIGN KEY ("AxisId") REFERENCES "WorkPlanAxes" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AdhesionAgreementGoals" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AdhesionAgreementGoals" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "AdhesionId" INTEGER NOT NULL,
    "GoalId" INTEGER NOT NULL,
    CONSTRAINT "FK_AdhesionAgreementGoals_AdhesionAgreements_AdhesionId" FOREIGN KEY ("AdhesionId") REFERENCES "AdhesionAgreements" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AdhesionAgreementGoals_WorkPlanGoals_GoalId" FOREIGN KEY ("GoalId") REFERENCES "WorkPlanGoals" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AgreementReminders" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AgreementReminders" PRIMARY KEY AUTOINCREMENT,
    "GoalId" INTEGER NOT NULL,
    "DueDate" TEXT NOT NULL,
    "SentAt" TEXT NOT NULL,
    CONSTRAINT "FK_AgreementReminders_WorkPlanGoals_GoalId" FOREIGN KEY ("GoalId") REFERENCES "WorkPlanGoals" ("Id") ON DELETE CASCADE
);

CREATE TABLE "WorkPlanGoalParticipants" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_WorkPlanGoalParticipants" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "GoalId" INTEGER NOT NULL,
    "ParticipantId" INTEGER NOT NULL,
    CONSTRAINT "FK_WorkPlanGoalParticipants_AgreementParticipants_ParticipantId" FOREIGN KEY ("ParticipantId") REFERENCES "AgreementParticipants" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_WorkPlanGoalParticipants_WorkPlanGoals_GoalId" FOREIGN KEY ("GoalId") REFERENCES "WorkPlanGoals" ("Id") ON DELETE CASCADE
);

CREATE TABLE "WorkPlanGoalRecords" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_WorkPlanGoalRecords" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "GoalId" INTEGER NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Date" TEXT NOT NULL,
    "Hours" TEXT NULL,
    "Notes" TEXT NULL,
    "RecordedAt" TEXT NOT NULL,
    "RecordedById" INTEGER NULL,
    CONSTRAINT "FK_WorkPlanGoalRecords_WorkPlanGoals_GoalId" FOREIGN KEY ("GoalId") REFERENCES "WorkPlanGoals" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_AdhesionAgreementGoals_AdhesionId_GoalId" ON "AdhesionAgreementGoals" ("AdhesionId", "GoalId");

CREATE INDEX "IX_AdhesionAgreementGoals_GoalId" ON "AdhesionAgreementGoals" ("GoalId");

CREATE INDEX "IX_AdhesionAgreementGoals_OrganizationId" ON "AdhesionAgreementGoals" ("OrganizationId");

CREATE INDEX "IX_AdhesionAgreements_AgreementId" ON "AdhesionAgreements" ("AgreementId");

CREATE INDEX "IX_AdhesionAgreements_OrganizationId" ON "AdhesionAgreements" ("OrganizationId");

CREATE INDEX "IX_AdhesionRequests_OrganizationId" ON "AdhesionRequests" ("OrganizationId");

CREATE INDEX "IX_AdhesionRequests_ProvisionedOrganizationId" ON "AdhesionRequests" ("ProvisionedOrganizationId");

CREATE INDEX "IX_AdhesionSteps_OrganizationId" ON "AdhesionSteps" ("OrganizationId");

CREATE INDEX "IX_AdhesionSteps_RequestId" ON "AdhesionSteps" ("RequestId");

CREATE INDEX "IX_AgreementParticipants_AgreementId" ON "AgreementParticipants" ("AgreementId");

CREATE INDEX "IX_AgreementParticipants_OrganizationId" ON "AgreementParticipants" ("OrganizationId");

CREATE UNIQUE INDEX "IX_AgreementReminders_GoalId_DueDate" ON "AgreementReminders" ("GoalId", "DueDate");

CREATE UNIQUE INDEX "IX_Agreements_OrganizationId_Number" ON "Agreements" ("OrganizationId", "Number");

CREATE INDEX "IX_WorkPlanAxes_AgreementId" ON "WorkPlanAxes" ("AgreementId");

CREATE INDEX "IX_WorkPlanAxes_OrganizationId" ON "WorkPlanAxes" ("OrganizationId");

CREATE UNIQUE INDEX "IX_WorkPlanGoalParticipants_GoalId_ParticipantId" ON "WorkPlanGoalParticipants" ("GoalId", "ParticipantId");

CREATE INDEX "IX_WorkPlanGoalParticipants_OrganizationId" ON "WorkPlanGoalParticipants" ("OrganizationId");

CREATE INDEX "IX_WorkPlanGoalParticipants_ParticipantId" ON "WorkPlanGoalParticipants" ("ParticipantId");

CREATE INDEX "IX_WorkPlanGoalRecords_GoalId" ON "WorkPlanGoalRecords" ("GoalId");

CREATE INDEX "IX_WorkPlanGoalRecords_OrganizationId" ON "WorkPlanGoalRecords" ("OrganizationId");

CREATE INDEX "IX_WorkPlanGoals_AgreementId" ON "WorkPlanGoals" ("AgreementId");

CREATE INDEX "IX_WorkPlanGoals_AxisId" ON "WorkPlanGoals" ("AxisId");

CREATE INDEX "IX_WorkPlanGoals_OrganizationId" ON "WorkPlanGoals" ("OrganizationId");
