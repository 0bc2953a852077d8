package se.vardbrygga.adapter.it;

import se.vardbrygga.adapter.config.AdapterConfig;

/** The routing contract on the embedded H2 file database (two nodes in one JVM share the file). */
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
