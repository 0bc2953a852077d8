package se.vardbrygga.adapter.it;

import se.vardbrygga.adapter.config.AdapterConfig;

/** The routing contract on a real PostgreSQL server: two nodes, a burst of 1,000. */
class RoutingPostgresIT extends RoutingContract {
    @Override
    AdapterConfig.Database database() {
        return TestDatabases.postgres();
    }

    @Override
    boolean nodesShareTheWork() {
        return true;
    }

    @Override
    int burst() {
        return 1000;
    }
}
