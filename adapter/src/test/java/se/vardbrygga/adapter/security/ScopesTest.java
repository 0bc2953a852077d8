package se.vardbrygga.adapter.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScopesTest {
    @Test
    void When_SmartV2Letters_Expect_OnlyThoseInteractionsOnThatType() {
        Scopes scopes = Scopes.parse("system/Task.rs system/Communication.c");
        assertThat(scopes.allow("Task", Scopes.Interaction.READ)).isTrue();
        assertThat(scopes.allow("Task", Scopes.Interaction.SEARCH)).isTrue();
        assertThat(scopes.allow("Task", Scopes.Interaction.UPDATE)).isFalse();
        assertThat(scopes.allow("Communication", Scopes.Interaction.CREATE)).isTrue();
        assertThat(scopes.allow("Communication", Scopes.Interaction.READ)).isFalse();
        assertThat(scopes.allow("Patient", Scopes.Interaction.READ)).isFalse();
    }

    @Test
    void When_SmartV1FormsAndWildcard_Expect_TheirLetters() {
        Scopes scopes = Scopes.parse("system/*.read system/Task.write");
        assertThat(scopes.allow("Patient", Scopes.Interaction.SEARCH)).isTrue();
        assertThat(scopes.allow("Patient", Scopes.Interaction.CREATE)).isFalse();
        assertThat(scopes.allow("Task", Scopes.Interaction.UPDATE)).isTrue();
        assertThat(Scopes.parse("system/*.*").allow("Consent", Scopes.Interaction.DELETE)).isTrue();
    }

    @Test
    void When_UserOrPatientScopesOrGarbage_Expect_NothingGranted() {
        Scopes scopes = Scopes.parse("user/*.cruds patient/Task.rs system/Task.xyz openid system/");
        for (Scopes.Interaction i : Scopes.Interaction.values()) {
            assertThat(scopes.allow("Task", i)).isFalse();
        }
        assertThat(Scopes.parse(null).allow("Task", Scopes.Interaction.READ)).isFalse();
    }

    @Test
    void When_WildcardScope_Expect_NoAuditEventsOnlyAnAuditorsNamedScopeReadsThem() {
        assertThat(Scopes.parse("system/*.cruds").allow("AuditEvent", Scopes.Interaction.SEARCH)).isFalse();
        assertThat(Scopes.parse("system/*.*").allow("AuditEvent", Scopes.Interaction.READ)).isFalse();
        assertThat(Scopes.parse("system/AuditEvent.rs").allow("AuditEvent", Scopes.Interaction.SEARCH)).isTrue();
        assertThat(Scopes.ALL.allow("AuditEvent", Scopes.Interaction.READ)).as("a server run open").isTrue();
    }

    @Test
    void When_ClientAsksItsTokenEndpoint_Expect_OnlyScopesWithinItsRegistration() {
        Scopes registered = Scopes.parse("system/*.cruds system/Task.rs");
        assertThat(Scopes.parse("system/Task.cruds system/Patient.rs").within(registered)).isTrue();
        assertThat(Scopes.parse("system/*.rs").within(registered)).isTrue();
        assertThat(Scopes.parse("system/AuditEvent.rs").within(registered)).as("* does not cover the access log").isFalse();
        assertThat(Scopes.parse("system/*.rs").within(Scopes.parse("system/Task.cruds"))).isFalse();
        assertThat(Scopes.parse("system/Task.rs").within(Scopes.parse("system/Task.r"))).isFalse();
        assertThat(Scopes.parse("system/Task.read system/*.write").claim()).isEqualTo("system/Task.rs system/*.cud");
    }
}
