CREATE TABLE "JobRuns" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_JobRuns" PRIMARY KEY AUTOINCREMENT,
    "Job" TEXT NOT NULL,
    "Slot" TEXT NOT NULL,
    "Instance" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "StartedAt" TEXT NOT NULL,
    "LeaseUntil" TEXT NOT NULL,
    "FinishedAt" TEXT NULL,
    "Attempt" INTEGER NOT NULL,
    "Result" TEXT NULL
);

CREATE TABLE "NotificationPreferences" (
    "UserId" INTEGER NOT NULL CONSTRAINT "PK_NotificationPreferences" PRIMARY KEY,
    "Delivery" INTEGER NOT NULL,
    CONSTRAINT "FK_NotificationPreferences_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Notifications" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Notifications" PRIMARY KEY AUTOINCREMENT,
    "UserId" INTEGER NOT NULL,
    "OrganizationId" INTEGER NULL,
    "Event" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Summary" TEXT NOT NULL,
    "Link" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ReadAt" TEXT NULL,
    "AwaitsDigest" INTEGER NOT NULL,
    CONSTRAINT "FK_Notifications_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ReminderLogs" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReminderLogs" PRIMARY KEY AUTOINCREMENT,
    "ActionId" INTEGER NOT NULL,
    "Key" TEXT NOT NULL,
    "QueuedAt" TEXT NOT NULL,
    CONSTRAINT "FK_ReminderLogs_PlanActions_ActionId" FOREIGN KEY ("ActionId") REFERENCES "PlanActions" ("Id") ON DELETE CASCADE
);

ALTER TABLE "OutboxMessages" ADD COLUMN "UserId" INTEGER NULL;

ALTER TABLE "OutboxMessages" ADD COLUMN "ClaimedBy" TEXT NULL;

ALTER TABLE "OutboxMessages" ADD COLUMN "ClaimedUntil" TEXT NULL;

CREATE UNIQUE INDEX "IX_JobRuns_Job_Slot" ON "JobRuns" ("Job", "Slot");

CREATE INDEX "IX_Notifications_AwaitsDigest_UserId" ON "Notifications" ("AwaitsDigest", "UserId");

CREATE INDEX "IX_Notifications_UserId_ReadAt" ON "Notifications" ("UserId", "ReadAt");

CREATE UNIQUE INDEX "IX_ReminderLogs_ActionId_Key" ON "ReminderLogs" ("ActionId", "Key");
