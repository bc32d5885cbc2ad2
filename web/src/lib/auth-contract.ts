// The accounts part of the server's contract (sign-in, roles, capabilities).
export * from 'server/contract/auth';
