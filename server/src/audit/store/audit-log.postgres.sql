-- The audit trail in PostgreSQL (migration 2).
-- Append-only as in audit-log.sqlite.sql: UPDATE and TRUNCATE are refused outright, DELETE unless
-- the retention purge opened audit_purge_gate for rows that old in its own transaction,
-- which no other transaction can see. Ids come from a sequence so a request can quote its
-- row id before the row is written.
CREATE TABLE audit_log (
  id BIGINT PRIMARY KEY,
  at BIGINT NOT NULL,
  username TEXT,
  role TEXT,
  action TEXT NOT NULL,
  route TEXT,
  stock_id TEXT,
  stock_creator_mchid TEXT,
  code_count INTEGER,
  outcome TEXT NOT NULL,
  request_ids TEXT NOT NULL DEFAULT '[]',
  client_ip TEXT,
  detail TEXT
);
CREATE INDEX audit_log_at ON audit_log (at, id);
CREATE INDEX audit_log_user_at ON audit_log (username, at);
CREATE INDEX audit_log_stock_at ON audit_log (stock_id, at);
CREATE INDEX audit_log_action_at ON audit_log (action, at);

CREATE SEQUENCE audit_log_ids AS BIGINT;

CREATE TABLE audit_purge_gate (purge_before BIGINT NOT NULL);

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: rows cannot be changed';
END $$;

CREATE FUNCTION audit_log_guard_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM audit_purge_gate WHERE OLD.at < purge_before) THEN
    RAISE EXCEPTION 'audit_log is append-only: only the retention purge deletes rows';
  END IF;
  RETURN OLD;
END $$;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_guard_delete();
