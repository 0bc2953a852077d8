package se.vardbrygga.adapter.it;

import se.vardbrygga.adapter.config.AdapterConfig;

class StoreConcurrencyPostgresIT extends StoreConcurrencyContract {
    @Override
    AdapterConfig.Database database() {
        return TestDatabases.postgres();
    }
}
