-- 0024 cheaper summary upkeep (issue 17), the same split as on PostgreSQL: an update that keeps the action in its plan
-- changes the plan's summary in one statement, only when its status, classification or a planned date changed, and
-- the month conclusions only when the month the action counts in (its conclusion month while concluded) changed; an
-- update that moves the action to another plan runs the statements of 0015. The figures are the same.

DROP TRIGGER "TR_PlanActions_Summary_Update";

CREATE TRIGGER "TR_PlanActions_Summary_Move"
AFTER UPDATE OF "PlanId" ON "PlanActions" WHEN OLD."PlanId" <> NEW."PlanId" BEGIN
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

CREATE TRIGGER "TR_PlanActions_Summary_Update"
AFTER UPDATE OF "Status", "Classification", "PlannedStart", "PlannedEnd", "ConcludedOn" ON "PlanActions"
WHEN OLD."PlanId" = NEW."PlanId" BEGIN
    UPDATE "PlanSummaries" SET
        "NotStarted" = "NotStarted" + (NEW."Status" = 1) - (OLD."Status" = 1),
        "InProgress" = "InProgress" + (NEW."Status" = 2) - (OLD."Status" = 2),
        "Concluded" = "Concluded" + (NEW."Status" = 3) - (OLD."Status" = 3),
        "Discontinued" = "Discontinued" + (NEW."Status" = 4) - (OLD."Status" = 4),
        "Late" = "Late" + (CASE WHEN (NEW."Status" = 1 AND NEW."PlannedStart" < "LateAsOf") OR (NEW."Status" = 2 AND NEW."Classification" = 2 AND NEW."PlannedEnd" < "LateAsOf") THEN 1 ELSE 0 END) - (CASE WHEN (OLD."Status" = 1 AND OLD."PlannedStart" < "LateAsOf") OR (OLD."Status" = 2 AND OLD."Classification" = 2 AND OLD."PlannedEnd" < "LateAsOf") THEN 1 ELSE 0 END),
        "LateUntil" = CASE WHEN (CASE WHEN NEW."Status" = 1 AND NEW."PlannedStart" >= "LateAsOf" THEN NEW."PlannedStart" WHEN NEW."Status" = 2 AND NEW."Classification" = 2 AND NEW."PlannedEnd" >= "LateAsOf" THEN NEW."PlannedEnd" END) IS NULL THEN "LateUntil"
                           WHEN "LateUntil" IS NULL OR (CASE WHEN NEW."Status" = 1 AND NEW."PlannedStart" >= "LateAsOf" THEN NEW."PlannedStart" WHEN NEW."Status" = 2 AND NEW."Classification" = 2 AND NEW."PlannedEnd" >= "LateAsOf" THEN NEW."PlannedEnd" END) < "LateUntil" THEN (CASE WHEN NEW."Status" = 1 AND NEW."PlannedStart" >= "LateAsOf" THEN NEW."PlannedStart" WHEN NEW."Status" = 2 AND NEW."Classification" = 2 AND NEW."PlannedEnd" >= "LateAsOf" THEN NEW."PlannedEnd" END) ELSE "LateUntil" END
    WHERE "PlanId" = NEW."PlanId" AND (OLD."Status" <> NEW."Status" OR OLD."Classification" <> NEW."Classification"
        OR OLD."PlannedStart" IS NOT NEW."PlannedStart" OR OLD."PlannedEnd" IS NOT NEW."PlannedEnd");
    UPDATE "PlanMonthConclusions" SET "Actions" = "Actions" - 1
    WHERE "PlanId" = OLD."PlanId" AND "Month" = (CASE WHEN OLD."Status" = 3 THEN CAST(strftime('%Y%m', OLD."ConcludedOn") AS INTEGER) END) AND (CASE WHEN OLD."Status" = 3 THEN CAST(strftime('%Y%m', OLD."ConcludedOn") AS INTEGER) END) IS NOT (CASE WHEN NEW."Status" = 3 THEN CAST(strftime('%Y%m', NEW."ConcludedOn") AS INTEGER) END);
    INSERT INTO "PlanMonthConclusions" SELECT NEW."PlanId", (CASE WHEN NEW."Status" = 3 THEN CAST(strftime('%Y%m', NEW."ConcludedOn") AS INTEGER) END), 1
    WHERE (CASE WHEN NEW."Status" = 3 THEN CAST(strftime('%Y%m', NEW."ConcludedOn") AS INTEGER) END) IS NOT NULL AND (CASE WHEN OLD."Status" = 3 THEN CAST(strftime('%Y%m', OLD."ConcludedOn") AS INTEGER) END) IS NOT (CASE WHEN NEW."Status" = 3 THEN CAST(strftime('%Y%m', NEW."ConcludedOn") AS INTEGER) END)
    ON CONFLICT ("PlanId", "Month") DO UPDATE SET "Actions" = "Actions" + 1;
END;
