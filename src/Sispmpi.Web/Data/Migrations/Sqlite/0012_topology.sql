-- 0012 topology: rate-limit counters shared by every instance on the database (Sqlite).

CREATE TABLE "RateLimitCounters" (
    "Key" TEXT NOT NULL,
    "Window" INTEGER NOT NULL,
    "Count" INTEGER NOT NULL,
    CONSTRAINT "PK_RateLimitCounters" PRIMARY KEY ("Key", "Window")
);

CREATE INDEX "IX_RateLimitCounters_Window" ON "RateLimitCounters" ("Window");
