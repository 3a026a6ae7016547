-- 0015 panel summary: what the network panel reads of each plan, kept current by triggers in the transaction of the
-- change that alters it, so that the panel reads one row per plan instead of every action of the network.
-- "Late" counts the plan's late actions as of "LateAsOf" and stays right until "LateUntil" (the first planned date still
-- ahead of an open action), after which the panel counts them again for that plan (NetworkPanel).

CREATE TABLE "PlanSummaries" (
    "PlanId" INTEGER NOT NULL CONSTRAINT "PK_PlanSummaries" PRIMARY KEY,
    "Axes" INTEGER NOT NULL,
    "Actions" INTEGER NOT NULL,
    "NotStarted" INTEGER NOT NULL,
    "InProgress" INTEGER NOT NULL,
    "Concluded" INTEGER NOT NULL,
    "Discontinued" INTEGER NOT NULL,
    "Late" INTEGER NOT NULL,
    "LateAsOf" TEXT NULL,
    "LateUntil" TEXT NULL,
    CONSTRAINT "FK_PlanSummaries_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PlanMonthConclusions" (
    "PlanId" INTEGER NOT NULL,
    "Month" INTEGER NOT NULL,
    "Actions" INTEGER NOT NULL,
    CONSTRAINT "PK_PlanMonthConclusions" PRIMARY KEY ("PlanId", "Month"),
    CONSTRAINT "FK_PlanMonthConclusions_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE CASCADE
);

CREATE TRIGGER "TR_Plans_Summary" AFTER INSERT ON "Plans" BEGIN
    INSERT INTO "PlanSummaries" VALUES (NEW."Id", 0, 0, 0, 0, 0, 0, 0, date('now'), NULL);
END;

CREATE TRIGGER "TR_PlanAxes_Summary_Insert" AFTER INSERT ON "PlanAxes" WHEN NEW."ParentId" IS NULL BEGIN
    UPDATE "PlanSummaries" SET "Axes" = "Axes" + 1 WHERE "PlanId" = NEW."PlanId";
END;

CREATE TRIGGER "TR_PlanAxes_Summary_Delete" AFTER DELETE ON "PlanAxes" WHEN OLD."ParentId" IS NULL BEGIN
    UPDATE "PlanSummaries" SET "Axes" = "Axes" - 1 WHERE "PlanId" = OLD."PlanId";
END;

CREATE TRIGGER "TR_PlanAxes_Summary_Update" AFTER UPDATE OF "PlanId", "ParentId" ON "PlanAxes" BEGIN
    UPDATE "PlanSummaries" SET "Axes" = "Axes" - 1 WHERE OLD."ParentId" IS NULL AND "PlanId" = OLD."PlanId";
    UPDATE "PlanSummaries" SET "Axes" = "Axes" + 1 WHERE NEW."ParentId" IS NULL AND "PlanId" = NEW."PlanId";
END;

CREATE TRIGGER "TR_PlanActions_Summary_Insert" AFTER INSERT ON "PlanActions" BEGIN
    UPDATE "PlanSummaries" SET
        "Actions" = "Actions" + 1,
        "NotStarted" = "NotStarted" + (NEW."Status" = 1),
        "InProgress" = "InProgress" + (NEW."Status" = 2),
        "Concluded" = "Concluded" + (NEW."Status" = 3),
        "Discontinued" = "Discontinued" + (NEW."Status" = 4),
        "Late" = "Late" + (CASE WHEN (NEW."Status" = 1 AND NEW."PlannedStart" < "LateAsOf") OR (NEW."Status" = 2 AND NEW."Classification" = 2 AND NEW."PlannedEnd" < "LateAsOf") THEN 1 ELSE 0 END),
        "LateUntil" = CASE WHEN (CASE WHEN NEW."Status" = 1 AND NEW."PlannedStart" >= "LateAsOf" THEN NEW."PlannedStart" WHEN NEW."Status" = 2 AND NEW."Classification" = 2 AND NEW."PlannedEnd" >= "LateAsOf" THEN NEW."PlannedEnd" END) IS NULL THEN "LateUntil"
                           WHEN "LateUntil" IS NULL OR (CASE WHEN NEW."Status" = 1 AND NEW."PlannedStart" >= "LateAsOf" THEN NEW."PlannedStart" WHEN NEW."Status" = 2 AND NEW."Classification" = 2 AND NEW."PlannedEnd" >= "LateAsOf" THEN NEW."PlannedEnd" END) < "LateUntil" THEN (CASE WHEN NEW."Status" = 1 AND NEW."PlannedStart" >= "LateAsOf" THEN NEW."PlannedStart" WHEN NEW."Status" = 2 AND NEW."Classification" = 2 AND NEW."PlannedEnd" >= "LateAsOf" THEN NEW."PlannedEnd" END) ELSE "LateUntil" END
    WHERE "PlanId" = NEW."PlanId";
    INSERT INTO "PlanMonthConclusions" SELECT NEW."PlanId", CAST(strftime('%Y%m', NEW."ConcludedOn") AS INTEGER), 1
    WHERE NEW."Status" = 3 AND NEW."ConcludedOn" IS NOT NULL
    ON CONFLICT ("PlanId", "Month") DO UPDATE SET "Actions" = "Actions" + 1;
END;

CREATE TRIGGER "TR_PlanActions_Summary_Delete" AFTER DELETE ON "PlanActions" BEGIN
    UPDATE "PlanSummaries" SET
        "Actions" = "Actions" - 1,
        "NotStarted" = "NotStarted" - (OLD."Status" = 1),
        "InProgress" = "InProgress" - (OLD."Status" = 2),
        "Concluded" = "Concluded" - (OLD."Status" = 3),
        "Discontinued" = "Discontinued" - (OLD."Status" = 4),
        "Late" = "Late" - (CASE WHEN (OLD."Status" = 1 AND OLD."PlannedStart" < "LateAsOf") OR (OLD."Status" = 2 AND OLD."Classification" = 2 AND OLD."PlannedEnd" < "LateAsOf") THEN 1 ELSE 0 END)
    WHERE "PlanId" = OLD."PlanId";
    UPDATE "PlanMonthConclusions" SET "Actions" = "Actions" - 1
    WHERE OLD."Status" = 3 AND OLD."ConcludedOn" IS NOT NULL AND "PlanId" = OLD."PlanId" AND "Month" = CAST(strftime('%Y%m', OLD."ConcludedOn") AS INTEGER);
END;

CREATE TRIGGER "TR_PlanActions_Summary_Update"
AFTER UPDATE OF "PlanId", "Status", "Classification", "PlannedStart", "PlannedEnd", "ConcludedOn" ON "PlanActions" BEGIN
    UPDATE "PlanSummaries" SET
        "Actions" = "Actions" - 1,
        "NotStarted" = "NotStarted" - (OLD."Status" = 1),
        "InProgress" = "InProgress" - (OLD."Status" = 2),
        "Concluded" = "Concluded" - (OLD."Status" = 3),
        "Discontinued" = "Discontinued" - (OLD."Status" = 4),
        "Late" = "Late" - (CASE WHEN (OLD."Status" = 1 AND OLD."PlannedStart" < "LateAsOf") OR (OLD."Status" = 2 AND OLD."Classification" = 2 AND OLD."PlannedEnd" < "LateAsOf") THEN 1 ELSE 0 END)
    WHERE "PlanId" = OLD."PlanId";
    UPDATE "PlanSummaries" SET
        "Actions" = "Actions" + 1,
        "NotStarted" = "NotStarted" + (NEW."Status" = 1),
        "InProgress" = "InProgress" + (NEW."Status" = 2),
        "Concluded" = "Concluded" + (NEW."Status" = 3),
        "Discontinued" = "Discontinued" + (NEW."Status" = 4),
        "Late" = "Late" + (CASE WHEN (NEW."Status" = 1 AND NEW."PlannedStart" < "LateAsOf") OR (NEW."Status" = 2 AND NEW."Classification" = 2 AND NEW."PlannedEnd" < "LateAsOf") THEN 1 ELSE 0 END),
        "LateUntil" = CASE WHEN (CASE WHEN NEW."Status" = 1 AND NEW."PlannedStart" >= "LateAsOf" THEN NEW."PlannedStart" WHEN NEW."Status" = 2 AND NEW."Classification" = 2 AND NEW."PlannedEnd" >= "LateAsOf" THEN NEW."PlannedEnd" END) IS NULL THEN "LateUntil"
                           WHEN "LateUntil" IS NULL OR (CASE WHEN NEW."Status" = 1 AND NEW."PlannedStart" >= "LateAsOf" THEN NEW."PlannedStart" WHEN NEW."Status" = 2 AND NEW."Classification" = 2 AND NEW."PlannedEnd" >= "LateAsOf" THEN NEW."PlannedEnd" END) < "LateUntil" THEN (CASE WHEN NEW."Status" = 1 AND NEW."PlannedStart" >= "LateAsOf" THEN NEW."PlannedStart" WHEN NEW."Status" = 2 AND NEW."Classification" = 2 AND NEW."PlannedEnd" >= "LateAsOf" THEN NEW."PlannedEnd" END) ELSE "LateUntil" END
    WHERE "PlanId" = NEW."PlanId";
    UPDATE "PlanMonthConclusions" SET "Actions" = "Actions" - 1
    WHERE OLD."Status" = 3 AND OLD."ConcludedOn" IS NOT NULL AND "PlanId" = OLD."PlanId" AND "Month" = CAST(strftime('%Y%m', OLD."ConcludedOn") AS INTEGER);
    INSERT INTO "PlanMonthConclusions" SELECT NEW."PlanId", CAST(strftime('%Y%m', NEW."ConcludedOn") AS INTEGER), 1
    WHERE NEW."Status" = 3 AND NEW."ConcludedOn" IS NOT NULL
    ON CONFLICT ("PlanId", "Month") DO UPDATE SET "Actions" = "Actions" + 1;
END;

INSERT INTO "PlanSummaries"
SELECT p."Id",
       (SELECT COUNT(*) FROM "PlanAxes" x WHERE x."PlanId" = p."Id" AND x."ParentId" IS NULL),
       COUNT(a."Id"),
       COALESCE(SUM(a."Status" = 1), 0), COALESCE(SUM(a."Status" = 2), 0), COALESCE(SUM(a."Status" = 3), 0), COALESCE(SUM(a."Status" = 4), 0),
       COALESCE(SUM((CASE WHEN (a."Status" = 1 AND a."PlannedStart" < date('now')) OR (a."Status" = 2 AND a."Classification" = 2 AND a."PlannedEnd" < date('now')) THEN 1 ELSE 0 END)), 0),
       date('now'),
       MIN((CASE WHEN a."Status" = 1 AND a."PlannedStart" >= date('now') THEN a."PlannedStart" WHEN a."Status" = 2 AND a."Classification" = 2 AND a."PlannedEnd" >= date('now') THEN a."PlannedEnd" END))
FROM "Plans" p LEFT JOIN "PlanActions" a ON a."PlanId" = p."Id"
GROUP BY p."Id";

INSERT INTO "PlanMonthConclusions"
SELECT "PlanId", CAST(strftime('%Y%m', a."ConcludedOn") AS INTEGER), COUNT(*) FROM "PlanActions" a
WHERE a."Status" = 3 AND a."ConcludedOn" IS NOT NULL
GROUP BY a."PlanId", CAST(strftime('%Y%m', a."ConcludedOn") AS INTEGER);
