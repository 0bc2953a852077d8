package se.vardbrygga.adapter.it;

import se.vardbrygga.adapter.config.AdapterConfig;

/** The service-purchase contract on the embedded H2 file database. */
class ServicePurchaseH2IT extends ServicePurchaseContract {
    @Override
    AdapterConfig.Database database() {
        return TestDatabases.h2();
    }
}
