-- 0010 admin: a covering index for the network panel's count of actions per plan (Sqlite).

CREATE INDEX "IX_PlanActions_Panel" ON "PlanActions" ("PlanId", "Status", "Classification", "PlannedStart", "PlannedEnd", "ConcludedOn");
