-- 0006 evaluation: integrity-promotion activities, maturity models, cycles, answers and their evidence (Sqlite).

CREATE TABLE "IntegrityActivities" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_IntegrityActivities" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "Date" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Description" TEXT NULL,
    "Hours" TEXT NOT NULL,
    "RecordedAt" TEXT NOT NULL,
    "RecordedById" INTEGER NULL,
    CONSTRAINT "FK_IntegrityActivities_AspNetUsers_RecordedById" FOREIGN KEY ("RecordedById") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL
);

CREATE TABLE "MaturityModels" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MaturityModels" PRIMARY KEY AUTOINCREMENT,
    "ModelId" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Json" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedById" INTEGER NULL,
    "IsCurrent" INTEGER NOT NULL,
    CONSTRAINT "FK_MaturityModels_AspNetUsers_CreatedById" FOREIGN KEY ("CreatedById") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL
);

CREATE TABLE "MaturityCycles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MaturityCycles" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "ModelVersionId" INTEGER NOT NULL,
    "Status" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "SubmittedAt" TEXT NULL,
    "SubmittedById" INTEGER NULL,
    "OverallScore" TEXT NULL,
    CONSTRAINT "FK_MaturityCycles_AspNetUsers_SubmittedById" FOREIGN KEY ("SubmittedById") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_MaturityCycles_MaturityModels_ModelVersionId" FOREIGN KEY ("ModelVersionId") REFERENCES "MaturityModels" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "MaturityAnswers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MaturityAnswers" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "CycleId" INTEGER NOT NULL,
    "QuestionId" TEXT NOT NULL,
    "Level" INTEGER NULL,
    "Justification" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedById" INTEGER NULL,
    CONSTRAINT "FK_MaturityAnswers_AspNetUsers_UpdatedById" FOREIGN KEY ("UpdatedById") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_MaturityAnswers_MaturityCycles_CycleId" FOREIGN KEY ("CycleId") REFERENCES "MaturityCycles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "MaturityEvidence" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MaturityEvidence" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "AnswerId" INTEGER NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Description" TEXT NOT NULL,
    "Url" TEXT NULL,
    "ProcessNumber" TEXT NULL,
    "FileName" TEXT NULL,
    "FileKey" TEXT NULL,
    "ContentType" TEXT NULL,
    "FileSize" INTEGER NULL,
    "FileSha256" TEXT NULL,
    "AddedAt" TEXT NOT NULL,
    "AddedById" INTEGER NULL,
    CONSTRAINT "FK_MaturityEvidence_AspNetUsers_AddedById" FOREIGN KEY ("AddedById") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_MaturityEvidence_MaturityAnswers_AnswerId" FOREIGN KEY ("AnswerId") REFERENCES "MaturityAnswers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_IntegrityActivities_OrganizationId_Date" ON "IntegrityActivities" ("OrganizationId", "Date");

CREATE INDEX "IX_IntegrityActivities_RecordedById" ON "IntegrityActivities" ("RecordedById");

CREATE UNIQUE INDEX "IX_MaturityAnswers_CycleId_QuestionId" ON "MaturityAnswers" ("CycleId", "QuestionId");

CREATE INDEX "IX_MaturityAnswers_OrganizationId" ON "MaturityAnswers" ("OrganizationId");

CREATE INDEX "IX_MaturityAnswers_UpdatedById" ON "MaturityAnswers" ("UpdatedById");

CREATE INDEX "IX_MaturityCycles_ModelVersionId" ON "MaturityCycles" ("ModelVersionId");

CREATE UNIQUE INDEX "IX_MaturityCycles_OrganizationId_Year" ON "MaturityCycles" ("OrganizationId", "Year");

CREATE INDEX "IX_MaturityCycles_SubmittedById" ON "MaturityCycles" ("SubmittedById");

CREATE INDEX "IX_MaturityEvidence_AddedById" ON "MaturityEvidence" ("AddedById");

CREATE INDEX "IX_MaturityEvidence_AnswerId" ON "MaturityEvidence" ("AnswerId");

CREATE INDEX "IX_MaturityEvidence_OrganizationId_AnswerId" ON "MaturityEvidence" ("OrganizationId", "AnswerId");

CREATE INDEX "IX_MaturityModels_CreatedById" ON "MaturityModels" ("CreatedById");

CREATE UNIQUE INDEX "IX_MaturityModels_ModelId_Version" ON "MaturityModels" ("ModelId", "Version");
