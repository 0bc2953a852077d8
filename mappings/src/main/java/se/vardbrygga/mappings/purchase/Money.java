package se.vardbrygga.mappings.purchase;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An amount in whole öre: exact, never floating point. Rounding to öre is half-up, once, at the end of a price. */
public record Money(long ore) implements Comparable<Money> {
    public static final Money ZERO = new Money(0);

    public static Money sek(BigDecimal sek) {
        return new Money(sek.setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValueExact());
    }

    public static Money sek(String sek) {
        return sek(new BigDecimal(sek));
    }

    public BigDecimal toSek() {
        return BigDecimal.valueOf(ore, 2);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(ore, other.ore));
    }

    public Money negate() {
        return new Money(Math.negateExact(ore));
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(ore, other.ore);
    }

    @Override
    public String toString() {
        return toSek().toPlainString() + " SEK";
    }
}
