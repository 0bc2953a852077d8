package se.vardbrygga.adapter.it;

import se.vardbrygga.adapter.config.AdapterConfig;

/** The unit access contract on the embedded H2 file database. */
class UnitAccessH2IT extends UnitAccessContract {
    @Override
    AdapterConfig.Database database() {
        return TestDatabases.h2();
    }
}
