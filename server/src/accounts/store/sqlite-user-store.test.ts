import { describeUserStore } from '../../../test/conformance/user-store.suite';
import { openMemoryDatabase } from '../../runtime/console-database';
import { createSqliteUserStore } from './sqlite-user-store';

describeUserStore('SQLite', async (clock) => {
  const db = openMemoryDatabase();
  return {
    users: createSqliteUserStore(db, clock),
    close: async () => {
      db.close();
    },
  };
});
