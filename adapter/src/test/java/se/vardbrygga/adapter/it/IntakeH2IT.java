package se.vardbrygga.adapter.it;

import se.vardbrygga.adapter.config.AdapterConfig;

/** The intake contract on the embedded H2 file database. */
class IntakeH2IT extends IntakeContract {
    @Override
    AdapterConfig.Database database() {
        return TestDatabases.h2();
    }
}
