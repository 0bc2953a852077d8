package se.vardbrygga.adapter.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import se.vardbrygga.adapter.search.Criterion.DateCondition;
import se.vardbrygga.adapter.search.Criterion.DatePrefix;
import se.vardbrygga.adapter.search.Criterion.ReferenceValue;
import se.vardbrygga.adapter.search.Criterion.TextMatch;
import se.vardbrygga.adapter.search.Criterion.TokenValue;

class SearchRequestParserTest {

    private final SearchRequestParser parser = new SearchRequestParser(SearchParamRegistry.standard());

    // ---- tokens -------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "urn:oid:1.2.752.29.4.13|T-1, urn:oid:1.2.752.29.4.13, false, T-1",
            "T-1,                         NULL,                    false, T-1",
            "|T-1,                        NULL,                    true,  T-1",
            "urn:oid:1.2.752.29.4.13|,    urn:oid:1.2.752.29.4.13, false, NULL",
            "a\\|b,                       NULL,                    false, a|b"})
    void When_TokenForm_Expect_SystemAndCodeSplitAtUnescapedBar(String value, String system, boolean requireNoSystem,
            String code) {
        Criterion.Tokens tokens = (Criterion.Tokens) single("Task", "identifier", value);

        assertThat(tokens.param()).isEqualTo("identifier");
        assertThat(tokens.negated()).isFalse();
        assertThat(tokens.anyOf()).containsExactly(new TokenValue(system, requireNoSystem, code));
    }

    @Test
    void When_CommaSeparatedValues_Expect_OneCriterionWithAlternatives() {
        Criterion.Tokens tokens = (Criterion.Tokens) single("Task", "status", "ready,completed");

        assertThat(tokens.anyOf()).containsExactly(
                new TokenValue(null, false, "ready"), new TokenValue(null, false, "completed"));
    }

    @Test
    void When_EscapedComma_Expect_NotASeparator() {
        Criterion.Tokens tokens = (Criterion.Tokens) single("Task", "identifier", "urn:sys|a\\,b");
        Criterion.Texts texts = (Criterion.Texts) single("Patient", "family", "Smith\\,Jones");

        assertThat(tokens.anyOf()).containsExactly(new TokenValue("urn:sys", false, "a,b"));
        assertThat(texts.anyOf()).containsExactly("smith,jones");
    }

    @Test
    void When_ParameterRepeated_Expect_TwoCriteria() {
        Map<String, String[]> params = params("status", "ready", "status", "completed");

        List<Criterion> criteria = parser.parse("Task", params, false).query().criteria();

        assertThat(criteria).containsExactly(
                new Criterion.Tokens("status", List.of(new TokenValue(null, false, "ready")), false),
                new Criterion.Tokens("status", List.of(new TokenValue(null, false, "completed")), false));
    }

    @Test
    void When_NotModifierOnToken_Expect_Negated() {
        Criterion.Tokens tokens = (Criterion.Tokens) single("Task", "status:not", "cancelled");

        assertThat(tokens.param()).isEqualTo("status");
        assertThat(tokens.negated()).isTrue();
        assertThat(tokens.anyOf()).containsExactly(new TokenValue(null, false, "cancelled"));
    }

    @ParameterizedTest
    @CsvSource({"Task, status:exact, ready", "Task, owner:identifier, x|1", "Task, authored-on:missing, true",
            "Patient, name:phonetic, Smith", "Task, _id:not, x", "Task, _lastUpdated:missing, true"})
    void When_UnsupportedModifier_Expect_400NamingItUnlessLenient(String type, String key, String value) {
        assertInvalid(() -> parser.parse(type, params(key, value), false), key);

        assertThat(parser.parse(type, params(key, value), true).query().criteria()).isEmpty();
    }

    @Test
    void When_UnknownParameterWithEmptyValue_Expect_400AllTheSame() {
        assertInvalid(() -> parser.parse("Task", params("colour", ""), false), "colour");
    }

    // ---- paging, sort, summary ----------------------------------------------------------------

    @Test
    void When_NoResultParameters_Expect_Defaults() {
        SearchRequest request = parser.parse("Task", params(), false);

        assertThat(request.query().count()).isEqualTo(SearchRequestParser.DEFAULT_PAGE_SIZE);
        assertThat(request.query().offset()).isZero();
        assertThat(request.query().sort()).isEqualTo(SearchQuery.Sort.INSERTION);
        assertThat(request.countOnly()).isFalse();
        assertThat(request.includes()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"7, 7", "' 42 ', 42", "500, 500", "501, 500", "100000, 500"})
    void When_Count_Expect_ClampedToMaxPageSize(String raw, int expected) {
        SearchRequest request = parser.parse("Task", params("_count", raw), false);

        assertThat(request.query().count()).isEqualTo(expected);
        assertThat(request.countOnly()).isFalse();
    }

    @Test
    void When_CountZero_Expect_CountOnly() {
        SearchRequest request = parser.parse("Task", params("_count", "0"), false);

        assertThat(request.countOnly()).isTrue();
        assertThat(request.query().count()).isZero();
    }

    @Test
    void When_SummaryCount_Expect_CountOnly() {
        assertThat(parser.parse("Task", params("_summary", "count"), false).countOnly()).isTrue();
        assertThat(parser.parse("Task", params("_summary", "false"), false).countOnly()).isFalse();
    }

    @Test
    void When_SummaryUnknown_Expect_400() {
        assertInvalid(() -> parser.parse("Task", params("_summary", "everything"), false), "_summary");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "abc", "1.5", "", "99999999999"})
    void When_CountNotANonNegativeInteger_Expect_400(String raw) {
        assertInvalid(() -> parser.parse("Task", params("_count", raw), false), "_count");
    }

    @Test
    void When_Offset_Expect_ItInQueryAndNegativeIs400() {
        assertThat(parser.parse("Task", params("_offset", "40"), false).query().offset()).isEqualTo(40);
        assertInvalid(() -> parser.parse("Task", params("_offset", "-3"), false), "_offset");
    }

    @ParameterizedTest
    @CsvSource({"_lastUpdated, LAST_UPDATED_ASC", "-_lastUpdated, LAST_UPDATED_DESC"})
    void When_SortOnLastUpdated_Expect_Direction(String raw, SearchQuery.Sort expected) {
        assertThat(parser.parse("Task", params("_sort", raw), false).query().sort()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "_id", "-authored-on", "_lastUpdated,status"})
    void When_SortOnOtherField_Expect_400(String raw) {
        assertInvalid(() -> parser.parse("Task", params("_sort", raw), false), "_sort");
    }

    @Test
    void When_FormatAndPrettyAndElementsAndTotal_Expect_NoCriteriaAndNoError() {
        Map<String, String[]> params = params("_format", "json", "_pretty", "true", "_elements", "id",
                "_total", "accurate");

        assertThat(parser.parse("Task", params, false).query().criteria()).isEmpty();
    }

    // ---- unknown parameters -------------------------------------------------------------------

    @Test
    void When_UnknownParameter_Expect_400NamingIt() {
        InvalidRequestException e = assertInvalid(() -> parser.parse("Task", params("colour", "red"), false), "colour");

        assertThat(e.getMessage()).contains("'colour'").contains("Task");
    }

    @Test
    void When_ParameterOfAnotherType_Expect_400() {
        // status is a Task parameter, not a Patient one
        assertInvalid(() -> parser.parse("Patient", params("status", "active"), false), "status");
    }

    @Test
    void When_UnknownParameterAndLenient_Expect_IgnoredAndOthersKept() {
        SearchRequest request = parser.parse("Task", params("colour", "red", "status", "ready"), true);

        assertThat(request.query().criteria()).containsExactly(
                new Criterion.Tokens("status", List.of(new TokenValue(null, false, "ready")), false));
    }

    // ---- strings ------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"name, Västerås, vasteras, STARTS_WITH", "name:exact, Västerås, Västerås, EXACT",
            "name:contains, ÅSTRÖM, astrom, CONTAINS", "given, Märta, marta, STARTS_WITH"})
    void When_StringSearch_Expect_NormalizedUnlessExact(String key, String value, String expected, TextMatch match) {
        Criterion.Texts texts = (Criterion.Texts) single("Patient", key, value);

        assertThat(texts.param()).isEqualTo(key.split(":")[0]);
        assertThat(texts.match()).isEqualTo(match);
        assertThat(texts.anyOf()).containsExactly(expected);
    }

    // ---- references ---------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "patient,         Patient/1,                  patient, Patient, 1",
            "patient,         1,                          patient, NULL,    1",
            "subject:Patient, 1,                          subject, Patient, 1",
            "subject:Patient, Patient/1,                  subject, Patient, 1",
            "subject,         http://host/fhir/Group/7,   subject, Group,   7",
            "patient,         Patient/1/_history/3,       patient, Patient, 1"})
    void When_ReferenceForm_Expect_TypeAndId(String key, String value, String param, String type, String id) {
        Criterion.References refs = (Criterion.References) single("Task", key, value);

        assertThat(refs.param()).isEqualTo(param);
        assertThat(refs.anyOf()).containsExactly(new ReferenceValue(type, id));
    }

    @Test
    void When_ReferenceTypeContradictsModifier_Expect_400() {
        InvalidRequestException e = assertInvalid(
                () -> parser.parse("Task", params("subject:Patient", "Group/1"), false), "subject:Patient");

        assertThat(e.getMessage()).contains("Group/1");
    }

    @Test
    void When_ReferenceWithSlashUnparseable_Expect_400() {
        assertInvalid(() -> parser.parse("Task", params("patient", "patient/1"), false), "patient");
    }

    // ---- dates --------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"ge2026-11-25, GE", "lt2026-11-25, LT", "eq2026-11-25, EQ", "sa2026-11-25, SA",
            "eb2026-11-25, EB", "ap2026-11-25, AP", "2026-11-25, EQ"})
    void When_DatePrefix_Expect_PrefixAndRangeOfTheDay(String value, DatePrefix prefix) {
        long[] day = DateRanges.parse("2026-11-25");

        Criterion.Dates dates = (Criterion.Dates) single("Task", "authored-on", value);

        assertThat(dates.param()).isEqualTo("authored-on");
        assertThat(dates.anyOf()).containsExactly(new DateCondition(prefix, day[0], day[1]));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xx2026-11-25", "2026-13-45", "ge2026-02-30", "tomorrow", "ge"})
    void When_BadDatePrefixOrDate_Expect_400(String value) {
        InvalidRequestException e = assertInvalid(
                () -> parser.parse("Task", params("authored-on", value), false), "authored-on");

        assertThat(e.getMessage()).contains(value);
    }

    // ---- _include -----------------------------------------------------------------------------

    @Test
    void When_IncludeFocus_Expect_FocusParameterWithAnyTarget() {
        List<SearchParamDef> includes = parser.parse("Task", params("_include", "Task:focus"), false).includes();

        assertThat(includes).singleElement().satisfies(def -> {
            assertThat(def.name()).isEqualTo("focus");
            assertThat(def.type()).isEqualTo(SearchParamType.REFERENCE);
            assertThat(def.targetTypes()).isEmpty();
        });
    }

    @ParameterizedTest
    @CsvSource({"Task:patient, patient", "Task:subject:Patient, subject"})
    void When_IncludeRestrictedToPatient_Expect_TargetPatient(String raw, String name) {
        List<SearchParamDef> includes = parser.parse("Task", params("_include", raw), false).includes();

        assertThat(includes).singleElement().satisfies(def -> {
            assertThat(def.name()).isEqualTo(name);
            assertThat(def.targetTypes()).containsExactly("Patient");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"Task:nonsense", "Task:status", "Patient:focus", "Task:focus:Patient:x", "*", "Task"})
    void When_IncludeUnsupported_Expect_400UnlessLenient(String raw) {
        assertInvalid(() -> parser.parse("Task", params("_include", raw), false), "_include");

        assertThat(parser.parse("Task", params("_include", raw), true).includes()).isEmpty();
    }

    // ---- _id, _lastUpdated, conditional criteria -----------------------------------------------

    @Test
    void When_Id_Expect_IdsCriterion() {
        assertThat(single("Task", "_id", "a,b")).isEqualTo(new Criterion.Ids(List.of("a", "b")));
    }

    @Test
    void When_LastUpdatedWithPrefix_Expect_LastUpdatedCriterion() {
        long[] day = DateRanges.parse("2026-01-01");

        Criterion criterion = single("Task", "_lastUpdated", "ge2026-01-01");

        assertThat(criterion).isEqualTo(
                new Criterion.LastUpdated(List.of(new DateCondition(DatePrefix.GE, day[0], day[1]))));
    }

    @Test
    void When_LastUpdatedUnparseable_Expect_400() {
        assertInvalid(() -> parser.parse("Task", params("_lastUpdated", "gt-yesterday"), false), "_lastUpdated");
    }

    @Test
    void When_ParseCriteriaWithCriterion_Expect_It() {
        List<Criterion> criteria = parser.parseCriteria("Patient", params("identifier", "urn:pnr|191212121212"));

        assertThat(criteria).containsExactly(new Criterion.Tokens("identifier",
                List.of(new TokenValue("urn:pnr", false, "191212121212")), false));
    }

    @Test
    void When_ParseCriteriaWithoutCriteria_Expect_400() {
        assertInvalid(() -> parser.parseCriteria("Patient", params()), "If-None-Exist");
        assertInvalid(() -> parser.parseCriteria("Patient", params("_count", "1")), "If-None-Exist");
    }

    @Test
    void When_ParseCriteriaWithUnknownParameter_Expect_400EvenThoughLenientExists() {
        assertInvalid(() -> parser.parseCriteria("Patient", params("colour", "red")), "colour");
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** Name/value pairs as HAPI hands them over; a repeated name collects its values in order. */
    private static Map<String, String[]> params(String... nameValuePairs) {
        Map<String, List<String>> collected = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            collected.computeIfAbsent(nameValuePairs[i], k -> new ArrayList<>()).add(nameValuePairs[i + 1]);
        }
        Map<String, String[]> out = new LinkedHashMap<>();
        collected.forEach((k, v) -> out.put(k, v.toArray(String[]::new)));
        return out;
    }

    private Criterion single(String type, String key, String value) {
        List<Criterion> criteria = parser.parse(type, params(key, value), false).query().criteria();
        assertThat(criteria).hasSize(1);
        return criteria.get(0);
    }

    /** Asserts a 400 whose OperationOutcome issue names {@code expression}; returns the exception. */
    private static InvalidRequestException assertInvalid(ThrowingCallable call, String expression) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, call);
        assertThat(e).as("expected InvalidRequestException").isNotNull();
        assertThat(e.getStatusCode()).isEqualTo(400);
        OperationOutcome outcome = (OperationOutcome) e.getOperationOutcome();
        assertThat(outcome.getIssue()).singleElement().satisfies(issue -> {
            assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
            assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.INVALID);
            assertThat(issue.getExpression()).extracting(StringType::getValue).containsExactly(expression);
        });
        return e;
    }
}
