-- 0012 topology: rate-limit counters shared by every instance on the database (PostgreSQL).

CREATE TABLE "RateLimitCounters" (
    "Key" character varying(200) NOT NULL,
    "Window" bigint NOT NULL,
    "Count" integer NOT NULL,
    CONSTRAINT "PK_RateLimitCounters" PRIMARY KEY ("Key", "Window")
);

CREATE INDEX "IX_RateLimitCounters_Window" ON "RateLimitCounters" ("Window");
