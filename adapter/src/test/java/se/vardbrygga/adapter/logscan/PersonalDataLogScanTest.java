package se.vardbrygga.adapter.logscan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataLogScanTest {
    @Test
    void When_LineHasAValidPersonnummerOrSamordningsnummer_Expect_Found() {
        assertThat(PersonalDataLogScan.containsPersonalNumber("patient 191212121212 admitted")).isTrue();
        assertThat(PersonalDataLogScan.containsPersonalNumber("pnr=121212-1212")).isTrue();
        assertThat(PersonalDataLogScan.containsPersonalNumber("id 194403279823,")).isTrue();
        assertThat(PersonalDataLogScan.containsPersonalNumber("samordningsnummer 197010632391")).isTrue();
    }

    @Test
    void When_LineHasOtherNumbers_Expect_NotFound() {
        assertThat(PersonalDataLogScan.containsPersonalNumber("a wrong check digit 191212121213")).isFalse();
        assertThat(PersonalDataLogScan.containsPersonalNumber("unit SE2321009918-VB1012, org 232100-9918")).isFalse();
        assertThat(PersonalDataLogScan.containsPersonalNumber("took 1764072000000 ms, at 12:01:02.345")).isFalse();
        assertThat(PersonalDataLogScan.containsPersonalNumber("ten digits without separator 1212121212")).isFalse();
    }
}
