-- 0016 the integrity programme per organization, the commission's later acts, members' registration and leaving date (SQLite).

CREATE TABLE "IntegrityProgrammes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_IntegrityProgrammes" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_IntegrityProgrammes_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_IntegrityProgrammes_OrganizationId" ON "IntegrityProgrammes" ("OrganizationId");

ALTER TABLE "Plans" ADD COLUMN "ProgrammeId" INTEGER NULL CONSTRAINT "FK_Plans_IntegrityProgrammes_ProgrammeId" REFERENCES "IntegrityProgrammes" ("Id") ON DELETE RESTRICT;

CREATE INDEX "IX_Plans_ProgrammeId" ON "Plans" ("ProgrammeId");

CREATE TABLE "CommissionActs" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CommissionActs" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "CommissionId" INTEGER NOT NULL,
    "Kind" INTEGER NOT NULL,
    "ActType" TEXT NOT NULL,
    "ActNumber" TEXT NOT NULL,
    "ActDate" TEXT NOT NULL,
    "ActLink" TEXT NULL,
    "ExtensionDays" INTEGER NULL,
    "Notes" TEXT NULL,
    CONSTRAINT "FK_CommissionActs_Commissions_CommissionId" FOREIGN KEY ("CommissionId") REFERENCES "Commissions" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_CommissionActs_CommissionId" ON "CommissionActs" ("CommissionId");

ALTER TABLE "CommissionMembers" ADD COLUMN "Registration" TEXT NULL;

ALTER TABLE "CommissionMembers" ADD COLUMN "InactiveSince" TEXT NULL;

ALTER TABLE "AgreementParticipants" ADD COLUMN "SignatoryUserId" INTEGER NULL CONSTRAINT "FK_AgreementParticipants_AspNetUsers_SignatoryUserId" REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL;

CREATE INDEX "IX_AgreementParticipants_SignatoryUserId" ON "AgreementParticipants" ("SignatoryUserId");

CREATE TABLE "AgreementSignatures" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AgreementSignatures" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "AgreementId" INTEGER NOT NULL,
    "ParticipantId" INTEGER NOT NULL,
    "SignedById" INTEGER NOT NULL,
    "SignedByName" TEXT NOT NULL,
    "OnBehalf" INTEGER NOT NULL,
    "SignedAt" TEXT NOT NULL,
    CONSTRAINT "FK_AgreementSignatures_AgreementParticipants_ParticipantId" FOREIGN KEY ("ParticipantId") REFERENCES "AgreementParticipants" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AgreementSignatures_AgreementId" ON "AgreementSignatures" ("AgreementId");

CREATE UNIQUE INDEX "IX_AgreementSignatures_ParticipantId" ON "AgreementSignatures" ("ParticipantId");

-- Existing data: one programme for every organization with a plan, created with its first plan; every plan joins it.
INSERT INTO "IntegrityProgrammes" ("OrganizationId", "CreatedAt")
SELECT "OrganizationId", MIN("CreatedAt") FROM "Plans" GROUP BY "OrganizationId";

UPDATE "Plans" SET "ProgrammeId" = (SELECT p."Id" FROM "IntegrityProgrammes" p WHERE p."OrganizationId" = "Plans"."OrganizationId");
