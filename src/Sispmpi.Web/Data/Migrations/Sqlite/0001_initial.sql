-- 0001 initial schema: organizations, units, accounts and grants, plans, history (SQLite).
CREATE TABLE "AspNetUsers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY AUTOINCREMENT,
    "FullName" TEXT NOT NULL,
    "Position" TEXT NULL,
    "IsActive" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);


CREATE TABLE "AuditEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY AUTOINCREMENT,
    "OccurredAt" TEXT NOT NULL,
    "UserId" INTEGER NULL,
    "UserName" TEXT NOT NULL,
    "Profile" TEXT NULL,
    "OrganizationId" INTEGER NULL,
    "EntityType" TEXT NOT NULL,
    "EntityId" TEXT NOT NULL,
    "Operation" INTEGER NOT NULL,
    "Field" TEXT NULL,
    "OldValue" TEXT NULL,
    "NewValue" TEXT NULL,
    "Justification" TEXT NULL,
    "PreviousHash" TEXT NOT NULL,
    "Hash" TEXT NOT NULL
);


CREATE TABLE "Organizations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Organizations" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Acronym" TEXT NOT NULL,
    "Cnpj" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Sphere" INTEGER NOT NULL,
    "Branch" INTEGER NOT NULL,
    "MunicipalityCode" TEXT NULL,
    "MunicipalityName" TEXT NULL,
    "StateCode" TEXT NULL,
    "ParentId" INTEGER NULL,
    "IsOversight" INTEGER NOT NULL,
    "IsActive" INTEGER NOT NULL,
    CONSTRAINT "FK_Organizations_Organizations_ParentId" FOREIGN KEY ("ParentId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" INTEGER NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" INTEGER NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserTokens" (
    "UserId" INTEGER NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AdministrativeUnits" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AdministrativeUnits" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "ParentId" INTEGER NULL,
    "Name" TEXT NOT NULL,
    "Acronym" TEXT NULL,
    "IsActive" INTEGER NOT NULL,
    CONSTRAINT "FK_AdministrativeUnits_AdministrativeUnits_ParentId" FOREIGN KEY ("ParentId") REFERENCES "AdministrativeUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AdministrativeUnits_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "Invitations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Invitations" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "Email" TEXT NOT NULL,
    "FullName" TEXT NOT NULL,
    "Profile" INTEGER NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    "AcceptedAt" TEXT NULL,
    "InvitedById" INTEGER NULL,
    CONSTRAINT "FK_Invitations_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "OrganizationYearFigures" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OrganizationYearFigures" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "Budget" TEXT NOT NULL,
    "Headcount" INTEGER NOT NULL,
    CONSTRAINT "FK_OrganizationYearFigures_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Plans" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Plans" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Edition" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "Status" INTEGER NOT NULL,
    "ValidFrom" TEXT NULL,
    "ValidTo" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "PublishedAt" TEXT NULL,
    "OriginPlanId" INTEGER NULL,
    CONSTRAINT "FK_Plans_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Plans_Plans_OriginPlanId" FOREIGN KEY ("OriginPlanId") REFERENCES "Plans" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "ProfileGrants" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ProfileGrants" PRIMARY KEY AUTOINCREMENT,
    "UserId" INTEGER NOT NULL,
    "OrganizationId" INTEGER NOT NULL,
    "Profile" INTEGER NOT NULL,
    "UnitId" INTEGER NULL,
    CONSTRAINT "FK_ProfileGrants_AdministrativeUnits_UnitId" FOREIGN KEY ("UnitId") REFERENCES "AdministrativeUnits" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_ProfileGrants_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ProfileGrants_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "PlanAxes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PlanAxes" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "PlanId" INTEGER NOT NULL,
    "ParentId" INTEGER NULL,
    "Position" INTEGER NOT NULL,
    "Number" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Description" TEXT NULL,
    CONSTRAINT "FK_PlanAxes_PlanAxes_ParentId" FOREIGN KEY ("ParentId") REFERENCES "PlanAxes" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_PlanAxes_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE CASCADE
);


CREATE TABLE "PlanActions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PlanActions" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "PlanId" INTEGER NOT NULL,
    "AxisId" INTEGER NOT NULL,
    "Position" INTEGER NOT NULL,
    "Number" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Description" TEXT NULL,
    "ExecutingUnitId" INTEGER NULL,
    "Classification" INTEGER NOT NULL,
    "ActionType" TEXT NOT NULL,
    "PlannedStart" TEXT NULL,
    "PlannedEnd" TEXT NULL,
    "PlannedBudget" TEXT NULL,
    "Objectives" TEXT NULL,
    "Benefits" TEXT NULL,
    "SuggestedEvidence" TEXT NULL,
    "Weight" TEXT NOT NULL,
    "OriginActionId" INTEGER NULL,
    "StartedOn" TEXT NULL,
    "ConcludedOn" TEXT NULL,
    "DiscontinuedOn" TEXT NULL,
    "DiscontinuationJustification" TEXT NULL,
    "BudgetSpent" TEXT NULL,
    "LastUpdateAt" TEXT NULL,
    "Status" INTEGER NOT NULL,
    CONSTRAINT "FK_PlanActions_AdministrativeUnits_ExecutingUnitId" FOREIGN KEY ("ExecutingUnitId") REFERENCES "AdministrativeUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_PlanActions_PlanActions_OriginActionId" FOREIGN KEY ("OriginActionId") REFERENCES "PlanActions" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_PlanActions_PlanAxes_AxisId" FOREIGN KEY ("AxisId") REFERENCES "PlanAxes" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_PlanActions_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE CASCADE
);


CREATE INDEX "IX_AdministrativeUnits_OrganizationId_Name" ON "AdministrativeUnits" ("OrganizationId", "Name");


CREATE INDEX "IX_AdministrativeUnits_ParentId" ON "AdministrativeUnits" ("ParentId");


CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");


CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");


CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");


CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");


CREATE INDEX "IX_AuditEntries_EntityType_EntityId" ON "AuditEntries" ("EntityType", "EntityId");


CREATE INDEX "IX_AuditEntries_OrganizationId_OccurredAt" ON "AuditEntries" ("OrganizationId", "OccurredAt");


CREATE INDEX "IX_Invitations_OrganizationId" ON "Invitations" ("OrganizationId");


CREATE UNIQUE INDEX "IX_Invitations_TokenHash" ON "Invitations" ("TokenHash");


CREATE UNIQUE INDEX "IX_Organizations_Cnpj" ON "Organizations" ("Cnpj");


CREATE INDEX "IX_Organizations_ParentId" ON "Organizations" ("ParentId");


CREATE UNIQUE INDEX "IX_OrganizationYearFigures_OrganizationId_Year" ON "OrganizationYearFigures" ("OrganizationId", "Year");


CREATE INDEX "IX_PlanActions_AxisId" ON "PlanActions" ("AxisId");


CREATE INDEX "IX_PlanActions_ExecutingUnitId" ON "PlanActions" ("ExecutingUnitId");


CREATE INDEX "IX_PlanActions_OrganizationId_Status" ON "PlanActions" ("OrganizationId", "Status");


CREATE INDEX "IX_PlanActions_OriginActionId" ON "PlanActions" ("OriginActionId");


CREATE INDEX "IX_PlanActions_PlanId" ON "PlanActions" ("PlanId");


CREATE INDEX "IX_PlanAxes_OrganizationId" ON "PlanAxes" ("OrganizationId");


CREATE INDEX "IX_PlanAxes_ParentId" ON "PlanAxes" ("ParentId");


CREATE INDEX "IX_PlanAxes_PlanId" ON "PlanAxes" ("PlanId");


CREATE INDEX "IX_Plans_OrganizationId_Status" ON "Plans" ("OrganizationId", "Status");


CREATE INDEX "IX_Plans_OriginPlanId" ON "Plans" ("OriginPlanId");


CREATE INDEX "IX_ProfileGrants_OrganizationId" ON "ProfileGrants" ("OrganizationId");


CREATE INDEX "IX_ProfileGrants_UnitId" ON "ProfileGrants" ("UnitId");


CREATE UNIQUE INDEX "IX_ProfileGrants_UserId_OrganizationId_Profile" ON "ProfileGrants" ("UserId", "OrganizationId", "Profile");



