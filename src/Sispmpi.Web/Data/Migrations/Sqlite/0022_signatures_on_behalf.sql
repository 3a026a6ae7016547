-- 0022 signatures on behalf: whom a signature was made for, so that one central administrator signs an agreement
-- for each participant in turn (one signature per account as itself, one per account for each person) (Sqlite).

ALTER TABLE "DocumentSignatures" ADD COLUMN "OnBehalfOf" TEXT NULL;

DROP INDEX "IX_DocumentSignatures_SignedDocumentId_UserId";

CREATE UNIQUE INDEX "IX_DocumentSignatures_SignedDocumentId_UserId" ON "DocumentSignatures" ("SignedDocumentId", "UserId") WHERE "OnBehalfOf" IS NULL;

CREATE UNIQUE INDEX "IX_DocumentSignatures_SignedDocumentId_UserId_OnBehalfOf" ON "DocumentSignatures" ("SignedDocumentId", "UserId", "OnBehalfOf");

-- Agreement signatures made on a participant's behalf before this migration say so on their document signature too.
UPDATE "DocumentSignatures" SET "OnBehalfOf" = (
    SELECT p."SignatoryName" || ' (' || p."ShortName" || ')'
    FROM "AgreementSignatures" a
    JOIN "AgreementParticipants" p ON p."Id" = a."ParticipantId"
    JOIN "SignedDocuments" d ON d."Kind" = 4 AND d."SubjectId" = a."AgreementId"
    WHERE a."OnBehalf" = 1 AND a."SignedById" = "DocumentSignatures"."UserId" AND d."Id" = "DocumentSignatures"."SignedDocumentId")
WHERE "SignedDocumentId" IN (SELECT "Id" FROM "SignedDocuments" WHERE "Kind" = 4);
