package se.vardbrygga.adapter.it;

import se.vardbrygga.adapter.config.AdapterConfig;

/** The R-PA-1 reminder contract on the embedded H2 file database. */
class AssistanceRemindersH2IT extends AssistanceRemindersContract {
    @Override
    AdapterConfig.Database database() {
        return TestDatabases.h2();
    }
}
