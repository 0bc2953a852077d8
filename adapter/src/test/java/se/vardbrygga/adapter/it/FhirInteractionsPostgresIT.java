package se.vardbrygga.adapter.it;

import se.vardbrygga.adapter.config.AdapterConfig;

/** The interaction contract on a real PostgreSQL server. */
class FhirInteractionsPostgresIT extends FhirInteractionsContract {
    @Override
    AdapterConfig.Database database() {
        return TestDatabases.postgres();
    }
}
