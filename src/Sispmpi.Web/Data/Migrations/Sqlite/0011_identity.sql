-- 0011 identity: the CPF that links an account to gov.br, and the last gov.br sign-in with its reliability level (Sqlite).

ALTER TABLE "AspNetUsers" ADD "Cpf" TEXT NULL;
ALTER TABLE "AspNetUsers" ADD "LastGovBrSignInAt" TEXT NULL;
ALTER TABLE "AspNetUsers" ADD "LastGovBrLevel" INTEGER NULL;

CREATE UNIQUE INDEX "IX_AspNetUsers_Cpf" ON "AspNetUsers" ("Cpf");
