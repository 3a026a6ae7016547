-- 0005 monitoring: risk of non-implementation, recommendations, committee meetings, update requests (Sqlite).

CREATE TABLE "Meetings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Meetings" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "PlanId" INTEGER NULL,
    "Date" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Agenda" TEXT NULL,
    "Minutes" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedById" INTEGER NULL,
    CONSTRAINT "FK_Meetings_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE SET NULL
);

CREATE TABLE "UpdateRequests" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_UpdateRequests" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "PlanId" INTEGER NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Justification" TEXT NOT NULL,
    "RequestedAt" TEXT NOT NULL,
    "RequestedById" INTEGER NULL,
    "Status" INTEGER NOT NULL,
    "Decision" TEXT NULL,
    "DecidedAt" TEXT NULL,
    "DecidedById" INTEGER NULL,
    "ResultingPlanId" INTEGER NULL,
    CONSTRAINT "FK_UpdateRequests_AspNetUsers_DecidedById" FOREIGN KEY ("DecidedById") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_UpdateRequests_AspNetUsers_RequestedById" FOREIGN KEY ("RequestedById") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_UpdateRequests_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_UpdateRequests_Plans_ResultingPlanId" FOREIGN KEY ("ResultingPlanId") REFERENCES "Plans" ("Id") ON DELETE SET NULL
);

CREATE TABLE "MeetingParticipants" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MeetingParticipants" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "MeetingId" INTEGER NOT NULL,
    "UserId" INTEGER NULL,
    "Name" TEXT NOT NULL,
    "Role" TEXT NULL,
    CONSTRAINT "FK_MeetingParticipants_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_MeetingParticipants_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Recommendations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Recommendations" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "PlanId" INTEGER NOT NULL,
    "ActionId" INTEGER NULL,
    "Source" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "Deadline" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedById" INTEGER NULL,
    "Answer" TEXT NULL,
    "AnsweredAt" TEXT NULL,
    "AnsweredById" INTEGER NULL,
    CONSTRAINT "FK_Recommendations_AspNetUsers_AnsweredById" FOREIGN KEY ("AnsweredById") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Recommendations_AspNetUsers_CreatedById" FOREIGN KEY ("CreatedById") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Recommendations_PlanActions_ActionId" FOREIGN KEY ("ActionId") REFERENCES "PlanActions" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Recommendations_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "RiskAssessments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RiskAssessments" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "ActionId" INTEGER NOT NULL,
    "Level" INTEGER NOT NULL,
    "Rationale" TEXT NOT NULL,
    "AssessedAt" TEXT NOT NULL,
    "AssessedById" INTEGER NULL,
    CONSTRAINT "FK_RiskAssessments_AspNetUsers_AssessedById" FOREIGN KEY ("AssessedById") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_RiskAssessments_PlanActions_ActionId" FOREIGN KEY ("ActionId") REFERENCES "PlanActions" ("Id") ON DELETE CASCADE
);

ALTER TABLE "PlanActions" ADD COLUMN "NonImplementationRisk" INTEGER NULL;

CREATE INDEX "IX_MeetingParticipants_MeetingId" ON "MeetingParticipants" ("MeetingId");

CREATE INDEX "IX_MeetingParticipants_OrganizationId" ON "MeetingParticipants" ("OrganizationId");

CREATE INDEX "IX_MeetingParticipants_UserId" ON "MeetingParticipants" ("UserId");

CREATE INDEX "IX_Meetings_OrganizationId_Date" ON "Meetings" ("OrganizationId", "Date");

CREATE INDEX "IX_Meetings_PlanId" ON "Meetings" ("PlanId");

CREATE INDEX "IX_Recommendations_ActionId" ON "Recommendations" ("ActionId");

CREATE INDEX "IX_Recommendations_AnsweredById" ON "Recommendations" ("AnsweredById");

CREATE INDEX "IX_Recommendations_CreatedById" ON "Recommendations" ("CreatedById");

CREATE INDEX "IX_Recommendations_OrganizationId_PlanId" ON "Recommendations" ("OrganizationId", "PlanId");

CREATE INDEX "IX_Recommendations_PlanId" ON "Recommendations" ("PlanId");

CREATE INDEX "IX_RiskAssessments_ActionId" ON "RiskAssessments" ("ActionId");

CREATE INDEX "IX_RiskAssessments_AssessedById" ON "RiskAssessments" ("AssessedById");

CREATE INDEX "IX_RiskAssessments_OrganizationId_ActionId" ON "RiskAssessments" ("OrganizationId", "ActionId");

CREATE INDEX "IX_UpdateRequests_DecidedById" ON "UpdateRequests" ("DecidedById");

CREATE INDEX "IX_UpdateRequests_OrganizationId_Status" ON "UpdateRequests" ("OrganizationId", "Status");

CREATE INDEX "IX_UpdateRequests_PlanId" ON "UpdateRequests" ("PlanId");

CREATE INDEX "IX_UpdateRequests_RequestedById" ON "UpdateRequests" ("RequestedById");

CREATE INDEX "IX_UpdateRequests_ResultingPlanId" ON "UpdateRequests" ("ResultingPlanId");
