package se.vardbrygga.adapter.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurableUrlTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:h2:file:./data/x|jdbc:h2:file:./data/x;WRITE_DELAY=0",
            "jdbc:h2:./data/x;MODE=PostgreSQL|jdbc:h2:./data/x;MODE=PostgreSQL;WRITE_DELAY=0",
            "jdbc:h2:file:./data/x;write_delay=100|jdbc:h2:file:./data/x;write_delay=100",
            "jdbc:h2:mem:x|jdbc:h2:mem:x",
            "jdbc:postgresql://db/vb|jdbc:postgresql://db/vb"})
    void When_H2FileWithoutWriteDelay_Expect_CommitsWrittenAtOnce(String url, String expected) {
        assertThat(JdbcResourceStore.durableUrl(url)).isEqualTo(expected);
    }
}
