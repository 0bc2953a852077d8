package se.vardbrygga.adapter.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import se.vardbrygga.adapter.store.JdbcResourceStore;

class PostgresSmokeIT {
    @Test
    void When_PostgresStarted_Expect_MigratedAndReachable() {
        try (JdbcResourceStore store = JdbcResourceStore.open(TestDatabases.postgres())) {
            assertThat(store.isReachable()).isTrue();
        }
    }
}
