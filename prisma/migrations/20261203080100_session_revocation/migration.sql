-- Sign-out and password change revoke the user's JWTs (docs/security.md "Sessions"):
-- a session signed in before this instant is refused.
ALTER TABLE "users" ADD COLUMN "sessions_valid_after" TIMESTAMP(3);
