package com.example.crm.platform.testing;

import com.example.crm.platform.config.PlatformConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link PlatformConfig} for tests that build platform beans by hand: the mapping's own defaults, a test event
 * source and schema, and the given {@code crm.*} overrides (e.g. {@code "crm.outbox.poll-interval", "500ms"}).
 */
public final class TestPlatformConfig {

    private TestPlatformConfig() {
    }

    public static PlatformConfig with(String... keysAndValues) {
        Map<String, String> values = new HashMap<>(Map.of("crm.event-source", "/crm/platform-test", "crm.schema", "platform"));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(PlatformConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter()) // Quarkus' "500ms", "5m" form
                .withDefaultValues(values).build();
        return config.getConfigMapping(PlatformConfig.class);
    }
}
