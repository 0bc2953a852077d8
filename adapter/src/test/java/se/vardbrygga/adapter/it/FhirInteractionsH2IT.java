package se.vardbrygga.adapter.it;

import se.vardbrygga.adapter.config.AdapterConfig;

/** The interaction contract on the embedded H2 file database. */
class FhirInteractionsH2IT extends FhirInteractionsContract {
    @Override
    AdapterConfig.Database database() {
        return TestDatabases.h2();
    }
}
