// The audit trail's part of the server's contract: imported by the admin pages (a lazy chunk)
// only, so the first download does not carry it.
export * from 'server/contract/audit';
