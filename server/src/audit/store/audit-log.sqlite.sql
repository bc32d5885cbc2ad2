-- The audit trail's tables (migration 4). Rows are append-only: triggers RAISE on UPDATE and on DELETE, except
-- a DELETE of rows older than the cut-off that the retention purge writes into audit_purge_gate
-- inside its own transaction (see sqlite-audit-purge.ts). Ids come from audit_sequence so a
-- request can learn its row id before the row is written (the coverage answer quotes it).
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
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
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_user_at ON audit_log (username, at);
CREATE INDEX audit_log_stock_at ON audit_log (stock_id, at);
CREATE INDEX audit_log_action_at ON audit_log (action, at);

CREATE TABLE audit_sequence (id INTEGER PRIMARY KEY CHECK (id = 1), last INTEGER NOT NULL);
INSERT INTO audit_sequence (id, last) VALUES (1, 0);

CREATE TABLE audit_purge_gate (purge_before INTEGER NOT NULL);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be changed');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
WHEN NOT EXISTS (SELECT 1 FROM audit_purge_gate WHERE OLD.at < purge_before)
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: only the retention purge deletes rows');
END;
