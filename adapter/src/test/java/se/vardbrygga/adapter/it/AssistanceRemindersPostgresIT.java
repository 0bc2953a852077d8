package se.vardbrygga.adapter.it;

import se.vardbrygga.adapter.config.AdapterConfig;

/** The R-PA-1 reminder contract on a real PostgreSQL server. */
class AssistanceRemindersPostgresIT extends AssistanceRemindersContract {
    @Override
    AdapterConfig.Database database() {
        return TestDatabases.postgres();
    }
}
