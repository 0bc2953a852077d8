package se.vardbrygga.mappings.purchase;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The five regions' rule sets, read once from {@code regions/*.json} on the classpath. */
public final class RegionRuleSets {
    public static final List<String> REGIONS = List.of("varmland", "vastmanland", "jamtland-harjedalen", "gavleborg", "vasterbotten");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, RegionRuleSet> byRegion = new LinkedHashMap<>();

    public RegionRuleSets() {
        for (String region : REGIONS) {
            try (InputStream in = RegionRuleSets.class.getResourceAsStream("/regions/" + region + ".json")) {
                RegionRuleSet rules = JSON.readValue(in, RegionRuleSet.class);
                if (!region.equals(rules.region())) {
                    throw new IllegalStateException("regions/" + region + ".json names region " + rules.region());
                }
                byRegion.put(region, rules);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read regions/" + region + ".json", e);
            }
        }
    }

    public Optional<RegionRuleSet> of(String region) {
        return Optional.ofNullable(byRegion.get(region));
    }

    public List<RegionRuleSet> all() {
        return List.copyOf(byRegion.values());
    }
}
