-- 0009 api tokens: personal access tokens of the REST API, stored as the SHA-256 of their secret (Sqlite).

CREATE TABLE "ApiTokens" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ApiTokens" PRIMARY KEY AUTOINCREMENT,
    "UserId" INTEGER NOT NULL,
    "OrganizationId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Prefix" TEXT NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "CanWrite" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ExpiresOn" TEXT NULL,
    "LastUsedAt" TEXT NULL,
    "RevokedAt" TEXT NULL,
    CONSTRAINT "FK_ApiTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ApiTokens_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ApiTokens_OrganizationId" ON "ApiTokens" ("OrganizationId");

CREATE UNIQUE INDEX "IX_ApiTokens_TokenHash" ON "ApiTokens" ("TokenHash");

CREATE INDEX "IX_ApiTokens_UserId" ON "ApiTokens" ("UserId");
