package se.vardbrygga.mappings.purchase;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The five regions' rule sets, read once from {@code regions/*.json} on the classpath or an operator's directory. */
public final class RegionRuleSets {
    public static final List<String> REGIONS = List.of("varmland", "vastmanland", "jamtland-harjedalen", "gavleborg", "vasterbotten");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, RegionRuleSet> byRegion = new LinkedHashMap<>();

    /** The built-in rule sets. */
    public RegionRuleSets() {
        this((Path) null);
    }

    /**
     * The rule sets, where {@code operatorDirectory} (may be null) holds an operator's own {@code <region>.json}: a
     * copy of the built-in file with the rate entries the agreement takes from outside (Försäkringskassan's amount,
     * VPI, the wage raise) added per year. A region without a file there keeps the built-in one.
     */
    public RegionRuleSets(Path operatorDirectory) {
        for (String region : REGIONS) {
            Path own = operatorDirectory == null ? null : operatorDirectory.resolve(region + ".json");
            boolean operators = own != null && Files.isRegularFile(own);
            String source = operators ? own.toString() : "regions/" + region + ".json";
            try (InputStream in = operators ? Files.newInputStream(own)
                    : RegionRuleSets.class.getResourceAsStream("/regions/" + region + ".json")) {
                RegionRuleSet rules = JSON.readValue(in, RegionRuleSet.class);
                if (!region.equals(rules.region())) {
                    throw new IllegalStateException(source + " names region " + rules.region());
                }
                byRegion.put(region, rules);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + source, e);
            }
        }
    }

    private RegionRuleSets(Map<String, RegionRuleSet> byRegion) {
        this.byRegion.putAll(byRegion);
    }

    /** These rule sets with an operator's rate entry for one region and year (tests, and operators' own entries). */
    public RegionRuleSets withRate(String region, int year, java.math.BigDecimal sek, String source) {
        Map<String, RegionRuleSet> copy = new LinkedHashMap<>(byRegion);
        copy.computeIfPresent(region, (k, rules) -> rules.withRate(year, sek, source));
        return new RegionRuleSets(copy);
    }

    public Optional<RegionRuleSet> of(String region) {
        return Optional.ofNullable(byRegion.get(region));
    }

    public List<RegionRuleSet> all() {
        return List.copyOf(byRegion.values());
    }
}
