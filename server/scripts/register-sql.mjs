// `node --import tsx --import ./scripts/register-sql.mjs …`: source runs of the server (tsx) can
// import the .sql files that hold the schema.
import { register } from 'node:module';

register('./sql-text.mjs', import.meta.url);
