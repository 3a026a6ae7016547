-- 0011 identity: the CPF that links an account to gov.br, and the last gov.br sign-in with its reliability level (Postgres).

ALTER TABLE "AspNetUsers" ADD "Cpf" character varying(11);
ALTER TABLE "AspNetUsers" ADD "LastGovBrSignInAt" timestamp with time zone;
ALTER TABLE "AspNetUsers" ADD "LastGovBrLevel" integer;

CREATE UNIQUE INDEX "IX_AspNetUsers_Cpf" ON "AspNetUsers" ("Cpf");
