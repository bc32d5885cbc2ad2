-- Failed sign-ins (migration 3), by hashed account or address key, for throttling.
CREATE TABLE login_failures (key TEXT NOT NULL, at INTEGER NOT NULL);
CREATE INDEX login_failures_key_at ON login_failures (key, at);
