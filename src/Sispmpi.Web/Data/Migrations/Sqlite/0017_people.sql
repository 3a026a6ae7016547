-- 0017 people (Sqlite): servants registered without an account, who may answer for actions or be involved in
-- them; the MASP/registration of users; several types per action (the existing single type is already a valid
-- one-item list, so existing actions keep their type as it is).

CREATE TABLE "Servants" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Servants" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Registration" TEXT NULL,
    "Position" TEXT NULL,
    "UnitId" INTEGER NULL,
    "LinkedUserId" INTEGER NULL,
    "LinkedAt" TEXT NULL,
    CONSTRAINT "FK_Servants_AdministrativeUnits_UnitId" FOREIGN KEY ("UnitId") REFERENCES "AdministrativeUnits" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Servants_AspNetUsers_LinkedUserId" FOREIGN KEY ("LinkedUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL
);

CREATE INDEX "IX_Servants_LinkedUserId" ON "Servants" ("LinkedUserId");
CREATE INDEX "IX_Servants_OrganizationId_Name" ON "Servants" ("OrganizationId", "Name");
CREATE INDEX "IX_Servants_UnitId" ON "Servants" ("UnitId");

CREATE TABLE "ActionServants" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ActionServants" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "ActionId" INTEGER NOT NULL,
    "ServantId" INTEGER NOT NULL,
    CONSTRAINT "FK_ActionServants_PlanActions_ActionId" FOREIGN KEY ("ActionId") REFERENCES "PlanActions" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ActionServants_Servants_ServantId" FOREIGN KEY ("ServantId") REFERENCES "Servants" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_ActionServants_ActionId_ServantId" ON "ActionServants" ("ActionId", "ServantId");
CREATE INDEX "IX_ActionServants_OrganizationId_ServantId" ON "ActionServants" ("OrganizationId", "ServantId");
CREATE INDEX "IX_ActionServants_ServantId" ON "ActionServants" ("ServantId");

ALTER TABLE "PlanActions" ADD COLUMN "ResponsibleServantId" INTEGER NULL
    CONSTRAINT "FK_PlanActions_Servants_ResponsibleServantId" REFERENCES "Servants" ("Id") ON DELETE SET NULL;
CREATE INDEX "IX_PlanActions_ResponsibleServantId" ON "PlanActions" ("ResponsibleServantId");

ALTER TABLE "AspNetUsers" ADD COLUMN "Registration" TEXT NULL;

-- Types were written trimmed, one per action; normalise stray blanks so the list reads back exactly.
UPDATE "PlanActions" SET "ActionType" = trim("ActionType") WHERE "ActionType" <> trim("ActionType");
