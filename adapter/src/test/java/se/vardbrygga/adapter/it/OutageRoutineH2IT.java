package se.vardbrygga.adapter.it;

import se.vardbrygga.adapter.config.AdapterConfig;

/** The outage routine on the embedded H2 file database. */
class OutageRoutineH2IT extends OutageRoutineContract {
    @Override
    AdapterConfig.Database database() {
        return TestDatabases.h2();
    }
}
