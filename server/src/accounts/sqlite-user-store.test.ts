import { openMemoryDatabase } from './database';
import { createSqliteUserStore } from './sqlite-user-store';
import { describeUserStore } from './user-store.contract';

describeUserStore('SQLite', async (clock) => {
  const db = openMemoryDatabase();
  return {
    users: createSqliteUserStore(db, clock),
    close: async () => {
      db.close();
    },
  };
});
