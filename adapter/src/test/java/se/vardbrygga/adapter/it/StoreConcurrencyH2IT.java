package se.vardbrygga.adapter.it;

import se.vardbrygga.adapter.config.AdapterConfig;

class StoreConcurrencyH2IT extends StoreConcurrencyContract {
    @Override
    AdapterConfig.Database database() {
        return TestDatabases.h2();
    }
}
