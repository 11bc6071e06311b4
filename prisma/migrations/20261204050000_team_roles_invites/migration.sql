-- Team features (docs/team.md): console roles, invites, a secondary auth token.

-- Every user so far created an account (createAccount, the first-account seed): they become owners.
-- The default stays 'owner' for those paths; an invite sets the invited role explicitly.
CREATE TYPE "UserRole" AS ENUM ('owner', 'admin', 'developer', 'read_only');
ALTER TABLE "users" ADD COLUMN "role" "UserRole" NOT NULL DEFAULT 'owner';

-- Auth token rotation: a second token, sealed like the first (docs/security.md "Secrets at rest").
-- The accounts_cache_credentials trigger already notifies on every UPDATE of accounts, so creating,
-- promoting or deleting it clears the credential cache on every process at commit.
ALTER TABLE "accounts" ADD COLUMN "secondary_auth_token" TEXT;
ALTER TABLE "accounts" ADD COLUMN "secondary_auth_token_created_at" TIMESTAMP(3);

-- A single-use sign-up link with a role. Only the SHA-256 of the link's token is stored.
CREATE TABLE "user_invites" (
  "id" TEXT NOT NULL,
  "account_sid" TEXT NOT NULL,
  "role" "UserRole" NOT NULL,
  "token_hash" TEXT NOT NULL,
  "created_by" TEXT,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "expires_at" TIMESTAMP(3) NOT NULL,
  "accepted_at" TIMESTAMP(3),
  "accepted_user_id" TEXT,
  "revoked_at" TIMESTAMP(3),
  CONSTRAINT "user_invites_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "user_invites_account_sid_fkey" FOREIGN KEY ("account_sid") REFERENCES "accounts"("sid") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "user_invites_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
-- The invite page looks an invite up by its token's hash.
CREATE UNIQUE INDEX "user_invites_token_hash_key" ON "user_invites"("token_hash");
-- Settings → Team lists an account's invites.
CREATE INDEX "user_invites_account_sid_created_at_idx" ON "user_invites"("account_sid", "created_at");
