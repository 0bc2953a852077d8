package se.vardbrygga.adapter.it;

import se.vardbrygga.adapter.config.AdapterConfig;

/** The unit access contract on a real PostgreSQL server. */
class UnitAccessPostgresIT extends UnitAccessContract {
    @Override
    AdapterConfig.Database database() {
        return TestDatabases.postgres();
    }
}
