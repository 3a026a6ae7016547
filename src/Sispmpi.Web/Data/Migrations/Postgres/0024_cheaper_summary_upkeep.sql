-- 0024 cheaper summary upkeep (issue 17). An execution record changes one action of one plan, and the single trigger
-- of 0015 ran the general case (two plans, every OLD/NEW column copied and compared) on every update. Updates are now
-- split by plain WHEN clauses (no function calls there: a WHEN expression is prepared again for each statement):
--   * the action stays in its plan: one UPDATE of the plan's summary only when its status, classification or a
--     planned date changed, and the month conclusions touched only when the month the action counts in (its
--     conclusion month while concluded) changed;
--   * the action moves to another plan: the general function of 0015, as before.
-- Inserts and deletes keep the function of 0015. The figures are the same: the statements skipped were no-ops.

DROP TRIGGER "TR_PlanActions_Summary" ON "PlanActions";

CREATE TRIGGER "TR_PlanActions_Summary" AFTER INSERT OR DELETE ON "PlanActions"
FOR EACH ROW EXECUTE FUNCTION sispmpi_plan_actions_summary();

CREATE TRIGGER "TR_PlanActions_Summary_Move" AFTER UPDATE OF "PlanId" ON "PlanActions"
FOR EACH ROW WHEN (OLD."PlanId" <> NEW."PlanId") EXECUTE FUNCTION sispmpi_plan_actions_summary();

-- The month an action counts in among the plan's conclusions (null: it counts in none).
CREATE FUNCTION sispmpi_conclusion_month(status integer, concluded_on date) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT CASE WHEN status = 3 THEN sispmpi_month(concluded_on) END $$;

CREATE FUNCTION sispmpi_plan_actions_summary_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    o_month integer := sispmpi_conclusion_month(OLD."Status", OLD."ConcludedOn");
    n_month integer := sispmpi_conclusion_month(NEW."Status", NEW."ConcludedOn");
BEGIN
    IF OLD."Status" <> NEW."Status" OR OLD."Classification" <> NEW."Classification"
       OR OLD."PlannedStart" IS DISTINCT FROM NEW."PlannedStart" OR OLD."PlannedEnd" IS DISTINCT FROM NEW."PlannedEnd" THEN
        UPDATE "PlanSummaries" s SET
            "NotStarted" = s."NotStarted" + (NEW."Status" = 1)::integer - (OLD."Status" = 1)::integer,
            "InProgress" = s."InProgress" + (NEW."Status" = 2)::integer - (OLD."Status" = 2)::integer,
            "Concluded" = s."Concluded" + (NEW."Status" = 3)::integer - (OLD."Status" = 3)::integer,
            "Discontinued" = s."Discontinued" + (NEW."Status" = 4)::integer - (OLD."Status" = 4)::integer,
            "Late" = s."Late" + sispmpi_action_late(NEW."Status", NEW."Classification", NEW."PlannedStart", NEW."PlannedEnd", s."LateAsOf")
                - sispmpi_action_late(OLD."Status", OLD."Classification", OLD."PlannedStart", OLD."PlannedEnd", s."LateAsOf"),
            "LateUntil" = LEAST(s."LateUntil", sispmpi_action_late_until(NEW."Status", NEW."Classification", NEW."PlannedStart", NEW."PlannedEnd", s."LateAsOf"))
        WHERE s."PlanId" = NEW."PlanId";
    END IF;
    IF o_month IS DISTINCT FROM n_month THEN
        IF o_month IS NOT NULL THEN
            UPDATE "PlanMonthConclusions" SET "Actions" = "Actions" - 1 WHERE "PlanId" = NEW."PlanId" AND "Month" = o_month;
        END IF;
        IF n_month IS NOT NULL THEN
            INSERT INTO "PlanMonthConclusions" AS m VALUES (NEW."PlanId", n_month, 1)
            ON CONFLICT ("PlanId", "Month") DO UPDATE SET "Actions" = m."Actions" + 1;
        END IF;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER "TR_PlanActions_Summary_Update"
AFTER UPDATE OF "Status", "Classification", "PlannedStart", "PlannedEnd", "ConcludedOn" ON "PlanActions"
FOR EACH ROW WHEN (OLD."PlanId" = NEW."PlanId")
EXECUTE FUNCTION sispmpi_plan_actions_summary_update();
