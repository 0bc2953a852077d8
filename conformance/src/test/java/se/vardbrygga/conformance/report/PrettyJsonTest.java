package se.vardbrygga.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrettyJsonTest {

    @Test
    void When_MinifiedJson_Expect_IndentedWithStringsUntouched() {
        assertThat(PrettyJson.format("{\"a\":[1,{\"b\":\"x, {y}: \\\"z\\\"\"}],\"e\":{},\"f\":[]}"))
                .isEqualTo("{\n  \"a\": [\n    1,\n    {\n      \"b\": \"x, {y}: \\\"z\\\"\"\n    }\n  ],\n"
                        + "  \"e\": {},\n  \"f\": []\n}");
    }

    @Test
    void When_AlreadyPretty_Expect_SameIndentation() {
        assertThat(PrettyJson.format("{\n    \"a\" : true\n}")).isEqualTo("{\n  \"a\": true\n}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html>{}</html>", "[error] broken]", "{\"a\":1", "{\"a\":\"open}", "{} trailing", "plain"})
    void When_NotJson_Expect_Unchanged(String text) {
        assertThat(PrettyJson.format(text)).isEqualTo(text);
    }
}
