package se.vardbrygga.adapter.it;

import se.vardbrygga.adapter.config.AdapterConfig;

/** The outage routine on a real PostgreSQL server. */
class OutageRoutinePostgresIT extends OutageRoutineContract {
    @Override
    AdapterConfig.Database database() {
        return TestDatabases.postgres();
    }
}
