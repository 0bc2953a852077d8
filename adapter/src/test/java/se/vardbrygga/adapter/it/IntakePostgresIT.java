package se.vardbrygga.adapter.it;

import se.vardbrygga.adapter.config.AdapterConfig;

/** The intake contract on a real PostgreSQL server. */
class IntakePostgresIT extends IntakeContract {
    @Override
    AdapterConfig.Database database() {
        return TestDatabases.postgres();
    }
}
