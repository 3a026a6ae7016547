-- 0015 panel summary: what the network panel reads of each plan, kept current by triggers in the transaction of the
-- change that alters it, so that the panel reads one row per plan instead of every action of the network.
-- "Late" counts the plan's late actions as of "LateAsOf" and stays right until "LateUntil" (the first planned date still
-- ahead of an open action), after which the panel counts them again for that plan (NetworkPanel).

CREATE TABLE "PlanSummaries" (
    "PlanId" integer NOT NULL,
    "Axes" integer NOT NULL,
    "Actions" integer NOT NULL,
    "NotStarted" integer NOT NULL,
    "InProgress" integer NOT NULL,
    "Concluded" integer NOT NULL,
    "Discontinued" integer NOT NULL,
    "Late" integer NOT NULL,
    "LateAsOf" date,
    "LateUntil" date,
    CONSTRAINT "PK_PlanSummaries" PRIMARY KEY ("PlanId"),
    CONSTRAINT "FK_PlanSummaries_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PlanMonthConclusions" (
    "PlanId" integer NOT NULL,
    "Month" integer NOT NULL,
    "Actions" integer NOT NULL,
    CONSTRAINT "PK_PlanMonthConclusions" PRIMARY KEY ("PlanId", "Month"),
    CONSTRAINT "FK_PlanMonthConclusions_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE CASCADE
);

-- An action is late on day d when not started after its planned start, or a one-off still in progress after its planned end.
CREATE FUNCTION sispmpi_action_late(status integer, classification integer, planned_start date, planned_end date, d date) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT CASE WHEN (status = 1 AND planned_start < d) OR (status = 2 AND classification = 2 AND planned_end < d) THEN 1 ELSE 0 END $$;

-- The last day on which an action not late on day d is still not late (null: it cannot become late by the calendar alone).
CREATE FUNCTION sispmpi_action_late_until(status integer, classification integer, planned_start date, planned_end date, d date) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT CASE WHEN status = 1 AND planned_start >= d THEN planned_start
                  WHEN status = 2 AND classification = 2 AND planned_end >= d THEN planned_end END $$;

CREATE FUNCTION sispmpi_month(d date) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT (EXTRACT(YEAR FROM d) * 100 + EXTRACT(MONTH FROM d))::integer $$;

CREATE FUNCTION sispmpi_plans_summary() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "PlanSummaries" VALUES (NEW."Id", 0, 0, 0, 0, 0, 0, 0, CURRENT_DATE, NULL);
    RETURN NULL;
END $$;

CREATE TRIGGER "TR_Plans_Summary" AFTER INSERT ON "Plans" FOR EACH ROW EXECUTE FUNCTION sispmpi_plans_summary();

CREATE FUNCTION sispmpi_plan_axes_summary() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' AND OLD."ParentId" IS NULL THEN
        UPDATE "PlanSummaries" SET "Axes" = "Axes" - 1 WHERE "PlanId" = OLD."PlanId";
    END IF;
    IF TG_OP <> 'DELETE' AND NEW."ParentId" IS NULL THEN
        UPDATE "PlanSummaries" SET "Axes" = "Axes" + 1 WHERE "PlanId" = NEW."PlanId";
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER "TR_PlanAxes_Summary" AFTER INSERT OR DELETE OR UPDATE OF "PlanId", "ParentId" ON "PlanAxes"
FOR EACH ROW EXECUTE FUNCTION sispmpi_plan_axes_summary();

-- One UPDATE of the summary per changed action (two when it moves to another plan): the cost of an execution record.
CREATE FUNCTION sispmpi_plan_actions_summary() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    o_plan integer; o_status integer := 0; o_class integer; o_start date; o_end date; o_done date;
    n_plan integer; n_status integer := 0; n_class integer; n_start date; n_end date; n_done date;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        o_plan := OLD."PlanId"; o_status := OLD."Status"; o_class := OLD."Classification";
        o_start := OLD."PlannedStart"; o_end := OLD."PlannedEnd"; o_done := OLD."ConcludedOn";
    END IF;
    IF TG_OP <> 'DELETE' THEN
        n_plan := NEW."PlanId"; n_status := NEW."Status"; n_class := NEW."Classification";
        n_start := NEW."PlannedStart"; n_end := NEW."PlannedEnd"; n_done := NEW."ConcludedOn";
    END IF;
    IF o_plan IS NOT DISTINCT FROM n_plan AND o_status = n_status AND o_class = n_class AND o_start IS NOT DISTINCT FROM n_start
       AND o_end IS NOT DISTINCT FROM n_end AND o_done IS NOT DISTINCT FROM n_done THEN
        RETURN NULL;
    END IF;
    IF o_plan IS NOT NULL AND o_plan IS DISTINCT FROM n_plan THEN
        UPDATE "PlanSummaries" s SET
            "Actions" = s."Actions" - 1,
            "NotStarted" = s."NotStarted" - (o_status = 1)::integer,
            "InProgress" = s."InProgress" - (o_status = 2)::integer,
            "Concluded" = s."Concluded" - (o_status = 3)::integer,
            "Discontinued" = s."Discontinued" - (o_status = 4)::integer,
            "Late" = s."Late" - sispmpi_action_late(o_status, o_class, o_start, o_end, s."LateAsOf")
        WHERE s."PlanId" = o_plan;
        o_status := 0;
    END IF;
    IF n_plan IS NOT NULL THEN
        UPDATE "PlanSummaries" s SET
            "Actions" = s."Actions" + (o_status = 0)::integer,
            "NotStarted" = s."NotStarted" + (n_status = 1)::integer - (o_status = 1)::integer,
            "InProgress" = s."InProgress" + (n_status = 2)::integer - (o_status = 2)::integer,
            "Concluded" = s."Concluded" + (n_status = 3)::integer - (o_status = 3)::integer,
            "Discontinued" = s."Discontinued" + (n_status = 4)::integer - (o_status = 4)::integer,
            "Late" = s."Late" + sispmpi_action_late(n_status, n_class, n_start, n_end, s."LateAsOf")
                - CASE WHEN o_status = 0 THEN 0 ELSE sispmpi_action_late(o_status, o_class, o_start, o_end, s."LateAsOf") END,
            "LateUntil" = LEAST(s."LateUntil", sispmpi_action_late_until(n_status, n_class, n_start, n_end, s."LateAsOf"))
        WHERE s."PlanId" = n_plan;
    END IF;
    IF TG_OP <> 'INSERT' AND OLD."Status" = 3 AND o_done IS NOT NULL
       AND NOT COALESCE(n_status = 3 AND n_plan = o_plan AND sispmpi_month(n_done) = sispmpi_month(o_done), FALSE) THEN
        UPDATE "PlanMonthConclusions" SET "Actions" = "Actions" - 1 WHERE "PlanId" = o_plan AND "Month" = sispmpi_month(o_done);
    END IF;
    IF n_status = 3 AND n_done IS NOT NULL
       AND NOT COALESCE(TG_OP = 'UPDATE' AND OLD."Status" = 3 AND n_plan = o_plan AND sispmpi_month(n_done) = sispmpi_month(o_done), FALSE) THEN
        INSERT INTO "PlanMonthConclusions" AS m VALUES (n_plan, sispmpi_month(n_done), 1)
        ON CONFLICT ("PlanId", "Month") DO UPDATE SET "Actions" = m."Actions" + 1;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER "TR_PlanActions_Summary" AFTER INSERT OR DELETE
    OR UPDATE OF "PlanId", "Status", "Classification", "PlannedStart", "PlannedEnd", "ConcludedOn" ON "PlanActions"
FOR EACH ROW EXECUTE FUNCTION sispmpi_plan_actions_summary();

-- Fills the summaries of the plans from first_plan_id on as of day d (the backfill below, and the bench generator,
-- which writes with its triggers disabled).
CREATE FUNCTION sispmpi_fill_plan_summaries(first_plan_id integer, d date) RETURNS void LANGUAGE sql AS $$
    INSERT INTO "PlanSummaries"
    SELECT p."Id",
           COALESCE((SELECT COUNT(*) FROM "PlanAxes" x WHERE x."PlanId" = p."Id" AND x."ParentId" IS NULL), 0),
           COALESCE(a.actions, 0), COALESCE(a.not_started, 0), COALESCE(a.in_progress, 0), COALESCE(a.concluded, 0),
           COALESCE(a.discontinued, 0), COALESCE(a.late, 0), d, a.late_until
    FROM "Plans" p
    LEFT JOIN (
        SELECT "PlanId", COUNT(*) AS actions,
               COUNT(*) FILTER (WHERE "Status" = 1) AS not_started, COUNT(*) FILTER (WHERE "Status" = 2) AS in_progress,
               COUNT(*) FILTER (WHERE "Status" = 3) AS concluded, COUNT(*) FILTER (WHERE "Status" = 4) AS discontinued,
               SUM(sispmpi_action_late("Status", "Classification", "PlannedStart", "PlannedEnd", d)) AS late,
               MIN(sispmpi_action_late_until("Status", "Classification", "PlannedStart", "PlannedEnd", d)) AS late_until
        FROM "PlanActions" WHERE "PlanId" >= first_plan_id GROUP BY "PlanId") a ON a."PlanId" = p."Id"
    WHERE p."Id" >= first_plan_id
    ON CONFLICT ("PlanId") DO NOTHING;
    INSERT INTO "PlanMonthConclusions"
    SELECT "PlanId", sispmpi_month("ConcludedOn"), COUNT(*) FROM "PlanActions"
    WHERE "PlanId" >= first_plan_id AND "Status" = 3 AND "ConcludedOn" IS NOT NULL
    GROUP BY "PlanId", sispmpi_month("ConcludedOn")
    ON CONFLICT ("PlanId", "Month") DO NOTHING;
$$;

SELECT sispmpi_fill_plan_summaries(0, CURRENT_DATE);
