package se.vardbrygga.adapter.it;

import se.vardbrygga.adapter.config.AdapterConfig;

/** The routing contract on the embedded H2 file database (one node, two workers). */
class RoutingH2IT extends RoutingContract {
    @Override
    AdapterConfig.Database database() {
        return TestDatabases.h2();
    }

    @Override
    boolean nodesShareTheWork() {
        return false;
    }

    @Override
    int burst() {
        return 200;
    }
}
