package se.vardbrygga.adapter.it;

import se.vardbrygga.adapter.config.AdapterConfig;

/** The service-purchase contract on a real PostgreSQL server. */
class ServicePurchasePostgresIT extends ServicePurchaseContract {
    @Override
    AdapterConfig.Database database() {
        return TestDatabases.postgres();
    }
}
