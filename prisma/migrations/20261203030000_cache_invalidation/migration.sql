-- Cross-process cache invalidation (docs/operations.md "Scale-out"): every change to a row that a
-- process caches sends NOTIFY switchyard_cache '{"kind": ..., "key": ...}' from a trigger, so it is
-- part of the writing transaction whoever writes (a service, another engineer's code, psql): the
-- notification is delivered at commit, and never for a rolled-back change.
-- TG_ARGV[0] is the cache kind, TG_ARGV[1] the column whose value is the key.
CREATE FUNCTION switchyard_notify_cache() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_key text;
  new_key text;
BEGIN
  IF TG_OP <> 'INSERT' THEN old_key := to_jsonb(OLD) ->> TG_ARGV[1]; END IF;
  IF TG_OP <> 'DELETE' THEN new_key := to_jsonb(NEW) ->> TG_ARGV[1]; END IF;
  -- An UPDATE that changed nothing (or only other rows' keys) still invalidates: cheap, and rare.
  IF old_key IS NOT NULL THEN
    PERFORM pg_notify('switchyard_cache', json_build_object('kind', TG_ARGV[0], 'key', old_key)::text);
  END IF;
  IF new_key IS NOT NULL AND new_key IS DISTINCT FROM old_key THEN
    PERFORM pg_notify('switchyard_cache', json_build_object('kind', TG_ARGV[0], 'key', new_key)::text);
  END IF;
  RETURN NULL;
END $$;

-- Sender pools (pool-cache.ts): a service's pool by service SID, one sender by its SID.
CREATE TRIGGER phone_numbers_cache_pool AFTER INSERT OR UPDATE OR DELETE ON "phone_numbers" FOR EACH ROW EXECUTE FUNCTION switchyard_notify_cache('pool', 'service_sid');
CREATE TRIGGER phone_numbers_cache_sender AFTER INSERT OR UPDATE OR DELETE ON "phone_numbers" FOR EACH ROW EXECUTE FUNCTION switchyard_notify_cache('sender', 'sid');
CREATE TRIGGER short_codes_cache_pool AFTER INSERT OR UPDATE OR DELETE ON "short_codes" FOR EACH ROW EXECUTE FUNCTION switchyard_notify_cache('pool', 'service_sid');
CREATE TRIGGER short_codes_cache_sender AFTER INSERT OR UPDATE OR DELETE ON "short_codes" FOR EACH ROW EXECUTE FUNCTION switchyard_notify_cache('sender', 'sid');
CREATE TRIGGER alpha_senders_cache_pool AFTER INSERT OR UPDATE OR DELETE ON "alpha_senders" FOR EACH ROW EXECUTE FUNCTION switchyard_notify_cache('pool', 'service_sid');
CREATE TRIGGER alpha_senders_cache_sender AFTER INSERT OR UPDATE OR DELETE ON "alpha_senders" FOR EACH ROW EXECUTE FUNCTION switchyard_notify_cache('sender', 'sid');
CREATE TRIGGER channel_senders_cache_pool AFTER INSERT OR UPDATE OR DELETE ON "channel_senders" FOR EACH ROW EXECUTE FUNCTION switchyard_notify_cache('pool', 'service_sid');
CREATE TRIGGER channel_senders_cache_sender AFTER INSERT OR UPDATE OR DELETE ON "channel_senders" FOR EACH ROW EXECUTE FUNCTION switchyard_notify_cache('sender', 'sid');

-- API credentials (authenticate-cached.ts): an account's auth token, its API keys.
CREATE TRIGGER accounts_cache_credentials AFTER UPDATE OR DELETE ON "accounts" FOR EACH ROW EXECUTE FUNCTION switchyard_notify_cache('credentials', 'sid');
CREATE TRIGGER api_keys_cache_credentials AFTER INSERT OR UPDATE OR DELETE ON "api_keys" FOR EACH ROW EXECUTE FUNCTION switchyard_notify_cache('credentials', 'account_sid');

-- Carrier simulator rules (sim-rules.ts), per account.
CREATE TRIGGER sim_rules_cache AFTER INSERT OR UPDATE OR DELETE ON "sim_rules" FOR EACH ROW EXECUTE FUNCTION switchyard_notify_cache('sim_rules', 'account_sid');
